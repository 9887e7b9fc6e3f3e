import { describe, expect, it } from 'vitest';
import { efficiency, median, speedup } from '../../src/core/stats';
import { laneOverlap, lanesOf, lanesOverlap } from '../../src/core/trace';

describe('statistics', () => {
  it('takes the median of odd and even counts, ignoring order', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('measures speed-up against the baseline and efficiency per usable core', () => {
    expect(speedup(1000, 500)).toBe(2);
    expect(efficiency(2, 4, 2)).toBe(1);
    expect(efficiency(1.5, 4, 8)).toBe(0.375);
    expect(efficiency(0.9, 1, 2)).toBe(0.9);
  });
});

describe('traces', () => {
  const event = (lane: string, startMs: number, endMs: number) => ({ lane, chunk: 0, startMs, endMs });

  it('sees overlap only between different lanes', () => {
    expect(lanesOverlap([event('a', 0, 10), event('b', 5, 15)])).toBe(true);
    expect(lanesOverlap([event('a', 0, 10), event('a', 5, 15)])).toBe(false);
    expect(lanesOverlap([event('a', 0, 10), event('b', 10, 15), event('a', 15, 20)])).toBe(false);
  });

  it('measures how long two or more lanes ran at once, within the whole span', () => {
    // Two workers: b starts 5 ms into a's 10 ms and runs 10 ms.
    expect(laneOverlap([event('a', 0, 10), event('b', 5, 15)])).toEqual({ overlapMs: 5, spanMs: 15 });
    // Taking turns, each starting as the one before ends: no overlap.
    expect(laneOverlap([event('a', 0, 10), event('b', 10, 15), event('a', 15, 20)])).toEqual({ overlapMs: 0, spanMs: 20 });
    // Events of one lane overlapping each other are that lane running once, not two lanes.
    expect(laneOverlap([event('a', 0, 10), event('a', 2, 12)]).overlapMs).toBe(0);
    // Three lanes: the time at least two ran is counted once, not per pair.
    expect(laneOverlap([event('a', 0, 30), event('b', 10, 20), event('c', 15, 25)]).overlapMs).toBe(15);
    // A lane with a gap between its events overlaps another only while it runs.
    expect(laneOverlap([event('a', 0, 10), event('a', 20, 30), event('b', 5, 25)]).overlapMs).toBe(10);
    expect(laneOverlap([])).toEqual({ overlapMs: 0, spanMs: 0 });
  });

  it('lists lanes in order of first appearance', () => {
    expect(lanesOf([event('w2', 0, 1), event('w1', 0, 1), event('w2', 1, 2)])).toEqual(['w2', 'w1']);
  });
});
