import { html, nothing, type TemplateResult } from 'lit';
import { formatBytes, formatMs as ms } from '../../core/format';
import {
  DATA_VARIANT_FACTS,
  DATA_VARIANTS,
  skipReason,
  type DataRunResult,
  type DataVariant,
} from '../../experiments/data-rules';
import type { BarDatum } from '../pl-bar-chart';
import { resultsTable, type Column } from '../shared/results-table';
import { storyList } from '../shared/story';
import { dataResultsCaption } from './data-copy';
import { dataStory, type DataResults } from './data-story';
import '../pl-bar-chart';

const label = (v: DataVariant) => DATA_VARIANT_FACTS[v].label;

/** A row of the table: a way's run, or the reason it was skipped on this page. */
interface DataRow {
  variant: DataVariant;
  run?: DataRunResult;
  skipped?: string;
}

/** What the page's own numbers are after the move. */
function pageCopy(run: DataRunResult): string {
  if (run.detached) return 'detached: empty';
  return DATA_VARIANT_FACTS[run.variant].needsSharedMemory ? 'kept (the same memory)' : 'kept';
}

/** A cell of a run that ran, or a dash. */
const ran =
  (cell: (run: DataRunResult) => unknown) =>
  (row: DataRow): unknown =>
    row.run ? cell(row.run) : '—';

const COLUMNS: ReadonlyArray<Column<DataRow>> = [
  { label: 'Way', cell: (row) => label(row.variant) },
  { label: 'Time', numeric: true, field: 'time', cell: ran((r) => (r.verified ? ms(r.wallMs) : '—')) },
  { label: 'Bytes copied', numeric: true, field: 'bytes', cell: ran((r) => (r.bytes ? formatBytes(r.bytes) : 'none')) },
  {
    label: 'Extra memory',
    numeric: true,
    field: 'extra-memory',
    cell: ran((r) => html`${formatBytes(r.extraBytes)} <small>${r.extraBytesSource}</small>`),
  },
  { label: 'Page’s numbers after', field: 'page-copy', cell: ran(pageCopy) },
  {
    label: 'Result',
    field: 'verified',
    cell: (row) => (row.skipped ? `skipped: ${row.skipped}` : row.run?.verified ? 'verified' : 'WRONG'),
    className: (row) => (row.skipped ? 'skipped' : row.run?.verified ? 'good' : 'bad'),
  },
];

/** The time chart's bars: one per verified way, on a logarithmic axis, since they lie powers of ten apart. */
export function dataTimeBars(results: DataResults): BarDatum[] {
  return DATA_VARIANTS.flatMap((v) => {
    const r = results[v];
    return r?.verified ? [{ label: label(v), value: r.wallMs }] : [];
  });
}

export interface DataResultsOptions {
  results: DataResults;
  /** Whether this page has shared memory: without it, sharing is listed as skipped. */
  shared: boolean;
  /** The chart's bars (kept by the element, so the chart redraws only when they change). */
  bars: BarDatum[];
}

/** The results panel: a row per way (run, or skipped with its reason), the story and the time chart. */
export function dataResults({ results, shared, bars }: DataResultsOptions): TemplateResult | typeof nothing {
  const rows = DATA_VARIANTS.flatMap((variant): DataRow[] => {
    const skipped = skipReason(variant, shared);
    if (skipped) return [{ variant, skipped }];
    const run = results[variant];
    return run ? [{ variant, run }] : [];
  });
  if (!rows.some((row) => row.run)) return nothing;
  const computed = [...new Set(rows.flatMap((row) => (row.run?.computedBecause ? [row.run.computedBecause] : [])))];
  return html`<section part="panel results" aria-labelledby="data-results">
    <h3 id="data-results">Results</h3>
    ${resultsTable(
      rows.map((row) => ({ key: row.variant, row })),
      COLUMNS,
    )}
    ${dataResultsCaption(computed)} ${storyList(dataStory(results))}
    <pl-bar-chart heading="Time to hand the numbers over" unit="ms" scale="logarithmic" .bars=${bars}></pl-bar-chart>
  </section>`;
}
