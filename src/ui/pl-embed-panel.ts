import { LitElement, css, html } from 'lit';
import { define } from './define';
import { demoStyles } from './shared/styles';

/** A demo element as the panel reads it: its tag and its settings as typed. */
export type EmbeddableDemo = HTMLElement & { readonly settings: Record<string, string> };

/**
 * An attribute value written safely between double quotes. A bidi control is
 * written as a character reference, which means the same: shown as itself,
 * it would turn the rest of the snippet's line around on screen.
 */
function attributeValue(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/\p{Bidi_Control}/gu, (c) => `&#x${c.codePointAt(0)!.toString(16).toUpperCase()};`);
}

/** The frame snippet: the lab's embed page showing this demo with these settings, and the helper that sizes it. */
export function frameSnippet(labRoot: string, demoId: string, title: string, settings: Record<string, string>): string {
  const src = new URL('embed.html', labRoot);
  src.search = new URLSearchParams({ demo: demoId, ...settings }).toString();
  return [
    `<iframe src="${attributeValue(src.href)}" data-parallel-lab`,
    `  allow="cross-origin-isolated" title="${attributeValue(title)}"`,
    `  style="width: 100%; border: 0"></iframe>`,
    `<script type="module" src="${attributeValue(new URL('lib/embed.js', labRoot).href)}"></script>`,
  ].join('\n');
}

/** The element snippet: the library, copied to the course site, and the demo's element with these settings. */
export function elementSnippet(tag: string, settings: Record<string, string>): string {
  const attributes = Object.entries(settings).map(([name, value]) => ` ${name}="${attributeValue(value)}"`);
  return [
    `<!-- parallel-lab.js and the files beside it, copied from the lab's lib/ folder to your site -->`,
    `<script type="module" src="/lab/parallel-lab.js"></script>`,
    `<${tag}${attributes.join('')}></${tag}>`,
  ].join('\n');
}

/**
 * "Put this demo in your page": the two snippets, a frame and an element,
 * for the demo on screen with its settings as typed now, each with a Copy
 * button. They follow the demo as the visitor changes its fields.
 */
export class PlEmbedPanel extends LitElement {
  static override get properties() {
    return {
      demo: { attribute: false },
      demoId: { type: String, attribute: 'demo-id' },
      heading: { type: String },
      copied: { state: true },
    };
  }

  /** The demo element whose settings the snippets carry. */
  demo?: EmbeddableDemo;
  /** Its id, as `?demo=` names it. */
  demoId = '';
  /** Its title, for the frame's accessible name. */
  heading = '';
  private copied = '';

  // The demos' own buttons, fields and code blocks, and a box that opens.
  static override styles = [
    demoStyles,
    css`
      details {
        background: var(--_pl-surface);
        border: 1px solid var(--_pl-border);
        border-radius: var(--_pl-radius);
        padding: 0.75rem 1rem;
        margin-top: 1rem;
      }
      summary {
        cursor: pointer;
        font-weight: 600;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    // Typing in any field of the demo changes its settings: keep the snippets in step. Listening as the event
    // bubbles, after the demo's own handler took the new value (a capturing listener would read the old one).
    document.addEventListener('input', this.refresh);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('input', this.refresh);
  }

  private refresh = (): void => this.requestUpdate();

  private async copy(which: string, text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.copied = `${which} copied.`;
    } catch {
      this.copied = `This browser did not allow copying: select the ${which.toLowerCase()} and copy it by hand.`;
    }
  }

  override render() {
    // Until the demo's code has loaded, its element has no settings yet.
    const settings = this.demo?.settings;
    if (!this.demo || !settings) return html``;
    const labRoot = new URL('./', location.href).href;
    const frame = frameSnippet(labRoot, this.demoId, `Parallel Lab: ${this.heading}`, settings);
    const element = elementSnippet(this.demo.localName, settings);
    return html`<details part="panel" data-field="embed">
      <summary>Put this demo in your own page</summary>
      <p>
        A frame works from any site; the element needs the lab's <code>lib/</code> folder copied to yours. Both carry the settings
        as they are now. For the shared-counter demo's workers, the page must be cross-origin isolated: see the README's
        "Embedding".
      </p>
      <h4>A frame</h4>
      <pre tabindex="0" role="region" aria-label="Frame snippet" data-field="frame-snippet"><code>${frame}</code></pre>
      <button type="button" @click=${() => void this.copy('Frame snippet', frame)}>Copy the frame</button>
      <h4>An element</h4>
      <pre tabindex="0" role="region" aria-label="Element snippet" data-field="element-snippet"><code>${element}</code></pre>
      <button type="button" @click=${() => void this.copy('Element snippet', element)}>Copy the element</button>
      <p role="status">${this.copied}</p>
    </details>`;
  }
}

define('pl-embed-panel', PlEmbedPanel);

declare global {
  interface HTMLElementTagNameMap {
    'pl-embed-panel': PlEmbedPanel;
  }
}
