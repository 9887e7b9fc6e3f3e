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

/** True when some event of one lane runs while an event of another lane runs. */
export function lanesOverlap(trace: readonly TraceEvent[]): boolean {
  const sorted = [...trace].sort((a, b) => a.startMs - b.startMs);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j].startMs < sorted[i].endMs; j++) {
      if (sorted[j].lane !== sorted[i].lane) return true;
    }
  }
  return false;
}

/** The distinct lanes of a trace, in order of first appearance. */
export function lanesOf(trace: readonly TraceEvent[]): string[] {
  return [...new Set(trace.map((e) => e.lane))];
}
