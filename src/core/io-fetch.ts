/**
 * One timed page request, the same code in the page and in a worker: fetch
 * with CORS and no credentials, a timeout, and abort; read the whole body;
 * never throw for a failed request, because one failing request must not stop
 * the others. Times are in ms from the run's start, on a clock shared by the
 * page and its workers (`performance.timeOrigin + performance.now()`), so a
 * worker's request lines up with the page's on one time axis.
 */
import { failureMessage } from './io-failures';
import type { PageRequest, RequestRecord } from './io-requests';
import { SIMULATED_LATENCY_HEADER, simulatedPage } from './simulated-page';

/** Milliseconds on a clock that the page and its workers share. */
export function sharedNow(): number {
  return performance.timeOrigin + performance.now();
}

/** Who answers simulated pages: `fetch` (through the service worker) or timers in the calling context. */
export type SimulatedAnswer = 'fetch' | 'timers';

export interface FetchPageOptions {
  /** The run's start on the shared clock (`sharedNow()`). */
  originMs: number;
  timeoutMs: number;
  /** How a simulated page (one with `latencyMs`) is answered; default `fetch`. */
  simulated?: SimulatedAnswer;
}

/** A request's record without its runner, plus whether its failure still needs a diagnosis. */
export type FetchedPage = Omit<RequestRecord, 'lane'> & {
  /** True when fetch failed without saying why, so the page should diagnose it (runtime/diagnose-failure). */
  unexplained?: boolean;
};

type Fetch = typeof fetch;

/**
 * Fetches one page, timed from just before the request to the last byte of
 * its body. Resolves with a record in every case; rejects only when `stop`
 * is aborted (then with the abort reason), so a stopped run ends at once.
 */
export async function fetchPage(
  request: PageRequest,
  options: FetchPageOptions,
  stop?: AbortSignal,
  fetchImpl: Fetch = fetch,
): Promise<FetchedPage> {
  const controller = new AbortController();
  let why: 'timeout' | 'stopped' | undefined;
  const timer = setTimeout(() => {
    why ??= 'timeout';
    controller.abort(new DOMException('The request timed out.', 'TimeoutError'));
  }, options.timeoutMs);
  const onStop = (): void => {
    why ??= 'stopped';
    controller.abort(stop?.reason);
  };
  if (stop?.aborted) onStop();
  else stop?.addEventListener('abort', onStop, { once: true });

  const base = { ...request };
  const startMs = sharedNow() - options.originMs;
  let status = 0;
  let bytes = 0;
  try {
    const response =
      options.simulated === 'timers' && request.latencyMs !== undefined
        ? await simulatedPage(new URL(request.url), controller.signal)
        : await fetchImpl(request.url, { mode: 'cors', credentials: 'omit', cache: 'no-store', signal: controller.signal });
    status = response.status;
    bytes = await readBody(response, (n) => {
      bytes = n;
    });
    const endMs = sharedNow() - options.originMs;
    const record: FetchedPage = { ...base, startMs, endMs, bytes, status };
    if (request.latencyMs !== undefined) {
      record.checked =
        response.ok &&
        response.headers.get(SIMULATED_LATENCY_HEADER) === String(request.latencyMs) &&
        bytes === request.expectedBytes;
    }
    if (!response.ok) {
      return { ...record, errorKind: 'http', error: failureMessage('http', { status, statusText: response.statusText }) };
    }
    return record;
  } catch (error) {
    const endMs = sharedNow() - options.originMs;
    if (why === 'stopped') throw stop?.reason ?? error;
    const record: FetchedPage = { ...base, startMs, endMs, bytes, status };
    if (why === 'timeout') {
      return { ...record, errorKind: 'timeout', error: failureMessage('timeout', { timeoutMs: options.timeoutMs }) };
    }
    // fetch says only "TypeError: Failed to fetch" for a refused CORS check, a block and a dead server alike.
    const explained = error instanceof TypeError ? '' : ` (${String(error)})`;
    return {
      ...record,
      errorKind: 'network',
      error: failureMessage('network') + explained,
      unexplained: error instanceof TypeError,
    };
  } finally {
    clearTimeout(timer);
    stop?.removeEventListener('abort', onStop);
  }
}

/** Reads a body to its end without keeping it; reports the count so far, so a timeout mid-body still knows it. */
async function readBody(response: Response, onBytes: (n: number) => void): Promise<number> {
  if (!response.body) return 0;
  const reader = response.body.getReader();
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return n;
    n += value.byteLength;
    onBytes(n);
  }
}
