import { afterEach, describe, expect, it } from 'vitest';
import { checksumRange, makeInput, sliceSize, workOn } from '../../src/core/cpu-kernel';
import { controlBytes, progressOf, requestStop } from '../../src/core/control-block';
import { splitRange } from '../../src/core/stats';
import { WorkerPool } from '../../src/runtime/pool';
import type { WorkerApi } from '../../src/core/worker-api';
import { runCpuVariant } from '../../src/experiments/cpu';
import { liveNodeWorkers, spawnNodeWorker } from './fixtures/node-pool';
import { lendBrowserGlobals } from './fixtures/browser-globals';

function controlFor(parts: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(controlBytes(parts)));
}

describe('the CPU kernel', () => {
  it('is the lesson squaring at one round', () => {
    expect(workOn(10, 1)).toBe(100);
    expect(workOn(3, 1)).toBe(9);
  });

  it('gives whole-number results that change with the rounds', () => {
    const results = [1, 2, 10, 100].map((r) => workOn(10, r));
    for (const r of results) expect(Number.isInteger(r)).toBe(true);
    expect(new Set(results).size).toBeGreaterThan(1);
  });

  it('gives the same checksum however the numbers are split', () => {
    const input = makeInput(10_001);
    const whole = checksumRange(input, 0, input.length, 50);
    for (const parts of [2, 3, 4, 7]) {
      const sum = splitRange(input.length, parts).reduce((s, r) => s + checksumRange(input, r.start, r.end, 50), 0);
      expect(sum).toBe(whole);
    }
  });

  it('cuts the work into slices of about two million rounds, at least one number each', () => {
    expect(sliceSize(1)).toBe(2_000_000);
    expect(sliceSize(1000)).toBe(2000);
    expect(sliceSize(3000)).toBe(666);
    expect(sliceSize(100_000)).toBe(20);
    expect(sliceSize(3_000_000)).toBe(1);
  });
});

describe('the CPU kernel with a control block', () => {
  it('gives the same checksum as without one, and reports every part done', () => {
    const input = makeInput(30_001);
    const rounds = 700;
    const ranges = splitRange(input.length, 3);
    const control = controlFor(ranges.length);
    const sums = ranges.map((r, part) => checksumRange(input, r.start, r.end, rounds, { view: control, part }));
    expect(sums.reduce((a, b) => a + b, 0)).toBe(checksumRange(input, 0, input.length, rounds));
    expect(progressOf(control, ranges.length)).toBe(input.length);
  });

  it('does no work when asked to stop before it starts', () => {
    const control = controlFor(1);
    requestStop(control);
    expect(checksumRange(makeInput(100_000), 0, 100_000, 1000, { view: control, part: 0 })).toBe(0);
    expect(progressOf(control, 1)).toBe(0);
  });

  it('returns after the slice in which it was asked to stop, with progress and sum to match', () => {
    const count = 100_000;
    const rounds = 1000;
    const control = controlFor(2);
    const tens = makeInput(count);
    // Asks for the stop while the kernel reads number 5,000, in the slice 4,000–6,000.
    const input = new Proxy(tens, {
      get(target, key) {
        if (key === '5000') requestStop(control);
        return Reflect.get(target, key) as unknown;
      },
    });
    const sum = checksumRange(input, 0, count, rounds, { view: control, part: 1 });
    expect(sliceSize(rounds)).toBe(2000);
    expect(progressOf(control, 2)).toBe(6000);
    expect(sum).toBe(6000 * workOn(10, rounds));
  });
});

describe('the CPU experiment with workers on shared memory', () => {
  lendBrowserGlobals();

  const pools: WorkerPool[] = [];
  afterEach(async () => {
    for (const pool of pools.splice(0)) pool.terminate();
    for (let i = 0; i < 100 && liveNodeWorkers.size > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(liveNodeWorkers.size).toBe(0);
  });

  it('reports progress while the parts run, not only as each one ends', async () => {
    const pool = new WorkerPool<WorkerApi>(() => spawnNodeWorker(), 2);
    pools.push(pool);
    const progress: number[] = [];
    // Two parts of several hundred milliseconds each: long enough for a few progress polls.
    const params = { numbers: 200_000, rounds: 3000, workers: 2, chunkSize: 1 };
    const result = await runCpuVariant('workers', params, {
      pool,
      signal: new AbortController().signal,
      onProgress: (f) => progress.push(f),
    });
    expect(result.verified).toBe(true);
    expect(result.dataTransfer).toBe('shared');
    expect(progress.some((f) => f > 0 && f < 1)).toBe(true);
    expect(progress.at(-1)).toBe(1);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1]);
  });
});
