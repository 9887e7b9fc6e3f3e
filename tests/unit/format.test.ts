import { describe, expect, it } from 'vitest';
import { countOf, formatBytes, formatCount, formatMs, formatPercent, formatTimes } from '../../src/core/format';

describe('formatting for people', () => {
  it('writes durations at a precision that fits their size', () => {
    expect(formatMs(3.14159)).toBe('3.1 ms');
    expect(formatMs(845.4)).toBe('845 ms');
    expect(formatMs(9_999)).toBe('9,999 ms');
    expect(formatMs(12_400)).toBe('12.4 s');
    expect(formatMs(200_000)).toBe('3 min 20 s');
    expect(formatMs(7_500_000)).toBe('2 h 5 min');
    expect(formatMs(Number.NaN)).toBe('—');
    // A transfer takes a few hundredths of a millisecond: not "0.0 ms".
    expect(formatMs(0.042)).toBe('0.042 ms');
    expect(formatMs(0)).toBe('0.0 ms');
  });

  it('writes memory in decimal units', () => {
    expect(formatBytes(80_000_000)).toBe('80 MB');
    expect(formatBytes(1_600_000)).toBe('1.6 MB');
    expect(formatBytes(160_000_000_000)).toBe('160 GB');
    expect(formatBytes(-6_200)).toBe('-6.2 kB');
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1)).toBe('1 byte');
  });

  it('writes ratios with two decimals, or two significant digits when tiny', () => {
    expect(formatTimes(1.874)).toBe('1.87×');
    expect(formatTimes(0.00093)).toBe('0.00093×');
    // A copy beside a transfer: decimals would be noise.
    expect(formatTimes(1_249.6)).toBe('1,250×');
  });

  it('writes counts with separators and the right noun', () => {
    expect(formatCount(10_000_000)).toBe('10,000,000');
    expect(countOf(1, 'number')).toBe('1 number');
    expect(countOf(20_000, 'number')).toBe('20,000 numbers');
    expect(countOf(2, 'process', 'processes')).toBe('2 processes');
    expect(formatPercent(0.936)).toBe('94%');
  });
});
