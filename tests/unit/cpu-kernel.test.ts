import { describe, expect, it } from 'vitest';
import { checksumRange, makeInput, workOn } from '../../src/core/cpu-kernel';
import { splitRange } from '../../src/core/stats';

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
});

describe('splitRange', () => {
  it('covers the range with parts that differ by at most one', () => {
    const parts = splitRange(10, 4);
    expect(parts).toEqual([
      { start: 0, end: 3 },
      { start: 3, end: 6 },
      { start: 6, end: 8 },
      { start: 8, end: 10 },
    ]);
    expect(splitRange(2, 4)).toHaveLength(2);
  });
});
