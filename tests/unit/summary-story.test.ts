import { describe, expect, it } from 'vitest';
import { runBase } from './fixtures/run-base';
import type { DemoId, RunResultBase } from '../../src/core/run-result';
import { findings } from '../../src/ui/summary/summary-story';

const run = (demo: DemoId, variant: string, extra: Record<string, unknown> = {}): RunResultBase<DemoId, string, unknown> =>
  ({
    ...runBase(demo, variant, { numbers: 1000, rounds: 5 }, 100, 1),
    trace: [],
    ...extra,
  }) as RunResultBase<DemoId, string, unknown>;

describe('the summary of a visit', () => {
  it('has nothing to say before a run', () => {
    expect(findings([])).toEqual({});
  });

  it('quotes the CPU speed-up of the latest verified runs of the same work', () => {
    const found = findings([run('cpu', 'serial', { wallMs: 1000 }), run('cpu', 'workers', { wallMs: 500, workers: 2 })]);
    expect(found.cpu?.[0].figure).toBe('2.00×');
    expect(found.cpu?.[0].text).toContain('2 workers');
  });

  it('leaves out runs that failed their check, and compares only the same work', () => {
    expect(findings([run('cpu', 'serial'), run('cpu', 'workers', { verified: false })]).cpu).toBeUndefined();
    expect(findings([run('cpu', 'serial'), run('cpu', 'workers', { params: { numbers: 1000, rounds: 6 } })]).cpu).toBeUndefined();
  });

  it('tells the lost updates with and without a lock', () => {
    const found = findings([
      run('locks', 'no-lock', { lost: 1234, expected: 20000, actual: 18766 }),
      run('locks', 'atomic', { lost: 0, expected: 20000, actual: 20000 }),
    ]);
    expect(found.locks?.[0].figure).toBe('1,234 of 20,000');
    expect(found.locks?.[0].text).toContain('20,000 of 20,000 counted, exactly');
  });
});
