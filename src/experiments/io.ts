import { fetchPage, sharedNow, type FetchedPage, type SimulatedAnswer } from '../core/io-fetch';
import { IO_LIMITS, latencySummary, peakInFlight, runLimited, type PageRequest, type RequestRecord } from '../core/io-requests';
import { RUN_SCHEMA } from '../core/run-result';
import { pageCount, type IoAnsweredBy, type IoParams, type IoRunResult, type IoVariant } from './io-rules';
import { simulatedPageUrl } from '../core/simulated-page';
import type { TraceEvent } from '../core/trace';
import { diagnoseFailure } from '../runtime/diagnose-failure';
import { watchFrames } from '../runtime/frame-monitor';
import type { WorkerPool } from '../runtime/pool';
import { abortError } from '../core/abort';

/**
 * The waiting demo: the lesson's "open four web pages", one after another,
 * all at once on the main thread (with a cap on how many are in flight), and
 * from workers. Waiting needs no thread: the browser overlaps the waits of
 * many requests on one thread, so workers add only their start-up.
 */

export interface IoRunContext {
  pool: WorkerPool;
  signal: AbortSignal;
  /** The site's root address, against which simulated pages are resolved. */
  root: string;
  /** Who answers simulated pages here: the service worker, or timers when none controls the page. */
  simulatedBy: 'service-worker' | 'timers';
  /** Called with the fraction of requests finished. */
  onProgress?: (fraction: number) => void;
  /** Called when request `index` is sent. */
  onRequestStart?: (index: number) => void;
  /** Called when request `index` is finished (its failure may be refined once the run is over). */
  onRequest?: (index: number, record: RequestRecord) => void;
}

/**
 * The concurrent variant with at most 1, 2, … up to one request in flight
 * per page, in turn: how the wall time falls as more waits overlap.
 * `onStep` receives each run as it finishes.
 */
export async function runIoSweep(
  params: IoParams,
  context: IoRunContext,
  onStep?: (result: IoRunResult) => void,
): Promise<IoRunResult[]> {
  const pages = pageCount(params);
  const results: IoRunResult[] = [];
  for (let k = 1; k <= pages; k++) {
    const result = await runIoVariant(
      'concurrent',
      { ...params, maxInFlight: k },
      {
        ...context,
        onProgress: (fraction) => context.onProgress?.((k - 1 + fraction) / pages),
      },
    );
    results.push(result);
    onStep?.(result);
  }
  return results;
}

/** The requests a run makes, in order. */
export function pageRequests(params: IoParams, root: string): PageRequest[] {
  if (params.source === 'urls') return params.urls.map((url) => ({ url }));
  return params.latencies.map((latencyMs, i) => ({
    url: simulatedPageUrl(latencyMs, params.sizes[i], root),
    latencyMs,
    expectedBytes: params.sizes[i],
  }));
}

/** Checks the shape the UI's parsers guarantee, for callers that build params themselves. */
function checkParams(params: IoParams): void {
  const pages = pageCount(params);
  if (pages < 1) throw new RangeError('A run needs at least one page.');
  if (params.source === 'simulated' && params.sizes.length !== pages) throw new RangeError('Give one size per page.');
  for (const key of ['maxInFlight', 'workers', 'timeoutMs'] as const) {
    const { min, max, label } = IO_LIMITS[key];
    const value = params[key];
    if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(`${label}: ${min} to ${max}, not ${value}.`);
  }
}

/**
 * Runs one variant over every page and returns the timed result. A failed
 * request is recorded on its row and never stops the others; a stopped run
 * aborts every request in flight at once and rejects with an AbortError.
 */
export async function runIoVariant(variant: IoVariant, params: IoParams, context: IoRunContext): Promise<IoRunResult> {
  checkParams(params);
  context.signal.throwIfAborted();
  const requests = pageRequests(params, context.root);
  const answeredBy: IoAnsweredBy = params.source === 'urls' ? 'network' : context.simulatedBy;
  const simulated: SimulatedAnswer = answeredBy === 'timers' ? 'timers' : 'fetch';
  try {
    const {
      value: measured,
      startedAt,
      longestFrameGapMs,
      longestBlockMs,
    } = await watchFrames(async (span) => {
      const result = await VARIANTS[variant](requests, params, { ...context, simulated });
      // The requests' clock counts from the time origin shared with the workers; the page's from its own.
      span.begin(result.originMs - performance.timeOrigin);
      span.end(result.originMs - performance.timeOrigin + result.wallMs);
      return result;
    });
    // Ask why each unexplained failure failed only now, so the extra requests do not count in the timing.
    await explainFailures(measured, params.timeoutMs, context);
    const records = measured.records;
    const failures = records.filter((r) => r.error !== undefined).length;
    return {
      schema: RUN_SCHEMA,
      demo: 'io',
      variant,
      params: structuredClone(params),
      startedAt,
      longestFrameGapMs,
      longestBlockMs,
      wallMs: measured.wallMs,
      workers: measured.workers,
      verified: failures === 0 && records.every((r) => r.checked !== false),
      requests: records,
      ...latencySummary(records),
      peakInFlight: peakInFlight(records),
      failures,
      answeredBy,
      coldStartMs: measured.coldStartMs,
      trace: records.map((r, i): TraceEvent => ({ lane: r.lane, chunk: i, startMs: r.startMs, endMs: r.endMs })),
    };
  } catch (error) {
    if (context.signal.aborted) throw abortError();
    throw error;
  }
}

interface Measured {
  records: RequestRecord[];
  /** When the first request was sent, on the clock shared with the workers (`sharedNow`). */
  originMs: number;
  /** Requests that failed without saying why. */
  unexplained: number[];
  wallMs: number;
  workers: number;
  coldStartMs: number[];
}

type VariantContext = IoRunContext & { simulated: SimulatedAnswer };
type Variant = (requests: PageRequest[], params: IoParams, context: VariantContext) => Promise<Measured>;

const VARIANTS: Record<IoVariant, Variant> = {
  serial: runSerial,
  concurrent: runConcurrent,
  workers: runWorkers,
};

function recorder(count: number, context: VariantContext) {
  const records: RequestRecord[] = new Array(count);
  const unexplained: number[] = [];
  let done = 0;
  context.onProgress?.(0);
  return {
    records,
    unexplained,
    finish(index: number, page: FetchedPage, lane: string): void {
      const { unexplained: needsDiagnosis, ...record } = page;
      if (needsDiagnosis) unexplained.push(index);
      records[index] = { ...record, lane };
      context.onRequest?.(index, records[index]);
      context.onProgress?.(++done / count);
    },
  };
}

/** Like the lesson's loop of `urlopen` calls: each request waits for the one before. */
async function runSerial(requests: PageRequest[], params: IoParams, context: VariantContext): Promise<Measured> {
  const { records, unexplained, finish } = recorder(requests.length, context);
  const originMs = sharedNow();
  const options = { originMs, timeoutMs: params.timeoutMs, simulated: context.simulated };
  for (const [i, request] of requests.entries()) {
    context.onRequestStart?.(i);
    finish(i, await fetchPage(request, options, context.signal), 'main thread');
  }
  return { records, originMs, unexplained, wallMs: sharedNow() - originMs, workers: 1, coldStartMs: [] };
}

/** Like the lesson's threads, without any thread: up to `maxInFlight` requests wait at once on the main thread. */
async function runConcurrent(requests: PageRequest[], params: IoParams, context: VariantContext): Promise<Measured> {
  const { records, unexplained, finish } = recorder(requests.length, context);
  const originMs = sharedNow();
  const options = { originMs, timeoutMs: params.timeoutMs, simulated: context.simulated };
  const limit = Math.min(params.maxInFlight, requests.length);
  await runLimited(
    requests.length,
    limit,
    async (i, runner) => {
      context.onRequestStart?.(i);
      finish(i, await fetchPage(requests[i], options, context.signal), limit === 1 ? 'main thread' : `task ${runner + 1}`);
    },
    context.signal,
  );
  context.signal.throwIfAborted();
  return { records, originMs, unexplained, wallMs: sharedNow() - originMs, workers: limit, coldStartMs: [] };
}

/**
 * The lesson's threads as real threads: W workers share the requests, each
 * sending its next one when the last is done. Stop terminates the workers,
 * which aborts their requests with them.
 */
async function runWorkers(requests: PageRequest[], params: IoParams, context: VariantContext): Promise<Measured> {
  const { pool, signal } = context;
  const { records, unexplained, finish } = recorder(requests.length, context);
  pool.resize(Math.min(params.workers, requests.length));
  const { coldStartMs } = await pool.warm(signal);
  const originMs = sharedNow();
  const options = { originMs, timeoutMs: params.timeoutMs, simulated: context.simulated };
  await pool.map(
    requests.length,
    async (api, i, slot) => {
      context.onRequestStart?.(i);
      finish(i, await api.fetchPage(requests[i], options), `worker ${slot + 1}`);
    },
    { signal },
  );
  const wallMs = sharedNow() - originMs;
  return { records, originMs, unexplained, wallMs, workers: pool.size, coldStartMs };
}

async function explainFailures({ records, unexplained }: Measured, timeoutMs: number, context: IoRunContext): Promise<void> {
  await Promise.all(
    unexplained.map(async (index) => {
      const record = records[index];
      const diagnosis = await diagnoseFailure(record.url, { timeoutMs, signal: context.signal });
      record.errorKind = diagnosis.kind;
      record.error = diagnosis.message;
      context.onRequest?.(index, record);
    }),
  );
}
