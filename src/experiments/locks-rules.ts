import type { SharedCountingMethod } from '../core/counter';
import { formatCount } from '../core/format';
import type { RunResultBase } from '../core/run-result';
import { parseFields, wholeNumber, type ParsedFields, type WholeNumberRule } from '../core/validate';
import { runnableVariants, type VariantFacts } from './variants';

/**
 * The rules of the shared-counter demo: its variants and their facts, its
 * parameters with their limits and defaults, how the fields are read, and the
 * shape of its result. The runs themselves are in `locks.ts`.
 */

export type LocksVariant = SharedCountingMethod | 'async-race' | 'async-mutex';

const onWorkers = { runsOn: 'workers', needsSharedMemory: true } as const;
const onMainThread = { runsOn: 'main thread', needsSharedMemory: false } as const;

export const LOCKS_VARIANT_FACTS: Readonly<Record<LocksVariant, VariantFacts>> = {
  'no-lock': { label: 'No lock', usesLock: false, ...onWorkers },
  atomic: { label: 'Atomics.add', usesLock: false, ...onWorkers },
  'mutex-per-increment': { label: 'Mutex per increment', usesLock: true, ...onWorkers },
  'mutex-whole-loop': { label: 'Mutex around the loop', usesLock: true, ...onWorkers },
  'async-race': { label: 'Async tasks, no lock', usesLock: false, ...onMainThread },
  'async-mutex': { label: 'Async tasks, async mutex', usesLock: true, ...onMainThread },
};
export const LOCKS_VARIANTS = Object.keys(LOCKS_VARIANT_FACTS) as readonly LocksVariant[];

/** The variants a page can run: all six with shared memory, else the two on the main thread. */
export function locksVariantsFor(shared: boolean): LocksVariant[] {
  return runnableVariants(LOCKS_VARIANT_FACTS, shared);
}

/** True for the variants that cannot lose an update: the count must come out exact (the two races may). */
export function mustBeExact(variant: LocksVariant): boolean {
  return variant !== 'no-lock' && variant !== 'async-race';
}

/** True for the variants that count on shared memory, in workers. */
export function needsSharedMemory(variant: LocksVariant): variant is SharedCountingMethod {
  return LOCKS_VARIANT_FACTS[variant].needsSharedMemory;
}

export interface LocksParams {
  /** Workers (or async tasks) that count; the lesson: 4 processes. */
  workers: number;
  /** Increments each one makes; the lesson: 10,000. */
  increments: number;
  /** Arithmetic steps between the read and the write; 0 = none. Not used by the async variants, whose `await` is the window. */
  widen: number;
}

export interface LocksRunResult extends RunResultBase<'locks', LocksVariant, LocksParams> {
  /** workers × increments: the count if no update were lost. */
  expected: number;
  /** The counter as read back after every runner finished. */
  actual: number;
  /** expected − actual. */
  lost: number;
  /** Whether this variant guarantees an exact count (every variant but the two races). */
  mustBeExact: boolean;
  /** 'shared' for workers on a SharedArrayBuffer, 'main-thread' for the async tasks. */
  memory: 'shared' | 'main-thread';
  /** Times a runner went to sleep waiting for the lock, summed over runners. */
  lockSleeps: number;
  /** Each runner's counter value when its counting began (a staircase for the whole-loop lock). */
  counterAtStart: number[];
  /** Cold-start time of each worker started for this run (empty when all were warm or none were used). */
  coldStartMs: number[];
}

export const LOCKS_LIMITS = {
  workers: { label: 'Workers', min: 1, max: 16, maxReason: 'More would only queue for the same few cores and the same lock.' },
  increments: {
    label: 'Increments per worker',
    min: 1,
    max: 10_000_000,
    maxReason: 'With a lock per increment, more would run for minutes.',
  },
  widen: {
    label: 'Widen the window',
    min: 0,
    max: 1_000,
    maxReason: 'More work between the read and the write adds nothing but time.',
  },
} satisfies Record<keyof LocksParams, WholeNumberRule>;

/**
 * Enough increments that the unlocked workers overlap and lose updates on
 * practically every run, even on 2 cores with both busy elsewhere; at the
 * lesson's 4 × 10,000 a worker is nearly done before the next wakes from the
 * barrier, and the count is often exact (`npm run bench` measures the share lost).
 */
export const LOCKS_DEFAULTS: LocksParams = { workers: 4, increments: 1_000_000, widen: 0 };
/** The lesson's own numbers. */
export const LESSON_PARAMS: LocksParams = { workers: 4, increments: 10_000, widen: 0 };

/** Above this many units of work (increments × (1 + widen), all runners), a run would take minutes. */
export const MAX_TOTAL_WORK = 400_000_000;

/** The locks demo's fields, each checked alone, then together; `combined` says what is wrong with them together. */
export interface ParsedLocksFields extends ParsedFields<LocksParams> {
  combined: string;
}

/** Parses the three fields as typed; returns one message per bad field, a message for the combination, or the parameters. */
export function parseLocksParams(text: Readonly<Record<keyof LocksParams, string | number>>): ParsedLocksFields {
  const { messages, params } = parseFields<LocksParams>(text, {
    workers: wholeNumber(LOCKS_LIMITS.workers),
    increments: wholeNumber(LOCKS_LIMITS.increments),
    widen: wholeNumber(LOCKS_LIMITS.widen),
  });
  if (!params) return { messages, combined: '' };
  const work = params.workers * params.increments * (1 + params.widen);
  if (work > MAX_TOTAL_WORK) {
    return {
      messages,
      combined: `Workers × increments × (1 + window) is ${formatCount(work)}: at most ${formatCount(MAX_TOTAL_WORK)}, or a run would take minutes. Lower one of them.`,
    };
  }
  return { messages, params, combined: '' };
}
