import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

type StyleProperties = Readonly<Record<string, string>>;

/**
 * Sets an element's inline style properties through the CSSOM, never as a
 * `style` attribute: the built site's Content-Security-Policy (style-src
 * without 'unsafe-inline') blocks style attributes, and Lit's `styleMap`
 * writes one on its first render (lit/lit#4719). Pass the same property
 * names on every render: a name left out later keeps its last value.
 *
 * ```ts
 * html`<div class="bar" ${cssomStyle({ width: `${percent}%` })}></div>`
 * ```
 */
class CssomStyle extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('cssomStyle() belongs inside an element tag, not in a value');
  }

  // Lit takes the directive's arguments from render()'s parameters, and calls it only where there is no DOM (server
  // rendering, which the lab does not do).
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- see above
  render(_properties: StyleProperties) {
    return nothing;
  }

  override update(part: ElementPart, [properties]: [StyleProperties]) {
    const { style } = part.element as HTMLElement;
    for (const [name, value] of Object.entries(properties)) style.setProperty(name, value);
    return nothing;
  }
}

export const cssomStyle = directive(CssomStyle);
