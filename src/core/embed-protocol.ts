import { isDemoId, type DemoId, type RunResultBase } from './run-result';
import type { TraceEvent } from './trace';

/**
 * The messages between the lab's embed page (`embed.html`, in a frame) and
 * the course page that frames it. Every message is a plain object whose
 * `type` starts with `parallel-lab:`; both ends check a message's shape and
 * ignore anything else, so a page full of other frames and scripts can post
 * whatever it likes.
 *
 * From the frame to the page:
 * - `{type: 'parallel-lab:ready', demo}` once the demo is on screen;
 * - `{type: 'parallel-lab:height', height}` whenever the frame's content changes height (CSS pixels);
 * - `{type: 'parallel-lab:run', run}` after each finished run: the run object as the README documents it,
 *   its trace cut to `EMBED_TRACE_LIMIT` events (`traceLength` then says how many it had).
 *
 * From the page to the frame:
 * - `{type: 'parallel-lab:run-all'}` presses Run all;
 * - `{type: 'parallel-lab:stop'}` presses Stop.
 */

type AnyRun = RunResultBase<DemoId, string, unknown>;

/** A run as it leaves the frame: at most this many trace events. */
export const EMBED_TRACE_LIMIT = 256;

export type EmbedRun = AnyRun & { traceLength?: number };

export type FrameMessage =
  | { type: 'parallel-lab:ready'; demo: DemoId }
  | { type: 'parallel-lab:height'; height: number }
  | { type: 'parallel-lab:run'; run: EmbedRun };

export type HostMessage = { type: 'parallel-lab:run-all' } | { type: 'parallel-lab:stop' };

/** A run slim enough to post: the trace cut to its first `EMBED_TRACE_LIMIT` events. */
export function slimRun<R extends AnyRun>(run: R): R & { traceLength?: number } {
  if (run.trace.length <= EMBED_TRACE_LIMIT) return run;
  const trace: TraceEvent[] = run.trace.slice(0, EMBED_TRACE_LIMIT);
  return { ...run, trace, traceLength: run.trace.length };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The page's command, or undefined for anything that is not one (which the frame then ignores). */
export function readHostMessage(data: unknown): HostMessage | undefined {
  if (!isRecord(data)) return undefined;
  if (data.type === 'parallel-lab:run-all' || data.type === 'parallel-lab:stop') return { type: data.type };
  return undefined;
}

/** The frame's message, or undefined for anything that is not one (which the page then ignores). */
export function readFrameMessage(data: unknown): FrameMessage | undefined {
  if (!isRecord(data)) return undefined;
  if (data.type === 'parallel-lab:height') {
    const height = data.height;
    return typeof height === 'number' && Number.isFinite(height) && height >= 0 ? { type: data.type, height } : undefined;
  }
  if (data.type === 'parallel-lab:ready') {
    return isDemoId(data.demo) ? { type: data.type, demo: data.demo } : undefined;
  }
  if (data.type === 'parallel-lab:run') {
    const run = data.run;
    const ok =
      isRecord(run) &&
      typeof run.schema === 'string' &&
      typeof run.demo === 'string' &&
      typeof run.variant === 'string' &&
      typeof run.wallMs === 'number' &&
      typeof run.verified === 'boolean' &&
      Array.isArray(run.trace);
    return ok ? { type: data.type, run: run as unknown as EmbedRun } : undefined;
  }
  return undefined;
}
