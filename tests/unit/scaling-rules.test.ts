import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runBase } from './fixtures/run-base';
import { amdahl, fitAmdahl, usableCores } from '../../src/core/scaling';
import type { WorkerApi } from '../../src/core/worker-api';
import { parseCpuParams } from '../../src/experiments/cpu-rules';
import { runScalingSweep } from '../../src/experiments/scaling';
import {
  curvePoints,
  defaultMaxWorkers,
  parseScalingParams,
  readCurve,
  type ScalingParams,
  type ScalingWorkersRun,
} from '../../src/experiments/scaling-rules';
import { WorkerPool } from '../../src/runtime/pool';
import { lendBrowserGlobals } from './fixtures/browser-globals';
import { liveNodeWorkers, spawnNodeWorker } from './fixtures/node-pool';

const PARAMS: ScalingParams = { numbers: 1_000_000, rounds: 50, maxWorkers: 4, repeats: 1 };

function run(workers: number, wallMs: number, extra: Partial<ScalingWorkersRun> = {}): ScalingWorkersRun {
  return {
    ...runBase('scaling', 'workers', PARAMS, wallMs, workers),
    trace: [],
    checksum: 1,
    expectedChecksum: 1,
    coldStartMs: [],
    dataTransfer: 'shared',
    sweep: 1,
    ...extra,
  };
}

describe("the scaling demo's fields", () => {
  const text = { numbers: '1,000,000', rounds: '50', maxWorkers: '8', repeats: '3' };

  it('reads whole numbers within their limits, also numbers set from script', () => {
    expect(parseScalingParams(text).params).toEqual({ numbers: 1_000_000, rounds: 50, maxWorkers: 8, repeats: 3 });
    expect(parseScalingParams({ ...text, maxWorkers: 64, repeats: 1 }).params?.maxWorkers).toBe(64);
  });

  it('refuses each bad field with its own message', () => {
    const { messages, params } = parseScalingParams({ numbers: '999', rounds: '50', maxWorkers: '65', repeats: '0' });
    expect(params).toBeUndefined();
    expect(messages).toEqual({
      numbers: 'Numbers: must be at least 1,000.',
      rounds: '',
      maxWorkers: 'Most workers: at most 64. Browsers slow down or refuse to start more.',
      repeats: 'Repeats: cannot be zero.',
    });
    expect(parseScalingParams({ ...text, repeats: '10' }).messages.repeats).toContain('Repeats: at most 9.');
  });

  it('leaves an empty work per number to be calibrated: no message for it, and no parameters yet', () => {
    expect(parseScalingParams({ ...text, rounds: ' ' })).toEqual({
      messages: { numbers: '', rounds: '', maxWorkers: '', repeats: '' },
    });
    // The CPU demo's work per number is read the same way.
    expect(parseCpuParams({ numbers: '1000', rounds: '', workers: '2', chunkSize: '' })).toEqual({
      messages: { numbers: '', rounds: '', workers: '', chunkSize: '' },
    });
  });

  it('sweeps to twice the reported cores by default, at least 8 and at most 64', () => {
    expect([1, 2, 4, 6, 32, 48].map(defaultMaxWorkers)).toEqual([8, 8, 8, 12, 64, 64]);
  });
});

describe('reading a sweep', () => {
  it("takes each point's median over the sweeps, and its speed-up over the median on one worker", () => {
    const runs = [run(1, 1200), run(2, 520), run(1, 1000, { sweep: 2 }), run(2, 500, { sweep: 2 }), run(1, 900, { sweep: 3 })];
    runs.push(run(2, 700, { sweep: 3 }));
    expect(curvePoints(runs)).toEqual([
      { workers: 1, wallMs: 1000, speedup: 1 },
      { workers: 2, wallMs: 520, speedup: 1000 / 520 },
    ]);
  });

  it('leaves out unverified runs, and has no points before one worker has been timed', () => {
    expect(curvePoints([run(2, 500)])).toEqual([]);
    expect(curvePoints([run(1, 1000), run(2, 1, { verified: false }), run(3, 400)]).map((p) => p.workers)).toEqual([1, 3]);
  });

  it('reads where the curve flattens and fits Amdahl up to there, as the core functions do', () => {
    const points = [1, 2, 3, 4, 5, 6].map((w) => ({ workers: w, wallMs: 1000 / amdahl(0.05, Math.min(w, 2)), speedup: 0 }));
    for (const p of points) p.speedup = points[0].wallMs / p.wallMs;
    const read = readCurve(points);
    expect(read.usableCores).toBe(usableCores(points));
    expect(read.usableCores).toBe(2);
    expect(read.amdahl.serialFraction).toBe(fitAmdahl(points, 2).serialFraction);
    expect(read.amdahl.serialFraction).toBeCloseTo(0.05, 3);
    expect(read.amdahl.maxSpeedup).toBeCloseTo(20, 1);
  });

  it('writes "no limit" as null, which JSON keeps, where the fit finds no serial part', () => {
    const read = readCurve([
      { workers: 1, wallMs: 1000, speedup: 1 },
      { workers: 2, wallMs: 500, speedup: 2 },
    ]);
    expect(read.amdahl).toEqual({ serialFraction: 0, maxSpeedup: null });
    expect(JSON.parse(JSON.stringify(read))).toEqual(read);
  });
});

describe('the sweep, on worker threads', () => {
  lendBrowserGlobals();
  const saved = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
  beforeAll(() => Object.defineProperty(globalThis, 'navigator', { value: { hardwareConcurrency: 2 }, configurable: true }));
  afterAll(() =>
    saved ? Object.defineProperty(globalThis, 'navigator', saved) : Reflect.deleteProperty(globalThis, 'navigator'),
  );

  const pools: WorkerPool[] = [];
  afterEach(async () => {
    for (const pool of pools.splice(0)) pool.terminate();
    for (let i = 0; i < 100 && liveNodeWorkers.size > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(liveNodeWorkers.size).toBe(0);
  });

  it('runs 1 to the most workers, sweep after sweep, each verified, and ends with their curve', async () => {
    const pool = new WorkerPool<WorkerApi>(() => spawnNodeWorker(), 1);
    pools.push(pool);
    const params = { numbers: 30_000, rounds: 20, maxWorkers: 3, repeats: 2 };
    const runs: ScalingWorkersRun[] = [];
    const progress: number[] = [];
    const curve = await runScalingSweep(params, {
      pool,
      signal: new AbortController().signal,
      onProgress: (f) => progress.push(f),
      onRun: (r) => runs.push(r),
    });
    expect(runs.map((r) => [r.sweep, r.workers, r.verified])).toEqual([
      [1, 1, true],
      [1, 2, true],
      [1, 3, true],
      [2, 1, true],
      [2, 2, true],
      [2, 3, true],
    ]);
    // Each worker's cold start is reported with the run it was started for: the second sweep starts all but the first again.
    expect(runs.map((r) => r.coldStartMs.length)).toEqual([1, 1, 1, 0, 1, 1]);
    expect(curve).toMatchObject({ demo: 'scaling', variant: 'curve', verified: true, workers: 3, reportedCores: 2, params });
    expect(curve.points).toEqual(curvePoints(runs));
    expect(curve.wallMs).toBeCloseTo(
      runs.reduce((sum, r) => sum + r.wallMs, 0),
      6,
    );
    expect(progress.at(-1)).toBe(1);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1]);
  });

  it('stops when its signal is aborted, with no curve', async () => {
    const pool = new WorkerPool<WorkerApi>(() => spawnNodeWorker(), 1);
    pools.push(pool);
    const stop = new AbortController();
    const runs: ScalingWorkersRun[] = [];
    const sweep = runScalingSweep(
      { numbers: 30_000, rounds: 20, maxWorkers: 4, repeats: 1 },
      {
        pool,
        signal: stop.signal,
        onRun: (r) => {
          runs.push(r);
          if (r.workers === 2) {
            stop.abort();
            pool.terminate();
          }
        },
      },
    );
    await expect(sweep).rejects.toThrow();
    expect(runs.map((r) => r.workers)).toEqual([1, 2]);
  });
});
