import { afterEach, describe, expect, it } from 'vitest';
import { WorkerPool, workerLostError } from '../../src/runtime/pool';
import { lanesOf, lanesOverlap } from '../../src/core/trace';
import { checksumRange, makeInput, workOn } from '../../src/core/cpu-kernel';
import { controlBytes, progressOf, requestStop } from '../../src/core/control-block';
import { liveNodeWorkers, spawnNodeWorker } from './fixtures/node-pool';
import type { TestApi } from './fixtures/node-worker';

const pools: Array<WorkerPool<TestApi>> = [];
function makePool(size: number): WorkerPool<TestApi> {
  const pool = new WorkerPool<TestApi>(() => spawnNodeWorker(), size);
  pools.push(pool);
  return pool;
}

async function noWorkersLeft(): Promise<void> {
  for (let i = 0; i < 100 && liveNodeWorkers.size > 0; i++) await new Promise((r) => setTimeout(r, 20));
  expect(liveNodeWorkers.size).toBe(0);
}

afterEach(async () => {
  for (const pool of pools.splice(0)) pool.terminate();
  await noWorkersLeft();
});

describe('WorkerPool', () => {
  it('reports a cold start for each new worker and none for warm ones', async () => {
    const pool = makePool(2);
    const first = await pool.warm();
    expect(first.coldStartMs).toHaveLength(2);
    for (const ms of first.coldStartMs) expect(ms).toBeGreaterThan(0);
    expect((await pool.warm()).coldStartMs).toEqual([]);
    expect(pool.alive).toBe(2);
  });

  it('starts its workers one after another, each once the one before has answered, timing each from the first start', async () => {
    // How many workers had answered when each was started: WebKit puts workers started together outside the service worker.
    const answeredAtStart: number[] = [];
    let answered = 0;
    const pool = new WorkerPool<TestApi>(() => {
      answeredAtStart.push(answered);
      const handle = spawnNodeWorker();
      let first = true;
      handle.endpoint.addEventListener('message', () => {
        if (first) answered++;
        first = false;
      });
      return handle;
    }, 3);
    pools.push(pool);
    const { coldStartMs } = await pool.warm();
    expect(answeredAtStart).toEqual([0, 1, 2]);
    // The last is the whole wait for the workers.
    expect(coldStartMs).toHaveLength(3);
    expect([...coldStartMs].sort((a, b) => a - b)).toEqual(coldStartMs);
  });

  it('splits a job over every worker, in task order, with one trace event per task', async () => {
    const pool = makePool(2);
    const input = makeInput(40_000);
    const chunks = 8;
    const size = input.length / chunks;
    const outcome = await pool.map(chunks, (api, i) => api.checksum(input, i * size, (i + 1) * size, 2000));
    expect(outcome.results.reduce((a, r) => a + r.sum, 0)).toBe(checksumRange(input, 0, input.length, 2000));
    expect(outcome.trace).toHaveLength(chunks);
    expect(lanesOf(outcome.trace).sort()).toEqual(['worker 1', 'worker 2']);
    expect(lanesOverlap(outcome.trace)).toBe(true);
  });

  it('rejects with the worker error name and message, then replaces the worker', async () => {
    const pool = makePool(1);
    await pool.warm();
    await expect(pool.map(1, (api) => api.fail('RangeError', 'rounds out of range'))).rejects.toMatchObject({
      name: 'RangeError',
      message: 'rounds out of range',
    });
    expect(pool.alive).toBe(0);
    const again = await pool.map(1, (api) => api.workOnItems([10], 1));
    expect(again.results).toEqual([100]);
  });

  it('rejects instead of hanging when a worker dies mid-call, and recovers', async () => {
    const pool = makePool(2);
    await pool.warm();
    const run = pool.map(2, (api, i) => (i === 0 ? api.crash().then(() => api.hang()) : api.hang()));
    await expect(run).rejects.toMatchObject({ name: 'WorkerLostError' });
    await noWorkersLeft();
    const again = await pool.map(2, (api) => api.workOnItems([10, 10], 1));
    expect(again.results).toEqual([200, 200]);
  });

  it('fails the run with a clear message when a worker goes without a word mid-call, and the next run starts fresh workers', async () => {
    const pool = makePool(2);
    await pool.warm();
    const numbers = 200_000;
    const input = makeInput(numbers);
    // Worker 2 is still computing when worker 1 goes: its call ends with the run, not after it.
    const run = pool.map(2, (api, i) => (i === 0 ? api.closeSelf() : api.checksum(input, 0, numbers, 1_000_000)));
    const { name, message } = workerLostError();
    await expect(run).rejects.toMatchObject({ name, message });
    // Nobody called terminate(): the pool ended its other worker itself.
    await noWorkersLeft();
    expect((await pool.warm()).coldStartMs).toHaveLength(2);
    const again = await pool.map(2, (api, i) => api.checksum(input, i * 1000, (i + 1) * 1000, 2));
    expect(again.results.reduce((a, r) => a + r.sum, 0)).toBe(checksumRange(input, 0, 2000, 2));
  });

  it('replaces a worker that went between runs, so the next run neither hangs nor fails', async () => {
    const pool = makePool(2);
    await pool.warm();
    // Worker 1 answers, then ends on its own while the pool is idle.
    await pool.forEachWorker(async (api, slot) => slot === 0 && (await api.crash()));
    await noWorkersLeft();
    const again = await pool.map(2, (api) => api.workOnItems([10], 1));
    expect(again.results).toEqual([100, 100]);
  });

  it('takes a worker that answers nothing during a long synchronous call for busy, not lost', async () => {
    const pool = makePool(1);
    const input = makeInput(1_000_000);
    const { results } = await pool.map(1, (api) => api.checksum(input, 0, input.length, 500));
    expect(results[0].sum).toBe(1_000_000 * workOn(10, 500));
    expect(pool.alive).toBe(1);
  });

  it('on abort, terminates every worker and rejects at once, then respawns lazily', async () => {
    const pool = makePool(2);
    await pool.warm();
    const controller = new AbortController();
    const run = pool.map(2, (api) => api.hang(), { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(pool.alive).toBe(0);
    await noWorkersLeft();
    const again = await pool.map(2, (api) => api.workOnItems([10], 1));
    expect(again.results).toEqual([100, 100]);
  });

  it('refuses sizes outside 1 to 64', () => {
    expect(() => makePool(0)).toThrow(RangeError);
    expect(() => makePool(65)).toThrow(RangeError);
    expect(() => makePool(1.5)).toThrow(RangeError);
  });

  it('ends long shared-memory checksums soon after the stop slot is set, without terminating the workers', async () => {
    const pool = makePool(2);
    await pool.warm();
    // About a minute of work per worker: a stop that did not work could not pass for a finished run.
    const numbers = 4_000_000;
    const rounds = 20_000;
    const input = makeInput(numbers, new SharedArrayBuffer(numbers * Float64Array.BYTES_PER_ELEMENT));
    const control = new Int32Array(new SharedArrayBuffer(controlBytes(2)));
    const half = numbers / 2;
    const run = pool.map(2, (api, part) => api.checksum(input, part * half, (part + 1) * half, rounds, { view: control, part }));
    for (let i = 0; i < 1000 && progressOf(control, 2) === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(progressOf(control, 2)).toBeGreaterThan(0);
    requestStop(control);
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('Still running 10 s after the stop.')), 10_000),
    );
    const { results } = await Promise.race([run, timeout]);
    const done = progressOf(control, 2);
    expect(done).toBeLessThan(numbers / 10);
    // Each worker returned the exact sum of the numbers it reports done.
    expect(results.reduce((a, r) => a + r.sum, 0)).toBe(done * workOn(10, rounds));
    expect(pool.alive).toBe(2);
  });

  it('tells each call which worker runs it, matching its lane in the trace', async () => {
    const pool = makePool(2);
    const outcome = await pool.map(6, async (api, _task, slot) => ({ slot, value: await api.workOnItems([10], 1) }));
    outcome.trace.forEach((event) => expect(event.lane).toBe(`worker ${outcome.results[event.chunk].slot + 1}`));
    expect(new Set(outcome.results.map((r) => r.slot))).toEqual(new Set([0, 1]));
  });

  it('calls every worker once, in slot order', async () => {
    const pool = makePool(3);
    expect(await pool.forEachWorker(async (api, slot) => (await api.ping()) > 0 && slot)).toEqual([0, 1, 2]);
    expect(pool.alive).toBe(3);
  });

  it('terminates extra workers when shrunk', async () => {
    const pool = makePool(2);
    await pool.warm();
    pool.resize(1);
    expect(pool.alive).toBe(1);
  });
});
