import { arriveAndWait } from './barrier';
import { lock, unlock } from './mutex';
import { checkIn, controlBytes, type ControlPart } from './control-block';

/**
 * The locks demo's work: every worker adds 1 to one shared counter, many
 * times, in one of four ways. The lesson's `counter.value += 1` on a
 * `multiprocessing.Value` reads the value (one locked step), adds, then writes
 * it (another locked step): each step is safe, the pair is not. The unlocked
 * kernel does exactly that with `Atomics.load` and `Atomics.store`, which also
 * keeps the JIT from folding the loop into one write.
 */

export type SharedCountingMethod = 'no-lock' | 'atomic' | 'mutex-per-increment' | 'mutex-whole-loop';

/**
 * Where things live in the run's shared `Int32Array`. Each sits on its own
 * 64-byte cache line so that progress reports do not slow the counter down.
 */
export const SLOT = {
  counter: 0,
  lock: 16,
  barrier: 32,
  /** The run's control block (see control-block.ts): stop requests and each worker's increments done. */
  control: 48,
} as const;

/** Bytes of shared memory a run with `workers` workers needs. */
export function sharedCounterBytes(workers: number): number {
  return controlBytes(workers, SLOT.control);
}

/**
 * Progress is written, and a stop looked for, once per this many increments:
 * a few milliseconds apart at the widest window, and two atomic operations
 * per thousand increments at none.
 */
const PROGRESS_EVERY = 1 << 10;

export interface CountingTask {
  method: SharedCountingMethod;
  /** This worker's index, 0-based. */
  runner: number;
  /** How many workers count, all of which must arrive at the start barrier. */
  workers: number;
  increments: number;
  /** Arithmetic steps done between the read and the write (0 = none): widens the race window. */
  widen: number;
  /** Limit for the start barrier and each lock wait, in ms; a bug then fails instead of hanging. */
  timeoutMs?: number;
}

export interface CountingReport {
  runner: number;
  /**
   * Times on this thread's clock (`performance.now()`), in ms: released by
   * the barrier; first and last increment of the counting span (for the
   * whole-loop mutex, the span while holding the lock). Each thread's clock
   * counts from its own origin: the page converts these with an offset it
   * measures for each worker (see runtime/clock-sync.ts).
   */
  releasedAt: number;
  startAt: number;
  endAt: number;
  /** The counter when this worker's span began: with the whole-loop lock, a multiple of `increments`. */
  counterAtStart: number;
  /** How many times this worker slept waiting for the lock. */
  lockSleeps: number;
  /** The widening work's result, returned so the JIT cannot delete the work. */
  sink: number;
}

/** The work done between the read and the write; `steps` = 0 does nothing. */
function widenWork(steps: number, seed: number): number {
  let x = seed;
  for (let i = 0; i < steps; i++) x = (x * 1103515245 + 12345) | 0;
  return x;
}

/**
 * One worker's share of the count, on the counter in `view`. Waits at the
 * start barrier, then counts with the chosen method. Returns early, with the
 * count unfinished, when the page sets the stop slot; the lock is then free.
 */
export function countShared(view: Int32Array, task: CountingTask): CountingReport {
  const { method, runner, workers, increments, widen, timeoutMs } = task;
  // Checked in every `PROGRESS_EVERY` increments, first before the first one, so a worker that
  // comes to the lock or through the barrier after a stop does no work.
  const control: ControlPart = { view, part: runner, at: SLOT.control };
  arriveAndWait(view, SLOT.barrier, workers, timeoutMs);
  const releasedAt = performance.now();
  let sink = 0;
  let lockSleeps = 0;
  let counterAtStart: number;
  let startAt: number;
  let endAt: number;
  let i = 0;

  if (method === 'mutex-whole-loop') {
    lockSleeps += lock(view, SLOT.lock, timeoutMs);
    startAt = performance.now();
    counterAtStart = Atomics.load(view, SLOT.counter);
    try {
      for (; i < increments; i++) {
        // On a stop, the holder leaves and unlocks; each waiter then takes the lock, sees the stop at once and leaves too.
        if ((i & (PROGRESS_EVERY - 1)) === 0 && checkIn(control, i)) break;
        const value = Atomics.load(view, SLOT.counter);
        if (widen) sink ^= widenWork(widen, value);
        Atomics.store(view, SLOT.counter, value + 1);
      }
      // Before unlocking: once the lock is free, this thread may be descheduled while the next worker counts.
      endAt = performance.now();
    } finally {
      unlock(view, SLOT.lock);
    }
  } else {
    startAt = performance.now();
    counterAtStart = Atomics.load(view, SLOT.counter);
    if (method === 'atomic') {
      for (; i < increments; i++) {
        if ((i & (PROGRESS_EVERY - 1)) === 0 && checkIn(control, i)) break;
        if (widen) sink ^= widenWork(widen, i);
        Atomics.add(view, SLOT.counter, 1);
      }
    } else if (method === 'mutex-per-increment') {
      for (; i < increments; i++) {
        if ((i & (PROGRESS_EVERY - 1)) === 0 && checkIn(control, i)) break;
        lockSleeps += lock(view, SLOT.lock, timeoutMs);
        const value = Atomics.load(view, SLOT.counter);
        if (widen) sink ^= widenWork(widen, value);
        Atomics.store(view, SLOT.counter, value + 1);
        unlock(view, SLOT.lock);
      }
    } else {
      for (; i < increments; i++) {
        if ((i & (PROGRESS_EVERY - 1)) === 0 && checkIn(control, i)) break;
        const value = Atomics.load(view, SLOT.counter);
        // Another worker may write here, between this read and the write below: its update is then lost.
        if (widen) sink ^= widenWork(widen, value);
        Atomics.store(view, SLOT.counter, value + 1);
      }
    }
    endAt = performance.now();
  }
  checkIn(control, i);
  return { runner, releasedAt, startAt, endAt, counterAtStart, lockSleeps, sink };
}
