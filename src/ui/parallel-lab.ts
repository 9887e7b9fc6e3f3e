import { LitElement, css, html, nothing } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { isDemoId, type DemoId, type RunResultBase } from '../core/run-result';
import { slimRun } from '../core/embed-protocol';
import type { ServiceWorkerStatus } from '../runtime/service-worker-client';
import { DEMOS, isPageId, type PageId } from './demos';
import type { RunnableDemo, SummaryHost } from './summary/pl-summary';
import { define } from './define';
import { unknownDemoNotice, wantsAutorun } from './url-params';
import { theme } from './shared/theme';
import './pl-environment-panel';
import './history/pl-run-history';
import type { EmbeddableDemo } from './pl-embed-panel';
import './pl-embed-panel';

/** What the app needs of every page's element: a way to stop its run when the visitor leaves it (Compare runs nothing). */
type DemoElement = HTMLElement & { stop?(): void };

/** URL parameters that concern the whole page, kept when the visitor changes demo. */
const PAGE_PARAMS = ['sw'];

/**
 * The whole lab: a tab per demo, the environment panel, and the chosen demo.
 * A demo, once shown, stays on the page while hidden, keeping its settings
 * and results; leaving it stops its run, so two demos never measure at once.
 * With `url-params` (the lab's own page), `?demo=ID` picks the demo, each
 * demo reads its settings from the address, and changing demo is a step in
 * the browser's history; without it, the `demo` attribute picks, and the
 * page's address is left alone.
 *
 * @csspart tabs - the row of demo tabs.
 */
export class ParallelLab extends LitElement {
  static override get properties() {
    return {
      demo: { type: String, reflect: true },
      urlParams: { type: Boolean, attribute: 'url-params' },
      serviceWorker: { attribute: false },
      unknownDemo: { state: true },
      runs: { state: true },
    };
  }

  /** The demo shown. */
  demo: PageId = DEMOS[0].id;
  /** Let the page's address pick the demo and its settings, and keep the history. */
  urlParams = false;
  /** How the service worker started (set by main.ts). */
  serviceWorker?: ServiceWorkerStatus;
  /** What to say of a `?demo=` that names no demo ('' when it names one, or none is given). */
  private unknownDemo = '';
  /** `?demo=summary&autorun=1`: run everything once the summary is shown. */
  private summaryAutorun = false;
  /** The demos shown so far: their elements are kept. */
  private readonly visited = new Set<PageId>();

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

      @media (max-width: 40rem) {
        /* Each tab grows to fill its row: rows edge to edge instead of a ragged wrap, no name cut off. */
        [role='tab'] {
          flex: 1 1 auto;
          padding: 0.5rem;
          border-radius: 6px;
          border-bottom: 1px solid var(--_pl-border);
        }
      }
      .notice {
        overflow-wrap: anywhere;
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

  /** This visit's finished runs, oldest first, slim (their traces cut), for the summary. */
  private runs: ReadonlyArray<RunResultBase<DemoId, string, unknown>> = [];

  private onRunComplete = (event: HTMLElementEventMap['pl-run-complete']): void => {
    this.runs = [...this.runs.slice(-499), slimRun(event.detail)];
  };

  /** What the summary drives: any demo, made and ready to run, and a way to show it. */
  private summaryHost: SummaryHost = {
    demoElement: async (id) => {
      const entry = DEMOS.find((d) => d.id === id)!;
      this.visited.add(id);
      await entry.load();
      this.requestUpdate();
      await this.updateComplete;
      const demo = this.renderRoot.querySelector(`#panel-${id} > *`) as RunnableDemo & { updateComplete?: Promise<unknown> };
      await demo.updateComplete;
      // A demo prepares itself (the CPU work's calibration) just after its first render.
      await new Promise((resolve) => setTimeout(resolve, 0));
      return demo;
    },
    open: (id) => this.select(id),
  };

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.urlParams) return;
    const requested = new URLSearchParams(location.search).get('demo');
    if (isPageId(requested)) this.demo = requested;
    const shown = DEMOS.find((d) => d.id === this.demo) ?? DEMOS[0];
    this.unknownDemo = unknownDemoNotice(
      shown.title,
      DEMOS.map((d) => d.id),
      PAGE_PARAMS,
    );
    this.summaryAutorun = requested === 'summary' && wantsAutorun(new URLSearchParams(location.search));
    window.addEventListener('popstate', this.onPopState);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
  }

  /** Shows demo `id`, stopping the one left; a new entry in the history, so Back returns to it. */
  private select(id: PageId): void {
    if (id === this.demo) return;
    this.show(id);
    if (!this.urlParams) return;
    // The other parameters (and autorun) were meant for the demo the page opened with, not for this one.
    const url = new URL(location.href);
    const kept = new URLSearchParams();
    kept.set('demo', id);
    for (const name of PAGE_PARAMS) if (url.searchParams.has(name)) kept.set(name, url.searchParams.get(name)!);
    url.search = kept.toString();
    history.pushState(null, '', url);
  }

  private show(id: PageId): void {
    this.renderRoot.querySelector<DemoElement>(`#panel-${this.demo} > *`)?.stop?.();
    this.demo = id;
    this.unknownDemo = '';
  }

  /** Back and Forward move between the demos visited. */
  private onPopState = (): void => {
    const requested = new URLSearchParams(location.search).get('demo');
    this.show(isPageId(requested) ? requested : DEMOS[0].id);
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

  protected override updated(): void {
    // The embed panel reads the demo on screen, which exists only once rendered.
    const panel = this.renderRoot.querySelector('pl-embed-panel');
    if (!panel) return;
    panel.demo = this.renderRoot.querySelector<EmbeddableDemo>(`#panel-${this.demo} > *`) ?? undefined;
    // The same element may have been upgraded since: read it again.
    panel.requestUpdate();
  }

  override render() {
    const current = DEMOS.find((d) => d.id === this.demo) ?? DEMOS[0];
    if (!this.visited.has(current.id)) {
      this.visited.add(current.id);
      // Each demo's code loads when the demo is first shown; its element upgrades then.
      void current.load().then(() => this.requestUpdate());
    }
    // The lab's own page only: an embedding page keeps its title.
    if (this.urlParams) document.title = `${current.title}: ${current.summary} — Parallel Lab`;
    return html`
      <header>
        <h1>Parallel Lab</h1>
        <p>When do threads make code faster? Run the experiments in your own browser and see.</p>
      </header>
      <nav aria-label="Demos" part="tabs">
        <div role="tablist" aria-label="Demos" @keydown=${this.onTabKey}>
          ${DEMOS.map(
            (d) =>
              html`<button
                role="tab"
                id="tab-${d.id}"
                aria-selected=${d.id === current.id}
                aria-controls="panel-${d.id}"
                tabindex=${d.id === current.id ? 0 : -1}
                title=${d.summary}
                @click=${() => this.select(d.id)}
              >
                ${d.title}
              </button>`,
          )}
        </div>
      </nav>
      ${this.unknownDemo ? html`<p class="notice" role="status">${this.unknownDemo}</p>` : ''}
      <main @pl-run-complete=${this.onRunComplete}>
        ${DEMOS.map(
          // Every panel keeps its place, and a demo's element, once made, is never replaced: it keeps its settings and results.
          (d) =>
            html`<section id="panel-${d.id}" role="tabpanel" aria-labelledby="tab-${d.id}" ?hidden=${d.id !== current.id}>
              ${
                !this.visited.has(d.id)
                  ? nothing
                  : d.id === 'summary'
                    ? html`<pl-summary .runs=${this.runs} .lab=${this.summaryHost} ?autorun=${this.summaryAutorun}></pl-summary>`
                    : this.urlParams
                      ? staticHtml`<${unsafeStatic(d.tag)} url-params></${unsafeStatic(d.tag)}>`
                      : staticHtml`<${unsafeStatic(d.tag)}></${unsafeStatic(d.tag)}>`
              }
            </section>`,
        )}
      </main>
      ${
        this.urlParams && isDemoId(current.id)
          ? html`<pl-embed-panel demo-id=${current.id} heading=${current.summary}></pl-embed-panel>`
          : nothing
      }
      <pl-run-history></pl-run-history>
      <pl-environment-panel .serviceWorker=${this.serviceWorker}></pl-environment-panel>
      <footer>
        Everything runs in this browser, and nothing is sent anywhere, except the requests to addresses you enter yourself in the
        Waiting demo. Timings depend on this device, this browser and what else it is doing: run again and compare.
      </footer>
    `;
  }
}

define('parallel-lab', ParallelLab);

declare global {
  interface HTMLElementTagNameMap {
    'parallel-lab': ParallelLab;
  }
}
