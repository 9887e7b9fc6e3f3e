import { LitElement, html } from 'lit';
import type { Chart, ChartConfiguration, Plugin } from 'chart.js';
import ChartDataLabels from 'chartjs-plugin-datalabels';
import { ChartController, chartStyles, numberTicks, type ChartTheme } from './chart-controller';
import { barText, barValueText, cutAxisEnd } from './chart-model';
import { define } from './define';

export interface BarDatum {
  label: string;
  value: number;
  /** Shown in the tooltip and the text alternative, e.g. "projected". */
  note?: string;
  /**
   * An estimate rather than a measurement (a projection): the axis fits the
   * measured bars, and an estimate far longer than them is cut at the end of
   * the axis with its value written on it, so it cannot squash the others.
   */
  estimate?: boolean;
}

/**
 * A horizontal bar chart of one value per label (times per variant, lost
 * updates per variant) on a linear axis, each bar's value written at its end,
 * with a text alternative that lists every bar for screen readers.
 *
 * @cssproperty --pl-chart-height - height of the chart area (default: 14rem, or 4.5rem a bar when there are more).
 * @cssproperty --pl-text - and the other `--pl-*` properties of the lab's theme: the chart's colours.
 */
export class PlBarChart extends LitElement {
  static override get properties() {
    return {
      bars: { attribute: false },
      unit: { type: String },
      heading: { type: String },
    };
  }

  /** The bars, top to bottom. */
  bars: BarDatum[] = [];
  /** The unit of the values, shown on the axis, e.g. "ms". */
  unit = '';
  /** The chart's title. */
  heading = '';

  static override styles = chartStyles;

  private readonly drawing = new ChartController(
    this,
    () => this.renderRoot.querySelector('canvas'),
    (colors) => this.config(colors),
  );

  /** The Chart.js chart drawn, once rendered: for a page that wants its image or its scales. */
  get chart(): Chart<'bar'> | undefined {
    return this.drawing.chart;
  }

  private config(colors: ChartTheme): ChartConfiguration<'bar'> {
    const bars = this.bars;
    const end = cutAxisEnd(bars);
    const cut = bars.map((b) => end !== undefined && b.value > end);
    return {
      type: 'bar',
      // Registered for these charts only: the timelines write no values on their bars.
      plugins: [ChartDataLabels as Plugin<'bar'>],
      data: {
        labels: bars.map((b) => wrapLabel(b.note ? `${b.label} (${b.note})` : b.label)),
        datasets: [
          {
            label: this.heading,
            // A cut bar ends at the end of the axis; its label and tooltip give its value.
            data: bars.map((b) => (end === undefined ? b.value : Math.min(b.value, end))),
            backgroundColor: bars.map((_, i) => colors.series[i % colors.series.length]),
          },
        ],
      },
      options: {
        indexAxis: 'y',
        maintainAspectRatio: false,
        plugins: {
          tooltip: { callbacks: { label: (item) => barText(bars[item.dataIndex], this.unit, end) } },
          datalabels: {
            // Past the end of its bar, or, on a cut bar, inside its end on a panel of its own.
            anchor: 'end',
            align: cut.map((c) => (c ? 'start' : 'end')),
            color: colors.text,
            backgroundColor: cut.map((c) => (c ? colors.surface : null)),
            borderColor: cut.map((c) => (c ? colors.border : null)),
            borderWidth: cut.map((c) => (c ? 1 : 0)),
            borderRadius: 3,
            formatter: (_value: unknown, context) => barValueText(bars[context.dataIndex], this.unit, end),
          },
        },
        scales: {
          x: {
            beginAtZero: true,
            max: end,
            // Room past the longest bar for its value.
            grace: end === undefined ? '20%' : 0,
            ticks: { ...numberTicks, includeBounds: false },
            title: { display: Boolean(this.unit), text: this.unit },
          },
          // Every bar keeps its label, even when a narrow screen leaves little room.
          y: { ticks: { autoSkip: false } },
        },
      },
    };
  }

  override render() {
    const end = cutAxisEnd(this.bars);
    return html`<figure style="margin:0">
      ${this.heading ? html`<h3>${this.heading}</h3>` : ''}
      <div class="area" style="height: var(--pl-chart-height, ${Math.max(14, this.bars.length * 4.5)}rem)">
        <canvas role="img" aria-label=${this.heading}></canvas>
      </div>
      <figcaption class="sr-only">
        <ul>
          ${this.bars.map((b) => html`<li>${barText(b, this.unit, end)}</li>`)}
        </ul>
      </figcaption>
    </figure>`;
  }
}

/** Splits a long label into lines of about 18 characters, so narrow screens do not cut it off. */
function wrapLabel(label: string, width = 18): string[] {
  const lines: string[] = [];
  for (const word of label.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines;
}

define('pl-bar-chart', PlBarChart);

declare global {
  interface HTMLElementTagNameMap {
    'pl-bar-chart': PlBarChart;
  }
}
