/**
 * One unit of work as it happened: who ran it (a lane: a worker, a task, or
 * the main thread), which piece of the job it was, and when, in milliseconds
 * from the start of the run. Timelines are drawn from these and tests check
 * overlap with them, so every runner records one per task.
 */
export interface TraceEvent {
  lane: string;
  chunk: number;
  startMs: number;
  endMs: number;
}

/** How long the lanes of a trace ran at the same time, within the trace's whole span. */
export interface LaneOverlap {
  /** Time during which events of at least two different lanes were running. */
  overlapMs: number;
  /** From the first start to the last end. */
  spanMs: number;
}

/**
 * Measures the time two or more lanes ran at once, sweeping the events'
 * starts and ends in time order. Events of one lane that overlap each other
 * (queued tasks of one worker, say) count as that lane running once; events
 * that only touch, one ending as the next starts, took turns.
 */
export function laneOverlap(trace: readonly TraceEvent[]): LaneOverlap {
  if (trace.length === 0) return { overlapMs: 0, spanMs: 0 };
  const edges = trace.flatMap((e) =>
    e.endMs > e.startMs
      ? [
          { atMs: e.startMs, lane: e.lane, step: 1 },
          { atMs: e.endMs, lane: e.lane, step: -1 },
        ]
      : [],
  );
  // At the same instant ends come first, so touching events do not count as overlapping.
  edges.sort((a, b) => a.atMs - b.atMs || a.step - b.step);
  const running = new Map<string, number>();
  let lanesRunning = 0;
  let overlapMs = 0;
  let lastMs = edges.length ? edges[0].atMs : 0;
  for (const { atMs, lane, step } of edges) {
    if (lanesRunning >= 2) overlapMs += atMs - lastMs;
    lastMs = atMs;
    const events = (running.get(lane) ?? 0) + step;
    running.set(lane, events);
    if (step === 1 && events === 1) lanesRunning++;
    if (step === -1 && events === 0) lanesRunning--;
  }
  const start = trace.reduce((min, e) => Math.min(min, e.startMs), Infinity);
  const end = trace.reduce((max, e) => Math.max(max, e.endMs), -Infinity);
  return { overlapMs, spanMs: Math.max(0, end - start) };
}

/** True when some event of one lane runs while an event of another lane runs. */
export function lanesOverlap(trace: readonly TraceEvent[]): boolean {
  return laneOverlap(trace).overlapMs > 0;
}

/** The distinct lanes of a trace, in order of first appearance. */
export function lanesOf(trace: readonly TraceEvent[]): string[] {
  return [...new Set(trace.map((e) => e.lane))];
}
