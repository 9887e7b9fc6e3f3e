import { LitElement, css, html, nothing } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { isDemoId, type DemoId } from '../core/run-result';
import type { ServiceWorkerStatus } from '../runtime/service-worker-client';
import { DEMOS } from './demos';
import { define } from './define';
import { theme } from './shared/theme';
import './pl-environment-panel';

/** What the app needs of every demo element: a way to stop its run when the visitor leaves it. */
type DemoElement = HTMLElement & { stop(): void };

/** URL parameters that concern the whole page, kept when the visitor changes demo. */
const PAGE_PARAMS = ['sw'];

/**
 * The lab's page: a tab per demo, the environment panel, and the chosen demo.
 * `?demo=ID` picks the demo; the demo reads its own parameters from the URL.
 * A demo, once shown, stays on the page while hidden, keeping its settings
 * and results; leaving it stops its run, so two demos never measure at once.
 */
export class PlApp extends LitElement {
  static override get properties() {
    return {
      demo: { type: String, reflect: true },
      serviceWorker: { attribute: false },
      unknownDemo: { state: true },
    };
  }

  /** The demo shown. */
  demo: DemoId;
  /** How the service worker started (set by main.ts). */
  serviceWorker?: ServiceWorkerStatus;
  /** A `?demo=` value that names no demo, to say so. */
  private unknownDemo = '';
  /** The demos shown so far: their elements are kept. */
  private readonly visited = new Set<DemoId>();

  constructor() {
    super();
    const requested = new URLSearchParams(location.search).get('demo');
    this.demo = isDemoId(requested) ? requested : 'cpu';
    if (requested !== null && !isDemoId(requested)) this.unknownDemo = requested;
  }

  static override styles = [
    theme,
    css`
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
        color: var(--_pl-muted);
      }
      [role='tablist'] {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
        border-bottom: 2px solid var(--_pl-border);
        margin-bottom: 1rem;
      }
      [role='tab'] {
        font: inherit;
        border: 1px solid var(--_pl-border);
        border-bottom: none;
        background: var(--_pl-bg);
        padding: 0.5rem 1rem;
        border-radius: 6px 6px 0 0;
        cursor: pointer;
        color: var(--_pl-text);
      }
      [role='tab'][aria-selected='true'] {
        background: var(--_pl-surface);
        border-color: var(--_pl-accent);
        color: var(--_pl-accent);
        font-weight: 600;
      }
      [role='tab'] small {
        display: block;
        font-weight: normal;
        color: var(--_pl-muted);
      }
      /* On a phone the three tabs share one row; each demo's heading, just below, says what it is about. */
      @media (max-width: 40rem) {
        [role='tablist'] {
          flex-wrap: nowrap;
        }
        [role='tab'] {
          flex: 1 1 0;
          min-width: 0;
          padding: 0.5rem 0.25rem;
        }
        [role='tab'] small {
          display: none;
        }
      }
      .notice {
        background: var(--_pl-note-bg);
        border-left: 4px solid var(--_pl-warn);
        padding: 0.5rem 0.75rem;
      }
      footer {
        margin-top: 2rem;
        color: var(--_pl-muted);
        font-size: 0.9rem;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onPopState);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
  }

  /** Shows demo `id`, stopping the one left; a new entry in the history, so Back returns to it. */
  private select(id: DemoId): void {
    if (id === this.demo) return;
    this.show(id);
    // The other parameters (and autorun) were meant for the demo the page opened with, not for this one.
    const url = new URL(location.href);
    const kept = new URLSearchParams();
    kept.set('demo', id);
    for (const name of PAGE_PARAMS) if (url.searchParams.has(name)) kept.set(name, url.searchParams.get(name)!);
    url.search = kept.toString();
    history.pushState(null, '', url);
  }

  private show(id: DemoId): void {
    this.renderRoot.querySelector<DemoElement>(`#panel-${this.demo} > *`)?.stop();
    this.demo = id;
    this.unknownDemo = '';
  }

  /** Back and Forward move between the demos visited. */
  private onPopState = (): void => {
    const requested = new URLSearchParams(location.search).get('demo');
    this.show(isDemoId(requested) ? requested : DEMOS[0].id);
  };

  private onTabKey(event: KeyboardEvent): void {
    const index = DEMOS.findIndex((d) => d.id === this.demo);
    const target: Record<string, number> = {
      ArrowRight: (index + 1) % DEMOS.length,
      ArrowLeft: (index - 1 + DEMOS.length) % DEMOS.length,
      Home: 0,
      End: DEMOS.length - 1,
    };
    if (!(event.key in target)) return;
    event.preventDefault();
    const next = DEMOS[target[event.key]];
    this.select(next.id);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${next.id}`)?.focus());
  }

  override render() {
    const current = DEMOS.find((d) => d.id === this.demo) ?? DEMOS[0];
    if (!this.visited.has(current.id)) {
      this.visited.add(current.id);
      // Each demo's code loads when the demo is first shown; its element upgrades then.
      void current.load();
    }
    document.title = `${current.title}: ${current.summary} — Parallel Lab`;
    return html`
      <header>
        <h1>Parallel Lab</h1>
        <p>When do threads make code faster? Run the experiments in your own browser and see.</p>
      </header>
      <nav aria-label="Demos">
        <div role="tablist" aria-label="Demos" @keydown=${this.onTabKey}>
          ${DEMOS.map(
            (d) =>
              html`<button
                role="tab"
                id="tab-${d.id}"
                aria-selected=${d.id === current.id}
                aria-controls="panel-${d.id}"
                tabindex=${d.id === current.id ? 0 : -1}
                @click=${() => this.select(d.id)}
              >
                ${d.title}<small>${d.summary}</small>
              </button>`,
          )}
        </div>
      </nav>
      ${
        this.unknownDemo
          ? html`<p class="notice" role="status">There is no demo called "${this.unknownDemo}": here is ${current.title}.</p>`
          : ''
      }
      <main>
        ${DEMOS.map(
          // Every panel keeps its place, and a demo's element, once made, is never replaced: it keeps its settings and results.
          (d) =>
            html`<section id="panel-${d.id}" role="tabpanel" aria-labelledby="tab-${d.id}" ?hidden=${d.id !== current.id}>
              ${this.visited.has(d.id) ? staticHtml`<${unsafeStatic(d.tag)} url-params></${unsafeStatic(d.tag)}>` : nothing}
            </section>`,
        )}
      </main>
      <pl-environment-panel .serviceWorker=${this.serviceWorker}></pl-environment-panel>
      <footer>
        Everything runs in this browser, and nothing is sent anywhere, except the requests to addresses you enter yourself in the
        Waiting demo. Timings depend on this device, this browser and what else it is doing: run again and compare.
      </footer>
    `;
  }
}

define('pl-app', PlApp);

declare global {
  interface HTMLElementTagNameMap {
    'pl-app': PlApp;
  }
}
