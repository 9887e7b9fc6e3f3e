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

const formatter = new Intl.NumberFormat('en-US');
export const formatCount = (n: number): string => formatter.format(n);

/** Parses a whole number, accepting thousands separators (`10,000,000`, `10_000_000`). */
export function parseWholeNumber(text: string, rule: WholeNumberRule): Parsed<number> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: `${rule.label}: enter a whole number.` };
  const compact = trimmed.replace(/[,_\s]/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(compact)) {
    return { ok: false, message: `${rule.label}: "${trimmed}" is not a number.` };
  }
  const value = Number(compact);
  if (!Number.isFinite(value)) return { ok: false, message: `${rule.label}: ${trimmed} is too large.` };
  if (!Number.isInteger(value)) {
    return { ok: false, message: `${rule.label}: must be a whole number, not ${trimmed}.` };
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
