/**
 * A mutex in one slot of a shared `Int32Array`: Ulrich Drepper's three-state
 * futex mutex ("Futexes Are Tricky", mutex 2). The slot holds
 *   0 — unlocked,
 *   1 — locked, nobody waiting,
 *   2 — locked, and someone may be asleep on it.
 * Taking a free lock is one compare-exchange; releasing it costs a `notify`
 * only when somebody might be waiting. A waiter sleeps in `Atomics.wait`,
 * which browsers allow in workers only, never on the main thread.
 *
 * Every thread that shares the lock must see the same slot of the same
 * `SharedArrayBuffer`. The lock does not know its owner: a worker terminated
 * while holding it leaves it held forever, so whoever starts a new run must
 * start from a fresh slot (the locks demo allocates a new buffer per run).
 */

export const UNLOCKED = 0;
export const LOCKED = 1;
export const CONTENDED = 2;

/** Thrown by `lock` when the lock was not acquired within its timeout. */
export class LockTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`The lock was not acquired within ${timeoutMs} ms.`);
    this.name = 'LockTimeoutError';
  }
}

/**
 * Takes the lock in `view[index]`, sleeping while another thread holds it.
 * Returns how many times this call went to sleep (0 when the lock was free).
 * With a finite `timeoutMs`, gives up and throws `LockTimeoutError` instead
 * of waiting forever: tests use it so a broken lock fails rather than hangs.
 */
export function lock(view: Int32Array, index: number, timeoutMs = Number.POSITIVE_INFINITY): number {
  let state = Atomics.compareExchange(view, index, UNLOCKED, LOCKED);
  if (state === UNLOCKED) return 0;
  const deadline = timeoutMs === Number.POSITIVE_INFINITY ? timeoutMs : performance.now() + timeoutMs;
  let sleeps = 0;
  // Announce a waiter before sleeping, so the holder's unlock knows to wake someone.
  if (state !== CONTENDED) state = Atomics.exchange(view, index, CONTENDED);
  while (state !== UNLOCKED) {
    const remaining = deadline - performance.now();
    if (remaining <= 0) throw new LockTimeoutError(timeoutMs);
    // Returns at once ("not-equal") if the slot changed since it was read.
    Atomics.wait(view, index, CONTENDED, remaining);
    sleeps++;
    // Whoever wakes takes the lock as contended: other sleepers may remain.
    state = Atomics.exchange(view, index, CONTENDED);
  }
  return sleeps;
}

/** Releases the lock taken by this thread; wakes one sleeper if there may be one. */
export function unlock(view: Int32Array, index: number): void {
  const previous = Atomics.sub(view, index, 1);
  if (previous === LOCKED) return;
  if (previous !== CONTENDED) {
    // Undo the decrement: the slot was not held (a bug in the caller, not a state to hide).
    Atomics.add(view, index, 1);
    throw new Error('unlock() of a lock that is not held.');
  }
  Atomics.store(view, index, UNLOCKED);
  Atomics.notify(view, index, 1);
}
