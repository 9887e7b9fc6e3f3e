import { LitElement, html } from 'lit';
import type { Chart, ChartConfiguration, Plugin, ScaleOptions } from 'chart.js';
import { ChartController, chartStyles, numberTicks, type ChartJs, type ChartTheme } from './chart-controller';
import { barText, barValueText, cutAxisEnd, logTickText, logTicks } from './chart-model';
import { define } from './define';
import { cssomStyle } from './shared/cssom-style';

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
 * updates per variant) on a linear axis, or, asked with `scale="logarithmic"`,
 * a logarithmic one (for values that differ by powers of ten), each bar's
 * value written at its end, with a text alternative that lists every bar for
 * screen readers.
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
      scale: { type: String },
    };
  }

  /** The bars, top to bottom. */
  bars: BarDatum[] = [];
  /** The unit of the values, shown on the axis, e.g. "ms". */
  unit = '';
  /** The chart's title. */
  heading = '';
  /** `logarithmic` for values powers of ten apart (a copy of seconds beside a transfer of a tenth of a millisecond): each is still seen. */
  scale: 'linear' | 'logarithmic' = 'linear';

  static override styles = chartStyles;

  private readonly drawing = new ChartController(
    this,
    () => this.renderRoot.querySelector('canvas'),
    (colors, chartJs) => this.config(colors, chartJs),
  );

  /** The Chart.js chart drawn, once rendered and Chart.js has loaded (with the first chart on the page, after a run). */
  get chart(): Chart<'bar'> | undefined {
    return this.drawing.chart;
  }

  private config(colors: ChartTheme, { ChartDataLabels }: ChartJs): ChartConfiguration<'bar'> {
    const bars = this.bars;
    const log = this.scale === 'logarithmic' ? logAxis(bars, this.unit) : undefined;
    // A logarithmic axis fits every bar: none needs cutting.
    const end = log ? undefined : cutAxisEnd(bars);
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
            data: bars.map((b) => (log ? Math.max(b.value, log.min) : end === undefined ? b.value : Math.min(b.value, end))),
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
          x: log ?? {
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
    const end = this.scale === 'logarithmic' ? undefined : cutAxisEnd(this.bars);
    return html`<figure>
      ${this.heading ? html`<h3>${this.heading}</h3>` : ''}
      <div class="area" ${cssomStyle({ height: `var(--pl-chart-height, ${Math.max(14, this.bars.length * 4.5)}rem)` })}>
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

/**
 * A logarithmic value axis for `bars`: from the power of ten at or below the
 * smallest value (a bar of zero stays empty there, its value still written)
 * to one with room past the longest bar for its value; it writes 1, 2 and 5
 * in each decade, or fewer values, as many as fit (see `logTicks`).
 */
function logAxis(bars: readonly BarDatum[], unit: string): ScaleOptions<'logarithmic'> & { min: number } {
  const positive = bars.map((b) => b.value).filter((v) => v > 0);
  const smallest = positive.length ? Math.min(...positive) : 1;
  const largest = positive.length ? Math.max(...positive) : 1;
  const min = Number(`1e${Math.floor(Math.log10(smallest))}`);
  const max = Number(`1e${Math.ceil(Math.log10(largest * 3))}`);
  return {
    type: 'logarithmic',
    min,
    max,
    // The ticks are the values whose labels fit, chosen by where they fall; Chart.js would skip them by count.
    afterBuildTicks: (axis) => {
      // The ticks take the chart's font (the lab sets none of its own).
      const { style = '', weight = '', size, family } = axis.chart.options.font ?? {};
      axis.ctx.font = `${style} ${weight} ${size}px ${family}`;
      const width = (value: number) => axis.ctx.measureText(logTickText(value)).width;
      axis.ticks = logTicks(min, max, axis.width, width).map((value) => ({ value }));
    },
    ticks: { ...numberTicks, autoSkip: false, callback: (value) => logTickText(Number(value)) },
    title: { display: true, text: `${unit ? `${unit}, ` : ''}logarithmic scale: each step is ten times the last` },
  };
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
