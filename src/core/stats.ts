/** Small statistics for timings on noisy machines: medians, not means. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** How many times faster than the baseline: baseline ÷ time. */
export function speedup(baselineMs: number, ms: number): number {
  return baselineMs / ms;
}

/**
 * Speed-up per core that could have helped: speed-up ÷ min(runners, cores).
 * 1 means every usable core was fully used.
 */
export function efficiency(speedupValue: number, runners: number, cores: number): number {
  return speedupValue / Math.max(1, Math.min(runners, cores));
}

/** Splits [0, total) into `parts` contiguous ranges whose sizes differ by at most one. */
export function splitRange(total: number, parts: number): Array<{ start: number; end: number }> {
  const n = Math.max(1, Math.min(parts, total || 1));
  const base = Math.floor(total / n);
  const extra = total % n;
  const ranges: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (let i = 0; i < n; i++) {
    const end = start + base + (i < extra ? 1 : 0);
    ranges.push({ start, end });
    start = end;
  }
  return ranges;
}
