import { LitElement, css, html, nothing } from 'lit';
import { countOf } from '../../core/format';
import type { SavedRun } from '../../core/results-file';
import type { DemoId } from '../../core/run-result';
import { pageHistory } from '../../runtime/history';
import { define } from '../define';
import { demoStyles } from '../shared/styles';
import { readResultsFile } from './compare-import';
import { compare, demosIn, mergeRuns } from './compare-model';
import { comparisonView } from './compare-results';

/** Runs from one place: a file the visitor imported, or this browser's history. */
interface Source {
  name: string;
  runs: readonly SavedRun[];
}

/**
 * The Compare page: results files from other browsers and machines (the
 * lab's exports, the matrix runner's files), imported through a file input
 * or dropped on the page, and this browser's history if asked, shown side by
 * side: for the chosen demo, each variant's median time per browser, version
 * and cores, on one chart and in one table. A file that is not a results file
 * is refused with the reason, and changes nothing; nothing leaves the page.
 */
export class PlCompare extends LitElement {
  static override get properties() {
    return {
      sources: { state: true },
      refused: { state: true },
      status: { state: true },
      demo: { state: true },
      dragging: { state: true },
    };
  }

  private sources: Source[] = [];
  /** Why each of the last files refused was refused. */
  private refused: string[] = [];
  private status = '';
  /** The demo shown; undefined until runs are loaded (then the first demo they hold). */
  private demo?: DemoId;
  private dragging = false;
  private readonly history = pageHistory();

  static override styles = [
    demoStyles,
    css`
      .drop {
        border: 2px dashed var(--_pl-border);
        border-radius: var(--_pl-radius);
        padding: 0.75rem;
      }
      .drop.dragging {
        border-color: var(--_pl-accent);
      }
      .drop input {
        max-width: 100%;
      }
      ul {
        padding-left: 1.25rem;
        overflow-wrap: anywhere;
      }
      select {
        align-self: start;
        max-width: 100%;
        font: inherit;
        color: inherit;
        background: var(--_pl-surface);
        border: 1px solid var(--_pl-border);
        border-radius: 6px;
        padding: 0.3rem 0.4rem;
      }
      select:focus-visible {
        outline: 3px solid var(--_pl-accent);
        outline-offset: 2px;
      }
      td small {
        display: block;
        color: var(--_pl-muted);
        white-space: normal;
      }
    `,
  ];

  private readonly onHistoryChange = (): void => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    this.history.addEventListener('change', this.onHistoryChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.history.removeEventListener('change', this.onHistoryChange);
  }

  /** Every run loaded, each once. */
  private get runs(): SavedRun[] {
    return this.sources.reduce<SavedRun[]>((all, source) => mergeRuns(all, source.runs).runs, []);
  }

  /** Imports `files`: each good one is added, each bad one refused with its reason. */
  async importFiles(files: readonly File[]): Promise<void> {
    const read = await Promise.all(files.map(readResultsFile));
    this.refused = read.flatMap((f) => (f.ok ? [] : [`"${f.name}" was not imported: ${f.message}`]));
    const added = read.flatMap((f) => (f.ok ? [{ name: f.name, runs: f.file.runs }] : []));
    this.add(added);
  }

  private add(added: Source[]): void {
    if (added.length === 0) {
      this.status = '';
      return;
    }
    let runs = this.runs;
    let skipped = 0;
    for (const source of added) {
      const merged = mergeRuns(runs, source.runs);
      runs = merged.runs;
      skipped += merged.skipped;
    }
    this.sources = [...this.sources, ...added];
    const count = countOf(added.reduce((n, s) => n + s.runs.length, 0) - skipped, 'run');
    this.status = `Added ${count} from ${added.map((s) => s.name).join(', ')}${skipped ? ` (${countOf(skipped, 'run')} already here left out)` : ''}.`;
    if (!this.demo || !demosIn(runs).includes(this.demo)) this.demo = demosIn(runs)[0];
  }

  private unload(source?: Source): void {
    this.sources = source ? this.sources.filter((s) => s !== source) : [];
    this.status = source ? `Removed ${source.name}.` : 'Removed every file.';
    this.refused = [];
    const demos = demosIn(this.runs);
    if (!this.demo || !demos.includes(this.demo)) this.demo = demos[0];
  }

  private onChoose(event: Event): void {
    const input = event.target as HTMLInputElement;
    void this.importFiles([...(input.files ?? [])]).then(() => (input.value = ''));
  }

  private onDragOver(event: DragEvent): void {
    // Without this the browser would open the dropped file in place of the lab.
    event.preventDefault();
    this.dragging = true;
  }

  private onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging = false;
    void this.importFiles([...(event.dataTransfer?.files ?? [])]);
  }

  override render() {
    const runs = this.runs;
    const demos = demosIn(runs);
    const history = this.history.runs;
    return html`<section
        class="drop ${this.dragging ? 'dragging' : ''}"
        aria-labelledby="import-title"
        @dragover=${this.onDragOver}
        @dragleave=${() => (this.dragging = false)}
        @drop=${this.onDrop}
      >
        <h2 id="import-title">Compare browsers and machines</h2>
        <p>
          Import results files: a Run history exported as JSON from this lab in another browser or on another machine, or a file
          the matrix runner wrote. Choose several at once, or drop them here. They are read in this page: nothing is uploaded.
        </p>
        <div class="buttons">
          <label for="files">Results files (JSON)</label>
          <input id="files" type="file" accept=".json,application/json" multiple @change=${this.onChoose} />
          <button
            type="button"
            data-action="history"
            ?disabled=${history.length === 0}
            @click=${() => this.add([{ name: "this browser's history", runs: history }])}
          >
            Add this browser's history (${countOf(history.length, 'run')})
          </button>
        </div>
        <div class="error" role="alert" data-field="refused">
          ${
            this.refused.length
              ? html`<ul>
                  ${this.refused.map((m) => html`<li>${m}</li>`)}
                </ul>`
              : nothing
          }
        </div>
        <p class="status" role="status">${this.status}</p>
        ${this.sources.length ? this.renderSources() : nothing}
      </section>
      ${this.demo ? comparisonView(compare(runs, this.demo), this.demo, demos, (id) => (this.demo = id)) : nothing}`;
  }

  private renderSources() {
    return html`<h3>Loaded</h3>
      <ul data-field="sources">
        ${this.sources.map(
          (s) =>
            html`<li>
              ${s.name}: ${countOf(s.runs.length, 'run')}
              <button type="button" aria-label="Remove ${s.name}" @click=${() => this.unload(s)}>Remove</button>
            </li>`,
        )}
      </ul>
      <button type="button" data-action="remove-all" @click=${() => this.unload()}>Remove all</button>`;
  }
}

define('pl-compare', PlCompare);

declare global {
  interface HTMLElementTagNameMap {
    'pl-compare': PlCompare;
  }
}
