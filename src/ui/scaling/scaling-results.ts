import { html, nothing, type TemplateResult } from 'lit';
import { formatMs as ms, formatPercent, formatTimes as times } from '../../core/format';
import type { CurvePoint } from '../../experiments/scaling-rules';
import type { LineSeries } from '../pl-line-chart';
import { resultsTable, type Column } from '../shared/results-table';
import { storyList } from '../shared/story';
import type { SpeedupChartInput } from './scaling-chart';
import { coresNote, scalingResultsCaption } from './scaling-copy';
import { scalingEfficiency, scalingStory } from './scaling-story';
import '../pl-line-chart';

export interface ScalingResultsOptions extends SpeedupChartInput {
  /** The chart's lines (kept by the element, so the chart redraws only when they change). */
  series: LineSeries[];
}

/** The results panel: a row per number of workers, where the cores stand, the story and the chart. */
export function scalingResults(o: ScalingResultsOptions): TemplateResult | typeof nothing {
  const { points, curve, reportedCores } = o;
  if (points.length === 0) return nothing;
  const columns: Column<CurvePoint>[] = [
    {
      label: 'Workers',
      numeric: true,
      field: 'workers',
      cell: (p) => html`${p.workers}${p.workers === curve?.usableCores ? html` <small>curve flattens</small>` : ''}`,
    },
    { label: 'Time', numeric: true, field: 'time', cell: (p) => ms(p.wallMs) },
    { label: 'Speed-up', numeric: true, field: 'speedup', cell: (p) => times(p.speedup) },
    {
      label: 'Efficiency',
      numeric: true,
      field: 'efficiency',
      cell: (p) => formatPercent(scalingEfficiency(p, reportedCores)),
    },
  ];
  return html`<section part="panel results" aria-labelledby="scaling-results">
    <h3 id="scaling-results">Results</h3>
    ${coresNote(reportedCores, curve)}
    ${resultsTable(
      points.map((p) => ({ key: String(p.workers), row: p })),
      columns,
    )}
    ${scalingResultsCaption(reportedCores)} ${storyList(scalingStory(points, curve, reportedCores))}
    <pl-line-chart
      heading="Speed-up over one worker"
      x-title="workers"
      y-title="speed-up (×)"
      .series=${o.series}
    ></pl-line-chart>
  </section>`;
}
