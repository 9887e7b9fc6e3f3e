import { LitElement, css, html, nothing } from 'lit';
import { formatCount } from '../../core/format';
import { runDataVariant } from '../../experiments/data';
import {
  DATA_LIMITS,
  DATA_VARIANT_FACTS,
  DATA_VARIANTS,
  dataVariantsFor,
  LESSON_NUMBERS,
  parseDataParams,
  skipReason,
  type DataParams,
  type DataRunResult,
  type DataVariant,
} from '../../experiments/data-rules';
import { nextPaint } from '../../runtime/frame-monitor';
import { canShareMemory } from '../../runtime/isolation';
import { DemoController } from '../demo-controller';
import { define } from '../define';
import type { BarDatum } from '../pl-bar-chart';
import { fieldGrid } from '../shared/fields';
import { isolationNotice } from '../shared/isolation-notice';
import { settingsPanel } from '../shared/run-controls';
import { demoStyles, isolationStyles } from '../shared/styles';
import { DATA_JAVASCRIPT, DATA_PYTHON } from './data-code';
import { DATA_ISOLATION, DATA_STATUS, dataExpectations, dataIntro, lessonWays } from './data-copy';
import { dataResults, dataTimeBars } from './data-results';
import '../pl-code-compare';

/**
 * The data-moving demo: the lesson's ten million numbers handed to one
 * worker four ways (copied as a plain Array, the browser's pickling; copied
 * as a Float64Array; transferred; shared), each timed until the worker
 * answers that it has them, then checked by the worker's checksum. It says
 * which way the lesson's processes used and what that costs on this device.
 *
 * Attributes (and, with `url-params`, when the page's URL names this demo or
 * none, URL parameters of the same names: `?demo=data&numbers=10000000&autorun=1`)
 * set the starting values.
 *
 * @fires pl-run-complete - after each run; `detail` is the DataRunResult.
 * @attr url-params - read the settings, and autorun, from the page's address as well (the lab's own pages set it; a course page's address is left alone without it).
 * @csspart panel - every section of the demo, with one of the names below.
 * @csspart intro - the title, the question and what to expect.
 * @csspart notice - why sharing is skipped, on a page without shared memory.
 * @csspart settings - the field, the buttons and the status.
 * @csspart results - the table, the story and the chart.
 * @csspart explanation - which way the lesson's processes used, and the CPU demo's workers.
 * @csspart code - the lesson's Python beside the JavaScript that runs.
 * @cssproperty --pl-* - see the theme
 */
export class PlDataDemo extends LitElement {
  static override get properties() {
    return {
      numbers: { type: String },
      autorun: { type: Boolean },
      compact: { type: Boolean, reflect: true },
    };
  }

  /** How many numbers to hand over (default 10,000,000, as in the lesson). */
  numbers: string | number = String(LESSON_NUMBERS);
  /** Press Run all once the demo is ready. */
  autorun = false;
  /** Hide the longer explanations and the code, for a page that embeds the demo. */
  compact = false;

  /** Fixed for the page's life: isolation is decided when the document loads. */
  private readonly shared = canShareMemory();
  /** The chart's bars, rebuilt only when the results change, so progress updates do not redraw it. */
  private bars: { for?: object; bars: BarDatum[] } = { bars: [] };

  private readonly demo = new DemoController<DataVariant, DataParams, DataRunResult>(this, {
    demo: 'data',
    urlFields: { numbers: 'numbers' },
    params: () => this.parsed().params,
    run: runDataVariant,
    ...DATA_STATUS,
    // Let the page draw each result before the next run starts watching frames.
    between: nextPaint,
  });

  static override styles = [
    demoStyles,
    isolationStyles,
    css`
      /* The reason a way was skipped is a sentence: it wraps rather than widening the table. */
      td.skipped {
        white-space: normal;
        min-width: 16rem;
      }
    `,
  ];

  /** The ways this page can use: all four when it is cross-origin isolated, else the three that need no shared memory. */
  get availableVariants(): readonly DataVariant[] {
    return dataVariantsFor(this.shared);
  }

  /** The settings as typed, by attribute name: what a page would write to show this demo as it is. */
  get settings(): Record<string, string> {
    return this.demo.settings();
  }

  private parsed() {
    return parseDataParams({ numbers: this.numbers });
  }

  /** Runs every way this page can use, in order; stops at the first that is stopped or fails. */
  runAll(): Promise<boolean> {
    return this.demo.runAll(this.availableVariants, DATA_STATUS.finished(this.shared));
  }

  /** Runs one way; resolves false when it was stopped, refused, skipped on this page or failed. */
  run(variant: DataVariant): Promise<boolean> {
    if (!this.availableVariants.includes(variant)) return Promise.resolve(false);
    return this.demo.run(variant);
  }

  /** Stops the current run at once and shuts its worker down. */
  stop(): void {
    this.demo.stop();
  }

  override render() {
    const { params, messages } = this.parsed();
    const results = this.demo.results;
    return html`
      <section part="panel intro" aria-labelledby="data-title">${dataIntro()} ${dataExpectations()}</section>
      ${this.shared ? nothing : isolationNotice(DATA_ISOLATION)}
      ${settingsPanel({
        id: 'data',
        state: this.demo,
        fields: fieldGrid(
          [
            {
              id: 'numbers',
              label: DATA_LIMITS.numbers.label,
              value: this.numbers,
              message: messages.numbers,
              hint: `How many numbers to hand over. The lesson uses ${formatCount(LESSON_NUMBERS)}; at most ${formatCount(
                DATA_LIMITS.numbers.max,
              )}.`,
              kind: 'number',
              onInput: (v: string) => (this.numbers = v),
            },
          ],
          this.demo.busy,
        ),
        variants: DATA_VARIANTS.map((v) => ({
          value: v,
          label: DATA_VARIANT_FACTS[v].label,
          unavailable: skipReason(v, this.shared),
        })),
        invalid: !params,
        runAllLabel: this.shared ? 'Run all' : 'Run the three ways',
        onRunAll: () => void this.runAll(),
        onRun: (v) => void this.run(v),
        onStop: () => this.stop(),
      })}
      ${dataResults({ results, shared: this.shared, bars: this.timeBars() })} ${lessonWays(results['copy-array'], this.shared)}
      <section part="panel code" class="advanced" aria-labelledby="data-code">
        <h3 id="data-code">The code</h3>
        <pl-code-compare .python=${DATA_PYTHON} .javascript=${DATA_JAVASCRIPT}></pl-code-compare>
      </section>
    `;
  }

  private timeBars(): BarDatum[] {
    const results = this.demo.results;
    if (this.bars.for !== results) this.bars = { for: results, bars: dataTimeBars(results) };
    return this.bars.bars;
  }
}

define('pl-data-demo', PlDataDemo);

declare global {
  interface HTMLElementTagNameMap {
    'pl-data-demo': PlDataDemo;
  }
}
