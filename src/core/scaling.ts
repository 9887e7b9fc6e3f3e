/**
 * Reading a speed-up curve: how many cores the work could really use, and
 * Amdahl's law fitted to the points. Pure functions of the measured points,
 * so they can be checked on synthetic curves, noisy ones included.
 */

export interface ScalingPoint {
  workers: number;
  speedup: number;
}

/** A point within this fraction of the best speed-up counts as "as fast as it gets": the curve has flattened there. */
export const FLAT_WITHIN = 0.1;

/**
 * The cores the work could use: the fewest workers whose speed-up comes
 * within `FLAT_WITHIN` of the best speed-up seen. Past that, more workers
 * only share the same cores.
 */
export function usableCores(points: readonly ScalingPoint[]): number {
  if (points.length === 0) return 1;
  const best = Math.max(...points.map((p) => p.speedup));
  const enough = points.filter((p) => p.speedup >= (1 - FLAT_WITHIN) * best).map((p) => p.workers);
  return Math.max(1, Math.min(...enough));
}

/** Amdahl's law: the speed-up of W runners when a fraction `f` of the work cannot be shared. */
export function amdahl(serialFraction: number, workers: number): number {
  return 1 / (serialFraction + (1 - serialFraction) / workers);
}

export interface AmdahlFit {
  /** The share of the work that did not run in parallel, 0 to 1. */
  serialFraction: number;
  /** The speed-up no number of cores could pass: 1 ÷ the serial fraction. */
  maxSpeedup: number;
}

/**
 * Fits Amdahl's law to the points up to `cores` workers (beyond them the
 * workers share cores, which the law does not describe), by least squares
 * on the serial fraction.
 */
export function fitAmdahl(points: readonly ScalingPoint[], cores: number): AmdahlFit {
  const used = points.filter((p) => p.workers <= cores && p.speedup > 0);
  const error = (f: number) => used.reduce((sum, p) => sum + (amdahl(f, p.workers) - p.speedup) ** 2, 0);
  // The error is smooth in f: a coarse grid finds the basin, a finer one the bottom.
  let best = 0;
  for (const step of [0.01, 0.0001]) {
    const from = Math.max(0, best - 100 * step);
    const to = Math.min(1, best + 100 * step);
    for (let f = from; f <= to + step / 2; f += step) if (error(f) < error(best)) best = Math.min(1, f);
  }
  const serialFraction = Math.round(best * 10_000) / 10_000;
  return { serialFraction, maxSpeedup: serialFraction === 0 ? Number.POSITIVE_INFINITY : 1 / serialFraction };
}

/** The cores a parallel run is rated against, and where that number comes from. */
export interface CoreCount {
  /** What the browser reports (`navigator.hardwareConcurrency`): its own count, which it may round, cap or make up. */
  reported: number;
  /** Where a scaling curve measured on this page flattened (`usableCores`), when it flattened within its sweep. */
  measured?: number;
  /** The count to rate against: the measured one when there is one, else the reported one. */
  cores: number;
}

/**
 * The cores to rate a parallel run against: where a scaling curve
 * flattened, when one did (it measured what the work could use), else what
 * the browser reports. A curve still rising at the most workers it tried
 * says only "at least that many", so it does not count.
 */
export function coreCount(reported: number, curve?: { usableCores: number; maxWorkers: number }): CoreCount {
  if (!curve || curve.usableCores >= curve.maxWorkers) return { reported, cores: reported };
  return { reported, measured: curve.usableCores, cores: curve.usableCores };
}
