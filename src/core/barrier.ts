/**
 * A start barrier in one slot of a shared `Int32Array`: each of `parties`
 * threads calls `arriveAndWait`, and none returns before all have arrived.
 * Without it, a worker that starts first may finish its whole loop before the
 * next one starts, and a race that needs overlap never shows.
 *
 * The slot counts arrivals and is used once (one run, one fresh slot). The
 * last to arrive wakes the others with one `notify`; the rest sleep in
 * `Atomics.wait`, which browsers allow in workers only.
 */

/** Thrown by `arriveAndWait` when the others did not all arrive in time. */
export class BarrierTimeoutError extends Error {
  constructor(arrived: number, parties: number, timeoutMs: number) {
    super(`Only ${arrived} of ${parties} arrived at the barrier within ${timeoutMs} ms.`);
    this.name = 'BarrierTimeoutError';
  }
}

/**
 * Arrives at the barrier in `view[index]` and sleeps until all `parties`
 * have arrived. Returns this thread's arrival order, 1 to `parties`.
 * With a finite `timeoutMs`, throws `BarrierTimeoutError` instead of waiting forever.
 */
export function arriveAndWait(view: Int32Array, index: number, parties: number, timeoutMs = Number.POSITIVE_INFINITY): number {
  const order = Atomics.add(view, index, 1) + 1;
  if (order > parties) throw new Error(`The barrier was built for ${parties} but ${order} arrived.`);
  if (order === parties) {
    Atomics.notify(view, index);
    return order;
  }
  const deadline = timeoutMs === Number.POSITIVE_INFINITY ? timeoutMs : performance.now() + timeoutMs;
  for (let arrived = Atomics.load(view, index); arrived < parties; arrived = Atomics.load(view, index)) {
    const remaining = deadline - performance.now();
    if (remaining <= 0) throw new BarrierTimeoutError(arrived, parties, timeoutMs);
    // Sleeps only while the count is still `arrived`: a later arrival changes it and wakes us or makes this return at once.
    Atomics.wait(view, index, arrived, remaining);
  }
  return order;
}

/** How many threads have arrived at the barrier so far. */
export function arrivedAt(view: Int32Array, index: number): number {
  return Atomics.load(view, index);
}
