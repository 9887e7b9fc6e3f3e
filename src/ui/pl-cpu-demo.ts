import { LitElement, html, nothing } from 'lit';
import kernelSource from '../core/cpu-kernel.ts?raw';
import { efficiency, speedup } from '../core/stats';
import { formatCount, parseWholeNumber } from '../core/validate';
import {
  CPU_LIMITS,
  CPU_VARIANTS,
  DEFAULT_NUMBERS,
  MAIN_THREAD_TASKS,
  PER_ITEM_SAMPLE,
  calibrateRounds,
  runCpuVariant,
  type Calibration,
  type CpuParams,
  type CpuRunResult,
  type CpuVariant,
} from '../experiments/cpu';
import { spawnBrowserWorker } from '../runtime/browser-worker';
import { reportedCores } from '../runtime/environment';
import { abortError, WorkerPool } from '../runtime/pool';
import { nextPaint } from '../runtime/frame-monitor';
import { demoStyles, numberField, radioGroup } from './fields';
import { countOf, formatMs as ms, formatPercent, formatTimes as times } from './format';
import { applyUrlParams, wantsAutorun } from './url-params';
import { dispatchRunComplete } from './run-complete';
import { RunSession } from './run-session';
import { CPU_JAVASCRIPT, CPU_PYTHON } from './text/cpu-code';
import type { BarDatum } from './pl-bar-chart';
import './pl-bar-chart';
import './pl-timeline';
import './pl-frame-meter';
import './pl-code-compare';

type Field = keyof CpuParams;

const VARIANT_NAMES: Record<CpuVariant, string> = {
  serial: 'Serial (main thread)',
  'main-thread-tasks': `${MAIN_THREAD_TASKS} tasks taking turns (main thread)`,
  'pool-per-item': 'Pool, one message per chunk',
  workers: 'Workers, one part each',
};

const STOPPED = 'Stopped. The workers were shut down; the next run starts fresh ones.';

const FIELD_ATTRIBUTES: Record<Field, string> = {
  numbers: 'numbers',
  rounds: 'rounds',
  workers: 'workers',
  chunkSize: 'chunk-size',
};

/**
 * The CPU-bound demo: the lesson's "square ten million numbers", run serially,
 * as tasks taking turns on the main thread, as one message per number to a
 * worker pool, and split over workers. Every result is checked against the
 * expected checksum before its time is shown.
 *
 * Attributes (and, when the page's URL names this demo or none, URL
 * parameters of the same names) set the starting values.
 *
 * @fires pl-run-complete - after each verified or failed-verification run; `detail` is the CpuRunResult.
 * @csspart panel - each section of the demo.
 */
export class PlCpuDemo extends LitElement {
  static properties = {
    numbers: { type: String },
    rounds: { type: String },
    workers: { type: String },
    chunkSize: { type: String, attribute: 'chunk-size' },
    autorun: { type: Boolean },
    results: { state: true },
    calibration: { state: true },
    timelineVariant: { state: true },
  };

  /** How many numbers to work on (default 10,000,000, as in the lesson). */
  numbers = String(DEFAULT_NUMBERS);
  /** Work per number in rounds; empty means "calibrate so the serial run takes about a second". */
  rounds = '';
  /** Workers for the pool variants (default: the cores the browser reports). */
  workers = String(Math.min(CPU_LIMITS.workers.max, reportedCores()));
  /** Numbers per message in the pool variant (1 = one message per number). */
  chunkSize = '1';
  /** Press Run once the demo is ready. */
  autorun = false;

  private results: Partial<Record<CpuVariant, CpuRunResult>> = {};
  private calibration?: Calibration;
  private timelineVariant: CpuVariant = 'workers';
  /** The time chart's bars, rebuilt only when the results change, so the chart is not redrawn on every progress step. */
  private bars: BarDatum[] = [];
  private pool = new WorkerPool(spawnBrowserWorker, Math.min(CPU_LIMITS.workers.max, reportedCores()));
  private session = new RunSession<CpuVariant>(this, {
    onStop: () => this.pool.terminate(abortError()),
    stoppedMessage: () => STOPPED,
  });

  static styles = demoStyles;

  connectedCallback(): void {
    super.connectedCallback();
    if (wantsAutorun(applyUrlParams(this, 'cpu', FIELD_ATTRIBUTES))) this.autorun = true;
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.pool.terminate();
  }

  protected firstUpdated(): void {
    // Let the page paint before measuring; then run if asked to.
    setTimeout(() => {
      if (this.rounds.trim() === '') this.calibrate();
      if (this.autorun) void this.runAll();
    }, 0);
  }

  protected willUpdate(changed: Map<string, unknown>): void {
    if (!changed.has('results')) return;
    this.bars = CPU_VARIANTS.flatMap((v) => {
      const r = this.results[v];
      return r?.verified ? [{ label: VARIANT_NAMES[v], value: r.wallMs, note: r.projected ? 'projected' : undefined }] : [];
    });
  }

  /** Every field's message ('' when fine) and, when all are fine, the parameters. */
  private check(): { messages: Record<Field, string>; params?: CpuParams } {
    const messages = {} as Record<Field, string>;
    const values = {} as CpuParams;
    for (const field of Object.keys(FIELD_ATTRIBUTES) as Field[]) {
      const parsed = parseWholeNumber(this[field], CPU_LIMITS[field]);
      messages[field] = parsed.ok
        ? ''
        : field === 'rounds' && this.rounds.trim() === ''
          ? `${CPU_LIMITS.rounds.label}: enter a whole number, or press Calibrate to choose one for these numbers.`
          : parsed.message;
      if (parsed.ok) values[field] = parsed.value;
    }
    return { messages, params: Object.values(messages).some(Boolean) ? undefined : values };
  }

  /** Picks the work per number so the serial run takes about a second on this device. */
  calibrate(): void {
    const numbers = parseWholeNumber(this.numbers, CPU_LIMITS.numbers);
    if (!numbers.ok || this.session.busy) return;
    this.calibration = calibrateRounds(numbers.value);
    this.rounds = String(this.calibration.rounds);
  }

  /** Runs every variant in order; Stop ends the whole sequence. */
  runAll(): Promise<boolean> {
    if (!this.ready()) return Promise.resolve(false);
    return this.session.sequence(
      CPU_VARIANTS.map((variant) => (signal: AbortSignal) => this.runVariant(variant, signal)),
      'All four variants finished. Read what happened below.',
      // Let the page draw each result (charts finish on the frame after) before the next run starts watching frames.
      async () => {
        await nextPaint();
        await nextPaint();
      },
    );
  }

  /** Runs one variant; resolves false when it was stopped, refused or failed. */
  run(variant: CpuVariant): Promise<boolean> {
    if (!this.ready()) return Promise.resolve(false);
    return this.session.start((signal) => this.runVariant(variant, signal));
  }

  /** Stops the current run at once and shuts its workers down. */
  stop(): void {
    this.session.stop();
  }

  /** True when the input is valid and no run is going. */
  private ready(): boolean {
    return Boolean(this.check().params) && !this.session.busy;
  }

  private async runVariant(variant: CpuVariant, signal: AbortSignal): Promise<boolean> {
    const params = this.check().params!;
    this.timelineVariant = variant;
    const name = VARIANT_NAMES[variant];
    const result = await this.session.step(
      variant,
      name,
      variant === 'serial'
        ? 'Running serial on the main thread: the page will freeze until it is done. Stop cannot interrupt it.'
        : `Running: ${name}…`,
      (onProgress) => runCpuVariant(variant, params, { pool: this.pool, signal, onProgress }),
    );
    if (!result) return false;
    this.results = { ...this.results, [variant]: result };
    dispatchRunComplete(this, result);
    if (!result.verified) {
      this.session.fail(
        `${name}: the result was wrong (checksum ${result.checksum}, expected ${result.expectedChecksum}), so its time is not shown.`,
      );
      return false;
    }
    this.session.say(`${name}: ${ms(result.wallMs)}${result.projected ? ' (projected)' : ''}, result verified.`);
    return true;
  }

  private setField(field: Field, value: string): void {
    this[field] = value;
    // The calibration note speaks of the numbers and rounds it chose: it no longer holds once either changes.
    if (field === 'rounds' || field === 'numbers') this.calibration = undefined;
    // With no work per number chosen yet, choose it as soon as the numbers are valid.
    if (field === 'numbers' && this.rounds.trim() === '') this.calibrate();
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    void this.runAll();
  }

  render() {
    const { messages } = this.check();
    const invalid = Object.values(messages).some(Boolean);
    const busy = this.session.busy;
    return html`
      <section part="panel" aria-labelledby="cpu-title">
        <h2 id="cpu-title">Computing: do more threads finish sooner?</h2>
        <p>
          The lesson squares ten million numbers, first in one loop, then with four threads, with a thread pool, and with four
          processes. Here the same work runs in your browser: on the page's own thread, as tasks that take turns on it, and on Web
          Workers, which are real threads with memory of their own.
        </p>
        ${this.renderExpectations()}
      </section>
      <section part="panel" aria-labelledby="cpu-controls">
        <h3 id="cpu-controls">Settings</h3>
        <form @submit=${this.onSubmit} novalidate>
          <div class="fields">
            ${numberField({
              id: 'numbers',
              label: 'Numbers',
              value: this.numbers,
              message: messages.numbers,
              hint: `How many tens to square. The lesson uses 10,000,000; at most ${formatCount(CPU_LIMITS.numbers.max)}.`,
              disabled: busy,
              onInput: (v) => this.setField('numbers', v),
            })}
            ${numberField({
              id: 'rounds',
              label: 'Work per number (rounds)',
              value: this.rounds,
              message: messages.rounds,
              hint: '1 round is plain squaring; each further round adds a little arithmetic.',
              disabled: busy,
              onInput: (v) => this.setField('rounds', v),
            })}
            ${numberField({
              id: 'workers',
              label: 'Workers',
              value: this.workers,
              message: messages.workers,
              hint: `This browser reports ${reportedCores()} cores. 1 to 64.`,
              disabled: busy,
              onInput: (v) => this.setField('workers', v),
            })}
            ${numberField({
              id: 'chunk-size',
              label: 'Numbers per message (pool)',
              value: this.chunkSize,
              message: messages.chunkSize,
              hint: 'For the pool variant: 1 sends each number on its own; try 1000.',
              disabled: busy,
              onInput: (v) => this.setField('chunkSize', v),
            })}
          </div>
          ${this.renderCalibration()}
          <div class="buttons">
            <button type="submit" class="primary" ?disabled=${busy || invalid}>Run all</button>
            ${CPU_VARIANTS.map(
              (v) =>
                html`<button type="button" data-variant=${v} ?disabled=${busy || invalid} @click=${() => void this.run(v)}>
                  ${VARIANT_NAMES[v]}
                </button>`,
            )}
            <button type="button" class="stop" ?disabled=${!busy} @click=${this.stop}>Stop</button>
            <button type="button" ?disabled=${busy || Boolean(messages.numbers)} @click=${this.calibrate}>Calibrate</button>
          </div>
        </form>
        ${this.session.renderStatus(this.session.running ? `Progress of ${VARIANT_NAMES[this.session.running]}` : 'Progress')}
        <pl-frame-meter ?running=${busy}></pl-frame-meter>
      </section>
      ${this.renderResults()}
      <section part="panel" aria-labelledby="cpu-code">
        <h3 id="cpu-code">The code</h3>
        <pl-code-compare .python=${CPU_PYTHON} .javascript=${CPU_JAVASCRIPT}></pl-code-compare>
        <details>
          <summary>The work on each number, exactly as it runs (<code>src/core/cpu-kernel.ts</code>)</summary>
          <pl-code-compare .python=${'def squared(x):\n    return x ** 2'} .javascript=${kernelSource}></pl-code-compare>
        </details>
      </section>
    `;
  }

  private renderExpectations() {
    return html`<details open>
      <summary><strong>What to expect</strong></summary>
      <ul>
        <li><strong>Serial</strong> is the baseline. It runs on the page's own thread, so the page freezes: watch the meter.</li>
        <li>
          <strong>${MAIN_THREAD_TASKS} tasks taking turns</strong> are the browser's version of Python threads under the GIL:
          concurrent but not parallel. Expect no speed-up, but a page that stays responsive.
        </li>
        <li>
          <strong>One message per number</strong> is the lesson's <code>ThreadPool.map</code>: sending each number to a worker
          costs far more than squaring it. It is measured on ${formatCount(PER_ITEM_SAMPLE)} numbers and projected to the full
          list. Raise "numbers per message" and watch the overhead vanish.
        </li>
        <li>
          <strong>Workers, one part each</strong> are the lesson's processes: real parallel threads. Expect a speed-up close to
          the number of cores, after a one-off cost to start the workers.
        </li>
      </ul>
    </details>`;
  }

  private renderCalibration() {
    const c = this.calibration;
    if (!c) return nothing;
    return html`<p class="note" data-field="calibration">
      Work per number set to <strong>${formatCount(c.rounds)} rounds</strong>, so the serial run takes about ${ms(c.targetMs)} on
      this device (one round takes about ${c.nsPerRound.toFixed(1)} ns here). Plain squaring of all the numbers takes only about
      ${ms(c.squaringMs)} in JavaScript: so little that most of it goes into reading memory rather than computing, and starting
      workers can take longer than that. The extra rounds give the cores real work to share. Press Calibrate after changing the
      numbers to fit the work to them.
    </p>`;
  }

  private renderResults() {
    const done = CPU_VARIANTS.filter((v) => this.results[v]);
    if (done.length === 0) return nothing;
    const serial = this.results.serial;
    const cores = reportedCores();
    const timeline = this.results[this.timelineVariant] ?? this.results[done[done.length - 1]]!;
    return html`<section part="panel" aria-labelledby="cpu-results">
      <h3 id="cpu-results">Results</h3>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>Variant</th>
              <th class="num">Time</th>
              <th class="num">Speed-up</th>
              <th class="num">Efficiency</th>
              <th>Result</th>
              <th class="num">Worker start</th>
              <th class="num">Longest frame gap</th>
            </tr>
          </thead>
          <tbody>
            ${done.map((v) => {
              const r = this.results[v]!;
              const s = serial?.verified && r.verified && sameWork(serial, r) ? speedup(serial.wallMs, r.wallMs) : undefined;
              return html`<tr data-variant=${v}>
                <td>${VARIANT_NAMES[v]}</td>
                <td class="num" data-field="time">
                  ${r.verified ? html`${ms(r.wallMs)}${r.projected ? html` <small>projected</small>` : ''}` : '—'}
                </td>
                <td class="num">${s === undefined ? '—' : times(s)}</td>
                <td class="num">${s === undefined ? '—' : formatPercent(efficiency(s, r.workers, cores))}</td>
                <td data-field="verified" class=${r.verified ? 'good' : 'bad'}>${r.verified ? 'verified' : 'WRONG'}</td>
                <td class="num">
                  ${r.coldStartMs.length ? ms(Math.max(...r.coldStartMs)) : v === 'serial' || v === 'main-thread-tasks' ? '—' : 'warm'}
                </td>
                <td class="num">${ms(r.longestFrameGapMs)}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      <p>
        <small>
          Speed-up is the serial time divided by the variant's time; efficiency is the speed-up divided by the cores it could use
          (the smaller of its runners and the ${cores} reported cores). Worker start is the slowest worker's cold start, measured
          apart and not included in the time; "warm" means the workers were already running.
        </small>
      </p>
      ${this.renderStory(cores)}
      <div class="charts">
        <pl-bar-chart heading="Time per variant" unit="ms" .bars=${this.bars}></pl-bar-chart>
        <div>
          ${radioGroup(
            'Timeline of',
            'timeline',
            done.map((v) => ({ value: v, label: VARIANT_NAMES[v] })),
            timeline.variant,
            (v) => (this.timelineVariant = v),
          )}
          <pl-timeline heading="Timeline: ${VARIANT_NAMES[timeline.variant]}" .trace=${timeline.trace}></pl-timeline>
        </div>
      </div>
    </section>`;
  }

  /** What happened on this device, in words, from the measured numbers. */
  private renderStory(cores: number) {
    const { serial, 'main-thread-tasks': tasks, 'pool-per-item': perItem, workers } = this.results;
    const base = serial?.verified ? serial : undefined;
    const lines = [];
    if (base) {
      lines.push(
        html`<li>
          The serial run took <strong>${ms(base.wallMs)}</strong> and the page could not draw a single frame for
          ${ms(base.longestFrameGapMs)}.
        </li>`,
      );
    }
    if (tasks?.verified) {
      const s = base && sameWork(base, tasks) ? ` — ${times(speedup(base.wallMs, tasks.wallMs))} the serial speed` : '';
      lines.push(
        html`<li>
          ${countOf(tasks.workers, 'task')} taking turns took <strong>${ms(tasks.wallMs)}</strong>${s}${
            base && sameWork(base, tasks) && speedup(base.wallMs, tasks.wallMs) > 1.1
              ? ''
              : ': no faster, because only one of them runs at a time'
          }.
          But they gave the page a turn between slices, so its longest pause was ${ms(tasks.longestFrameGapMs)}.
        </li>`,
      );
    }
    if (perItem?.verified) {
      const per = (perItem.sampleWallMs * 1000) / Math.ceil(perItem.sampleSize / perItem.params.chunkSize);
      const s = base && sameWork(base, perItem) ? ` (${times(speedup(base.wallMs, perItem.wallMs))} the serial speed)` : '';
      lines.push(
        html`<li>
          The pool with ${formatCount(perItem.params.chunkSize)} number${perItem.params.chunkSize === 1 ? '' : 's'} per message
          would take about <strong>${ms(perItem.wallMs)}</strong> for all ${countOf(perItem.params.numbers, 'number')}${s}: one
          message went through every ${per.toFixed(1)} µs, measured on ${countOf(perItem.sampleSize, 'number')}.
          ${perItem.params.chunkSize === 1 ? 'Try 1,000 numbers per message to see the overhead vanish.' : ''}
        </li>`,
      );
    }
    if (workers?.verified) {
      const s = base && sameWork(base, workers) ? speedup(base.wallMs, workers.wallMs) : undefined;
      const usable = Math.min(workers.workers, cores);
      const start = workers.coldStartMs.length
        ? ` Starting them took ${ms(Math.max(...workers.coldStartMs))} more, not counted.`
        : ' They were already warm.';
      lines.push(
        html`<li>
          ${countOf(workers.workers, 'worker')} took <strong>${ms(workers.wallMs)}</strong>${
            s === undefined
              ? ''
              : html`: <strong>${times(s)}</strong> the serial speed, ${formatPercent(efficiency(s, workers.workers, cores))} of
                  the ${countOf(usable, 'core')} they could use`
          },
          while the page's longest pause was ${ms(workers.longestFrameGapMs)}.${start}
          ${workers.dataTransfer === 'shared' ? 'The numbers were shared, not copied.' : 'Each worker was sent its own part of the numbers.'}
        </li>`,
      );
    }
    if (lines.length === 0) return nothing;
    return html`<h3>What happened here</h3>
      <ul data-field="story">
        ${lines}
      </ul>`;
  }
}

/** True when two runs did the same work per number (the same rounds). */
function sameWork(a: CpuRunResult, b: CpuRunResult): boolean {
  return a.params.rounds === b.params.rounds && a.params.numbers === b.params.numbers;
}

customElements.define('pl-cpu-demo', PlCpuDemo);

declare global {
  interface HTMLElementTagNameMap {
    'pl-cpu-demo': PlCpuDemo;
  }
}
