import { AsyncMutex } from '../core/async-mutex';
import { supervise } from '../core/control-block';
import { sharedCounterBytes, SLOT, type CountingReport, type SharedCountingMethod } from '../core/counter';
import { RUN_SCHEMA, type RunResultBase } from '../core/run-result';
import type { TraceEvent } from '../core/trace';
import { abortError } from '../core/abort';
import { formatCount } from '../core/format';
import { parseFields, wholeNumber, type ParsedFields, type WholeNumberRule } from '../core/validate';
import { runnableVariants, type VariantFacts } from './variants';
import { watchFrames } from '../runtime/frame-monitor';
import { canShareMemory } from '../runtime/isolation';
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

export type LocksVariant = SharedCountingMethod | 'async-race' | 'async-mutex';

const onWorkers = { runsOn: 'workers', needsSharedMemory: true } as const;
const onMainThread = { runsOn: 'main thread', needsSharedMemory: false } as const;

export const LOCKS_VARIANT_FACTS: Readonly<Record<LocksVariant, VariantFacts>> = {
  'no-lock': { label: 'No lock', usesLock: false, ...onWorkers },
  atomic: { label: 'Atomics.add', usesLock: false, ...onWorkers },
  'mutex-per-increment': { label: 'Mutex per increment', usesLock: true, ...onWorkers },
  'mutex-whole-loop': { label: 'Mutex around the loop', usesLock: true, ...onWorkers },
  'async-race': { label: 'Async tasks, no lock', usesLock: false, ...onMainThread },
  'async-mutex': { label: 'Async tasks, async mutex', usesLock: true, ...onMainThread },
};
export const LOCKS_VARIANTS = Object.keys(LOCKS_VARIANT_FACTS) as readonly LocksVariant[];

/** The variants a page can run: all six with shared memory, else the two on the main thread. */
export function locksVariantsFor(shared: boolean): LocksVariant[] {
  return runnableVariants(LOCKS_VARIANT_FACTS, shared);
}

/** True for the variants that cannot lose an update: the count must come out exact (the two races may). */
export function mustBeExact(variant: LocksVariant): boolean {
  return variant !== 'no-lock' && variant !== 'async-race';
}

function needsSharedMemory(variant: LocksVariant): variant is SharedCountingMethod {
  return LOCKS_VARIANT_FACTS[variant].needsSharedMemory;
}

export interface LocksParams {
  /** Workers (or async tasks) that count; the lesson: 4 processes. */
  workers: number;
  /** Increments each one makes; the lesson: 10,000. */
  increments: number;
  /** Arithmetic steps between the read and the write; 0 = none. Not used by the async variants, whose `await` is the window. */
  widen: number;
}

export interface LocksRunResult extends RunResultBase<'locks', LocksVariant, LocksParams> {
  /** workers × increments: the count if no update were lost. */
  expected: number;
  /** The counter as read back after every runner finished. */
  actual: number;
  /** expected − actual. */
  lost: number;
  /** Whether this variant guarantees an exact count (every variant but the two races). */
  mustBeExact: boolean;
  /** 'shared' for workers on a SharedArrayBuffer, 'main-thread' for the async tasks. */
  memory: 'shared' | 'main-thread';
  /** Times a runner went to sleep waiting for the lock, summed over runners. */
  lockSleeps: number;
  /** Each runner's counter value when its counting began (a staircase for the whole-loop lock). */
  counterAtStart: number[];
  /** Cold-start time of each worker started for this run (empty when all were warm or none were used). */
  coldStartMs: number[];
}

export const LOCKS_LIMITS = {
  workers: { label: 'Workers', min: 1, max: 16, maxReason: 'More would only queue for the same few cores and the same lock.' },
  increments: {
    label: 'Increments per worker',
    min: 1,
    max: 10_000_000,
    maxReason: 'With a lock per increment, more would run for minutes.',
  },
  widen: {
    label: 'Widen the window',
    min: 0,
    max: 1_000,
    maxReason: 'More work between the read and the write adds nothing but time.',
  },
} satisfies Record<keyof LocksParams, WholeNumberRule>;

/**
 * Enough increments that the unlocked workers overlap and lose updates on
 * practically every run, even on 2 cores with both busy elsewhere; at the
 * lesson's 4 × 10,000 a worker is nearly done before the next wakes from the
 * barrier, and the count is often exact (`npm run bench` measures the share lost).
 */
export const LOCKS_DEFAULTS: LocksParams = { workers: 4, increments: 1_000_000, widen: 0 };
/** The lesson's own numbers. */
export const LESSON_PARAMS: LocksParams = { workers: 4, increments: 10_000, widen: 0 };

/** Above this many units of work (increments × (1 + widen), all runners), a run would take minutes. */
export const MAX_TOTAL_WORK = 400_000_000;

/** The locks demo's fields, each checked alone, then together; `combined` says what is wrong with them together. */
export interface ParsedLocksFields extends ParsedFields<LocksParams> {
  combined: string;
}

/** Parses the three fields as typed; returns one message per bad field, a message for the combination, or the parameters. */
export function parseLocksParams(text: Readonly<Record<keyof LocksParams, string | number>>): ParsedLocksFields {
  const { messages, params } = parseFields<LocksParams>(text, {
    workers: wholeNumber(LOCKS_LIMITS.workers),
    increments: wholeNumber(LOCKS_LIMITS.increments),
    widen: wholeNumber(LOCKS_LIMITS.widen),
  });
  if (!params) return { messages, combined: '' };
  const work = params.workers * params.increments * (1 + params.widen);
  if (work > MAX_TOTAL_WORK) {
    return {
      messages,
      combined: `Workers × increments × (1 + window) is ${formatCount(work)}: at most ${formatCount(MAX_TOTAL_WORK)}, or a run would take minutes. Lower one of them.`,
    };
  }
  return { messages, params, combined: '' };
}

/** Thrown for a shared-memory variant on a page that is not cross-origin isolated. */
export class SharedMemoryUnavailableError extends Error {
  constructor() {
    super('This page is not cross-origin isolated, so there is no SharedArrayBuffer for workers to share a counter.');
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
  } = await watchFrames(() =>
    needsSharedMemory(variant) ? runShared(variant, params, context) : runAsync(variant, params, context),
  );
  const expected = params.workers * params.increments;
  return {
    schema: RUN_SCHEMA,
    demo: 'locks',
    variant,
    params: { ...params },
    startedAt,
    longestFrameGapMs,
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

async function runShared(method: SharedCountingMethod, params: LocksParams, context: LocksRunContext): Promise<Measured> {
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
  const trace: TraceEvent[] = reports.map((r) => ({
    lane: `worker ${r.runner + 1}`,
    chunk: r.runner,
    startMs: r.startAt - origin,
    endMs: r.endAt - origin,
  }));
  return {
    actual: Atomics.load(view, SLOT.counter),
    // From the barrier's release to the last worker's last increment: excludes starting workers and sending messages.
    wallMs: Math.max(...reports.map((r) => r.endAt)) - origin,
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
async function runAsync(variant: LocksVariant, params: LocksParams, context: LocksRunContext): Promise<Measured> {
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
  await Promise.all(Array.from({ length: workers }, (_, runner) => task(runner)));
  onProgress?.(1);
  trace.sort((a, b) => a.chunk - b.chunk);
  return {
    actual: counter.value,
    wallMs: now() - origin,
    workers,
    trace,
    memory: 'main-thread',
    lockSleeps,
    counterAtStart,
    coldStartMs: [],
  };
}
