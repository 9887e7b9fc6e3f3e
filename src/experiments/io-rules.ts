import { IO_LIMITS, parseLatencies, parseSizes, parseUrlList, type RequestRecord } from '../core/io-requests';
import type { RunResultBase } from '../core/run-result';
import { parseFields, wholeNumber, type Parsed, type ParsedFields } from '../core/validate';
import type { VariantFacts } from './variants';

/**
 * The rules of the waiting demo: its variants and their facts, its
 * parameters, how the fields are read, and the shape of its result. The runs
 * themselves are in `io.ts`.
 */

export type IoVariant = 'serial' | 'concurrent' | 'workers';

export const IO_VARIANT_FACTS: Readonly<Record<IoVariant, VariantFacts>> = {
  serial: { label: 'Serial', runsOn: 'main thread', usesLock: false, needsSharedMemory: false },
  concurrent: { label: 'Concurrent (main thread)', runsOn: 'main thread', usesLock: false, needsSharedMemory: false },
  workers: { label: 'Workers', runsOn: 'workers', usesLock: false, needsSharedMemory: false },
};
export const IO_VARIANTS = Object.keys(IO_VARIANT_FACTS) as readonly IoVariant[];

/** Where the pages come from: the lab's simulated pages, or addresses the visitor typed. */
export type IoSource = 'simulated' | 'urls';

/**
 * Who answered: the service worker (simulated pages through the browser's
 * fetch), timers in the page or worker (simulated pages where no service
 * worker runs: no request is made), or the network (the visitor's addresses).
 */
export type IoAnsweredBy = 'service-worker' | 'timers' | 'network';

export interface IoParams {
  source: IoSource;
  /** Simulated pages: the wait of each page, in ms (empty for addresses). */
  latencies: number[];
  /** Simulated pages: the body size of each page, in bytes (empty for addresses). */
  sizes: number[];
  /** The visitor's addresses (empty for simulated pages). */
  urls: string[];
  /** The concurrent variant: at most this many requests at once (1 = serial). */
  maxInFlight: number;
  /** The workers variant: how many workers share the requests. */
  workers: number;
  /** Each request is given up after this many ms. */
  timeoutMs: number;
}

export interface IoRunResult extends RunResultBase<'io', IoVariant, IoParams> {
  /** One record per request, in the order of the list. */
  requests: RequestRecord[];
  /** The sum of the requests' own times: what waiting for each in turn costs at least. */
  sumLatencyMs: number;
  /** The longest request's time: what waiting for all at once costs at least. */
  maxLatencyMs: number;
  /** The most requests that were in flight at one moment. */
  peakInFlight: number;
  /** How many requests failed. */
  failures: number;
  answeredBy: IoAnsweredBy;
  /** Cold start of each worker started for this run (empty when warm or when none were used). */
  coldStartMs: number[];
}

/** The I/O demo's fields as typed: the list fields, and the numbers (`timeout` in ms). */
export interface IoFieldsText {
  latencies: string;
  sizes: string;
  urls: string;
  maxInFlight: string | number;
  workers: string | number;
  timeout: string | number;
}

type IoFieldValues = Omit<IoParams, 'source' | 'timeoutMs'> & { timeout: number };

/**
 * Parses the fields as typed for pages from `source`; the fields of the other
 * source are not read (and never refused). Sizes are checked against the
 * number of latencies.
 */
export function parseIoParams(
  text: IoFieldsText,
  source: IoSource,
): { messages: ParsedFields<IoFieldValues>['messages']; params?: IoParams } {
  const none: Parsed<never[]> = { ok: true, value: [] };
  const latencies = source === 'simulated' ? parseLatencies(String(text.latencies)) : none;
  const pages = latencies.ok ? Math.max(1, latencies.value.length) : 1;
  const { messages, params } = parseFields<IoFieldValues>(text, {
    latencies: () => latencies,
    sizes: (typed) => (source === 'simulated' ? parseSizes(typed, pages) : none),
    urls: (typed) => (source === 'urls' ? parseUrlList(typed) : none),
    maxInFlight: wholeNumber(IO_LIMITS.maxInFlight),
    workers: wholeNumber(IO_LIMITS.workers),
    timeout: wholeNumber(IO_LIMITS.timeoutMs),
  });
  if (!params) return { messages };
  const { timeout, ...rest } = params;
  return { messages, params: { ...rest, source, timeoutMs: timeout } };
}

/** How many pages a run fetches. */
export function pageCount(params: IoParams): number {
  return params.source === 'urls' ? params.urls.length : params.latencies.length;
}
