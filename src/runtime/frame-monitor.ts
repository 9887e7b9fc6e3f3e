/**
 * Watches the main thread through `requestAnimationFrame`: while the page is
 * responsive, frames come every 16 ms or so; while the main thread is busy,
 * none come. The longest gap between two frames is how long the page froze.
 */
export class FrameMonitor {
  private handle = 0;
  private last = 0;
  private longest = 0;

  start(): void {
    this.stop();
    this.longest = 0;
    this.last = performance.now();
    const tick = (time: number): void => {
      this.longest = Math.max(this.longest, time - this.last);
      this.last = time;
      this.handle = requestAnimationFrame(tick);
    };
    this.handle = requestAnimationFrame(tick);
  }

  /** Stops watching and returns the longest gap seen, including the one still open. */
  stop(): number {
    if (this.handle) cancelAnimationFrame(this.handle);
    this.handle = 0;
    this.longest = Math.max(this.longest, performance.now() - this.last);
    return this.longest;
  }

  /** The longest gap so far, in ms. */
  get longestGapMs(): number {
    return this.longest;
  }
}

/** Resolves after the browser has painted at least one frame: lets the page show a message before it freezes. */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

export interface Watched<T> {
  value: T;
  /** ISO 8601 time at which the work started. */
  startedAt: string;
  /** The longest gap between two frames while the work ran, in ms. */
  longestFrameGapMs: number;
}

/** Runs `work` while watching the main thread's frames. */
export async function watchFrames<T>(work: () => Promise<T>): Promise<Watched<T>> {
  const frames = new FrameMonitor();
  const startedAt = new Date().toISOString();
  frames.start();
  try {
    const value = await work();
    return { value, startedAt, longestFrameGapMs: frames.stop() };
  } finally {
    frames.stop();
  }
}
