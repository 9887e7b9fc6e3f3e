import { LitElement, css, html } from 'lit';
import type { ChartConfiguration } from 'chart.js';
import { ChartController, PALETTE, chartStyles } from './chart-controller';
import { define } from './define';

export interface BarDatum {
  label: string;
  value: number;
  /** Shown in the tooltip and the text alternative, e.g. "projected". */
  note?: string;
}

/**
 * A horizontal bar chart of one value per label (times per variant, lost
 * updates per variant), with a text alternative for screen readers.
 *
 * @cssproperty --pl-chart-height - height of the chart area (default: 14rem, or 4.5rem a bar when there are more).
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

  static override styles = [
    chartStyles,
    css`
      .sr-only {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
      }
    `,
  ];

  constructor() {
    super();
    new ChartController(
      this,
      () => this.renderRoot.querySelector('canvas'),
      (): ChartConfiguration<'bar'> => ({
        type: 'bar',
        data: {
          labels: this.bars.map((b) => wrapLabel(b.note ? `${b.label} (${b.note})` : b.label)),
          datasets: [
            {
              label: this.heading,
              data: this.bars.map((b) => b.value),
              backgroundColor: this.bars.map((_, i) => PALETTE[i % PALETTE.length]),
            },
          ],
        },
        options: {
          indexAxis: 'y',
          maintainAspectRatio: false,
          scales: {
            x: this.logarithmic
              ? { type: 'logarithmic', title: { display: true, text: `${this.unit} (logarithmic scale)` } }
              : { beginAtZero: true, title: { display: Boolean(this.unit), text: this.unit } },
            // Every bar keeps its label, even when a narrow screen leaves little room.
            y: { ticks: { autoSkip: false } },
          },
        },
      }),
    );
  }

  /** True when the values span so many powers of ten that a linear axis would hide the small ones. */
  private get logarithmic(): boolean {
    const positive = this.bars.map((b) => b.value).filter((v) => v > 0);
    return positive.length === this.bars.length && positive.length > 1 && Math.max(...positive) / Math.min(...positive) > 50;
  }

  override render() {
    return html`<figure style="margin:0">
      ${this.heading ? html`<h3>${this.heading}</h3>` : ''}
      <div class="area" style="height: var(--pl-chart-height, ${Math.max(14, this.bars.length * 4.5)}rem)">
        <canvas role="img" aria-label=${this.heading}></canvas>
      </div>
      <figcaption class="sr-only">
        <ul>
          ${this.bars.map((b) => html`<li>${b.label}: ${b.value.toLocaleString('en-US', { maximumFractionDigits: 1 })} ${this.unit}${b.note ? ` (${b.note})` : ''}</li>`)}
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
