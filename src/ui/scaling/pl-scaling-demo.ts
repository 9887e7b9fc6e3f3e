import { LitElement, html } from 'lit';
import { formatCount } from '../../core/format';
import { runScalingSweep } from '../../experiments/scaling';
import {
  DEFAULT_SCALING_NUMBERS,
  SCALING_LIMITS,
  SCALING_VARIANT_FACTS,
  curvePoints,
  defaultMaxWorkers,
  parseScalingParams,
  type ScalingParams,
  type ScalingRunResult,
  type ScalingWorkersRun,
} from '../../experiments/scaling-rules';
import { reportedCores } from '../../runtime/environment';
import { define } from '../define';
import { DemoController } from '../demo-controller';
import type { LineSeries } from '../pl-line-chart';
import { fieldGrid } from '../shared/fields';
import { settingsPanel } from '../shared/run-controls';
import { CalibrationController } from '../shared/calibration';
// Keeps this demo's curves for the CPU demo, which rates its workers against them.
import '../shared/cores';
import { demoStyles } from '../shared/styles';
import * as copy from './scaling-copy';
import { speedupSeries } from './scaling-chart';
import { scalingResults } from './scaling-results';

/**
 * The scaling demo: the CPU demo's work on 1, 2, … up to "most workers"
 * workers, every run verified, read as a speed-up curve beside the ideal
 * line and Amdahl's law fitted to it, with the cores the work could really
 * use set against the cores the browser reports.
 *
 * Attributes (and, with `url-params`, URL parameters of the same names:
 * `?demo=scaling&numbers=…&rounds=…&max-workers=…&repeats=…&autorun=1`)
 * set the starting values.
 *
 * @attr url-params - read the settings, and autorun, from the page's address as well (the lab's own pages set it; a course page's address is left alone without it).
 * @fires pl-run-complete - after each run of the sweep (`variant: 'workers'`), then once for the whole sweep (`variant: 'curve'`); `detail` is the ScalingRunResult.
 * @csspart panel - every section of the demo, with one of the names below.
 * @csspart intro - the introduction and, folded, what to expect.
 * @csspart settings - the fields, the buttons and the status.
 * @csspart results - where the cores stand, the table, the story and the chart.
 * @cssproperty --pl-accent - and every other `--pl-*` property of the lab's theme, listed in src/ui/shared/theme.ts.
 */
export class PlScalingDemo extends LitElement {
  static override get properties() {
    return {
      numbers: { type: String },
      rounds: { type: String },
      maxWorkers: { type: String, attribute: 'max-workers' },
      repeats: { type: String },
      autorun: { type: Boolean },
      compact: { type: Boolean, reflect: true },
      runs: { state: true },
    };
  }

  /** How many numbers each run works on (default 1,000,000). */
  numbers: string | number = String(DEFAULT_SCALING_NUMBERS);
  /** Work per number in rounds; empty means "calibrate so one worker takes about a second". */
  rounds: string | number = '';
  /** The sweep runs 1, 2, … up to this many workers (default: twice the reported cores, at least 8). */
  maxWorkers: string | number = String(defaultMaxWorkers(reportedCores()));
  /** How many times to sweep; each point is the median of its runs. */
  repeats: string | number = '1';
  /** Run the sweep once the demo is ready. */
  autorun = false;
  /** Hide the advanced settings and the long explanations. */
  compact = false;

  /** The runs of the sweep going on, or of the last one. */
  private runs: ScalingWorkersRun[] = [];
  /** The chart's lines, rebuilt only when the runs or the curve change, so progress steps do not redraw it. */
  private lines: { for: readonly unknown[]; series: LineSeries[] } = { for: [], series: [] };

  private readonly demo = new DemoController<'curve', ScalingParams, ScalingRunResult>(this, {
    demo: 'scaling',
    urlFields: { numbers: 'numbers', rounds: 'rounds', maxWorkers: 'max-workers', repeats: 'repeats' },
    params: () => this.work.paramsForRun(() => this.parsed()),
    run: (_variant, params, context) => {
      // A new sweep: the last one's runs and curve make way for its own.
      this.runs = [];
      this.demo.results = {};
      return runScalingSweep(params, {
        ...context,
        onRun: (run) => {
          this.runs = [...this.runs, run];
          this.demo.announce(run);
          if (run.verified) this.demo.say(copy.sweepStatus(run));
        },
      });
    },
    label: (variant) => SCALING_VARIANT_FACTS[variant].label,
    running: (_variant, params) => copy.sweepRunning(params),
    // Only the curve is run as a variant: the sweep's own runs are announced as they come, above.
    done: (r) => (r.variant === 'curve' ? copy.sweepDone(r) : ''),
    wrong: () => 'A run of the sweep gave a wrong result, so no curve is drawn.',
    stopped: () => 'Stopped. The workers were shut down; the next sweep starts fresh ones.',
    onReady: () => this.work.calibrateIfUnset(),
  });

  /** The work per number, calibrated to this device. */
  private readonly work: CalibrationController = new CalibrationController(this, SCALING_LIMITS.numbers, () => this.demo.busy);

  static override styles = demoStyles;

  private parsed() {
    const { numbers, rounds, maxWorkers, repeats } = this;
    return parseScalingParams({ numbers, rounds, maxWorkers, repeats });
  }

  /** Picks the work per number so one worker takes about a second on this device. */
  calibrate(): void {
    this.work.calibrate();
  }

  /** Runs the sweep; resolves false when it was stopped, refused or failed. */
  runAll(): Promise<boolean> {
    // One step: its own status, once done, says what the curve showed.
    return this.demo.run('curve');
  }

  /** Stops the sweep at once and shuts its workers down. */
  stop(): void {
    this.demo.stop();
  }

  /** The settings as typed, by attribute name: what a page would write to show this demo as it is. */
  get settings(): Record<string, string> {
    return this.demo.settings();
  }

  private setField(field: keyof ScalingParams, value: string): void {
    this[field] = value;
    this.work.fieldChanged(field);
  }

  override render() {
    const { messages } = this.parsed();
    const busy = this.demo.busy;
    const cores = reportedCores();
    const field = (id: string, key: keyof ScalingParams, label: string, hint: string, advanced = false) => ({
      id,
      label,
      value: this[key],
      message: messages[key],
      hint,
      kind: 'number' as const,
      advanced,
      onInput: (v: string) => this.setField(key, v),
    });
    const { numbers, rounds, maxWorkers, repeats } = SCALING_LIMITS;
    return html`
      <section part="panel intro" aria-labelledby="scaling-title">${copy.scalingIntro()} ${copy.scalingExpectations()}</section>
      ${settingsPanel({
        id: 'scaling',
        state: this.demo,
        fields: fieldGrid(
          [
            field(
              'max-workers',
              'maxWorkers',
              'Most workers',
              `The sweep runs 1, 2, … up to this many. This browser reports ${cores} cores. ${maxWorkers.min} to ${maxWorkers.max}.`,
            ),
            field('repeats', 'repeats', 'Repeats', `Sweeps to take each point's median of. ${repeats.min} to ${repeats.max}.`),
            field('numbers', 'numbers', 'Numbers', `${formatCount(numbers.min)} to ${formatCount(numbers.max)}.`, true),
            field('rounds', 'rounds', 'Work per number (rounds)', `1 to ${formatCount(rounds.max)}; empty: calibrate.`, true),
          ],
          busy,
        ),
        notes: copy.scalingCalibrationNote(this.work.calibration),
        variants: [],
        // Not `!params`: with no work per number yet, there are none, but Run calibrates first.
        invalid: Object.values(messages).some(Boolean),
        runAllLabel: 'Run the sweep',
        extraButtons: html`<button
          type="button"
          class="advanced"
          ?disabled=${busy || Boolean(messages.numbers)}
          @click=${this.calibrate}
        >
          Calibrate
        </button>`,
        onRunAll: () => void this.runAll(),
        onRun: () => void this.runAll(),
        onStop: () => this.stop(),
      })}
      ${scalingResults({ ...this.shown(cores), series: this.series(cores) })}
    `;
  }

  /** What the results show: the sweep's points so far and, once it finished, its curve. */
  private shown(reported: number) {
    const curve = this.demo.results.curve;
    return {
      points: curvePoints(this.runs),
      curve: curve?.variant === 'curve' ? curve : undefined,
      maxWorkers: this.runs[0]?.params.maxWorkers ?? 1,
      reportedCores: reported,
    };
  }

  private series(reported: number): LineSeries[] {
    const key = [this.runs, this.demo.results.curve, reported];
    if (key.some((k, i) => k !== this.lines.for[i])) this.lines = { for: key, series: speedupSeries(this.shown(reported)) };
    return this.lines.series;
  }
}

define('pl-scaling-demo', PlScalingDemo);

declare global {
  interface HTMLElementTagNameMap {
    'pl-scaling-demo': PlScalingDemo;
  }
}
