import { LitElement, css, html, nothing } from 'lit';
import { countOf } from '../../core/format';
import { HISTORY_LIMIT, pageHistory } from '../../runtime/history';
import { define } from '../define';
import { demoStyles } from '../shared/styles';
import { EXPORT_FORMATS, downloadRuns, type ExportFormat } from './download';

/**
 * This browser's run history: how many runs it keeps, Export (as a results
 * file, CSV or a Markdown table) and Clear, and a plain message when the
 * browser's storage is full or refused. It keeps every run finished in the
 * page or shadow root it is placed in (each `pl-run-complete` event), so a
 * lab that shows it records its own runs and nobody else's.
 *
 * @csspart panel - the panel's box.
 */
export class PlRunHistory extends LitElement {
  static override get properties() {
    return {
      status: { state: true },
    };
  }

  private readonly history = pageHistory();
  /** What the last button did, said in the status line. */
  private status = '';
  private root?: Node;

  static override styles = [
    demoStyles,
    css`
      :host {
        margin-top: 1.5rem;
      }
      section {
        margin: 0;
      }
      h2 {
        font-size: 1.1rem;
      }
    `,
  ];

  private readonly onRun = (event: Event): void => {
    this.history.add((event as HTMLElementEventMap['pl-run-complete']).detail);
  };

  private readonly onChange = (): void => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    this.root = this.getRootNode();
    this.root.addEventListener('pl-run-complete', this.onRun);
    this.history.addEventListener('change', this.onChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.root?.removeEventListener('pl-run-complete', this.onRun);
    this.history.removeEventListener('change', this.onChange);
  }

  private export(format: ExportFormat): void {
    const runs = [...this.history.runs];
    const name = downloadRuns(runs, format);
    this.status = `Exported ${countOf(runs.length, 'run')} as ${name}.`;
  }

  private clear(): void {
    const count = this.history.runs.length;
    this.history.clear();
    this.status = `Cleared ${countOf(count, 'run')} from the history.`;
  }

  override render() {
    const count = this.history.runs.length;
    return html`<section part="panel" aria-labelledby="history-title">
      <h2 id="history-title">Run history</h2>
      <p>
        <span data-field="history-count">${countOf(count, 'run')}</span> kept in this browser (the last ${HISTORY_LIMIT}, without
        their timelines): export them to compare with other browsers and machines on the Compare page.
      </p>
      <div role="alert">${this.history.problem ? html`<p class="note error">${this.history.problem}</p>` : nothing}</div>
      <div class="buttons">
        ${Object.entries(EXPORT_FORMATS).map(
          ([format, { label }]) =>
            html`<button
              type="button"
              data-export=${format}
              ?disabled=${count === 0}
              @click=${() => this.export(format as ExportFormat)}
            >
              Export ${label}
            </button>`,
        )}
        <button
          type="button"
          class="stop"
          data-action="clear"
          ?disabled=${count === 0 && !this.history.problem}
          @click=${this.clear}
        >
          Clear history
        </button>
      </div>
      <p class="status" role="status">${this.status}</p>
    </section>`;
  }
}

define('pl-run-history', PlRunHistory);

declare global {
  interface HTMLElementTagNameMap {
    'pl-run-history': PlRunHistory;
  }
}
