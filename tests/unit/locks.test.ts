import { afterEach, describe, expect, it } from 'vitest';
import { CONTENDED, LOCKED, LockTimeoutError, UNLOCKED, lock, unlock } from '../../src/core/mutex';
import { BarrierTimeoutError, arriveAndWait, arrivedAt } from '../../src/core/barrier';
import { AsyncMutex } from '../../src/core/async-mutex';
import { SLOT, countShared, sharedCounterBytes } from '../../src/core/counter';
import { progressOf, requestStop } from '../../src/core/control-block';
import { WorkerPool } from '../../src/runtime/pool';
import type { WorkerApi } from '../../src/core/worker-api';
import { runLocksVariant, verifyCount } from '../../src/experiments/locks';
import {
  LOCKS_VARIANTS,
  MAX_TOTAL_WORK,
  mustBeExact,
  parseLocksParams,
  type LocksParams,
  type LocksVariant,
} from '../../src/experiments/locks-rules';
import { lanesOverlap } from '../../src/core/trace';
import { clockOffset } from '../../src/runtime/clock-sync';
import { liveNodeWorkers, spawnNodeWorker } from './fixtures/node-pool';
import type { LocksTestApi } from './fixtures/locks-worker';
import { lendBrowserGlobals } from './fixtures/browser-globals';

/** Every wait in these tests is bounded: a broken lock or barrier fails the test instead of hanging it. */
const TIMEOUT_MS = 10_000;
const lockWorker = new URL('./fixtures/locks-worker.ts', import.meta.url);

const pools: Array<{ terminate(): void }> = [];
function lockPool(size: number): WorkerPool<LocksTestApi> {
  const pool = new WorkerPool<LocksTestApi>(() => spawnNodeWorker(lockWorker), size);
  pools.push(pool);
  return pool;
}

function shared(length: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(length * Int32Array.BYTES_PER_ELEMENT));
}

/** Polls until `condition` holds, failing after `timeoutMs`. */
async function until(condition: () => boolean, what: string, timeoutMs = TIMEOUT_MS): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting until ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

afterEach(async () => {
  for (const pool of pools.splice(0)) pool.terminate();
  await until(() => liveNodeWorkers.size === 0, 'every worker exited');
});

describe('the futex mutex on one thread', () => {
  it('takes a free lock without sleeping and releases it', () => {
    const view = shared(1);
    expect(lock(view, 0)).toBe(0);
    expect(view[0]).toBe(LOCKED);
    unlock(view, 0);
    expect(view[0]).toBe(UNLOCKED);
    expect(lock(view, 0)).toBe(0);
  });

  it('gives up with a LockTimeoutError when the lock stays held', () => {
    const view = shared(1);
    lock(view, 0);
    expect(() => lock(view, 0, 20)).toThrow(LockTimeoutError);
    // The waiter announced itself before giving up: the state says so, and unlock still works.
    expect(view[0]).toBe(CONTENDED);
    unlock(view, 0);
    expect(view[0]).toBe(UNLOCKED);
  });

  it('refuses to unlock a lock nobody holds, and leaves it unlocked', () => {
    const view = shared(1);
    expect(() => unlock(view, 0)).toThrow(/not held/);
    expect(view[0]).toBe(UNLOCKED);
  });
});

describe('the futex mutex across worker threads', () => {
  it('makes a waiter sleep while the lock is held and wakes it on unlock', async () => {
    const view = shared(2);
    const [lockSlot, flag] = [0, 1];
    const pool = lockPool(1);
    await pool.warm();
    lock(view, lockSlot);
    const waiter = pool.map(1, (api) => api.lockThenFlag(view, lockSlot, flag, TIMEOUT_MS));
    // A waiter marks the lock contended before it sleeps.
    await until(() => Atomics.load(view, lockSlot) === CONTENDED, 'the worker waits on the lock');
    expect(Atomics.load(view, flag)).toBe(0);
    unlock(view, lockSlot);
    const { results } = await waiter;
    expect(Atomics.load(view, flag)).toBe(1);
    expect(results[0]).toBeGreaterThanOrEqual(1);
    expect(Atomics.load(view, lockSlot)).toBe(UNLOCKED);
  });

  it('lets only one of four threads inside at a time, over many rounds, without deadlock', async () => {
    const pool = lockPool(4);
    await pool.warm();
    for (let repetition = 0; repetition < 5; repetition++) {
      const view = shared(3);
      const rounds = 5_000;
      const { results } = await pool.map(4, (api) => api.hammer(view, 0, 1, 2, rounds, TIMEOUT_MS));
      expect(results).toEqual([0, 0, 0, 0]);
      expect(Atomics.load(view, 1)).toBe(4 * rounds);
      expect(Atomics.load(view, 0)).toBe(UNLOCKED);
    }
  });

  it('stays held after its holder is terminated: a new run needs a fresh lock', async () => {
    const view = shared(1);
    const pool = lockPool(1);
    await pool.map(1, (api) => api.takeAndKeep(view, 0, TIMEOUT_MS));
    pool.terminate();
    await until(() => liveNodeWorkers.size === 0, 'the holder exited');
    expect(view[0]).not.toBe(UNLOCKED);
    expect(() => lock(view, 0, 20)).toThrow(LockTimeoutError);
  });
});

describe('the start barrier', () => {
  it('holds every thread until the last arrives, then releases them all', async () => {
    const parties = 4;
    const view = shared(2);
    const [barrier, passed] = [0, 1];
    const pool = lockPool(parties - 1);
    await pool.warm();
    const run = pool.map(parties - 1, (api) => api.arrive(view, barrier, parties, passed, TIMEOUT_MS));
    await until(() => arrivedAt(view, barrier) === parties - 1, 'three workers arrived');
    // Give a broken barrier the chance to let someone through early.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(Atomics.load(view, passed)).toBe(0);
    expect(arriveAndWait(view, barrier, parties, TIMEOUT_MS)).toBe(parties);
    const { results } = await run;
    expect(Atomics.load(view, passed)).toBe(parties - 1);
    // Every worker, once released, saw all four arrivals.
    expect(results).toEqual([parties, parties, parties]);
  });

  it('fails with a BarrierTimeoutError when the others never come', () => {
    const view = shared(1);
    expect(() => arriveAndWait(view, 0, 2, 20)).toThrow(BarrierTimeoutError);
  });

  it('refuses more arrivals than parties', () => {
    const view = shared(1);
    expect(arriveAndWait(view, 0, 1)).toBe(1);
    expect(() => arriveAndWait(view, 0, 1)).toThrow(/built for 1/);
  });
});

describe('the counting kernels under contention', () => {
  const workers = 4;
  const increments = 20_000;

  async function count(
    pool: WorkerPool<LocksTestApi>,
    method: 'no-lock' | 'atomic' | 'mutex-per-increment' | 'mutex-whole-loop',
  ) {
    const view = new Int32Array(new SharedArrayBuffer(sharedCounterBytes(workers)));
    const { results } = await pool.map(workers, (api, runner) =>
      api.countShared(view, { method, runner, workers, increments, widen: 0, timeoutMs: TIMEOUT_MS }),
    );
    return { view, reports: results };
  }

  it.each(['atomic', 'mutex-per-increment', 'mutex-whole-loop'] as const)(
    'counts exactly with %s, run after run',
    async (method) => {
      const pool = lockPool(workers);
      await pool.warm();
      for (let repetition = 0; repetition < 10; repetition++) {
        const { view, reports } = await count(pool, method);
        expect(Atomics.load(view, SLOT.counter)).toBe(workers * increments);
        expect(Atomics.load(view, SLOT.lock)).toBe(UNLOCKED);
        expect(progressOf(view, workers, SLOT.control)).toBe(workers * increments);
        expect(reports.map((r) => r.runner)).toEqual([0, 1, 2, 3]);
      }
    },
  );

  it('with the lock around the whole loop, each worker starts where the previous one finished', async () => {
    const pool = lockPool(workers);
    await pool.warm();
    const { reports } = await count(pool, 'mutex-whole-loop');
    const starts = reports.map((r) => r.counterAtStart).sort((a, b) => a - b);
    expect(starts).toEqual([0, 1, 2, 3].map((k) => k * increments));
  });

  it('without a lock never counts more than the increments made', async () => {
    const pool = lockPool(workers);
    await pool.warm();
    const { view } = await count(pool, 'no-lock');
    const actual = Atomics.load(view, SLOT.counter);
    expect(actual).toBeGreaterThanOrEqual(1);
    expect(actual).toBeLessThanOrEqual(workers * increments);
  });

  it('counts on the calling thread too, where the barrier has one party', () => {
    const view = new Int32Array(new SharedArrayBuffer(sharedCounterBytes(1)));
    const report = countShared(view, { method: 'mutex-per-increment', runner: 0, workers: 1, increments: 1000, widen: 3 });
    expect(Atomics.load(view, SLOT.counter)).toBe(1000);
    expect(report.lockSleeps).toBe(0);
    expect(report.endAt).toBeGreaterThanOrEqual(report.startAt);
  });
});

describe('stopping the counting kernels', () => {
  const methods = ['no-lock', 'atomic', 'mutex-per-increment', 'mutex-whole-loop'] as const;

  it.each(methods)('%s counts nothing once the stop slot is set, and leaves the lock free', (method) => {
    const view = new Int32Array(new SharedArrayBuffer(sharedCounterBytes(1)));
    requestStop(view, SLOT.control);
    countShared(view, { method, runner: 0, workers: 1, increments: 1_000_000, widen: 0 });
    expect(Atomics.load(view, SLOT.counter)).toBe(0);
    expect(progressOf(view, 1, SLOT.control)).toBe(0);
    expect(Atomics.load(view, SLOT.lock)).toBe(UNLOCKED);
  });

  it.each(methods)('%s in three workers ends soon after the stop slot is set, far short of the count', async (method) => {
    const workers = 3;
    // Tens of seconds of counting at the widest window: a stop that did not work could not pass for a finished run.
    const increments = 10_000_000;
    const pool = lockPool(workers);
    await pool.warm();
    const view = new Int32Array(new SharedArrayBuffer(sharedCounterBytes(workers)));
    const run = pool.map(workers, (api, runner) =>
      api.countShared(view, { method, runner, workers, increments, widen: 1000, timeoutMs: TIMEOUT_MS }),
    );
    await until(() => progressOf(view, workers, SLOT.control) > 0, 'the workers count');
    requestStop(view, SLOT.control);
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('Still counting 10 s after the stop.')), 10_000),
    );
    await Promise.race([run, timeout]);
    const counted = Atomics.load(view, SLOT.counter);
    expect(counted).toBeLessThan((workers * increments) / 10);
    // The holder left the lock free, and every waiter took it, saw the stop and freed it again.
    expect(Atomics.load(view, SLOT.lock)).toBe(UNLOCKED);
    // The progress slots hold what each worker did; only the unlocked race can count less.
    if (method === 'no-lock') expect(counted).toBeLessThanOrEqual(progressOf(view, workers, SLOT.control));
    else expect(counted).toBe(progressOf(view, workers, SLOT.control));
    expect(pool.alive).toBe(workers);
  });
});

describe('the clock offset of a worker', () => {
  it('finds how far ahead another clock is, to within half the fastest round trip', async () => {
    const { offsetMs, uncertaintyMs } = await clockOffset(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return performance.now() + 1000;
    });
    expect(Math.abs(offsetMs - 1000)).toBeLessThanOrEqual(uncertaintyMs + 0.001);
  });
});

describe('the async mutex', () => {
  it('serves waiters in order and frees the lock after the last', async () => {
    const mutex = new AsyncMutex();
    const order: number[] = [];
    await Promise.all(
      [1, 2, 3].map((n) =>
        mutex.withLock(async () => {
          order.push(n);
          await new Promise((resolve) => setTimeout(resolve, 1));
          order.push(-n);
        }),
      ),
    );
    expect(order).toEqual([1, -1, 2, -2, 3, -3]);
    expect(mutex.locked).toBe(false);
  });

  it('is released when the body throws', async () => {
    const mutex = new AsyncMutex();
    await expect(mutex.withLock(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(mutex.locked).toBe(false);
    expect(() => mutex.unlock()).toThrow(/not held/);
  });
});

describe('the locks experiment', () => {
  lendBrowserGlobals();

  const params: LocksParams = { workers: 3, increments: 30_000, widen: 0 };
  function experimentPool(): WorkerPool {
    // The Node test worker exposes the real worker API (and more).
    const pool = new WorkerPool<WorkerApi>(() => spawnNodeWorker(), params.workers);
    pools.push(pool);
    return pool;
  }

  it('gives every variant a verified result in the run shape', async () => {
    const pool = experimentPool();
    for (const variant of LOCKS_VARIANTS) {
      const progress: number[] = [];
      const result = await runLocksVariant(variant, params, {
        pool,
        signal: new AbortController().signal,
        onProgress: (f) => progress.push(f),
      });
      expect(result).toMatchObject({
        schema: 'parallel-lab/run@2',
        demo: 'locks',
        variant,
        params,
        workers: 3,
        expected: 90_000,
      });
      expect(result.verified).toBe(true);
      expect(result.lost).toBe(result.expected - result.actual);
      if (mustBeExact(variant)) expect(result.lost).toBe(0);
      expect(result.trace).toHaveLength(3);
      expect(progress.at(-1)).toBe(1);
      expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    }
  });

  it('loses updates in the async race on one thread, every round of tasks counting once', async () => {
    const result = await runLocksVariant('async-race', params, { pool: experimentPool(), signal: new AbortController().signal });
    // Each task reads, then awaits while the others read the same value: each round of three adds one.
    expect(result.actual).toBe(params.increments);
    expect(result.lost).toBe(2 * params.increments);
    expect(result.memory).toBe('main-thread');
    expect(lanesOverlap(result.trace)).toBe(true);
  });

  it('serialises the workers with the whole-loop lock: each starts where the previous one stopped', async () => {
    const result = await runLocksVariant('mutex-whole-loop', params, {
      pool: experimentPool(),
      signal: new AbortController().signal,
    });
    expect([...result.counterAtStart].sort((a, b) => a - b)).toEqual([0, 30_000, 60_000]);
    expect(result.lost).toBe(0);
  });

  it('stops mid-run, terminating the workers, then runs exactly on a fresh counter', async () => {
    const pool = experimentPool();
    const controller = new AbortController();
    // Seconds of work, so it is still running when the first progress report arrives.
    const big: LocksParams = { workers: 3, increments: 10_000_000, widen: 10 };
    // Stops as soon as the workers are seen counting.
    const run = runLocksVariant('mutex-whole-loop', big, {
      pool,
      signal: controller.signal,
      onProgress: (f) => f > 0 && controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(pool.alive).toBe(0);
    const again = await runLocksVariant('mutex-whole-loop', params, { pool, signal: new AbortController().signal });
    expect(again.lost).toBe(0);
    expect(again.verified).toBe(true);
  });

  it('stops the async variants too', async () => {
    const controller = new AbortController();
    const run = runLocksVariant(
      'async-mutex',
      { workers: 4, increments: 10_000_000, widen: 0 },
      { pool: experimentPool(), signal: controller.signal, onProgress: (f) => f > 0 && controller.abort() },
    );
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('checking the locks parameters and counts', () => {
  it('accepts the defaults and the lesson, with separators', () => {
    expect(parseLocksParams({ workers: '4', increments: '1,000,000', widen: '0' }).params).toEqual({
      workers: 4,
      increments: 1_000_000,
      widen: 0,
    });
    expect(parseLocksParams({ workers: '4', increments: '10_000', widen: '5' }).params).toEqual({
      workers: 4,
      increments: 10_000,
      widen: 5,
    });
  });

  it('gives each bad field its own message and starts nothing', () => {
    const parsed = parseLocksParams({ workers: '0', increments: 'lots', widen: '-1' });
    expect(parsed.params).toBeUndefined();
    expect(parsed.messages).toEqual({
      workers: 'Workers: cannot be zero.',
      increments: 'Increments per worker: "lots" is not a number.',
      widen: 'Widen the window: cannot be negative.',
    });
    expect(parseLocksParams({ workers: '17', increments: '1', widen: '0' }).messages.workers).toMatch(/^Workers: at most 16\./);
  });

  it('refuses a combination that would run for minutes', () => {
    const parsed = parseLocksParams({ workers: '16', increments: '10,000,000', widen: '1000' });
    expect(parsed.params).toBeUndefined();
    expect(parsed.combined).toContain(`at most ${MAX_TOTAL_WORK.toLocaleString('en-US')}`);
  });

  it('verifies exact variants by equality and the races by bounds', () => {
    const cases: Array<[LocksVariant, number, boolean]> = [
      ['atomic', 400, true],
      ['atomic', 399, false],
      ['mutex-whole-loop', 401, false],
      ['no-lock', 250, true],
      ['no-lock', 400, true],
      ['no-lock', 401, false],
      ['async-race', 0, false],
    ];
    for (const [variant, actual, verified] of cases) expect(verifyCount(variant, 400, actual)).toBe(verified);
  });
});
