import { describe, expect, it } from 'vitest';
import { EMBED_TRACE_LIMIT, readFrameMessage, readHostMessage, slimRun } from '../../src/core/embed-protocol';
import type { DemoId, RunResultBase } from '../../src/core/run-result';

const run = (events: number): RunResultBase<DemoId, string, unknown> => ({
  schema: 'parallel-lab/run@2',
  demo: 'cpu',
  variant: 'workers',
  params: {},
  wallMs: 12,
  workers: 2,
  verified: true,
  startedAt: '2026-01-01T00:00:00.000Z',
  longestFrameGapMs: 16,
  longestBlockMs: 0,
  trace: Array.from({ length: events }, (_, i) => ({ lane: 'worker 1', chunk: i, startMs: i, endMs: i + 1 })),
});

describe('the embed protocol', () => {
  it('reads the two commands a page may send, and nothing else', () => {
    expect(readHostMessage({ type: 'parallel-lab:run-all' })).toEqual({ type: 'parallel-lab:run-all' });
    expect(readHostMessage({ type: 'parallel-lab:stop', extra: 1 })).toEqual({ type: 'parallel-lab:stop' });
    for (const junk of [null, undefined, 'parallel-lab:stop', 42, [], {}, { type: 'parallel-lab:run' }, { type: 'other' }]) {
      expect(readHostMessage(junk)).toBeUndefined();
    }
  });

  it('reads the frame messages only when their shapes are right', () => {
    expect(readFrameMessage({ type: 'parallel-lab:height', height: 420 })).toEqual({ type: 'parallel-lab:height', height: 420 });
    expect(readFrameMessage({ type: 'parallel-lab:height', height: '420' })).toBeUndefined();
    expect(readFrameMessage({ type: 'parallel-lab:height', height: Number.NaN })).toBeUndefined();
    expect(readFrameMessage({ type: 'parallel-lab:ready', demo: 'io' })).toEqual({ type: 'parallel-lab:ready', demo: 'io' });
    expect(readFrameMessage({ type: 'parallel-lab:ready', demo: 'nope' })).toBeUndefined();
    expect(readFrameMessage({ type: 'parallel-lab:run', run: run(1) })?.type).toBe('parallel-lab:run');
    expect(readFrameMessage({ type: 'parallel-lab:run', run: { ...run(1), verified: 'yes' } })).toBeUndefined();
    expect(readFrameMessage({ type: 'parallel-lab:run', run: null })).toBeUndefined();
  });

  it('cuts a bulky trace to its first events and says how many there were', () => {
    const big = slimRun(run(20_000));
    expect(big.trace).toHaveLength(EMBED_TRACE_LIMIT);
    expect(big.traceLength).toBe(20_000);
    const small = run(4);
    expect(slimRun(small)).toBe(small);
    expect(JSON.stringify(big).length).toBeLessThan(40_000);
  });
});
