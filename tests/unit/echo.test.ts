import { describe, expect, it } from 'vitest';
import { ECHO_LENGTH, echo } from '../../src/core/echo';

describe('echo', () => {
  it('quotes short, plain input as it is', () => {
    expect(echo('ten')).toBe('ten');
    expect(echo('')).toBe('');
    expect(echo('x'.repeat(ECHO_LENGTH))).toBe('x'.repeat(ECHO_LENGTH));
  });

  it('cuts long input to its first characters and an ellipsis, however long it is', () => {
    expect(echo('x'.repeat(ECHO_LENGTH + 1))).toBe(`${'x'.repeat(ECHO_LENGTH - 1)}…`);
    expect(echo('9'.repeat(100_000))).toBe(`${'9'.repeat(ECHO_LENGTH - 1)}…`);
    expect(echo('abcdef', 4)).toBe('abc…');
  });

  it('never cuts a character in two', () => {
    // An emoji is two UTF-16 units; a code shown for an invisible character is eight.
    expect(echo('😀'.repeat(30), 5)).toBe('😀😀…');
    expect(echo('ab\u202ecd', 6)).toBe('ab…');
  });

  it('shows line breaks as ⏎ (CRLF as one) and tabs as ⇥, as the parser saw them', () => {
    expect(echo('10\n000')).toBe('10⏎000');
    expect(echo('a\r\nb\rc\u2028d')).toBe('a⏎b⏎c⏎d');
    expect(echo('1\t2')).toBe('1⇥2');
  });

  it('shows bidi controls and other invisible characters by their code, so none can turn the message around', () => {
    expect(echo('1\u202e000')).toBe('1[U+202E]000');
    expect(echo('\u2066a\u2069\u200f')).toBe('[U+2066]a[U+2069][U+200F]');
    expect(echo('1\u200b000\u0000')).toBe('1[U+200B]000[U+0000]');
    expect(echo('\u202e'.repeat(100_000))).toBe(`${'[U+202E]'.repeat(4)}…`);
    expect(echo('\u202e'.repeat(100_000))).not.toMatch(/\u202e/);
  });

  it('isolates right-to-left text, so that it cannot reorder the message around it', () => {
    expect(echo('שלום')).toBe('\u2068שלום\u2069');
    expect(echo('12 مرحبا')).toBe('\u206812 مرحبا\u2069');
    expect(echo('plain')).not.toMatch(/[\u2068\u2069]/);
  });

  it('leaves markup as text for the page to escape', () => {
    expect(echo('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });
});
