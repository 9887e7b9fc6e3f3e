import { html, nothing, type TemplateResult } from 'lit';
import { formatMs as ms, formatPercent, formatTimes as times } from '../../core/format';
import type { CoreCount } from '../../core/scaling';
import { CPU_VARIANT_FACTS, CPU_VARIANTS, type CpuRunResult, type CpuVariant } from '../../experiments/cpu-rules';
import type { BarDatum } from '../pl-bar-chart';
import { resultsTable, type Column } from '../shared/results-table';
import { storyList } from '../shared/story';
import { timelinePicker } from '../shared/timeline-picker';
import { cpuResultsCaption } from './cpu-copy';
import { cpuEfficiency, cpuStory, speedupOverSerial, type CpuResults } from './cpu-story';
import '../pl-bar-chart';

const label = (v: CpuVariant) => CPU_VARIANT_FACTS[v].label;

export interface CpuResultsOptions {
  results: CpuResults;
  /** The cores the workers are rated against, and where that number comes from. */
  cores: CoreCount;
  timelineVariant: CpuVariant;
  onTimeline: (variant: CpuVariant) => void;
  /** The time chart's bars (kept by the element, so the chart redraws only when they change). */
  bars: BarDatum[];
}

/**
 * The bars of the time chart: one per verified variant. A projected pool run
 * is an estimate: with one number per message it can be a hundred times the
 * others, and the chart cuts it rather than squashing the measured bars.
 */
export function cpuTimeBars(results: CpuResults): BarDatum[] {
  return CPU_VARIANTS.flatMap((v) => {
    const r = results[v];
    return r?.verified
      ? [{ label: label(v), value: r.wallMs, ...(r.projected ? { note: 'projected', estimate: true } : {}) }]
      : [];
  });
}

/** The results panel: a row per variant run, the story, the time chart and the timeline. */
export function cpuResults(o: CpuResultsOptions): TemplateResult | typeof nothing {
  const { results, cores } = o;
  const done = CPU_VARIANTS.filter((v) => results[v]);
  if (done.length === 0) return nothing;
  const timeline = results[o.timelineVariant] ?? results[done[done.length - 1]]!;
  const s = (r: CpuRunResult) => speedupOverSerial(results, r);
  const columns: Column<CpuRunResult>[] = [
    { label: 'Variant', cell: (r) => label(r.variant) },
    {
      label: 'Time',
      numeric: true,
      field: 'time',
      cell: (r) => (r.verified ? html`${ms(r.wallMs)}${r.projected ? html` <small>projected</small>` : ''}` : '—'),
    },
    { label: 'Speed-up', numeric: true, cell: (r) => (s(r) === undefined ? '—' : times(s(r)!)) },
    {
      label: 'Efficiency',
      numeric: true,
      cell: (r) => (s(r) === undefined ? '—' : formatPercent(cpuEfficiency(s(r)!, r, cores.cores))),
    },
    {
      label: 'Result',
      field: 'verified',
      cell: (r) => (r.verified ? 'verified' : 'WRONG'),
      className: (r) => (r.verified ? 'good' : 'bad'),
    },
    {
      label: 'Worker start',
      numeric: true,
      cell: (r) =>
        r.coldStartMs.length ? ms(Math.max(...r.coldStartMs)) : CPU_VARIANT_FACTS[r.variant].runsOn === 'workers' ? 'warm' : '—',
    },
    { label: 'Longest frame gap', numeric: true, cell: (r) => ms(r.longestFrameGapMs) },
  ];
  return html`<section part="panel results" aria-labelledby="cpu-results">
    <h3 id="cpu-results">Results</h3>
    ${resultsTable(
      done.map((v) => ({ key: v, row: results[v]! })),
      columns,
    )}
    ${cpuResultsCaption(cores)} ${storyList(cpuStory(results, cores))}
    <div class="charts">
      <pl-bar-chart heading="Time per variant" unit="ms" .bars=${o.bars}></pl-bar-chart>
      <div>
        ${timelinePicker({
          options: done.map((v) => ({ value: v, label: label(v) })),
          selected: timeline.variant,
          onChange: o.onTimeline,
          heading: `Timeline: ${label(timeline.variant)}`,
          trace: timeline.trace,
        })}
      </div>
    </div>
  </section>`;
}
