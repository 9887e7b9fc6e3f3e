import { html, nothing } from 'lit';
import { formatMs } from '../../core/format';
import type { DemoId } from '../../core/run-result';
import { DEMOS } from '../demos';
import { resultsTable, type Column } from '../shared/results-table';
import { comparisonBars, settingsDiffer, type Cell, type Comparison, type Row } from './compare-model';
import '../pl-bar-chart';

const titleOf = (id: DemoId) => DEMOS.find((d) => d.id === id)?.title ?? id;

/**
 * One demo's runs side by side: a picker of the demos loaded, then one chart
 * and one table of each variant's median time per machine.
 */
export function comparisonView(comparison: Comparison, demo: DemoId, demos: readonly DemoId[], choose: (demo: DemoId) => void) {
  const showSettings = settingsDiffer(comparison);
  const rowName = (row: Row) => html`${row.variant}${showSettings ? html`<small>${row.settings}</small>` : nothing}`;
  const columns: Array<Column<Row>> = [
    { label: 'Variant', cell: rowName },
    ...comparison.machines.map((m, i) => ({
      label: m.label,
      numeric: true,
      field: `machine-${i}`,
      cell: (row: Row) => cellText(row.cells.get(m.key)),
    })),
  ];
  return html`<section aria-labelledby="compare-title">
    <h2 id="compare-title">${titleOf(demo)}: time per variant, browser and cores</h2>
    <div class="field">
      <label for="demo">Demo</label>
      <select id="demo" @change=${(e: Event) => choose((e.target as HTMLSelectElement).value as DemoId)}>
        ${demos.map((id) => html`<option value=${id} ?selected=${id === demo}>${titleOf(id)} (${id})</option>`)}
      </select>
    </div>
    <p class="hint">
      Each figure is the median time of the measured work of the verified runs; a run that failed verification shows no time.
      Cores are the real limit a matrix run set, or else the number the browser reported, which it may round or cap.
    </p>
    <pl-bar-chart heading="Median time (ms)" unit="ms" .bars=${comparisonBars(comparison)}></pl-bar-chart>
    ${resultsTable(
      comparison.rows.map((row) => ({ key: row.variant, row })),
      columns,
      'comparison',
    )}
  </section>`;
}

/** A cell of the table: the median time, how many runs it is of, and what else a reader must know. */
function cellText(cell: Cell | undefined) {
  if (!cell) return html`<span class="hint">no runs</span>`;
  if (cell.medianMs === undefined) return html`<span class="bad">not verified</span>`;
  const notes = [
    cell.verified > 1 ? `median of ${cell.verified}` : '',
    cell.projected ? 'projected' : '',
    cell.unverified ? `${cell.unverified} not verified` : '',
  ].filter(Boolean);
  return html`<span data-ms=${cell.medianMs}>${formatMs(cell.medianMs)}</span
    >${notes.length ? html`<small>${notes.join('; ')}</small>` : nothing}`;
}
