import { AsyncMutex } from '../core/async-mutex';
import { supervise } from '../core/control-block';
import { sharedCounterBytes, SLOT, type CountingReport, type SharedCountingMethod } from '../core/counter';
import { RUN_SCHEMA } from '../core/run-result';
import { mustBeExact, needsSharedMemory, type LocksParams, type LocksRunResult, type LocksVariant } from './locks-rules';
import type { TraceEvent } from '../core/trace';
import { abortError } from '../core/abort';
import { watchFrames, type MeasuredSpan } from '../runtime/frame-monitor';
import { canShareMemory, noSharedMemoryClause } from '../runtime/isolation';
import type { WorkerPool } from '../runtime/pool';
import { now } from '../runtime/clock';
import { clockOffset } from '../runtime/clock-sync';
import { yieldToEventLoop } from '../runtime/yield';

/**
 * The shared-counter demo: the lesson's "4 processes add 1 to a shared
 * `Value`", with and without a lock. Four variants run in workers on one
 * `Int32Array` counter in a `SharedArrayBuffer`; two run as async tasks on the
 * main thread and need no shared memory: the same lost update, no threads.
 *
 * Each run gets a fresh `SharedArrayBuffer`: a worker stopped while holding
 * the lock leaves it held, and the next run must not inherit that. Stopping
 * sets the run's stop slot, which ends the counting loops within
 * milliseconds (a browser may let a busy worker run on for seconds after
 * `terminate()`), and terminates the pool's workers (they may be asleep on
 * the barrier, where nothing else would wake them).
 */

/** Thrown for a shared-memory variant on a page without `SharedArrayBuffer`. */
export class SharedMemoryUnavailableError extends Error {
  constructor() {
    super(`There is no SharedArrayBuffer for workers to share a counter: ${noSharedMemoryClause()}.`);
    this.name = 'SharedMemoryUnavailableError';
  }
}

export interface LocksRunContext {
  pool: WorkerPool;
  signal: AbortSignal;
  /** Called with the fraction done, 0 to 1. */
  onProgress?: (fraction: number) => void;
}

/**
 * The verdict on a read-back count. `verified` means the counter was read
 * after every runner finished and lies where the method allows: exactly
 * `expected` for the atomic and locked variants; for the two races, between 1
 * and `expected` (a lost update can only lose counts, never add any, and the
 * last write is at least 1). Losing updates is then the lesson, not a failure.
 */
export function verifyCount(variant: LocksVariant, expected: number, actual: number): boolean {
  if (!Number.isInteger(actual)) return false;
  return mustBeExact(variant) ? actual === expected : actual >= Math.min(1, expected) && actual <= expected;
}

/** Runs one variant and returns its result. Rejects with an `AbortError` when stopped. */
export async function runLocksVariant(
  variant: LocksVariant,
  params: LocksParams,
  context: LocksRunContext,
): Promise<LocksRunResult> {
  context.signal.throwIfAborted();
  const {
    value: measured,
    startedAt,
    longestFrameGapMs,
    longestBlockMs,
  } = await watchFrames((span) =>
    needsSharedMemory(variant) ? runShared(variant, params, context, span) : runAsync(variant, params, context, span),
  );
  const expected = params.workers * params.increments;
  return {
    schema: RUN_SCHEMA,
    demo: 'locks',
    variant,
    params: { ...params },
    startedAt,
    longestFrameGapMs,
    longestBlockMs,
    expected,
    lost: expected - measured.actual,
    mustBeExact: mustBeExact(variant),
    verified: verifyCount(variant, expected, measured.actual),
    ...measured,
  };
}

type Measured = Pick<
  LocksRunResult,
  'actual' | 'wallMs' | 'workers' | 'trace' | 'memory' | 'lockSleeps' | 'counterAtStart' | 'coldStartMs'
>;

async function runShared(
  method: SharedCountingMethod,
  params: LocksParams,
  context: LocksRunContext,
  span: MeasuredSpan,
): Promise<Measured> {
  if (!canShareMemory()) throw new SharedMemoryUnavailableError();
  const { pool, signal, onProgress } = context;
  const { workers, increments, widen } = params;
  // A fresh buffer per run: no lock, barrier or counter state survives a stopped run.
  const view = new Int32Array(new SharedArrayBuffer(sharedCounterBytes(workers)));
  pool.resize(workers);
  const { coldStartMs } = await pool.warm(signal);
  onProgress?.(0);
  let reports: CountingReport[];
  try {
    const supervision = { view, parts: workers, at: SLOT.control, total: workers * increments, signal, onProgress };
    // One task per worker: the barrier needs all of them, and a warm pool of `workers` gives each one task.
    const outcome = await supervise(supervision, () =>
      pool.map(
        workers,
        async (api, runner) => {
          const { offsetMs } = await clockOffset(() => api.ping());
          const report = await api.countShared(view, { method, runner, workers, increments, widen });
          // Times on this page's clock, so that workers can be compared on one timeline.
          return {
            ...report,
            releasedAt: report.releasedAt - offsetMs,
            startAt: report.startAt - offsetMs,
            endAt: report.endAt - offsetMs,
          };
        },
        { signal },
      ),
    );
    reports = outcome.results;
  } catch (error) {
    // Workers may be asleep on the barrier or the lock, where nothing will wake them.
    pool.terminate(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
  onProgress?.(1);
  const origin = Math.min(...reports.map((r) => r.releasedAt));
  const lastIncrement = Math.max(...reports.map((r) => r.endAt));
  span.begin(origin);
  span.end(lastIncrement);
  const trace: TraceEvent[] = reports.map((r) => ({
    lane: `worker ${r.runner + 1}`,
    chunk: r.runner,
    startMs: r.startAt - origin,
    endMs: r.endAt - origin,
  }));
  return {
    actual: Atomics.load(view, SLOT.counter),
    // From the barrier's release to the last worker's last increment: excludes starting workers and sending messages.
    wallMs: lastIncrement - origin,
    workers,
    trace,
    memory: 'shared',
    lockSleeps: reports.reduce((n, r) => n + r.lockSleeps, 0),
    counterAtStart: reports.map((r) => r.counterAtStart),
    coldStartMs,
  };
}

/** Increments between two turns of the event loop, per task: keeps the page responsive and Stop prompt. */
const ASYNC_SLICE = 4096;

/**
 * The lesson's race with no threads at all: `workers` async tasks on the main
 * thread, each reading the counter, awaiting, then writing it back. The
 * `await` hands the thread to the next task, which reads the same value. With
 * the async mutex held across the await, no task reads until the previous
 * one wrote.
 */
async function runAsync(
  variant: LocksVariant,
  params: LocksParams,
  context: LocksRunContext,
  span: MeasuredSpan,
): Promise<Measured> {
  const { signal, onProgress } = context;
  const { workers, increments } = params;
  const counter = { value: 0 };
  const mutex = variant === 'async-mutex' ? new AsyncMutex() : undefined;
  const trace: TraceEvent[] = [];
  const counterAtStart: number[] = [];
  const total = workers * increments;
  let done = 0;
  let lockSleeps = 0;

  // All tasks wait for the same turn of the event loop, so they resume together and keep interleaving.
  let turn: Promise<void> | undefined;
  const breathe = (): Promise<void> =>
    (turn ??= yieldToEventLoop().then(() => {
      turn = undefined;
      onProgress?.(done / total);
    }));

  // Read, give the other tasks a turn, write back: any await will do, where a real program would save, fetch or log.
  const increment = async (): Promise<void> => {
    const value = counter.value;
    await undefined;
    counter.value = value + 1;
  };
  const origin = now();
  const task = async (runner: number): Promise<void> => {
    counterAtStart[runner] = counter.value;
    const startMs = now() - origin;
    for (let i = 0; i < increments; i++) {
      if (i % ASYNC_SLICE === 0) {
        await breathe();
        if (signal.aborted) throw abortError();
      }
      if (mutex) {
        if (mutex.locked) lockSleeps++;
        await mutex.withLock(increment);
      } else await increment();
      done++;
    }
    trace.push({ lane: `task ${runner + 1}`, chunk: runner, startMs, endMs: now() - origin });
  };

  onProgress?.(0);
  span.begin(origin);
  await Promise.all(Array.from({ length: workers }, (_, runner) => task(runner)));
  const end = now();
  span.end(end);
  onProgress?.(1);
  trace.sort((a, b) => a.chunk - b.chunk);
  return {
    actual: counter.value,
    wallMs: end - origin,
    workers,
    trace,
    memory: 'main-thread',
    lockSleeps,
    counterAtStart,
    coldStartMs: [],
  };
}
