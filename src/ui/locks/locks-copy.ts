import { html, type TemplateResult } from 'lit';
import counterSource from '../../core/counter.ts?raw';
import mutexSource from '../../core/mutex.ts?raw';
import barrierSource from '../../core/barrier.ts?raw';
import asyncMutexSource from '../../core/async-mutex.ts?raw';
import { formatCount, formatMs as ms } from '../../core/format';
import {
  LOCKS_DEFAULTS,
  LOCKS_LIMITS,
  LOCKS_VARIANT_FACTS,
  type LocksRunResult,
  type LocksVariant,
} from '../../experiments/locks-rules';
import type { IsolationNoticeOptions } from '../shared/isolation-notice';
import '../pl-code-compare';
import { ASYNC_JAVASCRIPT, ASYNC_PYTHON, LOCKS_JAVASCRIPT, LOCKS_PYTHON, PYTHON_BYTECODE } from './locks-code';

/** The teaching text of the shared-counter demo, written for students. */

export const locksIntro = (): TemplateResult => html`
  <h2 id="locks-title">A shared counter: races, atomics and locks</h2>
  <p>
    The lesson's four processes each add 1 to a shared <code>Value</code> 10,000 times: without a lock the total falls short of
    40,000, with a <code>Lock</code> it is exact. Here Web Workers count on shared memory, and async tasks show the same bug on
    the page's one thread.
  </p>
`;

/** The longer explanation, folded so that the controls come first. */
export const locksExpectations = (): TemplateResult =>
  html`<details class="advanced">
    <summary><strong>What to expect</strong></summary>
    <p>
      The processes are Web Workers, the shared value is an <code>Int32Array</code> on a <code>SharedArrayBuffer</code>, and the
      lock is a real one, built on <code>Atomics</code>. The async tasks need no threads: they take turns on the page's one
      thread.
    </p>
    <ul>
      <li>
        <strong>No lock</strong>: each worker reads the counter, adds 1 and writes it back. When two read the same value, one
        update is lost. Expect a total well short of workers × increments, different on every run.
      </li>
      <li><strong>Atomics.add</strong> makes the read, add and write one indivisible step: exact, and the fastest exact way.</li>
      <li>
        <strong>Mutex per increment</strong>: exact, but every increment takes and releases a lock, and workers that find it taken
        go to sleep: expect it to be several times slower.
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

/** The fields' hints; `cores` is what this browser reports. */
export const locksHints = (cores: number) => ({
  workers: `Workers (or async tasks) counting at once. The lesson uses 4; this browser reports ${cores} cores. 1 to ${LOCKS_LIMITS.workers.max}.`,
  increments: `The lesson uses 10,000. ${formatCount(LOCKS_DEFAULTS.increments)} (the default) makes the race show on nearly every run.`,
  widen:
    "Arithmetic steps between each read and its write in the workers, like the bytecodes between them in CPython. Try 100 with 10,000 increments. (The async tasks' window is their await.)",
});

export const LOCKS_ISOLATION: IsolationNoticeOptions = {
  id: 'locks',
  consequence: 'the four worker variants are switched off',
  fallback: 'The race still shows without threads: the two main-thread variants below need no shared memory.',
};

export const locksResultsNote = (): TemplateResult =>
  html`<p>
    <small>
      Time runs from the moment the barrier released the workers (or the tasks started) to the last increment; starting the
      workers is not included. "Lock waits" counts how often a worker went to sleep, or a task queued, because the lock was taken.
    </small>
  </p>`;

/** Why the lesson's numbers lose updates in CPython and rarely here; `measured` quotes a run of about that size, if any. */
export const whyPython = (measured: string): TemplateResult =>
  html`<section part="panel explanation" class="advanced" aria-labelledby="locks-why">
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
        <pre
          tabindex="0"
          role="region"
          aria-label="CPython's bytecode for counter.value += 1"
        ><code>${PYTHON_BYTECODE}</code></pre>
        The JIT turns the JavaScript loop into a handful of instructions, and the read and the write sit a few nanoseconds apart.
      </li>
      <li>
        <strong>Whether the workers overlap at all.</strong> A CPython process needs milliseconds for its 10,000 increments, so
        the four run at the same time. A browser worker needs a fraction of a millisecond${measured}, so one is often done before
        the next even wakes up.
      </li>
    </ul>
    <p>
      So the lab counts to a million per worker, or widens the window with a little arithmetic between the read and the write, the
      way CPython's bytecodes do. The bug is the same at any size: a lost update needs only two reads of the same value.
    </p>
  </section>`;

const label = (v: LocksVariant): string => LOCKS_VARIANT_FACTS[v].label;

/** The status line's words: while a variant runs, after it, after a wrong count, after Stop, after Run all. */
export const LOCKS_STATUS = {
  running: (variant: LocksVariant, params: { workers: number; increments: number }): string =>
    `Running: ${label(variant)}, ${params.workers} × ${formatCount(params.increments)} increments…`,
  done: (r: LocksRunResult): string =>
    `${label(r.variant)}: ${formatCount(r.actual)} of ${formatCount(r.expected)}${
      r.lost ? `, ${formatCount(r.lost)} lost` : ', exact'
    }, in ${ms(r.wallMs)}.`,
  wrong: (r: LocksRunResult): string =>
    `${label(r.variant)}: the count was ${formatCount(r.actual)} of ${formatCount(r.expected)}, which this method cannot give. Something is broken.`,
  stopped: (variant: LocksVariant | null): string =>
    variant && LOCKS_VARIANT_FACTS[variant].runsOn === 'main thread'
      ? 'Stopped. The next run starts on a fresh counter.'
      : 'Stopped. The workers were shut down, with whatever lock they held; the next run starts on a fresh counter and lock.',
  finished: (shared: boolean): string =>
    shared
      ? 'All six variants finished. Read what happened below.'
      : 'Both main-thread variants finished. The four worker variants need shared memory (see the note below).',
};

/** The lesson's Python beside the JavaScript this page runs, and the core's own files as they run. */
export const locksCode = (): TemplateResult =>
  html`<section part="panel code" aria-labelledby="locks-code">
    <h3 id="locks-code">The code</h3>
    <pl-code-compare .python=${LOCKS_PYTHON} .javascript=${LOCKS_JAVASCRIPT}></pl-code-compare>
    <h4>The same race on one thread</h4>
    <pl-code-compare
      python-heading="Python (asyncio, the same bug)"
      javascript-heading="JavaScript (async tasks, the same bug)"
      .python=${ASYNC_PYTHON}
      .javascript=${ASYNC_JAVASCRIPT}
    ></pl-code-compare>
    ${source('Exactly what runs: the counting loops', 'counter.ts', counterSource)}
    ${source("The mutex: Drepper's three-state futex lock", 'mutex.ts', mutexSource)}
    ${source('The start barrier', 'barrier.ts', barrierSource)} ${source('The async mutex', 'async-mutex.ts', asyncMutexSource)}
  </section>`;

/** One of the core's source files, as it runs, folded away; focusable, so a keyboard can scroll its long lines. */
function source(title: string, file: string, text: string): TemplateResult {
  return html`<details class="advanced">
    <summary>${title} (<code>src/core/${file}</code>)</summary>
    <pre tabindex="0" role="region" aria-label="src/core/${file}"><code>${text}</code></pre>
  </details>`;
}
