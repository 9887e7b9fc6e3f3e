import { describe, expect, it } from 'vitest';
import {
  LOG_LABEL_GAP,
  barText,
  barValueText,
  cutAxisEnd,
  formatChartNumber,
  logTickText,
  logTicks,
  niceCeiling,
  timelineText,
} from '../../src/ui/chart-model';

const event = (lane: string, startMs: number, endMs: number) => ({ lane, chunk: 0, startMs, endMs });

describe('chart numbers', () => {
  it('writes thousands separators, whole numbers from 10 up and one decimal below, as the tables write milliseconds', () => {
    expect(formatChartNumber(81_140.3)).toBe('81,140');
    expect(formatChartNumber(1_000_000)).toBe('1,000,000');
    expect(formatChartNumber(845.6)).toBe('846');
    expect(formatChartNumber(9.46)).toBe('9.5');
    expect(formatChartNumber(0)).toBe('0');
    // Ticks may need two decimals on a short axis.
    expect(formatChartNumber(0.25, 2)).toBe('0.25');
  });

  it('rounds an axis end up to two significant digits', () => {
    expect(niceCeiling(2_535)).toBe(2_600);
    expect(niceCeiling(127.4)).toBe(130);
    expect(niceCeiling(7.2)).toBe(8);
  });
});

describe('a logarithmic axis', () => {
  /** A label 7 pixels a character wide, about what 12-pixel digits take. */
  const width = (v: number) => 7 * logTickText(v).length;
  /** The least room between neighbouring labels, placed as on an axis from `min` to `max` whose labels hang half past its ends. */
  const closest = (values: number[], min: number, max: number, length: number) => {
    const room = length - (width(min) + width(max)) / 2;
    const at = (v: number) => (Math.log10(v / min) / Math.log10(max / min)) * room;
    return Math.min(...values.slice(1).map((v, i) => at(v) - at(values[i]) - (width(v) + width(values[i])) / 2));
  };

  it('writes its values with thousands separators and small ones in full, never in exponent form', () => {
    expect(logTickText(100_000)).toBe('100,000');
    expect(logTickText(0.00005)).toBe('0.00005');
    expect(logTickText(2 * 0.001)).toBe('0.002');
  });

  it('writes 1, 2 and 5 in every decade when the axis has room for them', () => {
    expect(logTicks(1, 1000, 900, width)).toEqual([1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]);
    expect(logTicks(0.001, 0.1, 900, width)).toEqual([0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1]);
  });

  it('writes fewer values as the axis narrows: every power of ten, then every second one, down to one', () => {
    expect(logTicks(1, 100_000, 300, width)).toEqual([1, 10, 100, 1000, 10_000, 100_000]);
    expect(logTicks(1, 100_000, 180, width)).toEqual([1, 100, 10_000]);
    expect(logTicks(0.0001, 1_000_000, 180, width)).toEqual([0.0001, 1, 10_000]);
    expect(logTicks(1, 100_000, 20, width)).toEqual([1]);
  });

  it('never lets two labels come closer than the gap, at any length and over any range', () => {
    for (const [min, max] of [
      [1, 10],
      [0.01, 10_000],
      [0.00001, 10_000_000],
    ]) {
      for (let length = 40; length <= 1200; length += 13) {
        const values = logTicks(min, max, length, width);
        expect(values.length).toBeGreaterThan(0);
        if (values.length > 1) expect(closest(values, min, max, length)).toBeGreaterThanOrEqual(LOG_LABEL_GAP - 1e-9);
      }
    }
  });
});

describe('bar charts', () => {
  const measured = [
    { label: 'Serial', value: 100 },
    { label: 'Workers', value: 55 },
  ];
  const pool = { label: 'Pool', value: 80_000, note: 'projected', estimate: true };

  it('fits the axis to the measured bars when an estimate would dwarf them', () => {
    expect(cutAxisEnd([...measured, pool])).toBe(130);
    // An estimate that fits is drawn whole.
    expect(cutAxisEnd([...measured, { ...pool, value: 120 }])).toBeUndefined();
    // Measured bars are never cut, however far apart (lost updates: 300,000 beside 0).
    expect(
      cutAxisEnd([
        { label: 'No lock', value: 300_000 },
        { label: 'Atomics.add', value: 0 },
      ]),
    ).toBeUndefined();
    // With nothing measured, an estimate has nothing to be cut against.
    expect(cutAxisEnd([pool])).toBeUndefined();
  });

  it('writes a cut bar with its unit, and lists every bar with its number and unit', () => {
    expect(barValueText(measured[0], 'ms', 130)).toBe('100');
    expect(barValueText(pool, 'ms', 130)).toBe('80,000 ms, beyond the axis ▸');
    expect(barText(measured[0], 'ms', 130)).toBe('Serial: 100 ms');
    expect(barText(pool, 'ms', 130)).toBe('Pool: 80,000 ms (projected; its bar is cut at the end of the axis)');
    expect(barText(pool, 'ms', undefined)).toBe('Pool: 80,000 ms (projected)');
    expect(barText({ label: 'No lock', value: 250_338 }, 'updates lost', undefined)).toBe('No lock: 250,338 updates lost');
  });
});

describe('timeline text', () => {
  it('says how long the lanes overlapped, out of the whole run', () => {
    expect(timelineText([event('worker 1', 0, 500), event('worker 2', 20, 520)])).toBe(
      '2 lanes; they overlapped for 480 ms of 520 ms',
    );
  });

  it('says when the lanes took turns, counting their tasks', () => {
    const turns = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => event(`task ${(i % 4) + 1}`, i * 10, i * 10 + 10));
    expect(timelineText(turns)).toBe('The 4 lanes (8 tasks) took turns: no two ran at once');
    expect(timelineText([event('1', 0, 100), event('2', 100, 300)], 'request')).toBe(
      'The 2 requests took turns: no two ran at once',
    );
  });

  it('describes a single lane and an empty trace', () => {
    expect(timelineText([event('main thread', 0, 40), event('main thread', 40, 90)])).toBe(
      '1 lane (2 tasks) over 90 ms: nothing ran beside it',
    );
    expect(timelineText([])).toBe('No lanes yet');
  });

  it('never writes a real overlap as zero', () => {
    expect(timelineText([event('a', 0, 10), event('b', 9.99, 20)])).toBe(
      '2 lanes; they overlapped for less than 0.1 ms of 20 ms',
    );
  });
});
