import type { RunResultBase } from '../core/run-result';
import { parseFields, wholeNumber, type ParsedFields, type WholeNumberRule } from '../core/validate';
import { noSharedMemoryClause } from '../runtime/isolation';
import { runnableVariants, type VariantFacts } from './variants';

/**
 * The rules of the data-moving demo: the four ways of handing the numbers to
 * a worker and their facts, its one parameter with its limits, how the field
 * is read, and the shape of its result. The runs themselves are in `data.ts`.
 */

export type DataVariant = 'copy-array' | 'copy-typed' | 'transfer' | 'shared';

export interface DataVariantFacts extends VariantFacts {
  /** True when the numbers are copied on the way: the worker gets a second copy, the page keeps its own. */
  copies: boolean;
}

const toOneWorker = { runsOn: 'workers', usesLock: false } as const;

export const DATA_VARIANT_FACTS: Readonly<Record<DataVariant, DataVariantFacts>> = {
  'copy-array': { label: 'Copy (plain Array)', copies: true, needsSharedMemory: false, ...toOneWorker },
  'copy-typed': { label: 'Copy (Float64Array)', copies: true, needsSharedMemory: false, ...toOneWorker },
  transfer: { label: 'Transfer', copies: false, needsSharedMemory: false, ...toOneWorker },
  shared: { label: 'Share (SharedArrayBuffer)', copies: false, needsSharedMemory: true, ...toOneWorker },
};
export const DATA_VARIANTS = Object.keys(DATA_VARIANT_FACTS) as readonly DataVariant[];

/** The ways a page can use: all four with shared memory, else the three that need none. */
export function dataVariantsFor(shared: boolean): DataVariant[] {
  return runnableVariants(DATA_VARIANT_FACTS, shared);
}

/** Why a way is skipped on a page without shared memory (undefined when it can run). */
export function skipReason(variant: DataVariant, shared: boolean): string | undefined {
  return shared || !DATA_VARIANT_FACTS[variant].needsSharedMemory
    ? undefined
    : `Needs a SharedArrayBuffer, and ${noSharedMemoryClause()}.`;
}

export interface DataParams {
  /** How many numbers to hand over (the lesson: 10,000,000). */
  numbers: number;
}

/** The lesson's list, and the size the page quotes "what a copy costs" at. */
export const LESSON_NUMBERS = 10_000_000;

/** A JavaScript number is an 8-byte double, in an Array as in a Float64Array. */
export const BYTES_PER_NUMBER = 8;

export const DATA_LIMITS = {
  numbers: {
    label: 'Numbers',
    min: 1,
    max: 20_000_000,
    maxReason: 'More would need over 160 MB for the page’s copy alone, and as much again in the worker.',
  },
} satisfies Record<keyof DataParams, WholeNumberRule>;

export function parseDataParams(text: Readonly<Record<keyof DataParams, string | number>>): ParsedFields<DataParams> {
  return parseFields<DataParams>(text, { numbers: wholeNumber(DATA_LIMITS.numbers) });
}

/**
 * Why the extra memory was computed rather than measured: the browser offers
 * no measurement (`performance.measureUserAgentSpecificMemory` exists only in
 * cross-origin isolated Chromium pages), it did not answer in time (Chromium
 * waits for its next garbage collection, often seconds), or the way is
 * sharing, which the browser counts once in every thread that holds the buffer.
 */
export type ComputedBecause = 'not-offered' | 'timed-out' | 'shared-counted-per-thread';

export interface DataRunResult extends RunResultBase<'data', DataVariant, DataParams> {
  /** Bytes copied on the way to the worker: 8 a number for the copies, 0 when transferred or shared. */
  bytes: number;
  /** Memory the way needs besides the page's own numbers: the worker's copy for a copy, none for a transfer or sharing. */
  extraBytes: number;
  /** Whether `extraBytes` was read from the browser (before and after the move) or computed from the way. */
  extraBytesSource: 'measured' | 'computed';
  /** Why it was computed, when it was. */
  computedBecause?: ComputedBecause;
  /** How many numbers the worker said it got. */
  received: number;
  /** The worker's sum of the squares of what it got, after the timing. */
  checksum: number;
  expectedChecksum: number;
  /** True when the move left the page's own buffer detached (empty): what a transfer does. */
  detached: boolean;
  /** Cold start of the worker, when it was started for this run. */
  coldStartMs: number[];
}

/**
 * Bytes a way copies to the worker; also the extra memory it needs, where
 * that is computed: a copy leaves a second block of that size in the worker,
 * a transfer or sharing none.
 */
export function copiedBytes(variant: DataVariant, numbers: number): number {
  return DATA_VARIANT_FACTS[variant].copies ? numbers * BYTES_PER_NUMBER : 0;
}
