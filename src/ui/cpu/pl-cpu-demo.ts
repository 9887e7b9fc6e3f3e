import { LitElement, html } from 'lit';
import kernelSource from '../../core/cpu-kernel.ts?raw';
import { formatCount, formatMs as ms } from '../../core/format';
import { runCpuVariant } from '../../experiments/cpu';
import {
  CPU_LIMITS,
  CPU_VARIANT_FACTS,
  CPU_VARIANTS,
  DEFAULT_NUMBERS,
  parseCpuParams,
  type CpuParams,
  type CpuRunResult,
  type CpuVariant,
} from '../../experiments/cpu-rules';
import { nextPaint } from '../../runtime/frame-monitor';
import { reportedCores } from '../../runtime/environment';
import { define } from '../define';
import { DemoController } from '../demo-controller';
import type { BarDatum } from '../pl-bar-chart';
import { fieldGrid } from '../shared/fields';
import { settingsPanel } from '../shared/run-controls';
import { CalibrationController } from '../shared/calibration';
import { CoresController } from '../shared/cores';
import { demoStyles } from '../shared/styles';
import { CPU_JAVASCRIPT, CPU_KERNEL_PYTHON, CPU_PYTHON } from './cpu-code';
import { calibrationNote, cpuExpectations, cpuIntro, workersHint } from './cpu-copy';
import { cpuResults, cpuTimeBars } from './cpu-results';
import '../pl-code-compare';
import { readingOf } from '../pl-frame-meter';

const label = (v: CpuVariant) => CPU_VARIANT_FACTS[v].label;

/**
 * The CPU-bound demo: the lesson's "square ten million numbers", run serially,
 * as tasks taking turns on the main thread, as one message per number to a
 * worker pool, and split over workers. Every result is checked against the
 * expected checksum before its time is shown.
 *
 * Attributes (and, with `url-params`, when the page's URL names this demo or none, URL
 * parameters of the same names: `?demo=cpu&numbers=…&rounds=…&workers=…&chunk-size=…&autorun=1`)
 * set the starting values.
 *
 * @fires pl-run-complete - after each run, verified or not; `detail` is the CpuRunResult.
 * @attr url-params - read the settings, and autorun, from the page's address as well (the lab's own pages set it; a course page's address is left alone without it).
 * @csspart panel - every section of the demo; each also has its own part name below.
 * @csspart intro - the introduction and what to expect.
 * @csspart settings - the fields, the run buttons and the status.
 * @csspart results - the table, the story and the charts.
 * @csspart code - the lesson's Python beside the JavaScript that runs.
 * @cssproperty --pl-accent - and every other `--pl-*` property of the lab's theme, listed in src/ui/shared/theme.ts.
 */
export class PlCpuDemo extends LitElement {
  static override get properties() {
    return {
      numbers: { type: String },
      rounds: { type: String },
      workers: { type: String },
      chunkSize: { type: String, attribute: 'chunk-size' },
      autorun: { type: Boolean },
      compact: { type: Boolean, reflect: true },
      timelineVariant: { state: true },
    };
  }

  /** How many numbers to work on (default 10,000,000, as in the lesson). */
  numbers: string | number = String(DEFAULT_NUMBERS);
  /** Work per number in rounds; empty means "calibrate so the serial run takes about a second". */
  rounds: string | number = '';
  /** Workers for the pool variants (default: the cores the browser reports). */
  workers: string | number = String(Math.min(CPU_LIMITS.workers.max, reportedCores()));
  /** Numbers per message in the pool variant; empty means Python's rule (numbers ÷ (4 × workers)); 1 sends each number alone. */
  chunkSize: string | number = '';
  /** Press Run all once the demo is ready. */
  autorun = false;
  /** Hide the advanced settings and the long explanations. */
  compact = false;

  private timelineVariant: CpuVariant = 'workers';
  /** The time chart's bars, rebuilt only when the results change, so the chart is not redrawn on every progress step. */
  private bars: { for?: object; bars: BarDatum[] } = { bars: [] };

  private readonly demo = new DemoController<CpuVariant, CpuParams, CpuRunResult>(this, {
    demo: 'cpu',
    urlFields: { numbers: 'numbers', rounds: 'rounds', workers: 'workers', chunkSize: 'chunk-size' },
    params: () => this.work.paramsForRun(() => this.parsed()),
    run: (variant, params, context) => {
      this.timelineVariant = variant;
      return runCpuVariant(variant, params, context);
    },
    label,
    running: (variant) =>
      variant === 'serial'
        ? 'Running serial on the main thread: the page will freeze until it is done. Stop cannot interrupt it.'
        : `Running: ${label(variant)}…`,
    done: (r) => `${label(r.variant)}: ${ms(r.wallMs)}${r.projected ? ' (projected)' : ''}, result verified.`,
    wrong: (r) =>
      `${label(r.variant)}: the result was wrong (checksum ${r.checksum}, expected ${r.expectedChecksum}), so its time is not shown.`,
    stopped: () => 'Stopped. The workers were shut down; the next run starts fresh ones.',
    onReady: () => this.work.calibrateIfUnset(),
    // Let the page draw each result (charts finish on the frame after) before the next run starts watching frames.
    between: async () => {
      await nextPaint();
      await nextPaint();
    },
  });

  /** The work per number, calibrated to this device. */
  private readonly work: CalibrationController = new CalibrationController(this, CPU_LIMITS.numbers, () => this.demo.busy);
  /** The cores the browser reports, and what this visit's scaling curve found. */
  private readonly cores = new CoresController(this);

  static override styles = demoStyles;

  private parsed() {
    return parseCpuParams({ numbers: this.numbers, rounds: this.rounds, workers: this.workers, chunkSize: this.chunkSize });
  }

  /** Picks the work per number so the serial run takes about a second on this device. */
  calibrate(): void {
    this.work.calibrate();
  }

  /** Runs every variant in order; Stop ends the whole sequence. */
  runAll(): Promise<boolean> {
    return this.demo.runAll(CPU_VARIANTS, 'All four variants finished. Read what happened below.');
  }

  /** Runs one variant; resolves false when it was stopped, refused or failed. */
  run(variant: CpuVariant): Promise<boolean> {
    return this.demo.run(variant);
  }

  /** Stops the current run at once and shuts its workers down. */
  stop(): void {
    this.demo.stop();
  }

  /** The settings as typed, by attribute name: what a page would write to show this demo as it is. */
  get settings(): Record<string, string> {
    return this.demo.settings();
  }

  private setField(field: keyof CpuParams, value: string): void {
    this[field] = value;
    this.work.fieldChanged(field);
  }

  override render() {
    const { messages, params } = this.parsed();
    const busy = this.demo.busy;
    const field = (id: string, key: keyof CpuParams, fieldLabel: string, hint: string, advanced = false) => ({
      id,
      label: fieldLabel,
      value: this[key],
      message: messages[key],
      hint,
      kind: 'number' as const,
      advanced,
      onInput: (v: string) => this.setField(key, v),
    });
    return html`
      <section part="panel intro" aria-labelledby="cpu-title">${cpuIntro()} ${cpuExpectations()}</section>
      ${settingsPanel({
        id: 'cpu',
        state: this.demo,
        fields: fieldGrid(
          [
            field(
              'numbers',
              'numbers',
              'Numbers',
              `How many tens to square. The lesson uses 10,000,000; at most ${formatCount(CPU_LIMITS.numbers.max)}.`,
            ),
            field(
              'rounds',
              'rounds',
              'Work per number (rounds)',
              '1 round is plain squaring; each further round adds a little arithmetic. Empty: chosen so the serial run takes about a second here.',
              true,
            ),
            field('workers', 'workers', 'Workers', workersHint(this.cores.count)),
            field(
              'chunk-size',
              'chunkSize',
              'Numbers per message (pool)',
              `Empty: as Python's Pool.map does, numbers ÷ (4 × workers)${
                params && String(this.chunkSize).trim() === '' ? `, ${formatCount(params.chunkSize)} here` : ''
              }. 1 sends each number on its own.`,
              true,
            ),
          ],
          busy,
        ),
        notes: calibrationNote(this.work.calibration),
        variants: CPU_VARIANTS.map((v) => ({ value: v, label: label(v) })),
        // Not `!params`: with no work per number yet, there are none, but Run calibrates first.
        invalid: Object.values(messages).some(Boolean),
        extraButtons: html`<button
          type="button"
          class="advanced"
          ?disabled=${busy || Boolean(messages.numbers)}
          @click=${this.calibrate}
        >
          Calibrate
        </button>`,
        after: html`<pl-frame-meter
          ?running=${busy}
          .reading=${readingOf(this.demo.latest, (r) => label(r.variant))}
        ></pl-frame-meter>`,
        onRunAll: () => void this.runAll(),
        onRun: (v) => void this.run(v),
        onStop: () => this.stop(),
      })}
      ${cpuResults({
        results: this.demo.results,
        cores: this.cores.count,
        timelineVariant: this.timelineVariant,
        onTimeline: (v) => (this.timelineVariant = v),
        bars: this.timeBars(),
      })}
      <section part="panel code" class="advanced" aria-labelledby="cpu-code">
        <h3 id="cpu-code">The code</h3>
        <pl-code-compare .python=${CPU_PYTHON} .javascript=${CPU_JAVASCRIPT}></pl-code-compare>
        <details>
          <summary>The work on each number, exactly as it runs (<code>src/core/cpu-kernel.ts</code>)</summary>
          <pl-code-compare .python=${CPU_KERNEL_PYTHON} .javascript=${kernelSource}></pl-code-compare>
        </details>
      </section>
    `;
  }

  private timeBars(): BarDatum[] {
    const results = this.demo.results;
    if (this.bars.for !== results) this.bars = { for: results, bars: cpuTimeBars(results) };
    return this.bars.bars;
  }
}

define('pl-cpu-demo', PlCpuDemo);

declare global {
  interface HTMLElementTagNameMap {
    'pl-cpu-demo': PlCpuDemo;
  }
}
