/**
 * A mutex for async tasks on one thread. Nothing runs in parallel there, but
 * a task that reads a value, awaits, then writes it back lets other tasks run
 * in between: the same lost update as threads, without threads. Holding this
 * lock across the await closes that window. Waiters are served first come,
 * first served; nothing blocks the thread.
 */
export class AsyncMutex {
  private held = false;
  private readonly waiters: Array<() => void> = [];

  get locked(): boolean {
    return this.held;
  }

  /** Resolves once the lock is this caller's; call `unlock` when done. */
  lock(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Hands the lock to the next waiter, or frees it. */
  unlock(): void {
    if (!this.held) throw new Error('unlock() of an AsyncMutex that is not held.');
    const next = this.waiters.shift();
    if (next) next();
    else this.held = false;
  }

  /** Runs `body` holding the lock, releasing it however `body` ends. */
  async withLock<T>(body: () => Promise<T> | T): Promise<T> {
    await this.lock();
    try {
      return await body();
    } finally {
      this.unlock();
    }
  }
}
