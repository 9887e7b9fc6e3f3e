import type { RunResultBase } from '../core/run-result';
import { parseFields, wholeNumber, type ParsedFields, type WholeNumberRule } from '../core/validate';
import type { VariantFacts } from './variants';

/**
 * The rules of the CPU-bound demo: its variants and their facts, its
 * parameters with their limits and defaults, how the fields are read, and
 * the shape of its result. The runs themselves are in `cpu.ts`.
 */

export type CpuVariant = 'serial' | 'main-thread-tasks' | 'pool-map' | 'workers';

/** The lesson's four threads become four tasks on the main thread. */
export const MAIN_THREAD_TASKS = 4;

export const CPU_VARIANT_FACTS: Readonly<Record<CpuVariant, VariantFacts>> = {
  serial: { label: 'Serial (main thread)', runsOn: 'main thread', usesLock: false, needsSharedMemory: false },
  'main-thread-tasks': {
    label: `${MAIN_THREAD_TASKS} tasks taking turns (main thread)`,
    runsOn: 'main thread',
    usesLock: false,
    needsSharedMemory: false,
  },
  'pool-map': { label: 'Worker pool, map', runsOn: 'workers', usesLock: false, needsSharedMemory: false },
  workers: { label: 'Workers, one part each', runsOn: 'workers', usesLock: false, needsSharedMemory: false },
};
export const CPU_VARIANTS = Object.keys(CPU_VARIANT_FACTS) as readonly CpuVariant[];

export interface CpuParams {
  /** How many numbers to work on (the lesson: 10,000,000). */
  numbers: number;
  /** Work per number: 1 round is plain squaring. */
  rounds: number;
  /** Workers for the pool variants. */
  workers: number;
  /** Numbers per message in the pool-map variant (1 = one message per number; by default Python's rule, `pythonChunkSize`). */
  chunkSize: number;
}

export interface CpuRunResult extends RunResultBase<'cpu', CpuVariant, CpuParams> {
  checksum: number;
  expectedChecksum: number;
  /** Cold-start time of each worker started for this run (empty when all were warm or none were used). */
  coldStartMs: number[];
  /** How the numbers reached the workers. */
  dataTransfer: 'none' | 'shared' | 'transferred' | 'per-message';
  /** True when `wallMs` was projected from a smaller sample. */
  projected: boolean;
  /** How many numbers were actually worked on. */
  sampleSize: number;
  /** Measured time for the sample (equals `wallMs` when not projected). */
  sampleWallMs: number;
}

export const CPU_LIMITS = {
  numbers: { label: 'Numbers', min: 1, max: 20_000_000, maxReason: 'More would need over 160 MB of memory for the input alone.' },
  rounds: {
    label: 'Work per number',
    min: 1,
    max: 100_000,
    maxReason: 'More would make even a short list run for many minutes.',
  },
  workers: { label: 'Workers', min: 1, max: 64, maxReason: 'Browsers slow down or refuse to start more.' },
  chunkSize: { label: 'Numbers per message', min: 1, max: 1_000_000 },
} satisfies Record<keyof CpuParams, WholeNumberRule>;

/**
 * The pool is measured on at least this many numbers, and on enough to give
 * every worker `MESSAGES_PER_WORKER` messages, then projected to the full
 * list when that is more: one message per number for ten million numbers
 * would take minutes.
 */
export const POOL_SAMPLE = 20_000;
/** Python's `Pool.map` sends each worker four chunks, on average; the sample keeps at least as many messages. */
export const MESSAGES_PER_WORKER = 4;

/** The chunk size Python's `Pool.map` chooses when given none: the numbers split into 4 chunks per worker, rounded up. */
export function pythonChunkSize(numbers: number, workers: number): number {
  return Math.max(1, Math.ceil(numbers / (MESSAGES_PER_WORKER * workers)));
}

/** How many numbers the pool is measured on: all of them, or a sample that still keeps every worker busy. */
export function poolSampleSize({ numbers, workers, chunkSize }: CpuParams): number {
  return Math.min(numbers, Math.max(POOL_SAMPLE, chunkSize * MESSAGES_PER_WORKER * workers));
}
export const DEFAULT_NUMBERS = 10_000_000;

/**
 * An empty work per number is no error: it is still to be chosen, by
 * calibrating for the numbers (the CPU and scaling demos do it just after they
 * are drawn, or before a run). The field says nothing, and there are no
 * parameters until it is chosen.
 */
export function roundsToCalibrate<P extends { rounds: number }>(
  parsed: ParsedFields<P>,
  rounds: string | number,
): ParsedFields<P> {
  if (String(rounds).trim() !== '') return parsed;
  return { messages: { ...parsed.messages, rounds: '' } };
}

/** Parses the CPU demo's fields as typed; an empty work per number is still to be calibrated (`roundsToCalibrate`). */
export function parseCpuParams(text: Readonly<Record<keyof CpuParams, string | number>>): ParsedFields<CpuParams> {
  const chunkSize = wholeNumber(CPU_LIMITS.chunkSize);
  const parsed = parseFields<CpuParams>(text, {
    numbers: wholeNumber(CPU_LIMITS.numbers),
    rounds: wholeNumber(CPU_LIMITS.rounds),
    workers: wholeNumber(CPU_LIMITS.workers),
    // Empty: Python's own rule, worked out below once the numbers and workers are known.
    chunkSize: (typed) => (typed.trim() === '' ? { ok: true, value: 0 } : chunkSize(typed)),
  });
  if (parsed.params?.chunkSize === 0) parsed.params.chunkSize = pythonChunkSize(parsed.params.numbers, parsed.params.workers);
  return roundsToCalibrate(parsed, text.rounds);
}
