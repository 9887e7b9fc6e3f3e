import { LitElement, html } from 'lit';
import type { Chart, ChartConfiguration, Plugin } from 'chart.js';
import { ChartController, chartStyles, numberTicks, type ChartJs, type ChartTheme } from './chart-controller';
import { formatChartNumber, lineText } from './chart-model';
import { define } from './define';
import { cssomStyle } from './shared/cssom-style';

export interface LinePoint {
  x: number;
  y: number;
}

/**
 * One line of the chart. `measured`: points joined by a solid line;
 * `model`: a dashed line without points (a law, a fit), perhaps sampled
 * between whole numbers so that it bends smoothly; `mark`: a dotted vertical
 * line at one x (its points share that x). `color` is a series of the
 * theme's palette, or `muted` for the theme's grey.
 */
export interface LineSeries {
  label: string;
  points: readonly LinePoint[];
  style: 'measured' | 'model' | 'mark';
  color: number | 'muted';
}

type LineData = LinePoint[];

const DASH: Record<LineSeries['style'], number[]> = { measured: [], model: [6, 4], mark: [2, 3] };

/**
 * A chart of lines on two linear axes (a measured curve beside the laws it is
 * compared with), with a legend, and a text alternative that lists every
 * line's points for screen readers.
 *
 * @cssproperty --pl-chart-height - height of the chart area (default: 18rem).
 * @cssproperty --pl-text - and the other `--pl-*` properties of the lab's theme: the chart's colours.
 */
export class PlLineChart extends LitElement {
  static override get properties() {
    return {
      series: { attribute: false },
      heading: { type: String },
      xTitle: { type: String, attribute: 'x-title' },
      yTitle: { type: String, attribute: 'y-title' },
    };
  }

  /** The lines, drawn in order (the first on the bottom). */
  series: LineSeries[] = [];
  /** The chart's title. */
  heading = '';
  /** The horizontal axis's title, e.g. "workers". */
  xTitle = '';
  /** The vertical axis's title, e.g. "speed-up (×)". */
  yTitle = '';

  static override styles = chartStyles;

  private readonly drawing = new ChartController<LineData, 'line'>(
    this,
    () => this.renderRoot.querySelector('canvas'),
    (colors, chartJs) => this.config(colors, chartJs),
  );

  /** The Chart.js chart drawn, once rendered and Chart.js has loaded (with the first chart on the page, after a run). */
  get chart(): Chart<'line', LineData> | undefined {
    return this.drawing.chart;
  }

  private config(colors: ChartTheme, { Legend }: ChartJs): ChartConfiguration<'line', LineData> {
    const color = (c: LineSeries['color']) => (c === 'muted' ? colors.muted : colors.series[c % colors.series.length]);
    const xs = this.series.flatMap((s) => s.points.map((p) => p.x));
    return {
      type: 'line',
      // For these charts only: registered globally, the legend would appear on every bar chart too.
      plugins: [Legend as Plugin<'line'>],
      data: {
        datasets: this.series.map((s) => ({
          label: s.label,
          data: s.points.map((p) => ({ ...p })),
          borderColor: color(s.color),
          backgroundColor: color(s.color),
          borderDash: DASH[s.style],
          borderWidth: s.style === 'measured' ? 2.5 : 1.5,
          pointRadius: s.style === 'measured' ? 3.5 : 0,
          pointHoverRadius: s.style === 'measured' ? 5 : 0,
        })),
      },
      options: {
        maintainAspectRatio: false,
        parsing: false,
        interaction: { mode: 'nearest', intersect: false },
        plugins: {
          legend: { position: 'bottom', labels: { color: colors.text, boxHeight: 2 } },
          tooltip: {
            // The measured points are the ones to read; a line's every sample would crowd the tooltip.
            filter: (item) => this.series[item.datasetIndex]?.style === 'measured',
            callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${formatChartNumber(item.parsed.y ?? 0, 2)}` },
          },
        },
        scales: {
          x: {
            type: 'linear',
            min: xs.length ? Math.min(...xs) : undefined,
            max: xs.length ? Math.max(...xs) : undefined,
            ticks: { ...numberTicks, precision: 0 },
            title: { display: Boolean(this.xTitle), text: this.xTitle },
          },
          y: {
            type: 'linear',
            beginAtZero: true,
            ticks: numberTicks,
            title: { display: Boolean(this.yTitle), text: this.yTitle },
          },
        },
      },
    };
  }

  override render() {
    return html`<figure>
      ${this.heading ? html`<h3>${this.heading}</h3>` : ''}
      <div class="area" ${cssomStyle({ height: 'var(--pl-chart-height, 18rem)' })}>
        <canvas role="img" aria-label=${this.heading}></canvas>
      </div>
      <figcaption class="sr-only">
        <ul>
          ${this.series.map((s) => html`<li>${lineText(s, this.xTitle)}</li>`)}
        </ul>
      </figcaption>
    </figure>`;
  }
}

define('pl-line-chart', PlLineChart);

declare global {
  interface HTMLElementTagNameMap {
    'pl-line-chart': PlLineChart;
  }
}
