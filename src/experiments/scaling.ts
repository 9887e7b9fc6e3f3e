import { countOf } from '../core/format';
import { RUN_SCHEMA } from '../core/run-result';
import { reportedCores } from '../runtime/environment';
import type { WorkerPool } from '../runtime/pool';
import { runCpuVariant } from './cpu';
import type { CpuRunResult } from './cpu-rules';
import { curvePoints, readCurve, type ScalingCurveRun, type ScalingParams, type ScalingWorkersRun } from './scaling-rules';

/**
 * The scaling demo: the CPU demo's workers variant on 1, 2, … up to the most
 * workers asked for, each run verified by its checksum, the whole sweep
 * repeated as often as asked, then read as a speed-up curve.
 */

export interface ScalingRunContext {
  pool: WorkerPool;
  signal: AbortSignal;
  /** Called with the fraction of the sweep done, 0 to 1. */
  onProgress?: (fraction: number) => void;
  /** Called with each run as soon as it is done, before the next starts. */
  onRun?: (run: ScalingWorkersRun) => void;
}

/**
 * A worker that has just started runs its kernel slowly until the JIT has
 * compiled it: before each timed run, an untimed one on the same numbers
 * with this fraction of the work lets every worker warm up.
 */
const WARM_UP_SHARE = 1 / 20;

/**
 * Runs the sweep and returns its curve. Every run's workers are started and
 * warmed up before its timing begins (their cold start is measured apart),
 * so the times compare work, not start-up. A run with a wrong checksum ends
 * the sweep with an error: a curve through a wrong point means nothing.
 */
export async function runScalingSweep(params: ScalingParams, context: ScalingRunContext): Promise<ScalingCurveRun> {
  const { numbers, rounds, maxWorkers, repeats } = params;
  const runs: ScalingWorkersRun[] = [];
  const total = maxWorkers * repeats;
  const { pool, signal } = context;
  for (let sweep = 1; sweep <= repeats; sweep++) {
    for (let workers = 1; workers <= maxWorkers; workers++) {
      const done = runs.length;
      // The pool's message size plays no part in the workers variant.
      const cpuParams = { numbers, rounds, workers, chunkSize: 1 };
      const warmUp = await runCpuVariant(
        'workers',
        { ...cpuParams, rounds: Math.ceil(rounds * WARM_UP_SHARE) },
        { pool, signal },
      );
      const cpu = await runCpuVariant('workers', cpuParams, {
        pool,
        signal,
        onProgress: (f) => context.onProgress?.((done + f) / total),
      });
      // Stop pressed while the run was being wrapped up: it is not reported, and the sweep ends here.
      signal.throwIfAborted();
      const run = scalingRunOf(cpu, params, sweep, warmUp.coldStartMs);
      runs.push(run);
      context.onRun?.(run);
      if (!run.verified) {
        throw new Error(
          `the run on ${countOf(workers, 'worker')} gave checksum ${run.checksum}, not ${run.expectedChecksum}, so the sweep stopped there.`,
        );
      }
    }
  }
  return curveOf(params, runs);
}

/** The CPU demo's run as a run of the sweep; its workers started during the warm-up, which took `coldStartMs`. */
function scalingRunOf(cpu: CpuRunResult, params: ScalingParams, sweep: number, coldStartMs: number[]): ScalingWorkersRun {
  return {
    schema: RUN_SCHEMA,
    demo: 'scaling',
    variant: 'workers',
    params: { ...params },
    wallMs: cpu.wallMs,
    workers: cpu.workers,
    verified: cpu.verified,
    startedAt: cpu.startedAt,
    longestFrameGapMs: cpu.longestFrameGapMs,
    longestBlockMs: cpu.longestBlockMs,
    trace: cpu.trace,
    checksum: cpu.checksum,
    expectedChecksum: cpu.expectedChecksum,
    coldStartMs,
    dataTransfer: cpu.dataTransfer === 'shared' ? 'shared' : 'transferred',
    sweep,
  };
}

/** The sweep as one run: its curve, and the sum and worst of what its runs measured. */
function curveOf(params: ScalingParams, runs: readonly ScalingWorkersRun[]): ScalingCurveRun {
  const points = curvePoints(runs);
  const blocks = runs.flatMap((r) => (r.longestBlockMs === null ? [] : [r.longestBlockMs]));
  return {
    schema: RUN_SCHEMA,
    demo: 'scaling',
    variant: 'curve',
    params: { ...params },
    wallMs: runs.reduce((sum, r) => sum + r.wallMs, 0),
    workers: params.maxWorkers,
    verified: runs.every((r) => r.verified),
    startedAt: runs[0].startedAt,
    longestFrameGapMs: Math.max(...runs.map((r) => r.longestFrameGapMs)),
    longestBlockMs: blocks.length > 0 ? Math.max(...blocks) : null,
    // Each run's timeline went out with that run; the curve is its points.
    trace: [],
    points,
    ...readCurve(points),
    reportedCores: reportedCores(),
  };
}
