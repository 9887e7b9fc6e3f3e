/**
 * The thresholds behind every verdict the lab gives in words ("faster",
 * "about the same", "about the longest wait"). The stories on the page and
 * the benchmark (`scripts/bench.mjs`) both read them here, so the page never
 * calls "about the same" what the benchmark calls a gain.
 */

/** A speed-up counts as one only above this: below it, timing noise could explain it. */
export const SPEEDUP = 1.1;

/** Two times within this fraction of each other are "about the same". */
export const ABOUT_THE_SAME = 0.2;

/** A concurrent run's wall time up to this multiple of its longest wait is "about the longest wait". */
export const CLOSE_TO_LONGEST = 1.2;

/** A serial run's wall time up to this multiple of the sum of its waits is "the sum of the waits". */
export const CLOSE_TO_SUM = 1.1;

export type Comparison = 'faster' | 'about the same' | 'slower';

/** How a time `ms` compares with a `baselineMs` measured the same way. */
export function compareTimes(ms: number, baselineMs: number): Comparison {
  if (Math.abs(ms - baselineMs) <= ABOUT_THE_SAME * baselineMs) return 'about the same';
  return ms < baselineMs ? 'faster' : 'slower';
}

/** True when `value` is within `ABOUT_THE_SAME` of `target`. */
export function isAbout(value: number, target: number): boolean {
  return compareTimes(value, target) === 'about the same';
}

/** Frames this far apart or closer look smooth. */
export const SMOOTH_FRAME_GAP_MS = 50;
/** A task that holds the page's thread this long or longer freezes it: clicks and typing wait. */
export const FROZEN_MS = 200;

export type FrameVerdict = 'smooth' | 'froze' | 'stuttered' | 'busy machine' | 'unknown cause';

/**
 * What a run's frame gap says about the page. "Froze" and "stuttered" need a
 * long task of the page's own (`blockMs`): a gap with the page's thread free
 * means the machine was busy with something else. Null `blockMs`: the browser
 * cannot tell the two apart.
 */
export function frameVerdict(gapMs: number, blockMs: number | null): FrameVerdict {
  if (gapMs <= SMOOTH_FRAME_GAP_MS) return 'smooth';
  if (blockMs === null) return 'unknown cause';
  if (blockMs >= FROZEN_MS) return 'froze';
  if (blockMs > SMOOTH_FRAME_GAP_MS) return 'stuttered';
  return 'busy machine';
}
