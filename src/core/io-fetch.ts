/**
 * One timed page request, the same code in the page and in a worker: fetch
 * with CORS and no credentials, a timeout, and abort; read the whole body;
 * never throw for a failed request, because one failing request must not stop
 * the others. Times are in ms from the run's start, on a clock shared by the
 * page and its workers (`performance.timeOrigin + performance.now()`), so a
 * worker's request lines up with the page's on one time axis.
 */
import { failureMessage, type PageRequest, type RequestErrorKind, type RequestRecord } from './io-requests';
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
  /** True when fetch failed without saying why: see `diagnoseFailure`. */
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

export interface Diagnosis {
  kind: RequestErrorKind;
  message: string;
}

/** True for addresses the browser treats as this machine, which mixed-content rules allow. */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '[::1]' || /^127\./.test(hostname);
}

/**
 * Tells apart, as far as the browser allows, why a fetch failed with a bare
 * TypeError: mixed content; a CORS refusal; a block by the page's isolation
 * policy; or a network failure. It sends one more request, in `no-cors`
 * mode, whose answer the page may not read: if that one gets an answer, the
 * server is there and only CORS refused; if it is blocked and the browser
 * files a COEP report for the address, the isolation policy blocked it;
 * otherwise the network failed.
 */
export async function diagnoseFailure(
  url: string,
  options: { timeoutMs: number; signal?: AbortSignal },
  fetchImpl: Fetch = fetch,
): Promise<Diagnosis> {
  const target = new URL(url);
  const here = typeof location === 'undefined' ? undefined : location;
  const isolated = globalThis.crossOriginIsolated === true;
  const watcher = isolated ? watchIsolationBlocks(target.href) : undefined;
  const network = (): Diagnosis => ({
    kind: 'network',
    message: failureMessage('network', { canSeeIsolationBlocks: !isolated || watcher !== undefined }),
  });
  try {
    if (here?.protocol === 'https:' && target.protocol === 'http:' && !isLoopback(target.hostname)) {
      return { kind: 'insecure', message: failureMessage('insecure') };
    }
    // Neither CORS nor isolation applies to the page's own origin: only the network can have failed.
    if (here && target.origin === here.origin) return network();
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = options.signal ? anySignal([options.signal, timeout]) : timeout;
    try {
      await fetchImpl(target.href, { mode: 'no-cors', credentials: 'omit', cache: 'no-store', signal });
      return { kind: 'cors', message: failureMessage('cors') };
    } catch {
      options.signal?.throwIfAborted();
      if (watcher && (await watcher.blocked(REPORT_WAIT_MS))) return { kind: 'isolation', message: failureMessage('isolation') };
      return network();
    }
  } finally {
    watcher?.stop();
  }
}

/** How long to wait for the browser to file a COEP report after a blocked request. */
const REPORT_WAIT_MS = 300;

interface IsolationWatcher {
  /** Resolves true as soon as a COEP report names the address, or false after `waitMs`. */
  blocked(waitMs: number): Promise<boolean>;
  stop(): void;
}

/**
 * Watches the browser's COEP reports (Reporting API) for a block of `href`.
 * Undefined where the browser offers no ReportingObserver.
 */
function watchIsolationBlocks(href: string): IsolationWatcher | undefined {
  if (typeof ReportingObserver !== 'function') return undefined;
  let seen = false;
  let wake: () => void = () => undefined;
  const names = (report: Report): boolean => {
    const body = report.body as unknown as { toJSON?: () => unknown; blockedURL?: unknown } | null | undefined;
    const json = (body?.toJSON?.() ?? body) as { blockedURL?: unknown } | null | undefined;
    return report.type === 'coep' && typeof json?.blockedURL === 'string' && new URL(json.blockedURL).href === href;
  };
  const observer = new ReportingObserver(
    (reports) => {
      if (reports.some(names)) {
        seen = true;
        wake();
      }
    },
    { types: ['coep'] },
  );
  observer.observe();
  return {
    blocked(waitMs) {
      if (observer.takeRecords().some(names)) seen = true;
      if (seen) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(seen), waitMs);
        wake = () => {
          clearTimeout(timer);
          resolve(true);
        };
      });
    },
    stop: () => observer.disconnect(),
  };
}

/** An abort signal that fires when any of `signals` does (`AbortSignal.any` is too new for some browsers). */
function anySignal(signals: AbortSignal[]): AbortSignal {
  const controller = new AbortController();
  for (const s of signals) {
    if (s.aborted) {
      controller.abort(s.reason);
      break;
    }
    s.addEventListener('abort', () => controller.abort(s.reason), { once: true });
  }
  return controller.signal;
}
