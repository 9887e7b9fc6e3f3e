import type { DemoId, RunResultBase } from '../src/core/run-result';
import type { RunEnvironment } from '../src/core/results-file';
import type { EngineSession } from './engines.mjs';

export const QUICK_PARAMS: Record<DemoId, Record<string, string>>;

export function demoUrl(baseUrl: string, demo: DemoId, options?: { quick?: boolean }): string;

/** A completed run, its trace left out; with its environment when the page's history kept it. */
export type DemoRun = RunResultBase<DemoId, string, unknown> & { traceLength: number; environment?: RunEnvironment };

/** Rejects with an Error whose `runs` holds the runs completed, when a run is not verified or the demo fails. */
export function runDemoOnce(
  session: EngineSession,
  baseUrl: string,
  demo: DemoId,
  /** `between`: awaited between two looks at the running demo (see EngineSession.waitFor), such as to show its progress. */
  options?: { quick?: boolean; timeoutMs?: number; between?: () => Promise<void> },
): Promise<DemoRun[]>;
