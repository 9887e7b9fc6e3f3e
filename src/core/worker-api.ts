import { checksumRange, workOn } from './cpu-kernel';
import type { ControlPart } from './control-block';
import { countShared, type CountingReport, type CountingTask } from './counter';
import { fetchPage, type FetchedPage, type FetchPageOptions } from './io-fetch';
import type { PageRequest } from './io-requests';

/** A sum computed on a worker, and when, on the worker's own clock. */
export interface TimedSum {
  sum: number;
  startMs: number;
  endMs: number;
}

/** The numbers the data demo handed this worker, kept (so their memory can be measured) until the worker is shut down. */
let held: ArrayLike<number> | undefined;

/**
 * Everything a worker can be asked to do. The worker entry exposes this
 * object through Comlink; the pool calls it. Functions take plain data or
 * typed arrays (shared or transferred) and return plain data.
 */
export const workerApi = {
  /** Answers at once: the pool's measure of a worker's cold start. */
  ping(): number {
    return performance.now();
  },

  /**
   * The CPU demo's chunk: sum of the work over input[start..end), with when
   * the work began and ended on this worker's clock (so a timeline shows when
   * the worker computed, not when its messages travelled). With a shared
   * control block, it reports its progress there and stops early when asked.
   */
  checksum(input: Float64Array, start: number, end: number, rounds: number, control?: ControlPart): TimedSum {
    const startMs = performance.now();
    const sum = checksumRange(input, start, end, rounds, control);
    return { sum, startMs, endMs: performance.now() };
  },

  /** The CPU demo's pool: the numbers of one message, sent with it. */
  workOnItems(items: ArrayLike<number>, rounds: number): number {
    let sum = 0;
    for (let i = 0; i < items.length; i++) sum += workOn(items[i], rounds);
    return sum;
  },

  /**
   * The data demo's move: keeps the numbers as they arrived (copied,
   * transferred or shared) and answers at once with how many came, so the
   * page's timing ends when the worker has them, not after it has worked on them.
   */
  holdNumbers(numbers: ArrayLike<number>): number {
    held = numbers;
    return numbers.length;
  },

  /** The data demo's check: the lesson's squaring over the numbers held, summed, for the page to compare. */
  checksumHeld(): number {
    return held ? checksumRange(held, 0, held.length, 1) : Number.NaN;
  },

  /** The locks demo: this worker's share of the count on the shared counter in `view`. */
  countShared(view: Int32Array, task: CountingTask): CountingReport {
    return countShared(view, task);
  },

  /** The I/O demo: one timed request from this worker; its timeout is here, its abort is the pool's terminate. */
  fetchPage(request: PageRequest, options: FetchPageOptions): Promise<FetchedPage> {
    return fetchPage(request, options);
  },
};

export type WorkerApi = typeof workerApi;
