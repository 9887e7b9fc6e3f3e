/**
 * Watches the main thread through `requestAnimationFrame`: while the page is
 * responsive, frames come every 16 ms or so; while the main thread is busy,
 * none come. A gap between frames says the page did not paint; whether the
 * page's own thread was busy then (rather than the machine being busy with
 * something else) is told by the browser's long tasks, where it reports them.
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

/**
 * The stretch of a run that is measured. A variant marks where its timing
 * begins and ends, so that what it does outside the timing (allocating its
 * input, starting workers) is not charged to it; unmarked, the whole run counts.
 */
export class MeasuredSpan {
  startMs?: number;
  endMs?: number;

  begin(at = performance.now()): void {
    this.startMs = at;
  }

  end(at = performance.now()): void {
    this.endMs = at;
  }
}

export interface Watched<T> {
  value: T;
  /** ISO 8601 time at which the work started. */
  startedAt: string;
  /** The longest the page went without painting during the measured span, in ms. */
  longestFrameGapMs: number;
  /**
   * The longest the page's own thread was busy with one task during the
   * measured span (a long task), in ms; null where the browser does not report
   * long tasks.
   */
  longestBlockMs: number | null;
}

/** The longest part of any gap between `times` (sorted) that lies inside [start, end]. */
export function longestGapWithin(times: readonly number[], start: number, end: number): number {
  let longest = 0;
  for (let i = 1; i < times.length; i++) {
    longest = Math.max(longest, Math.min(times[i], end) - Math.max(times[i - 1], start));
  }
  return longest;
}

const reportsLongTasks = (): boolean =>
  typeof PerformanceObserver !== 'undefined' && (PerformanceObserver.supportedEntryTypes ?? []).includes('longtask');

/** Runs `work` while watching the main thread's frames and long tasks; counts only the span `work` marks as measured. */
export async function watchFrames<T>(work: (span: MeasuredSpan) => Promise<T>): Promise<Watched<T>> {
  const startedAt = new Date().toISOString();
  const span = new MeasuredSpan();
  const frames: number[] = [performance.now()];
  const tasks: Array<{ start: number; end: number }> = [];
  // The time the callback runs, not the frame's own timestamp: that one is the vsync it was scheduled for,
  // which may fall inside the task that held the frame back.
  let handle = requestAnimationFrame(function tick() {
    frames.push(performance.now());
    handle = requestAnimationFrame(tick);
  });
  const observer = reportsLongTasks()
    ? new PerformanceObserver((list) => {
        for (const e of list.getEntries()) tasks.push({ start: e.startTime, end: e.startTime + e.duration });
      })
    : undefined;
  observer?.observe({ type: 'longtask' });
  try {
    const value = await work(span);
    const stop = performance.now();
    frames.push(stop);
    // Long tasks are reported after they end: give the observer its turn.
    if (observer) await new Promise((resolve) => setTimeout(resolve, 0));
    observer?.takeRecords().forEach((e) => tasks.push({ start: e.startTime, end: e.startTime + e.duration }));
    frames.sort((a, b) => a - b);
    const start = span.startMs ?? frames[0];
    const end = span.endMs ?? stop;
    return {
      value,
      startedAt,
      longestFrameGapMs: longestGapWithin(frames, start, end),
      longestBlockMs: observer ? Math.max(0, ...tasks.map((t) => Math.min(t.end, end) - Math.max(t.start, start))) : null,
    };
  } finally {
    cancelAnimationFrame(handle);
    observer?.disconnect();
  }
}
