import { LitElement, css, html, nothing } from 'lit';
import counterSource from '../core/counter.ts?raw';
import mutexSource from '../core/mutex.ts?raw';
import barrierSource from '../core/barrier.ts?raw';
import asyncMutexSource from '../core/async-mutex.ts?raw';
import { formatCount } from '../core/validate';
import {
  ASYNC_VARIANTS,
  LESSON_PARAMS,
  LOCKS_DEFAULTS,
  LOCKS_LIMITS,
  LOCKS_VARIANTS,
  parseLocksParams,
  runLocksVariant,
  type LocksParams,
  type LocksRunResult,
  type LocksVariant,
} from '../experiments/locks';
import { spawnBrowserWorker } from '../runtime/browser-worker';
import { reportedCores } from '../runtime/environment';
import { nextPaint } from '../runtime/frame-monitor';
import { canShareMemory } from '../runtime/isolation';
import { abortError, WorkerPool } from '../runtime/pool';
import { serviceWorkerDisabled } from '../runtime/service-worker-client';
import { demoStyles, numberField, radioGroup } from './fields';
import { countOf, formatMs as ms, formatPercent, formatTimes as times } from './format';
import { dispatchRunComplete } from './run-complete';
import { RunSession } from './run-session';
import { applyUrlParams, wantsAutorun } from './url-params';
import { ASYNC_JAVASCRIPT, ASYNC_PYTHON, LOCKS_JAVASCRIPT, LOCKS_PYTHON, PYTHON_BYTECODE } from './text/locks-code';
import type { BarDatum } from './pl-bar-chart';
import './pl-bar-chart';
import './pl-timeline';
import './pl-code-compare';

type Field = keyof LocksParams;
const FIELD_ATTRIBUTES: Record<Field, string> = { workers: 'workers', increments: 'increments', widen: 'widen' };

const VARIANT_NAMES: Record<LocksVariant, string> = {
  'no-lock': 'No lock',
  atomic: 'Atomics.add',
  'mutex-per-increment': 'Mutex per increment',
  'mutex-whole-loop': 'Mutex around the loop',
  'async-race': 'Async tasks, no lock',
  'async-mutex': 'Async tasks, async mutex',
};

const WHERE: Record<LocksVariant, string> = {
  'no-lock': 'workers',
  atomic: 'workers',
  'mutex-per-increment': 'workers',
  'mutex-whole-loop': 'workers',
  'async-race': 'main thread',
  'async-mutex': 'main thread',
};

/**
 * The shared-counter demo: the lesson's "4 processes add 1 to a shared
 * `Value`" with Web Workers on one `SharedArrayBuffer`: without a lock, with
 * `Atomics.add`, with a futex mutex around each increment and around the whole
 * loop; and, needing no shared memory, the same race between async tasks on
 * the page's own thread, fixed by an async mutex. Every count is read back
 * and checked against workers × increments.
 *
 * Attributes (and, when the page's URL names this demo or none, URL
 * parameters of the same names: `?demo=locks&workers=4&increments=1000000&widen=0&autorun=1`)
 * set the starting values.
 *
 * @fires pl-run-complete - after each run; `detail` is the LocksRunResult.
 * @csspart panel - each section of the demo.
 */
export class PlLocksDemo extends LitElement {
  static properties = {
    workers: { type: String },
    increments: { type: String },
    widen: { type: String },
    autorun: { type: Boolean },
    results: { state: true },
    timelineVariant: { state: true },
  };

  /** Workers (or async tasks) counting at once (default 4, as in the lesson). */
  workers = String(LOCKS_DEFAULTS.workers);
  /** Increments each one makes (default 1,000,000: enough that the unlocked race shows on every run). */
  increments = String(LOCKS_DEFAULTS.increments);
  /** Arithmetic steps between the read and the write (default 0). */
  widen = String(LOCKS_DEFAULTS.widen);
  /** Press Run all once the demo is ready. */
  autorun = false;

  private results: Partial<Record<LocksVariant, LocksRunResult>> = {};
  private timelineVariant: LocksVariant = 'mutex-whole-loop';
  private pool?: WorkerPool;
  private session = new RunSession<LocksVariant>(this, {
    onStop: () => this.pool?.terminate(abortError()),
    stoppedMessage: (variant) =>
      variant === 'async-race' || variant === 'async-mutex'
        ? 'Stopped. The next run starts on a fresh counter.'
        : 'Stopped. The workers were shut down, with whatever lock they held; the next run starts on a fresh counter and lock.',
  });
  /** Fixed for the page's life: isolation is decided when the document loads. */
  private readonly shared = canShareMemory();

  static styles = [
    demoStyles,
    css`
      .isolation {
        border-left-color: var(--pl-bad, #b91c1c);
      }
      td.good,
      td.bad {
        font-weight: 600;
      }
    `,
  ];

  connectedCallback(): void {
    super.connectedCallback();
    if (wantsAutorun(applyUrlParams(this, 'locks', FIELD_ATTRIBUTES))) this.autorun = true;
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.pool?.terminate();
    this.pool = undefined;
  }

  protected firstUpdated(): void {
    if (this.autorun) setTimeout(() => void this.runAll(), 0);
  }

  /** The variants this page can run: all six when it is cross-origin isolated, else the two on the main thread. */
  get availableVariants(): readonly LocksVariant[] {
    return this.shared ? LOCKS_VARIANTS : ASYNC_VARIANTS;
  }

  private parsed() {
    return parseLocksParams({ workers: this.workers, increments: this.increments, widen: this.widen });
  }

  /** Runs every variant this page can run, in order; stops at the first that is stopped or fails. */
  runAll(): Promise<boolean> {
    if (!this.parsed().params) return Promise.resolve(false);
    return this.session.sequence(
      this.availableVariants.map((variant) => (signal: AbortSignal) => this.runVariant(variant, signal)),
      this.shared
        ? 'All six variants finished. Read what happened below.'
        : 'Both main-thread variants finished. The four worker variants need shared memory (see above).',
      nextPaint,
    );
  }

  /** Runs one variant; resolves false when it was stopped, refused or failed. */
  run(variant: LocksVariant): Promise<boolean> {
    if (!this.parsed().params || !this.availableVariants.includes(variant)) return Promise.resolve(false);
    return this.session.start((signal) => this.runVariant(variant, signal));
  }

  /** Stops the current run at once and shuts its workers down. */
  stop(): void {
    this.session.stop();
  }

  private async runVariant(variant: LocksVariant, signal: AbortSignal): Promise<boolean> {
    const params = this.parsed().params!;
    this.pool ??= new WorkerPool(spawnBrowserWorker, params.workers);
    const name = VARIANT_NAMES[variant];
    const result = await this.session.step(
      variant,
      name,
      `Running: ${name}, ${params.workers} × ${formatCount(params.increments)} increments…`,
      (onProgress) => runLocksVariant(variant, params, { pool: this.pool!, signal, onProgress }),
    );
    if (!result) return false;
    this.results = { ...this.results, [variant]: result };
    if (variant === 'mutex-whole-loop' || !this.results[this.timelineVariant]) this.timelineVariant = variant;
    dispatchRunComplete(this, result);
    if (!result.verified) {
      this.session.fail(
        `${name}: the count was ${formatCount(result.actual)} of ${formatCount(result.expected)}, which this method cannot give. Something is broken.`,
      );
      return false;
    }
    this.session.say(
      `${name}: ${formatCount(result.actual)} of ${formatCount(result.expected)}${
        result.lost ? `, ${formatCount(result.lost)} lost` : ', exact'
      }, in ${ms(result.wallMs)}.`,
    );
    return true;
  }

  private useLessonNumbers(): void {
    this.workers = String(LESSON_PARAMS.workers);
    this.increments = String(LESSON_PARAMS.increments);
    this.widen = String(LESSON_PARAMS.widen);
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    void this.runAll();
  }

  render() {
    const { params, messages, combined } = this.parsed();
    const invalid = !params;
    const busy = this.session.busy;
    return html`
      <section part="panel" aria-labelledby="locks-title">
        <h2 id="locks-title">A shared counter: races, atomics and locks</h2>
        <p>
          The lesson starts four processes that each add 1 to a shared <code>Value</code> 10,000 times. Without a lock the total
          falls short of 40,000; with a <code>Lock</code> it is exact. Here the processes are Web Workers, the shared value is an
          <code>Int32Array</code> on a <code>SharedArrayBuffer</code>, and the lock is a real one, built on <code>Atomics</code>.
          The same bug is then shown without any threads: async tasks on the page's one thread.
        </p>
        ${this.renderExpectations()}
      </section>
      ${this.shared ? nothing : this.renderIsolation()}
      <section part="panel" aria-labelledby="locks-controls">
        <h3 id="locks-controls">Settings</h3>
        <form @submit=${this.onSubmit} novalidate>
          <div class="fields">
            ${numberField({
              id: 'workers',
              label: 'Workers',
              value: this.workers,
              message: messages.workers,
              hint: `Workers (or async tasks) counting at once. The lesson uses 4; this browser reports ${reportedCores()} cores. 1 to ${LOCKS_LIMITS.workers.max}.`,
              disabled: busy,
              onInput: (v) => (this.workers = v),
            })}
            ${numberField({
              id: 'increments',
              label: 'Increments per worker',
              value: this.increments,
              message: messages.increments,
              hint: `The lesson uses 10,000. ${formatCount(LOCKS_DEFAULTS.increments)} (the default) makes the race show on nearly every run.`,
              disabled: busy,
              onInput: (v) => (this.increments = v),
            })}
            ${numberField({
              id: 'widen',
              label: 'Widen the window',
              value: this.widen,
              message: messages.widen,
              hint: "Arithmetic steps between each read and its write in the workers, like the bytecodes between them in CPython. Try 100 with 10,000 increments. (The async tasks' window is their await.)",
              disabled: busy,
              onInput: (v) => (this.widen = v),
            })}
          </div>
          ${combined ? html`<p class="error" role="alert" data-field="combined-error">${combined}</p>` : nothing}
          <div class="buttons">
            <button type="submit" class="primary" ?disabled=${busy || invalid}>
              ${this.shared ? 'Run all' : 'Run both main-thread variants'}
            </button>
            ${LOCKS_VARIANTS.map(
              (v) =>
                html`<button
                  type="button"
                  data-variant=${v}
                  ?disabled=${busy || invalid || !this.availableVariants.includes(v)}
                  title=${this.availableVariants.includes(v) ? '' : 'Needs shared memory: this page is not cross-origin isolated.'}
                  @click=${() => void this.run(v)}
                >
                  ${VARIANT_NAMES[v]}
                </button>`,
            )}
            <button type="button" class="stop" ?disabled=${!busy} @click=${this.stop}>Stop</button>
            <button type="button" data-action="lesson" ?disabled=${busy} @click=${this.useLessonNumbers}>
              Use the lesson's numbers (4 × 10,000)
            </button>
          </div>
        </form>
        ${this.session.renderStatus('Progress')}
      </section>
      ${this.renderResults()} ${this.renderWhyPython()}
      <section part="panel" aria-labelledby="locks-code">
        <h3 id="locks-code">The code</h3>
        <pl-code-compare .python=${LOCKS_PYTHON} .javascript=${LOCKS_JAVASCRIPT}></pl-code-compare>
        <h4>The same race on one thread</h4>
        <pl-code-compare
          python-heading="Python (asyncio, the same bug)"
          .python=${ASYNC_PYTHON}
          .javascript=${ASYNC_JAVASCRIPT}
        ></pl-code-compare>
        <details>
          <summary>Exactly what runs: the counting loops (<code>src/core/counter.ts</code>)</summary>
          <pre><code>${counterSource}</code></pre>
        </details>
        <details>
          <summary>The mutex: Drepper's three-state futex lock (<code>src/core/mutex.ts</code>)</summary>
          <pre><code>${mutexSource}</code></pre>
        </details>
        <details>
          <summary>The start barrier (<code>src/core/barrier.ts</code>)</summary>
          <pre><code>${barrierSource}</code></pre>
        </details>
        <details>
          <summary>The async mutex (<code>src/core/async-mutex.ts</code>)</summary>
          <pre><code>${asyncMutexSource}</code></pre>
        </details>
      </section>
    `;
  }

  private renderExpectations() {
    return html`<details open>
      <summary><strong>What to expect</strong></summary>
      <ul>
        <li>
          <strong>No lock</strong>: each worker reads the counter, adds 1 and writes it back. When two read the same value, one
          update is lost. Expect a total well short of workers × increments, different on every run.
        </li>
        <li>
          <strong>Atomics.add</strong> makes the read, add and write one indivisible step: exact, and the fastest exact way.
        </li>
        <li>
          <strong>Mutex per increment</strong>: exact, but every increment takes and releases a lock, and workers that find it
          taken go to sleep: expect it to be several times slower.
        </li>
        <li>
          <strong>Mutex around the loop</strong> is the lesson's <code>with lock:</code>: exact, but one worker counts at a time.
          The timeline shows them taking turns.
        </li>
        <li>
          <strong>Async tasks</strong> run on the page's own thread, one at a time, yet lose updates too: a task that reads,
          <code>await</code>s, then writes lets the others read the old value meanwhile. An async mutex held across the
          <code>await</code> fixes it. This needs no shared memory, so it runs everywhere.
        </li>
      </ul>
      <p>
        All workers wait at a start barrier and begin together. Every count is read back after the run and checked: the atomic and
        locked variants must be exact; the two races must lose, if anything, never gain.
      </p>
    </details>`;
  }

  private renderIsolation() {
    const framed = window.top !== window.self;
    const swOff = serviceWorkerDisabled(location.search);
    return html`<section part="panel" class="note isolation" data-field="isolation" aria-labelledby="locks-isolation">
      <h3 id="locks-isolation">Shared memory is not available on this page</h3>
      <p>
        Workers can share a counter only through a <code>SharedArrayBuffer</code>, and browsers hand those out only to pages that
        are <em>cross-origin isolated</em>. Shared memory lets a page build a very precise timer, which attacks such as Spectre
        use to read memory they should not; isolation guarantees that no other site's data is loaded into this page's process.
        This page is not isolated, so the four worker variants are switched off.
      </p>
      <p>What would fix it:</p>
      <ul>
        <li>
          The server sends two headers with the page: <code>Cross-Origin-Opener-Policy: same-origin</code> and
          <code>Cross-Origin-Embedder-Policy: require-corp</code> (or <code>credentialless</code>).
        </li>
        <li>
          On a host that cannot send headers, the lab's service worker adds them to the site's own files and reloads the page
          once.
          ${
            swOff
              ? html`<strong>It is turned off here by <code>?sw=0</code> in the address: remove that and reload.</strong>`
              : 'It did not manage to here: this browser may not allow service workers on this page (private windows often do not), or a hard reload bypassed it: reload normally.'
          }
        </li>
        ${
          framed
            ? html`<li>
                In a frame, the page that embeds this one must be isolated too and allow it:
                <code>&lt;iframe allow="cross-origin-isolated"&gt;</code>.
              </li>`
            : nothing
        }
      </ul>
      <p>The race still shows without threads: the two main-thread variants below need no shared memory.</p>
    </section>`;
  }

  private renderResults() {
    const done = LOCKS_VARIANTS.filter((v) => this.results[v]);
    if (done.length === 0) return nothing;
    const { lostBars, timeBars } = this.chartData(done);
    const timeline = this.results[this.timelineVariant] ?? this.results[done[done.length - 1]]!;
    return html`<section part="panel" aria-labelledby="locks-results">
      <h3 id="locks-results">Results</h3>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>Variant</th>
              <th>Runs on</th>
              <th class="num">Expected</th>
              <th class="num">Counted</th>
              <th class="num">Lost</th>
              <th>Check</th>
              <th class="num">Time</th>
              <th class="num">Lock waits</th>
            </tr>
          </thead>
          <tbody>
            ${done.map((v) => {
              const r = this.results[v]!;
              return html`<tr data-variant=${v}>
                <td>${VARIANT_NAMES[v]}</td>
                <td>
                  ${r.workers}
                  ${WHERE[v] === 'workers' ? (r.workers === 1 ? 'worker' : 'workers') : r.workers === 1 ? 'task' : 'tasks'}
                </td>
                <td class="num">${formatCount(r.expected)}</td>
                <td class="num" data-field="actual">${formatCount(r.actual)}</td>
                <td class="num" data-field="lost">
                  ${formatCount(r.lost)} <small>(${formatPercent(r.lost / r.expected)})</small>
                </td>
                <td data-field="check" class=${r.verified ? (r.lost ? '' : 'good') : 'bad'}>${checkText(r)}</td>
                <td class="num" data-field="time">${ms(r.wallMs)}</td>
                <td class="num">${v === 'no-lock' || v === 'atomic' || v === 'async-race' ? '—' : formatCount(r.lockSleeps)}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      <p>
        <small>
          Time runs from the moment the barrier released the workers (or the tasks started) to the last increment; starting the
          workers is not included. "Lock waits" counts how often a worker went to sleep, or a task queued, because the lock was
          taken.
        </small>
      </p>
      ${this.renderStory()}
      <div class="charts">
        <pl-bar-chart heading="Lost updates per variant" unit="updates lost" .bars=${lostBars}></pl-bar-chart>
        <pl-bar-chart heading="Time per variant" unit="ms" .bars=${timeBars}></pl-bar-chart>
      </div>
      ${radioGroup(
        'Timeline of',
        'timeline',
        done.map((v) => ({ value: v, label: VARIANT_NAMES[v] })),
        timeline.variant,
        (v) => (this.timelineVariant = v),
      )}
      <pl-timeline
        heading="Timeline: ${VARIANT_NAMES[timeline.variant]} (when each one counted)"
        .trace=${timeline.trace}
      ></pl-timeline>
    </section>`;
  }

  private charts?: { results: PlLocksDemo['results']; lostBars: BarDatum[]; timeBars: BarDatum[] };

  /**
   * The bars, rebuilt only when the results change: new arrays would redraw
   * the charts on every progress tick, taking main-thread time from the async
   * variants being measured.
   */
  private chartData(done: LocksVariant[]): { lostBars: BarDatum[]; timeBars: BarDatum[] } {
    if (this.charts?.results !== this.results) {
      this.charts = {
        results: this.results,
        lostBars: done.map((v) => ({ label: VARIANT_NAMES[v], value: this.results[v]!.lost })),
        timeBars: done.map((v) => ({ label: VARIANT_NAMES[v], value: this.results[v]!.wallMs })),
      };
    }
    return this.charts;
  }

  /** What happened on this device, in words, from the measured numbers. */
  private renderStory() {
    const r = this.results;
    const lines = [];
    const noLock = r['no-lock'];
    if (noLock) {
      const { workers, increments } = noLock.params;
      if (noLock.lost > 0) {
        lines.push(
          html`<li>
            <strong>No lock:</strong> ${countOf(workers, 'worker')} × ${formatCount(increments)} increments should make
            ${formatCount(noLock.expected)}; the counter ended at <strong>${formatCount(noLock.actual)}</strong>.
            <strong>${formatCount(noLock.lost)} updates (${formatPercent(noLock.lost / noLock.expected)}) were lost</strong>: each
            time two workers read the same value, both wrote back the same sum and one increment vanished. Run it again: the
            number changes every time.
          </li>`,
        );
      } else if (workers === 1) {
        lines.push(
          html`<li>
            <strong>No lock:</strong> one worker counted all ${formatCount(noLock.actual)}: with nobody else writing, there is no
            race to lose an update to. Use two or more workers.
          </li>`,
        );
      } else {
        const spans = noLock.trace.map((e) => e.endMs - e.startMs);
        const spread = Math.max(...noLock.trace.map((e) => e.startMs));
        lines.push(
          html`<li>
            <strong>No lock:</strong> this time nothing was lost (${formatCount(noLock.actual)} of
            ${formatCount(noLock.expected)}). Each worker needed only about ${ms(Math.max(...spans))} for its
            ${formatCount(increments)} increments, while the workers started up to ${ms(spread)} apart: they barely overlapped, so
            they rarely read the same value. Raise the increments, or widen the window, and run again.
          </li>`,
        );
      }
    }
    const atomic = r.atomic;
    if (atomic?.verified) {
      lines.push(
        html`<li>
          <strong>Atomics.add</strong> counted exactly <strong>${formatCount(atomic.actual)}</strong> in
          ${ms(atomic.wallMs)}${noLock && sameParams(noLock, atomic) ? html` (no lock: ${ms(noLock.wallMs)})` : ''}. The processor
          does the read, the add and the write as one step that no other core can split.
        </li>`,
      );
    }
    const perIncrement = r['mutex-per-increment'];
    if (perIncrement?.verified) {
      const base =
        atomic && sameParams(atomic, perIncrement)
          ? ` — ${times(perIncrement.wallMs / atomic.wallMs)} the time of Atomics.add`
          : '';
      lines.push(
        html`<li>
          <strong>A mutex around each increment</strong> counted exactly ${formatCount(perIncrement.actual)} too, in
          <strong>${ms(perIncrement.wallMs)}</strong>${base}. Every increment took and released the lock,
          ${
            perIncrement.lockSleeps > 0
              ? `and workers found it taken and went to sleep ${formatCount(perIncrement.lockSleeps)} times.`
              : 'but no worker ever found it taken: they did not count at the same time.'
          }
        </li>`,
      );
    }
    const wholeLoop = r['mutex-whole-loop'];
    if (wholeLoop?.verified) {
      const starts = [...wholeLoop.counterAtStart].sort((a, b) => a - b).map(formatCount);
      lines.push(
        html`<li>
          <strong>A mutex around the whole loop</strong> (the lesson's <code>with lock:</code>) counted exactly
          ${formatCount(wholeLoop.actual)} in ${ms(wholeLoop.wallMs)}. The workers took turns: they found the counter at
          <span data-field="staircase">${starts.join(', ')}</span> when they got the lock, each starting where the previous one
          stopped. The timeline shows one bar after another: correct, and no longer parallel.
        </li>`,
      );
    }
    const race = r['async-race'];
    if (race?.verified) {
      lines.push(
        html`<li>
          <strong>Async tasks, no lock:</strong> ${countOf(race.workers, 'task')} on the page's single thread counted
          <strong>${formatCount(race.actual)}</strong> of ${formatCount(race.expected)} (${formatCount(race.lost)} lost) in
          ${ms(race.wallMs)}. No two ever ran at the same moment, yet each task read the counter, then <code>await</code>ed, and
          while it waited the others read the same value.
          ${
            race.lost > 0 && race.actual === race.params.increments
              ? `The tasks took strict turns, so each round of ${race.workers} increments counted once.`
              : ''
          }
        </li>`,
      );
    }
    const asyncMutex = r['async-mutex'];
    if (asyncMutex?.verified) {
      lines.push(
        html`<li>
          <strong>Async tasks with an async mutex</strong> counted exactly ${formatCount(asyncMutex.actual)} in
          ${ms(asyncMutex.wallMs)}: the lock is held across the <code>await</code>, so no task reads before the previous one
          wrote. Tasks queued for it ${formatCount(asyncMutex.lockSleeps)} times.
        </li>`,
      );
    }
    if (lines.length === 0) return nothing;
    return html`<h3>What happened here</h3>
      <ul data-field="story">
        ${lines}
      </ul>`;
  }

  private renderWhyPython() {
    // A run at about the lesson's size, if there is one, to quote.
    const noLock = this.results['no-lock'];
    const lessonRun = noLock && noLock.params.increments <= 20_000 && noLock.params.widen === 0 ? noLock : undefined;
    const measured = lessonRun
      ? ` (measured here: ${ms(Math.max(...lessonRun.trace.map((e) => e.endMs - e.startMs)))} for ${formatCount(lessonRun.params.increments)} increments, while the workers woke up to ${ms(Math.max(...lessonRun.trace.map((e) => e.startMs)))} apart)`
      : '';
    return html`<section part="panel" aria-labelledby="locks-why">
      <h3 id="locks-why">Why CPython loses updates at 10,000, and a browser rarely does</h3>
      <p>
        Run the lesson's numbers here (4 × 10,000, no widening) and the count is often exact. In the lesson, CPython came up short
        by about a fifth on every run (31,572–32,841 of 40,000 on a 2-core machine). Two things differ.
      </p>
      <ul>
        <li>
          <strong>How wide the window is.</strong> <code>counter.value += 1</code> is seven bytecodes, and reading and writing a
          <code>Value</code> each take its internal lock. Between the read and the write, CPython runs hundreds of machine
          instructions: plenty of time for another process to write.
          <pre><code>${PYTHON_BYTECODE}</code></pre>
          The JIT turns the JavaScript loop into a handful of instructions, and the read and the write sit a few nanoseconds
          apart.
        </li>
        <li>
          <strong>Whether the workers overlap at all.</strong> A CPython process needs milliseconds for its 10,000 increments, so
          the four run at the same time. A browser worker needs a fraction of a millisecond${measured}, so one is often done
          before the next even wakes up.
        </li>
      </ul>
      <p>
        So the lab counts to a million per worker, or widens the window with a little arithmetic between the read and the write,
        the way CPython's bytecodes do. The bug is the same at any size: a lost update needs only two reads of the same value.
      </p>
    </section>`;
  }
}

function checkText(r: LocksRunResult): string {
  if (!r.verified) return r.mustBeExact ? 'WRONG: must be exact' : 'WRONG: impossible count';
  if (r.mustBeExact) return 'exact';
  return r.lost > 0 ? 'lost updates (the race)' : 'none lost this time';
}

function sameParams(a: LocksRunResult, b: LocksRunResult): boolean {
  return (
    a.params.workers === b.params.workers && a.params.increments === b.params.increments && a.params.widen === b.params.widen
  );
}

customElements.define('pl-locks-demo', PlLocksDemo);

declare global {
  interface HTMLElementTagNameMap {
    'pl-locks-demo': PlLocksDemo;
  }
}
