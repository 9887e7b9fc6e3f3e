import { LitElement, css, html } from 'lit';
import { codeStyles } from './shared/styles';
import { define } from './define';

/**
 * The lesson's Python beside the JavaScript the lab actually runs.
 *
 * @csspart code - each code block.
 */
export class PlCodeCompare extends LitElement {
  static override get properties() {
    return {
      python: { type: String },
      javascript: { type: String },
      pythonHeading: { type: String, attribute: 'python-heading' },
      javascriptHeading: { type: String, attribute: 'javascript-heading' },
    };
  }

  python = '';
  javascript = '';
  /** The heading above the Python. */
  pythonHeading = 'Python (the lesson)';
  /** The heading above the JavaScript. */
  javascriptHeading = 'JavaScript (what this page runs)';

  static override styles = [
    codeStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
        gap: 1rem;
      }
      h4 {
        margin: 0 0 0.25rem;
        font-size: 0.95rem;
      }
    `,
  ];

  // Each block scrolls sideways when its lines are long: focusable, and named by its heading, so a keyboard can scroll it.
  override render() {
    return html`<div>
        <h4 id="python">${this.pythonHeading}</h4>
        <pre part="code" tabindex="0" role="region" aria-labelledby="python"><code>${this.python}</code></pre>
      </div>
      <div>
        <h4 id="javascript">${this.javascriptHeading}</h4>
        <pre part="code" tabindex="0" role="region" aria-labelledby="javascript"><code>${this.javascript}</code></pre>
      </div>`;
  }
}

define('pl-code-compare', PlCodeCompare);

declare global {
  interface HTMLElementTagNameMap {
    'pl-code-compare': PlCodeCompare;
  }
}
