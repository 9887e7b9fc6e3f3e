import { formatCount } from './format';

/**
 * Parsing of what a visitor typed. Each parser returns either a value or one
 * specific message written for the field it came from, so the page can show
 * it right there and refuse to start.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export interface WholeNumberRule {
  /** The field's name as the visitor sees it, e.g. "Numbers". */
  label: string;
  min: number;
  max: number;
  /** Why the maximum is what it is, appended to the message when exceeded. */
  maxReason?: string;
}

/**
 * Digits, optionally grouped in threes by one kind of separator (`10,000,000`,
 * `10_000_000`, `10 000 000`), then an optional fraction and exponent.
 */
const NUMBER = /^[+-]?(\d+|\d{1,3}(?:,\d{3})+|\d{1,3}(?:_\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+)?(\.\d*)?(e[+-]?\d+)?$/i;

/** What was typed, shortened for a message if it is long. */
function quoted(text: string): string {
  return text.length > 24 ? `${text.slice(0, 20)}…` : text;
}

/** Parses a whole number, accepting thousands separators (`10,000,000`, `10_000_000`, `10 000 000`). */
export function parseWholeNumber(text: string | number, rule: WholeNumberRule): Parsed<number> {
  const trimmed = String(text).trim();
  if (trimmed === '') return { ok: false, message: `${rule.label}: enter a whole number.` };
  const match = NUMBER.exec(trimmed);
  if (!match || !/\d/.test(match[1] ?? match[2] ?? '')) {
    return { ok: false, message: `${rule.label}: "${quoted(trimmed)}" is not a number.` };
  }
  const value = Number(trimmed.replace(/[,_ \u00a0\u202f]/g, ''));
  if (!Number.isFinite(value)) return { ok: false, message: `${rule.label}: ${quoted(trimmed)} is too large.` };
  if (!Number.isInteger(value)) {
    return { ok: false, message: `${rule.label}: must be a whole number, not ${quoted(trimmed)}.` };
  }
  if (value < rule.min) {
    const what = value < 0 ? 'cannot be negative' : value === 0 ? 'cannot be zero' : `must be at least ${formatCount(rule.min)}`;
    return {
      ok: false,
      message: `${rule.label}: ${what}${value <= 0 && rule.min > 1 ? `; the least is ${formatCount(rule.min)}` : ''}.`,
    };
  }
  if (value > rule.max) {
    const reason = rule.maxReason ? ` ${rule.maxReason}` : '';
    return { ok: false, message: `${rule.label}: at most ${formatCount(rule.max)}.${reason}` };
  }
  return { ok: true, value };
}

/** Parses what was typed into one field. */
export type FieldParser<T> = (text: string) => Parsed<T>;

/** A field that holds a whole number within `rule`. */
export function wholeNumber(rule: WholeNumberRule): FieldParser<number> {
  return (text) => parseWholeNumber(text, rule);
}

/** What a form's fields hold: one message per field ('' when fine) and, when every field is fine, the values. */
export interface ParsedFields<P> {
  messages: Record<keyof P, string>;
  params?: P;
}

/**
 * Parses every field of a form with its own parser, so each bad field gets
 * its own message at once. A value set from script may be a number rather
 * than text: it is read as the text it would show.
 */
export function parseFields<P extends object>(
  text: { readonly [K in keyof P]: string | number },
  parsers: { readonly [K in keyof P]: FieldParser<P[K]> },
): ParsedFields<P> {
  const messages = {} as Record<keyof P, string>;
  const values = {} as P;
  for (const key of Object.keys(parsers) as Array<keyof P>) {
    const parsed = parsers[key](String(text[key] ?? ''));
    messages[key] = parsed.ok ? '' : parsed.message;
    if (parsed.ok) values[key] = parsed.value;
  }
  return { messages, params: Object.values(messages).some(Boolean) ? undefined : values };
}
