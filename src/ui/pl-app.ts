import { LitElement, css, html } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import type { DemoId } from '../core/run-result';
import type { ServiceWorkerStatus } from '../runtime/service-worker-client';
import { DEMOS, isDemoId } from './demos';
import './pl-environment-panel';
import './pl-cpu-demo';
import './pl-io-demo';
import './pl-locks-demo';

/**
 * The lab's page: a tab per demo, the environment panel, and the chosen demo.
 * `?demo=ID` picks the demo; the demo reads its own parameters from the URL.
 */
export class PlApp extends LitElement {
  static properties = {
    demo: { type: String, reflect: true },
    serviceWorker: { attribute: false },
  };

  /** The demo shown. */
  demo: DemoId;
  /** How the service worker started (set by main.ts). */
  serviceWorker?: ServiceWorkerStatus;

  constructor() {
    super();
    const requested = new URLSearchParams(location.search).get('demo');
    this.demo = isDemoId(requested) ? requested : 'cpu';
  }

  static styles = css`
    :host {
      display: block;
      max-width: 1100px;
      margin: 0 auto;
      padding: 1rem;
    }
    header h1 {
      margin: 0 0 0.25rem;
      font-size: 1.6rem;
    }
    header p {
      margin: 0 0 1rem;
      color: var(--pl-muted);
    }
    [role='tablist'] {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      border-bottom: 2px solid var(--pl-border);
      margin-bottom: 1rem;
    }
    [role='tab'] {
      font: inherit;
      border: 1px solid var(--pl-border);
      border-bottom: none;
      background: var(--pl-bg);
      padding: 0.5rem 1rem;
      border-radius: 6px 6px 0 0;
      cursor: pointer;
      color: var(--pl-text);
    }
    [role='tab'][aria-selected='true'] {
      background: var(--pl-surface);
      border-color: var(--pl-accent);
      color: var(--pl-accent);
      font-weight: 600;
    }
    [role='tab'] small {
      display: block;
      font-weight: normal;
      color: var(--pl-muted);
    }
    footer {
      margin-top: 2rem;
      color: var(--pl-muted);
      font-size: 0.9rem;
    }
  `;

  private select(id: DemoId): void {
    this.demo = id;
    const url = new URL(location.href);
    url.searchParams.set('demo', id);
    history.replaceState(null, '', url);
  }

  private onTabKey(event: KeyboardEvent): void {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const index = DEMOS.findIndex((d) => d.id === this.demo);
    const next = DEMOS[(index + step + DEMOS.length) % DEMOS.length];
    this.select(next.id);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${next.id}`)?.focus());
  }

  render() {
    const current = DEMOS.find((d) => d.id === this.demo) ?? DEMOS[0];
    return html`
      <header>
        <h1>Parallel Lab</h1>
        <p>When do threads make code faster? Run the experiments in your own browser and see.</p>
      </header>
      <nav role="tablist" aria-label="Demos" @keydown=${this.onTabKey}>
        ${DEMOS.map(
          (d) =>
            html`<button
              role="tab"
              id="tab-${d.id}"
              aria-selected=${d.id === current.id}
              aria-controls="panel"
              tabindex=${d.id === current.id ? 0 : -1}
              @click=${() => this.select(d.id)}
            >
              ${d.title}<small>${d.summary}</small>
            </button>`,
        )}
      </nav>
      <main id="panel" role="tabpanel" aria-labelledby="tab-${current.id}">
        ${staticHtml`<${unsafeStatic(current.tag)}></${unsafeStatic(current.tag)}>`}
      </main>
      <pl-environment-panel .serviceWorker=${this.serviceWorker}></pl-environment-panel>
      <footer>
        Everything runs in this browser; nothing is sent anywhere. Timings depend on this device, this browser and what else it is
        doing: run again and compare.
      </footer>
    `;
  }
}

customElements.define('pl-app', PlApp);

declare global {
  interface HTMLElementTagNameMap {
    'pl-app': PlApp;
  }
}
