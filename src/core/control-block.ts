/**
 * A run's control block on shared memory: one slot where the page asks the
 * work to stop, and one progress slot per part (a worker's share). Workers
 * check in between short stretches of work: they store their progress and
 * leave when asked. Stop needs this because a browser may let a worker that
 * is busy in a loop run on for seconds after `terminate()` (Chromium: about
 * 2 s), taking a core from whatever runs next. Each slot has its own 64-byte
 * cache line, so progress reports do not slow the work down.
 *
 * The block may start at index `at` of a larger layout (the locks demo keeps
 * its counter, lock and barrier before it).
 */

const STRIDE = 16;

/** What a worker needs to check in: the shared view and which part is its own. */
export interface ControlPart {
  view: Int32Array;
  part: number;
  /** Where the block starts in `view` (default 0). */
  at?: number;
}

/** Bytes of shared memory for a layout of `at` slots followed by the block of `parts` parts. */
export function controlBytes(parts: number, at = 0): number {
  return (at + STRIDE * (parts + 1)) * Int32Array.BYTES_PER_ELEMENT;
}

/** Asks every part to stop at its next check-in. */
export function requestStop(view: Int32Array, at = 0): void {
  Atomics.store(view, at, 1);
}

/** Stores how much of its share a part has done, and says whether it was asked to stop. */
export function checkIn({ view, part, at = 0 }: ControlPart, done: number): boolean {
  Atomics.store(view, at + STRIDE * (part + 1), done);
  return Atomics.load(view, at) !== 0;
}

/** Work done so far over all `parts` (read from any thread while they work). */
export function progressOf(view: Int32Array, parts: number, at = 0): number {
  let done = 0;
  for (let part = 0; part < parts; part++) done += Atomics.load(view, at + STRIDE * (part + 1));
  return done;
}

/** How often the page reads the parts' progress. */
const POLL_MS = 100;

export interface Supervision {
  view: Int32Array;
  parts: number;
  at?: number;
  /** All the work of the run, in the parts' units: progress is reported as a fraction of it. */
  total: number;
  signal: AbortSignal;
  onProgress?: (fraction: number) => void;
}

/**
 * Runs `work` (which starts the parts) while reporting their progress every
 * 100 ms and, on abort, asking them to stop. `work` gets the report function
 * too, to report at moments of its own (such as a part finishing).
 */
export async function supervise<T>(s: Supervision, work: (report: () => void) => Promise<T>): Promise<T> {
  const report = (): void => s.onProgress?.(progressOf(s.view, s.parts, s.at) / s.total);
  const poll = setInterval(report, POLL_MS);
  const stop = (): void => requestStop(s.view, s.at);
  // Registered before the pool's own abort handling, so the workers are asked to stop as they are terminated.
  s.signal.addEventListener('abort', stop, { once: true });
  try {
    return await work(report);
  } finally {
    clearInterval(poll);
    s.signal.removeEventListener('abort', stop);
  }
}
