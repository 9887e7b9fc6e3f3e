import { expectedChecksum, INPUT_VALUE, makeInput } from '../core/cpu-kernel';
import { RUN_SCHEMA } from '../core/run-result';
import { nextPaint, watchFrames } from '../runtime/frame-monitor';
import { canShareMemory } from '../runtime/isolation';
import { measureMemory, type MemoryReading } from '../runtime/memory';
import { transfer, type WorkerPool } from '../runtime/pool';
import { BYTES_PER_NUMBER, copiedBytes, skipReason, type DataParams, type DataRunResult, type DataVariant } from './data-rules';

/**
 * The data-moving demo: the lesson's numbers handed to one worker four ways
 * (copied as a plain Array, copied as a Float64Array, transferred, shared),
 * timed from the hand-over until the worker answers that it has them, then
 * checked by the worker's checksum of what it got.
 */

export interface DataRunContext {
  pool: WorkerPool;
  signal: AbortSignal;
  onProgress?: (fraction: number) => void;
}

/**
 * How long to wait for the browser's memory measurement: Chromium measuring
 * at once takes tens to hundreds of milliseconds; one that waits for its next
 * garbage collection takes seconds, and then the extra memory is computed.
 */
export const MEMORY_TIMEOUT_MS = 1000;

type Payload = number[] | Float64Array;

/** The lesson's tens as a way hands them over: a plain Array, or a Float64Array (on shared memory for `shared`). */
export function payloadFor(variant: DataVariant, numbers: number): Payload {
  if (variant === 'copy-array') {
    // Pushed one by one, as a list is built: a packed array (one with holes would be cloned more slowly still).
    const list: number[] = [];
    for (let i = 0; i < numbers; i++) list.push(INPUT_VALUE);
    return list;
  }
  const bytes = numbers * BYTES_PER_NUMBER;
  return makeInput(numbers, variant === 'shared' ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
}

/** True when the page's own numbers are gone: a transferred buffer is left detached, with no bytes. */
function isDetached(payload: Payload): boolean {
  return payload instanceof Float64Array && payload.buffer.byteLength === 0;
}

/**
 * Runs one way and returns its result, verified by the worker's count and
 * checksum of what it got. Each way has a worker of its own, started before
 * the timing and shut down after: what an earlier way left in a worker's
 * memory would otherwise be collected during this one's timing.
 */
export async function runDataVariant(variant: DataVariant, params: DataParams, context: DataRunContext): Promise<DataRunResult> {
  const { pool, signal, onProgress } = context;
  signal.throwIfAborted();
  const refused = skipReason(variant, canShareMemory());
  if (refused) throw new Error(refused);
  const { numbers } = params;
  onProgress?.(0);
  // Outside the timing: the numbers, the worker, and the memory in use before the move.
  const payload = payloadFor(variant, numbers);
  pool.resize(1);
  try {
    const { coldStartMs } = await pool.warm(signal);
    // The browser counts a shared buffer once in every thread that holds it: its measurement would show a copy that is not there.
    const before = variant === 'shared' ? undefined : await measureMemory(MEMORY_TIMEOUT_MS, signal);
    onProgress?.(0.25);
    // Let the page draw what the run has changed so far: rendering inside the timing would cost more than a transfer.
    await nextPaint();
    const moved = await watchFrames(async (span) => {
      const handed = variant === 'transfer' && payload instanceof Float64Array ? transfer(payload, [payload.buffer]) : payload;
      const outcome = await pool.map(1, (api) => api.holdNumbers(handed), { signal });
      span.begin(outcome.originMs);
      span.end(outcome.originMs + outcome.wallMs);
      return outcome;
    });
    onProgress?.(0.5);
    const [checksum] = await pool.forEachWorker((api) => api.checksumHeld(), signal);
    onProgress?.(0.75);
    // Taken while the worker still holds what it got.
    const after = before && 'bytes' in before ? await measureMemory(MEMORY_TIMEOUT_MS, signal) : undefined;
    onProgress?.(1);
    const received = moved.value.results[0];
    const expected = expectedChecksum(numbers, 1);
    return {
      schema: RUN_SCHEMA,
      demo: 'data',
      variant,
      params: { ...params },
      wallMs: moved.value.wallMs,
      workers: 1,
      verified: received === numbers && checksum === expected,
      startedAt: moved.startedAt,
      longestFrameGapMs: moved.longestFrameGapMs,
      longestBlockMs: moved.longestBlockMs,
      trace: moved.value.trace,
      bytes: copiedBytes(variant, numbers),
      ...extraMemory(variant, numbers, before, after),
      received,
      checksum,
      expectedChecksum: expected,
      detached: isDetached(payload),
      coldStartMs,
    };
  } finally {
    pool.terminate();
  }
}

/** The memory the move added, as measured before and after it, or computed from the way and said why. */
function extraMemory(
  variant: DataVariant,
  numbers: number,
  before: MemoryReading | undefined,
  after: MemoryReading | undefined,
): Pick<DataRunResult, 'extraBytes' | 'extraBytesSource' | 'computedBecause'> {
  if (before && 'bytes' in before && after && 'bytes' in after) {
    return { extraBytes: after.bytes - before.bytes, extraBytesSource: 'measured' };
  }
  // The reading after is taken only when the one before succeeded: whichever came last says what went missing.
  const last = after ?? before;
  return {
    extraBytes: copiedBytes(variant, numbers),
    extraBytesSource: 'computed',
    computedBecause: last && 'missing' in last ? last.missing : 'shared-counted-per-thread',
  };
}
