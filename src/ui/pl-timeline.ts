import { LitElement, html } from 'lit';
import type { ChartConfiguration } from 'chart.js';
import type { TraceEvent } from '../core/trace';
import { lanesOf } from '../core/trace';
import { ChartController, PALETTE, chartStyles } from './chart-controller';
import { define } from './define';

interface TimelinePoint {
  x: [number, number];
  y: string;
}

/**
 * A timeline of a run: one lane per worker, task or request, one bar per
 * trace event from its start to its end. Bars that line up vertically ran at
 * the same time; bars that only follow one another took turns.
 *
 * @cssproperty --pl-chart-height - height of the chart area (default: grows with the lanes).
 */
export class PlTimeline extends LitElement {
  static override get properties() {
    return {
      trace: { attribute: false },
      heading: { type: String },
      maxEvents: { type: Number, attribute: 'max-events' },
      maxMs: { attribute: false },
      colors: { attribute: false },
    };
  }

  trace: TraceEvent[] = [];
  heading = '';
  /** Draw at most this many events (the earliest): tens of thousands of bars take the main thread too long. */
  maxEvents = 2000;
  /** The end of the time axis, so several timelines share one scale; default: fitted to this trace. */
  maxMs?: number;
  /** A colour per trace event, in order; default: one colour per lane. */
  colors?: string[];

  private get shown(): TraceEvent[] {
    return this.trace.length > this.maxEvents ? this.trace.slice(0, this.maxEvents) : this.trace;
  }

  static override styles = chartStyles;

  constructor() {
    super();
    new ChartController<TimelinePoint[]>(
      this,
      () => this.renderRoot.querySelector('canvas'),
      (): ChartConfiguration<'bar', TimelinePoint[]> => {
        const lanes = lanesOf(this.trace);
        const shown = this.shown;
        return {
          type: 'bar',
          data: {
            labels: lanes,
            datasets: [
              {
                label: this.heading,
                data: shown.map((e) => ({ x: [e.startMs, Math.max(e.endMs, e.startMs + 0.01)], y: e.lane })),
                backgroundColor: shown.map((e, i) => this.colors?.[i] ?? PALETTE[lanes.indexOf(e.lane) % PALETTE.length]),
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
                    return `${e.lane}: ${e.startMs.toFixed(1)}–${e.endMs.toFixed(1)} ms`;
                  },
                },
              },
            },
            scales: { x: { beginAtZero: true, max: this.maxMs, title: { display: true, text: 'ms since the run started' } } },
          },
        };
      },
    );
  }

  override render() {
    const lanes = lanesOf(this.trace);
    const height = `calc(${Math.max(2, lanes.length) * 1.8}rem + 3rem)`;
    return html`<figure style="margin:0">
      ${this.heading ? html`<h3>${this.heading}</h3>` : ''}
      <div class="area" style="height: var(--pl-chart-height, ${height})">
        <canvas role="img" aria-label="${this.heading}: ${lanes.length} lanes, ${this.trace.length} tasks"></canvas>
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
