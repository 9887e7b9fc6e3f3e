import { checksumRange, expectedChecksum, makeInput, sliceSize } from '../core/cpu-kernel';
import { controlBytes, supervise } from '../core/control-block';
import { RUN_SCHEMA, type RunResultBase } from '../core/run-result';
import { splitRange } from '../core/stats';
import type { TraceEvent } from '../core/trace';
import type { WholeNumberRule } from '../core/validate';
import { canShareMemory } from '../runtime/isolation';
import { nextPaint, watchFrames } from '../runtime/frame-monitor';
import { transfer, abortError, type WorkerCall, type WorkerPool } from '../runtime/pool';
import { now } from '../runtime/clock';
import { yieldToEventLoop } from '../runtime/yield';

/**
 * The CPU-bound demo: the lesson's "square ten million numbers", done on the
 * main thread, as turn-taking tasks on the main thread, as one message per
 * number to a pool, and split over workers.
 */

export type CpuVariant = 'serial' | 'main-thread-tasks' | 'pool-per-item' | 'workers';
export const CPU_VARIANTS: readonly CpuVariant[] = ['serial', 'main-thread-tasks', 'pool-per-item', 'workers'];

export interface CpuParams {
  /** How many numbers to work on (the lesson: 10,000,000). */
  numbers: number;
  /** Work per number: 1 round is plain squaring. */
  rounds: number;
  /** Workers for the pool variants. */
  workers: number;
  /** Numbers per message in the pool-per-item variant (1 = one message per number). */
  chunkSize: number;
}

export interface CpuRunResult extends RunResultBase<'cpu', CpuVariant, CpuParams> {
  checksum: number;
  expectedChecksum: number;
  /** Cold-start time of each worker started for this run (empty when all were warm or none were used). */
  coldStartMs: number[];
  /** How the numbers reached the workers. */
  dataTransfer: 'none' | 'shared' | 'transferred' | 'per-message';
  /** True when `wallMs` was projected from a smaller sample. */
  projected: boolean;
  /** How many numbers were actually worked on. */
  sampleSize: number;
  /** Measured time for the sample (equals `wallMs` when not projected). */
  sampleWallMs: number;
}

export const CPU_LIMITS = {
  numbers: { label: 'Numbers', min: 1, max: 20_000_000, maxReason: 'More would need over 160 MB of memory for the input alone.' },
  rounds: {
    label: 'Work per number',
    min: 1,
    max: 100_000,
    maxReason: 'More would make even a short list run for many minutes.',
  },
  workers: { label: 'Workers', min: 1, max: 64, maxReason: 'Browsers slow down or refuse to start more.' },
  chunkSize: { label: 'Numbers per message', min: 1, max: 1_000_000 },
} satisfies Record<keyof CpuParams, WholeNumberRule>;

/** The lesson's four threads become four tasks on the main thread. */
export const MAIN_THREAD_TASKS = 4;
/** One message per number is measured on at most this many numbers, then projected. */
export const PER_ITEM_SAMPLE = 20_000;
export const DEFAULT_NUMBERS = 10_000_000;

export interface CpuRunContext {
  pool: WorkerPool;
  signal: AbortSignal;
  /** Called with the fraction done, 0 to 1, where it can be known. */
  onProgress?: (fraction: number) => void;
}

/** Runs one variant and returns its result, verified against the expected checksum. */
export async function runCpuVariant(variant: CpuVariant, params: CpuParams, context: CpuRunContext): Promise<CpuRunResult> {
  context.signal.throwIfAborted();
  const { value: partial, startedAt, longestFrameGapMs } = await watchFrames(() => VARIANTS[variant](params, context));
  return {
    schema: RUN_SCHEMA,
    demo: 'cpu',
    variant,
    params: { ...params },
    startedAt,
    longestFrameGapMs,
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

const VARIANTS: Record<CpuVariant, (params: CpuParams, context: CpuRunContext) => Promise<Measured>> = {
  serial: runSerial,
  'main-thread-tasks': runMainThreadTasks,
  'pool-per-item': runPoolPerItem,
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

async function runSerial({ numbers, rounds }: CpuParams, { onProgress }: CpuRunContext): Promise<Measured> {
  const input = inputOf(numbers);
  onProgress?.(0);
  // Let the page paint "running" before the main thread is taken over.
  await nextPaint();
  const start = now();
  const checksum = checksumRange(input, 0, numbers, rounds);
  const end = now();
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

async function runMainThreadTasks({ numbers, rounds }: CpuParams, { signal, onProgress }: CpuRunContext): Promise<Measured> {
  const input = inputOf(numbers);
  const ranges = splitRange(numbers, MAIN_THREAD_TASKS);
  const slice = sliceSize(rounds);
  const totalSlices = ranges.reduce((n, r) => n + Math.ceil((r.end - r.start) / slice), 0);
  const trace: TraceEvent[] = [];
  let done = 0;
  const start = now();

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
  return {
    checksum: sums.reduce((a, b) => a + b, 0),
    expectedChecksum: expectedChecksum(numbers, rounds),
    coldStartMs: [],
    dataTransfer: 'none',
    sampleSize: numbers,
    sampleWallMs: now() - start,
    workers: ranges.length,
    trace,
  };
}

async function runPoolPerItem(params: CpuParams, { pool, signal, onProgress }: CpuRunContext): Promise<Measured> {
  const { rounds, chunkSize } = params;
  const sampleSize = Math.min(params.numbers, PER_ITEM_SAMPLE);
  const input = Array.from(makeInput(sampleSize));
  pool.resize(params.workers);
  const { coldStartMs } = await pool.warm(signal);
  const messages = Math.ceil(sampleSize / chunkSize);
  const outcome = await pool.map(messages, (api, i) => api.workOnItems(input.slice(i * chunkSize, (i + 1) * chunkSize), rounds), {
    signal,
    onProgress: (done, total) => onProgress?.(done / total),
  });
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

async function runWorkers(params: CpuParams, { pool, signal, onProgress }: CpuRunContext): Promise<Measured> {
  const { numbers, rounds } = params;
  const input = inputOf(numbers);
  const shared = !(input.buffer instanceof ArrayBuffer);
  pool.resize(params.workers);
  const { coldStartMs } = await pool.warm(signal);
  const ranges = splitRange(numbers, pool.size);
  // With shared memory, a control block lets Stop end the workers' loops within milliseconds
  // (a busy worker may outlive `terminate()` by seconds) and shows progress inside each part.
  const control = shared ? new Int32Array(new SharedArrayBuffer(controlBytes(ranges.length))) : undefined;
  const call: WorkerCall<number> = (api, i) => {
    const { start, end } = ranges[i];
    if (control) return api.checksum(input, start, end, rounds, { view: control, part: i });
    // Without shared memory, each worker gets its own copy of its part, moved rather than cloned.
    const part = input.slice(start, end);
    return api.checksum(transfer(part, [part.buffer]), 0, part.length, rounds);
  };
  const outcome = control
    ? await supervise({ view: control, parts: ranges.length, total: numbers, signal, onProgress }, (report) =>
        pool.map(ranges.length, call, { signal, onProgress: report }),
      )
    : await pool.map(ranges.length, call, { signal, onProgress: (done, total) => onProgress?.(done / total) });
  return {
    checksum: outcome.results.reduce((a, b) => a + b, 0),
    expectedChecksum: expectedChecksum(numbers, rounds),
    coldStartMs,
    dataTransfer: shared ? 'shared' : 'transferred',
    sampleSize: numbers,
    sampleWallMs: outcome.wallMs,
    workers: ranges.length,
    trace: outcome.trace,
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
