import type { TraceEvent } from './trace';

/** The schema tag every saved run carries; bump it when the shape changes. */
export const RUN_SCHEMA = 'parallel-lab/run@2';

/** Every demo's id, as `?demo=` names it. */
export const DEMO_IDS = ['cpu', 'locks', 'io', 'scaling', 'data'] as const;
export type DemoId = (typeof DEMO_IDS)[number];

export function isDemoId(value: unknown): value is DemoId {
  return (DEMO_IDS as readonly unknown[]).includes(value);
}

/**
 * What every demo produces for every completed run: plain, serialisable data,
 * dispatched as the `pl-run-complete` event's detail. Each demo extends it
 * with its own fields (see the demo's experiment module); the fields here are
 * the ones that history, export and comparison across demos may rely on.
 */
export interface RunResultBase<D extends DemoId, V extends string, P> {
  schema: typeof RUN_SCHEMA;
  demo: D;
  variant: V;
  params: P;
  /** Wall-clock time of the measured work, in milliseconds. */
  wallMs: number;
  /** How many runners did the work (workers, tasks, or 1 for the main thread). */
  workers: number;
  /** True only when the result was checked against an independent reference. */
  verified: boolean;
  /** ISO 8601 time at which the run started. */
  startedAt: string;
  /** The longest the page went without painting during the measured work, in ms (what fell outside it is not counted). */
  longestFrameGapMs: number;
  /**
   * The longest the page's own thread was held by one task during the
   * measured work, in ms: what tells "the lab's work froze the page" from
   * "the machine was busy". Null where the browser cannot tell.
   */
  longestBlockMs: number | null;
  trace: TraceEvent[];
}
