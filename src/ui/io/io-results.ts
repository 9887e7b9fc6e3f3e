import { html, nothing, type TemplateResult } from 'lit';
import { formatMs as ms } from '../../core/format';
import { IO_VARIANTS, type IoRunResult, type IoVariant } from '../../experiments/io-rules';
import type { BarDatum } from '../pl-bar-chart';
import { resultsTable, type Column } from '../shared/results-table';
import { storyList } from '../shared/story';
import { runLabel, sweepCaption, tableNote } from './io-copy';
import { ioStory, type IoResults } from './io-story';
import { waterfalls, type LiveRun } from './io-waterfall';
import '../pl-bar-chart';

const COLUMNS: ReadonlyArray<Column<IoRunResult>> = [
  { label: 'Variant', cell: (r) => runLabel(r.variant, r.params) },
  { label: 'Wall time', numeric: true, field: 'wall', cell: (r) => html`<strong>${ms(r.wallMs)}</strong>` },
  { label: 'Sum of waits', numeric: true, field: 'sum', cell: (r) => ms(r.sumLatencyMs) },
  { label: 'Longest wait', numeric: true, field: 'max', cell: (r) => ms(r.maxLatencyMs) },
  { label: 'Most in flight', numeric: true, cell: (r) => r.peakInFlight },
  { label: 'Failed', numeric: true, cell: (r) => r.failures, className: (r) => (r.failures ? 'bad' : '') },
  {
    label: 'Worker start',
    numeric: true,
    cell: (r) => (r.variant !== 'workers' ? '—' : r.coldStartMs.length ? ms(Math.max(...r.coldStartMs)) : 'warm'),
  },
  {
    label: 'Checked',
    field: 'verified',
    cell: (r) => (r.verified ? 'all complete' : 'no'),
    className: (r) => (r.verified ? 'good' : 'bad'),
  },
];

export interface IoResultsOptions {
  results: IoResults;
  /** The run going on now, or the last one stopped, with its rows. */
  live?: LiveRun;
  running: IoVariant | null;
  /** The sweep's runs, one per max in flight. */
  sweep: readonly IoRunResult[];
}

/** The sweep chart's bars, kept per sweep so the chart redraws only when a step is added. */
const sweepBars = new WeakMap<readonly IoRunResult[], BarDatum[]>();

/**
 * The results panel: a row per variant run, the story, the sweep's chart and
 * the waterfalls. Shown as soon as there is anything to show: a result, a run
 * going on, or only a sweep.
 */
export function ioResults({ results, live, running, sweep }: IoResultsOptions): TemplateResult | typeof nothing {
  const finished = IO_VARIANTS.flatMap((v) => (results[v] ? [{ key: v, row: results[v] }] : []));
  if (finished.length === 0 && !live && sweep.length === 0) return nothing;
  return html`<section part="panel results" aria-labelledby="io-results">
    <h3 id="io-results">Results</h3>
    ${finished.length ? html`${resultsTable(finished, COLUMNS, 'summary')} ${tableNote()}` : nothing}
    ${storyList(ioStory(results))} ${sweepChart(sweep)} ${waterfalls({ results, live, running })}
  </section>`;
}

function sweepChart(sweep: readonly IoRunResult[]): TemplateResult | typeof nothing {
  if (sweep.length === 0) return nothing;
  let bars = sweepBars.get(sweep);
  if (!bars) {
    bars = sweep.map((r) => ({ label: `${r.params.maxInFlight} in flight`, value: r.wallMs }));
    sweepBars.set(sweep, bars);
  }
  return html`<div data-field="sweep">
    <pl-bar-chart heading="Wall time by max in flight" unit="ms" .bars=${bars}></pl-bar-chart>
    ${sweepCaption(sweep)}
  </div>`;
}
