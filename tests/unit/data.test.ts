import { afterEach, describe, expect, it } from 'vitest';
import type { WorkerApi } from '../../src/core/worker-api';
import { payloadFor, runDataVariant } from '../../src/experiments/data';
import {
  copiedBytes,
  DATA_VARIANTS,
  dataVariantsFor,
  parseDataParams,
  skipReason,
  type DataVariant,
} from '../../src/experiments/data-rules';
import { WorkerPool } from '../../src/runtime/pool';
import { lendBrowserGlobals } from './fixtures/browser-globals';
import { liveNodeWorkers, spawnNodeWorker } from './fixtures/node-pool';

describe('the data demo’s rules', () => {
  it('reads the numbers with separators and refuses what is out of range, at its field', () => {
    expect(parseDataParams({ numbers: '10,000,000' }).params).toEqual({ numbers: 10_000_000 });
    expect(parseDataParams({ numbers: 2_000 }).params).toEqual({ numbers: 2_000 });
    expect(parseDataParams({ numbers: '0' }).messages.numbers).toBe('Numbers: cannot be zero.');
    expect(parseDataParams({ numbers: '20,000,001' }).messages.numbers).toMatch(/^Numbers: at most 20,000,000\. /);
    expect(parseDataParams({ numbers: 'ten' }).params).toBeUndefined();
  });

  it('copies 8 bytes a number only when the way copies, and skips sharing only without shared memory', () => {
    expect(DATA_VARIANTS.map((v) => copiedBytes(v, 1_000))).toEqual([8_000, 8_000, 0, 0]);
    expect(dataVariantsFor(true)).toEqual(['copy-array', 'copy-typed', 'transfer', 'shared']);
    expect(dataVariantsFor(false)).toEqual(['copy-array', 'copy-typed', 'transfer']);
    expect(skipReason('shared', false)).toContain('cross-origin isolated');
    expect(DATA_VARIANTS.map((v) => skipReason(v, true))).toEqual([undefined, undefined, undefined, undefined]);
    expect(skipReason('transfer', false)).toBeUndefined();
  });

  it('builds the lesson’s tens as a packed Array, a Float64Array, or one on shared memory', () => {
    const list = payloadFor('copy-array', 5);
    expect(Array.isArray(list) && list).toEqual([10, 10, 10, 10, 10]);
    expect(payloadFor('copy-typed', 3)).toEqual(new Float64Array([10, 10, 10]));
    const bufferOf = (variant: DataVariant) => {
      const payload = payloadFor(variant, 3);
      return payload instanceof Float64Array ? payload.buffer : undefined;
    };
    expect(bufferOf('transfer')).toBeInstanceOf(ArrayBuffer);
    expect(bufferOf('shared')).toBeInstanceOf(SharedArrayBuffer);
  });
});

describe('moving the numbers to a worker (worker_threads)', () => {
  lendBrowserGlobals();
  const pools: WorkerPool<WorkerApi>[] = [];
  const context = () => {
    const pool = new WorkerPool<WorkerApi>(() => spawnNodeWorker(), 1);
    pools.push(pool);
    return { pool, signal: new AbortController().signal };
  };
  afterEach(async () => {
    for (const pool of pools.splice(0)) pool.terminate();
    for (let i = 0; i < 100 && liveNodeWorkers.size > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(liveNodeWorkers.size).toBe(0);
  });

  it('verifies every way by the worker’s count and checksum, on a fresh worker, and computes the memory where none is measured', async () => {
    const { pool, signal } = context();
    for (const variant of DATA_VARIANTS) {
      const run = await runDataVariant(variant, { numbers: 50_000 }, { pool, signal });
      expect(run).toMatchObject({ demo: 'data', variant, verified: true, received: 50_000, workers: 1 });
      expect(run.checksum).toBe(100 * 50_000);
      expect(run.bytes).toBe(copiedBytes(variant, 50_000));
      // Node offers no memory measurement; sharing is never measured.
      expect(run).toMatchObject({ extraBytesSource: 'computed', extraBytes: run.bytes });
      expect(run.computedBecause).toBe(variant === 'shared' ? 'shared-counted-per-thread' : 'not-offered');
      expect(run.detached).toBe(variant === 'transfer');
      expect(run.trace).toHaveLength(1);
      // A worker of its own for every way, started before the timing and shut down after.
      expect(run.coldStartMs).toHaveLength(1);
      expect(pool.alive).toBe(0);
      expect(JSON.parse(JSON.stringify(run))).toEqual(run);
    }
  });

  it('refuses to share without shared memory, saying why', async () => {
    Object.defineProperty(globalThis, 'crossOriginIsolated', { value: false, configurable: true });
    try {
      const { pool, signal } = context();
      await expect(runDataVariant('shared', { numbers: 10 }, { pool, signal })).rejects.toThrow('cross-origin isolated');
    } finally {
      Object.defineProperty(globalThis, 'crossOriginIsolated', { value: true, configurable: true });
    }
  });
});
