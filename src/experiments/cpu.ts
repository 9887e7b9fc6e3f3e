import { checksumRange, expectedChecksum, makeInput, sliceSize } from '../core/cpu-kernel';
import { controlBytes, supervise } from '../core/control-block';
import { RUN_SCHEMA, type RunResultBase } from '../core/run-result';
import { splitRange } from '../core/stats';
import type { TraceEvent } from '../core/trace';
import { parseFields, wholeNumber, type ParsedFields, type WholeNumberRule } from '../core/validate';
import { abortError } from '../core/abort';
import type { VariantFacts } from './variants';
import { canShareMemory } from '../runtime/isolation';
import { nextPaint, watchFrames } from '../runtime/frame-monitor';
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

export type CpuVariant = 'serial' | 'main-thread-tasks' | 'pool-map' | 'workers';

/** The lesson's four threads become four tasks on the main thread. */
export const MAIN_THREAD_TASKS = 4;

export const CPU_VARIANT_FACTS: Readonly<Record<CpuVariant, VariantFacts>> = {
  serial: { label: 'Serial (main thread)', runsOn: 'main thread', usesLock: false, needsSharedMemory: false },
  'main-thread-tasks': {
    label: `${MAIN_THREAD_TASKS} tasks taking turns (main thread)`,
    runsOn: 'main thread',
    usesLock: false,
    needsSharedMemory: false,
  },
  'pool-map': { label: 'Worker pool, map', runsOn: 'workers', usesLock: false, needsSharedMemory: false },
  workers: { label: 'Workers, one part each', runsOn: 'workers', usesLock: false, needsSharedMemory: false },
};
export const CPU_VARIANTS = Object.keys(CPU_VARIANT_FACTS) as readonly CpuVariant[];

export interface CpuParams {
  /** How many numbers to work on (the lesson: 10,000,000). */
  numbers: number;
  /** Work per number: 1 round is plain squaring. */
  rounds: number;
  /** Workers for the pool variants. */
  workers: number;
  /** Numbers per message in the pool-map variant (1 = one message per number; by default Python's rule, `pythonChunkSize`). */
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

/**
 * The pool is measured on at least this many numbers, and on enough to give
 * every worker `MESSAGES_PER_WORKER` messages, then projected to the full
 * list when that is more: one message per number for ten million numbers
 * would take minutes.
 */
export const POOL_SAMPLE = 20_000;
/** Python's `Pool.map` sends each worker four chunks, on average; the sample keeps at least as many messages. */
export const MESSAGES_PER_WORKER = 4;

/** The chunk size Python's `Pool.map` chooses when given none: the numbers split into 4 chunks per worker, rounded up. */
export function pythonChunkSize(numbers: number, workers: number): number {
  return Math.max(1, Math.ceil(numbers / (MESSAGES_PER_WORKER * workers)));
}

/** How many numbers the pool is measured on: all of them, or a sample that still keeps every worker busy. */
export function poolSampleSize({ numbers, workers, chunkSize }: CpuParams): number {
  return Math.min(numbers, Math.max(POOL_SAMPLE, chunkSize * MESSAGES_PER_WORKER * workers));
}
export const DEFAULT_NUMBERS = 10_000_000;

/**
 * Parses the CPU demo's fields as typed. An empty work per number is refused
 * with a pointer to Calibrate, which chooses one for the numbers.
 */
export function parseCpuParams(text: Readonly<Record<keyof CpuParams, string | number>>): ParsedFields<CpuParams> {
  const chunkSize = wholeNumber(CPU_LIMITS.chunkSize);
  const parsed = parseFields<CpuParams>(text, {
    numbers: wholeNumber(CPU_LIMITS.numbers),
    rounds: wholeNumber(CPU_LIMITS.rounds),
    workers: wholeNumber(CPU_LIMITS.workers),
    // Empty: Python's own rule, worked out below once the numbers and workers are known.
    chunkSize: (typed) => (typed.trim() === '' ? { ok: true, value: 0 } : chunkSize(typed)),
  });
  if (String(text.rounds).trim() === '') {
    parsed.messages.rounds = `${CPU_LIMITS.rounds.label}: enter a whole number, or press Calibrate to choose one for these numbers.`;
  }
  if (parsed.params?.chunkSize === 0) parsed.params.chunkSize = pythonChunkSize(parsed.params.numbers, parsed.params.workers);
  return parsed;
}

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

/**
 * The lesson's `Pool.map`: the numbers go to the workers as messages of
 * `chunkSize` numbers each, every one copied into its message (as Python
 * pickles each chunk), and each worker takes the next message when free.
 */
async function runPoolMap(params: CpuParams, { pool, signal, onProgress }: CpuRunContext): Promise<Measured> {
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
