import { checksumRange, expectedChecksum, makeInput, sliceSize } from '../core/cpu-kernel';
import { controlBytes, supervise } from '../core/control-block';
import { RUN_SCHEMA } from '../core/run-result';
import { splitRange } from '../core/stats';
import type { TraceEvent } from '../core/trace';
import { abortError } from '../core/abort';
import { CPU_LIMITS, MAIN_THREAD_TASKS, poolSampleSize, type CpuParams, type CpuRunResult, type CpuVariant } from './cpu-rules';
import { canShareMemory } from '../runtime/isolation';
import { nextPaint, watchFrames, type MeasuredSpan } from '../runtime/frame-monitor';
import { transfer, type WorkerCall, type WorkerPool } from '../runtime/pool';
import { now } from '../runtime/clock';
import { clockOffset } from '../runtime/clock-sync';
import type { TimedSum } from '../core/worker-api';
import { yieldToEventLoop } from '../runtime/yield';

/**
 * The CPU-bound demo: the lesson's "square ten million numbers", done on the
 * main thread, as turn-taking tasks on the main thread, as one message per
 * number to a pool, and split over workers.
 */

export interface CpuRunContext {
  pool: WorkerPool;
  signal: AbortSignal;
  /** Called with the fraction done, 0 to 1, where it can be known. */
  onProgress?: (fraction: number) => void;
}

/** Runs one variant and returns its result, verified against the expected checksum. */
export async function runCpuVariant(variant: CpuVariant, params: CpuParams, context: CpuRunContext): Promise<CpuRunResult> {
  context.signal.throwIfAborted();
  const {
    value: partial,
    startedAt,
    longestFrameGapMs,
    longestBlockMs,
  } = await watchFrames((span) => VARIANTS[variant](params, context, span));
  return {
    schema: RUN_SCHEMA,
    demo: 'cpu',
    variant,
    params: { ...params },
    startedAt,
    longestFrameGapMs,
    // Where the browser reports no long tasks, the serial run is still known to hold the page's thread all along.
    longestBlockMs: longestBlockMs ?? (variant === 'serial' ? partial.sampleWallMs : null),
    verified: partial.checksum === partial.expectedChecksum,
    projected: partial.sampleSize < params.numbers,
    wallMs: (partial.sampleWallMs * params.numbers) / partial.sampleSize,
    ...partial,
  };
}

type Measured = Pick<
  CpuRunResult,
  'checksum' | 'expectedChecksum' | 'coldStartMs' | 'dataTransfer' | 'sampleSize' | 'sampleWallMs' | 'workers' | 'trace'
>;

const VARIANTS: Record<CpuVariant, (params: CpuParams, context: CpuRunContext, span: MeasuredSpan) => Promise<Measured>> = {
  serial: runSerial,
  'main-thread-tasks': runMainThreadTasks,
  'pool-map': runPoolMap,
  workers: runWorkers,
};

let cachedInput: Float64Array | undefined;

/** The list of tens, kept between runs; in shared memory when the page allows it. */
function inputOf(count: number): Float64Array {
  const shared = canShareMemory();
  const fits = cachedInput && cachedInput.length === count && cachedInput.buffer instanceof ArrayBuffer === !shared;
  if (!fits) {
    cachedInput = undefined;
    const bytes = count * Float64Array.BYTES_PER_ELEMENT;
    cachedInput = makeInput(count, shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  }
  return cachedInput!;
}

async function runSerial({ numbers, rounds }: CpuParams, { onProgress }: CpuRunContext, span: MeasuredSpan): Promise<Measured> {
  const input = inputOf(numbers);
  onProgress?.(0);
  // Let the page paint "running" before the main thread is taken over.
  await nextPaint();
  const start = now();
  span.begin(start);
  const checksum = checksumRange(input, 0, numbers, rounds);
  const end = now();
  span.end(end);
  onProgress?.(1);
  return {
    checksum,
    expectedChecksum: expectedChecksum(numbers, rounds),
    coldStartMs: [],
    dataTransfer: 'none',
    sampleSize: numbers,
    sampleWallMs: end - start,
    workers: 1,
    trace: [{ lane: 'main thread', chunk: 0, startMs: 0, endMs: end - start }],
  };
}

async function runMainThreadTasks(
  { numbers, rounds }: CpuParams,
  { signal, onProgress }: CpuRunContext,
  span: MeasuredSpan,
): Promise<Measured> {
  const input = inputOf(numbers);
  const ranges = splitRange(numbers, MAIN_THREAD_TASKS);
  const slice = sliceSize(rounds);
  const totalSlices = ranges.reduce((n, r) => n + Math.ceil((r.end - r.start) / slice), 0);
  const trace: TraceEvent[] = [];
  let done = 0;
  const start = now();
  span.begin(start);

  const task = async (index: number, from: number, to: number): Promise<number> => {
    let sum = 0;
    for (let i = from; i < to; i += slice) {
      // Each task gives up the thread between slices, like a thread releasing the GIL.
      await yieldToEventLoop();
      if (signal.aborted) throw abortError();
      const sliceStart = now() - start;
      sum += checksumRange(input, i, Math.min(i + slice, to), rounds);
      trace.push({ lane: `task ${index + 1}`, chunk: i, startMs: sliceStart, endMs: now() - start });
      onProgress?.(++done / totalSlices);
    }
    return sum;
  };

  const sums = await Promise.all(ranges.map((r, i) => task(i, r.start, r.end)));
  const end = now();
  span.end(end);
  return {
    checksum: sums.reduce((a, b) => a + b, 0),
    expectedChecksum: expectedChecksum(numbers, rounds),
    coldStartMs: [],
    dataTransfer: 'none',
    sampleSize: numbers,
    sampleWallMs: end - start,
    workers: ranges.length,
    trace,
  };
}

/**
 * The lesson's `Pool.map`: the numbers go to the workers as messages of
 * `chunkSize` numbers each, every one copied into its message (as Python
 * pickles each chunk), and each worker takes the next message when free.
 */
async function runPoolMap(params: CpuParams, { pool, signal, onProgress }: CpuRunContext, span: MeasuredSpan): Promise<Measured> {
  const { rounds, chunkSize } = params;
  const sampleSize = poolSampleSize(params);
  const input = inputOf(params.numbers);
  pool.resize(params.workers);
  const { coldStartMs } = await pool.warm(signal);
  const messages = Math.ceil(sampleSize / chunkSize);
  const outcome = await pool.map(
    messages,
    (api, i) => api.workOnItems(input.slice(i * chunkSize, Math.min(sampleSize, (i + 1) * chunkSize)), rounds),
    { signal, onProgress: (done, total) => onProgress?.(done / total) },
  );
  span.begin(outcome.originMs);
  span.end(outcome.originMs + outcome.wallMs);
  return {
    checksum: outcome.results.reduce((a, b) => a + b, 0),
    expectedChecksum: expectedChecksum(sampleSize, rounds),
    coldStartMs,
    dataTransfer: 'per-message',
    sampleSize,
    sampleWallMs: outcome.wallMs,
    workers: pool.size,
    trace: outcome.trace,
  };
}

async function runWorkers(params: CpuParams, { pool, signal, onProgress }: CpuRunContext, span: MeasuredSpan): Promise<Measured> {
  const { numbers, rounds } = params;
  const input = inputOf(numbers);
  const shared = !(input.buffer instanceof ArrayBuffer);
  pool.resize(params.workers);
  const { coldStartMs } = await pool.warm(signal);
  const ranges = splitRange(numbers, pool.size);
  // With shared memory, a control block lets Stop end the workers' loops within milliseconds
  // (a busy worker may outlive `terminate()` by seconds) and shows progress inside each part.
  const control = shared ? new Int32Array(new SharedArrayBuffer(controlBytes(ranges.length))) : undefined;
  // Each worker's clock against the page's, measured before the timing, so the timeline can show
  // when each worker computed (taken inside the worker), not when its messages came and went.
  const offsets = new Map(
    await pool.forEachWorker(async (api, slot) => [slot, (await clockOffset(() => api.ping())).offsetMs] as const, signal),
  );
  const call: WorkerCall<TimedSum & { slot: number }> = async (api, i, slot) => {
    const { start, end } = ranges[i];
    if (control) return { ...(await api.checksum(input, start, end, rounds, { view: control, part: i })), slot };
    // Without shared memory, each worker gets its own copy of its part, moved rather than cloned.
    const part = input.slice(start, end);
    return { ...(await api.checksum(transfer(part, [part.buffer]), 0, part.length, rounds)), slot };
  };
  const outcome = control
    ? await supervise({ view: control, parts: ranges.length, total: numbers, signal, onProgress }, (report) =>
        pool.map(ranges.length, call, { signal, onProgress: report }),
      )
    : await pool.map(ranges.length, call, { signal, onProgress: (done, total) => onProgress?.(done / total) });
  span.begin(outcome.originMs);
  span.end(outcome.originMs + outcome.wallMs);
  const onPageClock = (workerMs: number, slot: number) => workerMs - (offsets.get(slot) ?? 0) - outcome.originMs;
  return {
    checksum: outcome.results.reduce((a, r) => a + r.sum, 0),
    expectedChecksum: expectedChecksum(numbers, rounds),
    coldStartMs,
    dataTransfer: shared ? 'shared' : 'transferred',
    sampleSize: numbers,
    sampleWallMs: outcome.wallMs,
    workers: ranges.length,
    trace: outcome.results.map((r, i) => ({
      lane: `worker ${r.slot + 1}`,
      chunk: i,
      startMs: onPageClock(r.startMs, r.slot),
      endMs: onPageClock(r.endMs, r.slot),
    })),
  };
}

export interface Calibration {
  rounds: number;
  /** Measured cost of one round on one number, in nanoseconds. */
  nsPerRound: number;
  /** Measured time for plain squaring (1 round) of all the numbers, in ms, estimated. */
  squaringMs: number;
  targetMs: number;
}

/**
 * Picks the work per number so the serial run takes about `targetMs` here.
 * Takes a few tens of milliseconds on the main thread.
 */
export function calibrateRounds(numbers: number, targetMs = 1000): Calibration {
  const sample = makeInput(Math.min(numbers, 20_000));
  const probeRounds = 200;
  // The fastest of several attempts: the first ones run before the JIT has optimised the loop.
  let best = Number.POSITIVE_INFINITY;
  const deadline = now() + 150;
  for (let attempt = 0; attempt < 5 || (attempt < 50 && now() < deadline); attempt++) {
    const start = now();
    checksumRange(sample, 0, sample.length, probeRounds);
    best = Math.min(best, now() - start);
  }
  const msPerRound = Math.max(best, 0.001) / (sample.length * probeRounds);
  // Plain squaring of the sample is too quick for a coarse clock to time once: repeat it for 20 ms or more.
  let passes = 0;
  const squaringStart = now();
  do {
    checksumRange(sample, 0, sample.length, 1);
    passes++;
  } while (now() - squaringStart < 20);
  const squaringMs = ((now() - squaringStart) / passes) * (numbers / sample.length);
  const rounds = Math.round(targetMs / (numbers * msPerRound));
  return {
    rounds: Math.min(CPU_LIMITS.rounds.max, Math.max(1, rounds)),
    nsPerRound: msPerRound * 1e6,
    squaringMs,
    targetMs,
  };
}
