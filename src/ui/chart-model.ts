import { countOf, formatMs } from '../core/format';
import { laneOverlap, lanesOf, type TraceEvent } from '../core/trace';
import type { BarDatum } from './pl-bar-chart';
import type { LineSeries } from './pl-line-chart';

/**
 * What the charts say, apart from drawing it: how numbers are written, where
 * a value axis ends, and each chart's text alternative. No DOM, so it is
 * tested in Node.
 */

/**
 * The charts' locale, named rather than left to the browser: WebKit's default in some setups (POSIX) writes no
 * thousands separators, and every other number on the page is written the American way.
 */
export const CHART_LOCALE = 'en-US';

const formats = [0, 1, 2].map((digits) => new Intl.NumberFormat(CHART_LOCALE, { maximumFractionDigits: digits }));

/**
 * A number on a chart, written alike in every browser: thousands separators,
 * whole from 10 up, and below 10 at most `decimals` decimals, as the tables
 * write milliseconds ("1,234", "2.5").
 */
export function formatChartNumber(n: number, decimals: 1 | 2 = 1): string {
  return formats[Math.abs(n) >= 10 ? 0 : decimals].format(n);
}

const logFormat = new Intl.NumberFormat(CHART_LOCALE, { maximumSignificantDigits: 3 });

/** A value on a logarithmic axis: "0.00005", "2", "10,000" (never "5e-5"). */
export function logTickText(value: number): string {
  return logFormat.format(value);
}

/** The least room between two labels of a logarithmic axis, in pixels: "1,000" and "10,000" must not read as one number. */
export const LOG_LABEL_GAP = 8;

/** 10 to the power `exponent` times `m`, exactly as written in decimal (0.002, not 0.0020000000000000005). */
const times10 = (m: number, exponent: number): number => Number(`${m}e${exponent}`);

/**
 * The values a logarithmic axis from `min` to `max` (powers of ten) writes,
 * when it is `length` pixels long and `width` tells how wide a value's label
 * is: 1, 2 and 5 in every decade where they fit, else every power of ten,
 * else every second, third… one, so that no two labels come closer than
 * `LOG_LABEL_GAP`. (Chart.js skips ticks by their count, not by where they
 * fall, so on a logarithmic axis its labels can touch.)
 */
export function logTicks(min: number, max: number, length: number, width: (value: number) => number): number[] {
  const from = Math.round(Math.log10(min));
  const to = Math.max(from + 1, Math.round(Math.log10(max)));
  // The end labels hang half past the ends of the axis, into room Chart.js takes from the axis.
  const room = length - (width(times10(1, from)) + width(times10(1, to))) / 2;
  const at = (v: number) => ((Math.log10(v) - from) / (to - from)) * room;
  const fits = (values: readonly number[]) =>
    values.every((v, i) => i === 0 || at(v) - at(values[i - 1]) >= (width(v) + width(values[i - 1])) / 2 + LOG_LABEL_GAP);
  const exponents = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const oneTwoFive = exponents.flatMap((e) => (e === to ? [times10(1, e)] : [1, 2, 5].map((m) => times10(m, e))));
  const everyKth = exponents
    .slice(1)
    .map((_, k) => exponents.filter((e) => (e - from) % (k + 1) === 0).map((e) => times10(1, e)));
  return [oneTwoFive, ...everyKth].find(fits) ?? [times10(1, from)];
}

/** `n` rounded up to two significant digits (2,535 → 2,600), for the end of an axis. */
export function niceCeiling(n: number): number {
  const step = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 1);
  return Math.ceil(n / step) * step;
}

/** Room past the longest measured bar, for its value label. */
const HEADROOM = 1.3;

/**
 * The end of a bar chart's axis when an estimate would dwarf the measured
 * bars: the axis then fits the measured ones, and the estimate is cut at its
 * end with its value written. Undefined when every bar fits as it is.
 */
export function cutAxisEnd(bars: readonly BarDatum[]): number | undefined {
  const measured = bars.filter((b) => !b.estimate).map((b) => b.value);
  const longest = Math.max(0, ...measured);
  const end = niceCeiling(longest * HEADROOM);
  return longest > 0 && bars.some((b) => b.estimate && b.value > end) ? end : undefined;
}

/** A bar's value as its label shows it: the number, with the unit when the bar is cut and the axis cannot tell it. */
export function barValueText(bar: BarDatum, unit: string, axisEnd: number | undefined): string {
  const value = formatChartNumber(bar.value);
  return axisEnd !== undefined && bar.value > axisEnd ? `${value} ${unit}, beyond the axis ▸` : value;
}

/** A bar as the chart's text alternative lists it: "Serial (main thread): 1,234 ms". */
export function barText(bar: BarDatum, unit: string, axisEnd: number | undefined): string {
  const notes = [bar.note, axisEnd !== undefined && bar.value > axisEnd ? 'its bar is cut at the end of the axis' : undefined];
  const said = notes.filter(Boolean).join('; ');
  return `${bar.label}: ${formatChartNumber(bar.value)}${unit ? ` ${unit}` : ''}${said ? ` (${said})` : ''}`;
}

/**
 * What a timeline shows, in words: how many lanes, and whether and how long
 * they ran at the same time, as a sentence without its full stop ("2 lanes;
 * they overlapped for 480 ms of 520 ms", "The 4 lanes took turns: no two ran
 * at once"). `noun` names a lane.
 */
export function timelineText(trace: readonly TraceEvent[], noun = 'lane'): string {
  const lanes = lanesOf(trace).length;
  if (lanes === 0) return `No ${noun}s yet`;
  const { overlapMs, spanMs } = laneOverlap(trace);
  const tasks = trace.length > lanes ? ` (${countOf(trace.length, 'task')})` : '';
  if (lanes === 1) return `1 ${noun}${tasks} over ${formatMs(spanMs)}: nothing ran beside it`;
  if (overlapMs === 0) return `The ${countOf(lanes, noun)}${tasks} took turns: no two ran at once`;
  const overlap = overlapMs < 0.1 ? 'less than 0.1 ms' : formatMs(overlapMs);
  return `${countOf(lanes, noun)}${tasks}; they overlapped for ${overlap} of ${formatMs(spanMs)}`;
}

/**
 * A line as the text alternative lists it: "Measured: workers 1: 1; workers
 * 2: 1.96", a model at whole numbers of x only, a mark by its x.
 */
export function lineText(series: LineSeries, xTitle: string): string {
  if (series.style === 'mark') return `${series.label}: at ${xTitle} ${formatChartNumber(series.points[0]?.x ?? 0)}`;
  const points = series.points
    .filter((p) => series.style === 'measured' || Number.isInteger(p.x))
    .map((p) => `${xTitle} ${formatChartNumber(p.x)}: ${formatChartNumber(p.y, 2)}`);
  return `${series.label}: ${points.join('; ')}`;
}
