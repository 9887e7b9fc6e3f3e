import type { RunResultBase } from '../core/run-result';
import { fitAmdahl, usableCores } from '../core/scaling';
import { median, speedup } from '../core/stats';
import { parseFields, wholeNumber, type ParsedFields, type WholeNumberRule } from '../core/validate';
import { CPU_LIMITS, roundsToCalibrate } from './cpu-rules';
import type { VariantFacts } from './variants';

/**
 * The rules of the scaling demo: its two kinds of run, its parameters with
 * their limits and defaults, how the fields are read, the shape of its
 * results, and how a sweep's runs become a curve. The sweep itself is in
 * `scaling.ts`.
 */

/** `workers`: one timed run on W workers; `curve`: the whole sweep, read as a speed-up curve. */
export type ScalingVariant = 'workers' | 'curve';

export const SCALING_VARIANT_FACTS: Readonly<Record<ScalingVariant, VariantFacts>> = {
  workers: { label: 'Workers, one part each', runsOn: 'workers', usesLock: false, needsSharedMemory: false },
  curve: { label: 'Speed-up curve', runsOn: 'workers', usesLock: false, needsSharedMemory: false },
};

export interface ScalingParams {
  /** How many numbers the CPU demo's kernel works on. */
  numbers: number;
  /** Work per number (the CPU demo's rounds). */
  rounds: number;
  /** The sweep runs 1, 2, … up to this many workers. */
  maxWorkers: number;
  /** How many times the sweep is repeated; each point is the median of its runs. */
  repeats: number;
}

/** One run of the sweep: the CPU demo's workers variant on `workers` workers. */
export interface ScalingWorkersRun extends RunResultBase<'scaling', 'workers', ScalingParams> {
  checksum: number;
  expectedChecksum: number;
  /** Cold-start time of each worker started for this run, measured apart (not in `wallMs`). */
  coldStartMs: number[];
  /** How the numbers reached the workers. */
  dataTransfer: 'shared' | 'transferred';
  /** Which repetition of the sweep this run belongs to, from 1. */
  sweep: number;
}

/** One point of the curve: the median time on `workers` workers and its speed-up over the median on one. */
export interface CurvePoint {
  workers: number;
  wallMs: number;
  speedup: number;
}

/** The whole sweep, read: what every verified run of it adds up to. */
export interface ScalingCurveRun extends RunResultBase<'scaling', 'curve', ScalingParams> {
  points: CurvePoint[];
  /** Amdahl's law fitted to the points up to `usableCores`; `maxSpeedup` is null when no serial part showed (no limit). */
  amdahl: { serialFraction: number; maxSpeedup: number | null };
  /** Where the curve flattens: the fewest workers within `FLAT_WITHIN` of the best speed-up. */
  usableCores: number;
  /** `navigator.hardwareConcurrency` when the sweep ran. */
  reportedCores: number;
}

export type ScalingRunResult = ScalingWorkersRun | ScalingCurveRun;

export const SCALING_LIMITS = {
  numbers: {
    label: 'Numbers',
    // Fewer would leave some of 64 workers with nothing worth timing.
    min: 1_000,
    max: CPU_LIMITS.numbers.max,
    maxReason: CPU_LIMITS.numbers.maxReason,
  },
  rounds: CPU_LIMITS.rounds,
  maxWorkers: { label: 'Most workers', min: 1, max: CPU_LIMITS.workers.max, maxReason: CPU_LIMITS.workers.maxReason },
  repeats: { label: 'Repeats', min: 1, max: 9, maxReason: 'More would take minutes; 3 already steady a noisy curve.' },
} satisfies Record<keyof ScalingParams, WholeNumberRule>;

/**
 * Fewer numbers than the CPU demo's ten million, each with more rounds: the
 * same second of arithmetic in a tenth of the memory.
 */
export const DEFAULT_SCALING_NUMBERS = 1_000_000;

/** Twice the cores the browser reports (and at least 8): enough to see the curve flatten past them. */
export function defaultMaxWorkers(reportedCores: number): number {
  return Math.min(SCALING_LIMITS.maxWorkers.max, Math.max(8, 2 * reportedCores));
}

/** Parses the scaling demo's fields as typed; an empty work per number is still to be calibrated, as in the CPU demo. */
export function parseScalingParams(text: Readonly<Record<keyof ScalingParams, string | number>>): ParsedFields<ScalingParams> {
  const parsed = parseFields<ScalingParams>(text, {
    numbers: wholeNumber(SCALING_LIMITS.numbers),
    rounds: wholeNumber(SCALING_LIMITS.rounds),
    maxWorkers: wholeNumber(SCALING_LIMITS.maxWorkers),
    repeats: wholeNumber(SCALING_LIMITS.repeats),
  });
  return roundsToCalibrate(parsed, text.rounds);
}

/**
 * The curve's points from the runs so far: for each worker count, the
 * median time of its verified runs, and its speed-up over the median on one
 * worker (none until one worker has been timed).
 */
export function curvePoints(runs: readonly ScalingWorkersRun[]): CurvePoint[] {
  const times = new Map<number, number[]>();
  for (const run of runs) if (run.verified) times.set(run.workers, [...(times.get(run.workers) ?? []), run.wallMs]);
  const one = times.get(1);
  if (!one) return [];
  const baseline = median(one);
  return [...times.entries()]
    .sort(([a], [b]) => a - b)
    .map(([workers, ms]) => ({ workers, wallMs: median(ms), speedup: speedup(baseline, median(ms)) }));
}

/** What the curve says: where it flattens, and Amdahl's law fitted to the points up to there. */
export function readCurve(points: readonly CurvePoint[]): Pick<ScalingCurveRun, 'amdahl' | 'usableCores'> {
  const cores = usableCores(points);
  const { serialFraction, maxSpeedup } = fitAmdahl(points, cores);
  // Infinity does not survive JSON, and a run is saved and exported as JSON.
  return { usableCores: cores, amdahl: { serialFraction, maxSpeedup: Number.isFinite(maxSpeedup) ? maxSpeedup : null } };
}
