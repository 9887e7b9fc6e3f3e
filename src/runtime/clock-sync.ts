import { now } from './clock';

/**
 * How a worker's clock relates to this thread's. Each thread's
 * `performance.now()` counts from its own origin. Adding
 * `performance.timeOrigin` lines threads up in Chromium to a few
 * microseconds, but browsers that coarsen their clocks coarsen the origins
 * too, and nothing promises that two agents' origins agree; a few round trips
 * measure the offset directly, to within half the fastest one (a plain
 * message goes there and back in tens of microseconds).
 */
export interface ClockOffset {
  /** Add to a time on this thread's clock to get the worker's; subtract to convert back. */
  offsetMs: number;
  /** Half the fastest round trip: the offset is right to within this. */
  uncertaintyMs: number;
}

/**
 * Cristian's algorithm: ask the worker for its `performance.now()` a few
 * times and trust the fastest round trip, assuming the answer was read half
 * way through it.
 */
export async function clockOffset(workerNow: () => Promise<number>, samples = 5): Promise<ClockOffset> {
  let best: ClockOffset = { offsetMs: 0, uncertaintyMs: Number.POSITIVE_INFINITY };
  for (let i = 0; i < samples; i++) {
    const sent = now();
    const theirs = await workerNow();
    const received = now();
    const half = (received - sent) / 2;
    if (half < best.uncertaintyMs) best = { offsetMs: theirs - (sent + half), uncertaintyMs: half };
  }
  return best;
}
