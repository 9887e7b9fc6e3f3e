/** How the lab writes numbers for people: one place for every page, message and story. */

const counts = new Intl.NumberFormat('en-US');

/** A whole count with thousands separators: "10,000,000". */
export function formatCount(n: number): string {
  return counts.format(n);
}

/** A duration: "0.042 ms", "12.3 ms", "845 ms", "12.4 s", "3 min 20 s", "2 h 5 min". */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  // Below a tenth, one decimal would write a real time as "0.0" (a transfer of a buffer takes about that).
  if (ms > 0 && ms < 0.1) return `${ms.toPrecision(2)} ms`;
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 10_000) return `${counts.format(Math.round(ms))} ms`;
  const s = ms / 1000;
  if (s < 120) return `${s.toFixed(1)} s`;
  const min = Math.floor(s / 60);
  if (min < 120) return `${min} min ${Math.round(s - min * 60)} s`;
  return `${Math.floor(min / 60)} h ${min % 60} min`;
}

const sizes = [
  { unit: 'GB', bytes: 1e9 },
  { unit: 'MB', bytes: 1e6 },
  { unit: 'kB', bytes: 1e3 },
];

/** An amount of memory in decimal units: "80 MB", "1.6 MB", "512 bytes". */
export function formatBytes(bytes: number): string {
  const size = sizes.find((s) => Math.abs(bytes) >= s.bytes);
  if (!size) return countOf(bytes, 'byte');
  const value = bytes / size.bytes;
  return `${value.toLocaleString('en-US', { maximumFractionDigits: Math.abs(value) < 10 ? 1 : 0 })} ${size.unit}`;
}

/** A ratio such as a speed-up: "1.87×", "0.00093×" when it is tiny, "1,250×" when it is huge. */
export function formatTimes(ratio: number): string {
  if (ratio >= 100) return `${counts.format(Math.round(ratio))}×`;
  return `${ratio >= 0.1 ? ratio.toFixed(2) : ratio.toPrecision(2)}×`;
}

/** A fraction as a whole percentage: "94%". */
export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

/** A count with its noun, singular or plural: "1 number", "20,000 numbers". */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${counts.format(n)} ${n === 1 ? singular : plural}`;
}
