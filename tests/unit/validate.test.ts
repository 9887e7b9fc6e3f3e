import { describe, expect, it } from 'vitest';
import { parseWholeNumber } from '../../src/core/validate';

const rule = { label: 'Numbers', min: 1, max: 20_000_000, maxReason: 'More would not fit in memory.' };
const message = (text: string) => {
  const parsed = parseWholeNumber(text, rule);
  return parsed.ok ? '' : parsed.message;
};

describe('parseWholeNumber', () => {
  it('accepts whole numbers with or without separators', () => {
    expect(parseWholeNumber('10,000,000', rule)).toEqual({ ok: true, value: 10_000_000 });
    expect(parseWholeNumber(' 42 ', rule)).toEqual({ ok: true, value: 42 });
    expect(parseWholeNumber('1e6', rule)).toEqual({ ok: true, value: 1_000_000 });
    expect(parseWholeNumber('10_000', rule)).toEqual({ ok: true, value: 10_000 });
    expect(parseWholeNumber('10 000', rule)).toEqual({ ok: true, value: 10_000 });
    expect(parseWholeNumber('5.', rule)).toEqual({ ok: true, value: 5 });
  });

  it('refuses separators out of place instead of gluing the digits together', () => {
    for (const text of ['1,2,3', '1 2 3', '10,00', '1,000_000', ',5', '.', 'e5', '0x10']) {
      expect(message(text)).toBe(`Numbers: "${text}" is not a number.`);
    }
  });

  it('quotes long input only in part', () => {
    expect(message('9'.repeat(400))).toBe(`Numbers: ${'9'.repeat(39)}… is too large.`);
    expect(message('x'.repeat(100_000))).toBe(`Numbers: "${'x'.repeat(39)}…" is not a number.`);
  });

  it('quotes a refused value as it was parsed: a line break as ⏎, a bidi control by its code', () => {
    expect(message('10\n000')).toBe('Numbers: "10⏎000" is not a number.');
    expect(message('1\u202e000')).toBe('Numbers: "1[U+202E]000" is not a number.');
  });

  it('reads -0 as 0, not as a negative zero carried into a run', () => {
    // toEqual tells 0 from -0.
    expect(parseWholeNumber('-0', { label: 'Widen', min: 0, max: 5 })).toEqual({ ok: true, value: 0 });
  });

  it('gives each kind of bad input its own message', () => {
    expect(message('')).toBe('Numbers: enter a whole number.');
    expect(message('ten')).toBe('Numbers: "ten" is not a number.');
    expect(message('2.5')).toBe('Numbers: must be a whole number, not 2.5.');
    expect(message('0')).toBe('Numbers: cannot be zero.');
    expect(message('-3')).toBe('Numbers: cannot be negative.');
    expect(message('20000001')).toBe('Numbers: at most 20,000,000. More would not fit in memory.');
  });
});
