import { checksumRange, workOn } from './cpu-kernel';

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

  /** The CPU demo's chunk: sum of the work over input[start..end). */
  checksum(input: Float64Array, start: number, end: number, rounds: number): number {
    return checksumRange(input, start, end, rounds);
  },

  /** The CPU demo's per-item call: one or a few numbers sent by message. */
  workOnItems(items: number[], rounds: number): number {
    let sum = 0;
    for (const x of items) sum += workOn(x, rounds);
    return sum;
  },

};

export type WorkerApi = typeof workerApi;
