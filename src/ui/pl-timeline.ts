import { LitElement, html } from 'lit';
import type { Chart, ChartConfiguration } from 'chart.js';
import type { TraceEvent } from '../core/trace';
import { lanesOf } from '../core/trace';
import { ChartController, chartStyles, numberTicks, type ChartTheme } from './chart-controller';
import { formatChartNumber, timelineText } from './chart-model';
import { define } from './define';
import { cssomStyle } from './shared/cssom-style';

interface TimelinePoint {
  x: [number, number];
  y: string;
}

/**
 * A timeline of a run: one lane per worker, task or request, one bar per
 * trace event from its start to its end. Bars that line up vertically ran at
 * the same time; bars that only follow one another took turns.
 *
 * Its text alternative says whether, and for how long, the lanes ran at the
 * same time.
 *
 * @cssproperty --pl-chart-height - height of the chart area (default: grows with the lanes).
 * @cssproperty --pl-text - and the other `--pl-*` properties of the lab's theme: the chart's colours.
 */
export class PlTimeline extends LitElement {
  static override get properties() {
    return {
      trace: { attribute: false },
      heading: { type: String },
      name: { type: String },
      laneNoun: { type: String, attribute: 'lane-noun' },
      maxEvents: { type: Number, attribute: 'max-events' },
      maxMs: { attribute: false },
      series: { attribute: false },
    };
  }

  trace: TraceEvent[] = [];
  /** The visible title; empty when the page shows its own. */
  heading = '';
  /** The chart's name for screen readers; default: the heading. */
  name = '';
  /** What a lane is, in the text alternative: a lane, a request. */
  laneNoun = 'lane';
  /** Draw at most this many events (the earliest): tens of thousands of bars take the main thread too long. */
  maxEvents = 2000;
  /** The end of the time axis, so several timelines share one scale; default: fitted to this trace. */
  maxMs?: number;
  /**
   * The colour of each trace event, in order: a series of the theme's
   * palette, or `muted` for the theme's grey; default: a series per lane.
   */
  series?: Array<number | 'muted'>;

  private get shown(): TraceEvent[] {
    return this.trace.length > this.maxEvents ? this.trace.slice(0, this.maxEvents) : this.trace;
  }

  static override styles = chartStyles;

  private readonly drawing = new ChartController<TimelinePoint[]>(
    this,
    () => this.renderRoot.querySelector('canvas'),
    (colors) => this.config(colors),
  );

  /** The Chart.js chart drawn, once rendered and Chart.js has loaded (with the first chart on the page, after a run). */
  get chart(): Chart<'bar', TimelinePoint[]> | undefined {
    return this.drawing.chart;
  }

  private config(colors: ChartTheme): ChartConfiguration<'bar', TimelinePoint[]> {
    const lanes = lanesOf(this.trace);
    const shown = this.shown;
    const color = (series: number | 'muted') =>
      series === 'muted' ? colors.muted : colors.series[series % colors.series.length];
    return {
      type: 'bar',
      data: {
        labels: lanes,
        datasets: [
          {
            label: this.heading,
            data: shown.map((e) => ({ x: [e.startMs, Math.max(e.endMs, e.startMs + 0.01)], y: e.lane })),
            backgroundColor: shown.map((e, i) => color(this.series?.[i] ?? lanes.indexOf(e.lane))),
            borderWidth: 0,
            barPercentage: 0.8,
            categoryPercentage: 1,
            grouped: false,
          },
        ],
      },
      options: {
        indexAxis: 'y',
        maintainAspectRatio: false,
        plugins: {
          tooltip: {
            callbacks: {
              label: (item) => {
                const e = shown[item.dataIndex];
                return `${e.lane}: ${formatChartNumber(e.startMs)}–${formatChartNumber(e.endMs)} ms`;
              },
            },
          },
        },
        scales: {
          x: {
            beginAtZero: true,
            max: this.maxMs,
            ticks: numberTicks,
            title: { display: true, text: 'ms since the run started' },
          },
        },
      },
    };
  }

  override render() {
    const lanes = lanesOf(this.trace);
    const height = `calc(${Math.max(2, lanes.length) * 1.8}rem + 3rem)`;
    return html`<figure>
      ${this.heading ? html`<h3>${this.heading}</h3>` : ''}
      <div class="area" ${cssomStyle({ height: `var(--pl-chart-height, ${height})` })}>
        <canvas role="img" aria-label="${this.name || this.heading}. ${timelineText(this.trace, this.laneNoun)}."></canvas>
      </div>
      ${
        this.trace.length > this.maxEvents
          ? html`<figcaption>
              <small
                >Showing the first ${this.maxEvents.toLocaleString('en-US')} of ${this.trace.length.toLocaleString('en-US')}
                tasks.</small
              >
            </figcaption>`
          : ''
      }
    </figure>`;
  }
}

define('pl-timeline', PlTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'pl-timeline': PlTimeline;
  }
}
