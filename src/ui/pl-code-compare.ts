import { LitElement, css, html } from 'lit';

/**
 * The lesson's Python beside the JavaScript the lab actually runs.
 *
 * @csspart code - each code block.
 */
export class PlCodeCompare extends LitElement {
  static properties = {
    python: { type: String },
    javascript: { type: String },
    pythonHeading: { type: String, attribute: 'python-heading' },
    javascriptHeading: { type: String, attribute: 'javascript-heading' },
  };

  python = '';
  javascript = '';
  /** The heading above the Python. */
  pythonHeading = 'Python (the lesson)';
  /** The heading above the JavaScript. */
  javascriptHeading = 'JavaScript (what this page runs)';

  static styles = css`
    :host {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
      gap: 1rem;
    }
    h4 {
      margin: 0 0 0.25rem;
      font-size: 0.95rem;
    }
    pre {
      margin: 0;
      padding: 0.75rem;
      background: #0f172a;
      color: #e2e8f0;
      border-radius: 6px;
      overflow-x: auto;
      font-family: var(--pl-mono, monospace);
      font-size: 0.85rem;
      line-height: 1.45;
    }
  `;

  render() {
    return html`<div>
        <h4>${this.pythonHeading}</h4>
        <pre part="code"><code>${this.python}</code></pre>
      </div>
      <div>
        <h4>${this.javascriptHeading}</h4>
        <pre part="code"><code>${this.javascript}</code></pre>
      </div>`;
  }
}

customElements.define('pl-code-compare', PlCodeCompare);

declare global {
  interface HTMLElementTagNameMap {
    'pl-code-compare': PlCodeCompare;
  }
}
