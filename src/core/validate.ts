import { echo } from './echo';
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

/** Parses a whole number, accepting thousands separators (`10,000,000`, `10_000_000`, `10 000 000`). */
export function parseWholeNumber(text: string | number, rule: WholeNumberRule): Parsed<number> {
  const trimmed = String(text).trim();
  if (trimmed === '') return { ok: false, message: `${rule.label}: enter a whole number.` };
  const match = NUMBER.exec(trimmed);
  if (!match || !/\d/.test(match[1] ?? match[2] ?? '')) {
    return { ok: false, message: `${rule.label}: "${echo(trimmed)}" is not a number.` };
  }
  // + 0 turns -0 into 0: "-0" is zero, not a negative number to carry into a run.
  const value = Number(trimmed.replace(/[,_ \u00a0\u202f]/g, '')) + 0;
  if (!Number.isFinite(value)) return { ok: false, message: `${rule.label}: ${echo(trimmed)} is too large.` };
  if (!Number.isInteger(value)) {
    return { ok: false, message: `${rule.label}: must be a whole number, not ${echo(trimmed)}.` };
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

/** Parses each of `items` with `parse`: all the values, or the message of the first refused. */
export function parseEach<T>(items: readonly string[], parse: (item: string, index: number) => Parsed<T>): Parsed<T[]> {
  const values: T[] = [];
  for (const [i, item] of items.entries()) {
    const parsed = parse(item, i);
    if (!parsed.ok) return parsed;
    values.push(parsed.value);
  }
  return { ok: true, value: values };
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

/** Digits in groups of three joined by one kind of separator: a number with thousands separators, or a list. */
const GROUPED = /(?<![\w.])[+-]?\d{1,3}([, \u00a0\u202f])\d{3}(?:\1\d{3})*(?![\w.])/g;
/** The separators a list may use between its values. */
const LIST_SEPARATORS = /[\s,;]+/;

/**
 * The values of a list typed as text ("250, 500, 750, 1000"), each still as
 * text: commas, semicolons and white space separate them. A value may carry
 * thousands separators, as a number field's may, where it cannot be misread:
 *
 * - a no-break space or narrow no-break space between groups of three digits
 *   (`1 000`, as numbers are written in many languages) always joins them;
 * - a comma or one space between them joins them when a group after it
 *   begins with 0 (`1,000`, `10 000`, `1,000,000`): no one writes a value of
 *   its own as 000;
 * - otherwise, when two such groups could also be one value in `range`
 *   (`1,500` for a latency: 1500, or 1 and 500?) the list is refused, and
 *   when they could not (`250,500`), they are two values.
 *
 * A value after another that begins with 0 (`1, 000`, or 000 on a new line)
 * is refused too: it reads like the end of a number cut in two. `list` names
 * the list in messages ("Latencies").
 */
export function listValues(text: string, list: string, range: { min: number; max: number }): Parsed<string[]> {
  let ambiguous = '';
  const joined = text.replace(GROUPED, (chain: string, separator: string) => {
    const groups = chain.split(separator);
    if (separator !== ',' && separator !== ' ') return groups.join('');
    if (groups.slice(1).some((g) => g.startsWith('0'))) return groups.join('');
    const asOne = (i: number) => Number(groups[i] + groups[i + 1]);
    const i = groups.slice(1).findIndex((_, pair) => asOne(pair) >= range.min && asOne(pair) <= range.max);
    if (i >= 0 && !ambiguous) {
      const two = `${Number(groups[i])}, ${Number(groups[i + 1])}`;
      ambiguous = `${list}: is "${groups[i]}${separator}${groups[i + 1]}" one value or two? Write ${asOne(i)} for one, or ${two} for two.`;
    }
    return chain;
  });
  if (ambiguous) return { ok: false, message: ambiguous };
  const values = joined.split(LIST_SEPARATORS).filter(Boolean);
  for (const [i, value] of values.entries()) {
    if (i === 0 || !/^0\d+$/.test(value)) continue;
    const before = values[i - 1];
    return {
      ok: false,
      message:
        `${list}: "${echo(value)}" after ${echo(before)} begins with 0, like the end of a number cut in two: ` +
        `write ${echo(before + value)} for one value, or ${echo(value.replace(/^0+(?=\d)/, ''))} for a value of its own.`,
    };
  }
  return { ok: true, value: values };
}
