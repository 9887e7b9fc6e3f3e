/**
 * The I/O demo's requests as plain data: what the visitor may ask for (a
 * list of simulated latencies and sizes, or their own web addresses), what
 * each request turned into (its timing record), and the plain words for each
 * way a request can fail. No DOM and no Worker: it runs in the page, in a
 * worker and in Node tests alike.
 */
import { SIMULATED_LIMITS } from './simulated-page';
import { echo } from './echo';
import { listValues, parseEach, parseWholeNumber, type Parsed, type WholeNumberRule } from './validate';

/** At most this many pages per run. */
export const MAX_PAGES = 20;

export const IO_LIMITS = {
  latency: { label: 'Latency', min: SIMULATED_LIMITS.latency.min, max: SIMULATED_LIMITS.latency.max },
  bytes: { label: 'Size', min: SIMULATED_LIMITS.bytes.min, max: SIMULATED_LIMITS.bytes.max },
  maxInFlight: { label: 'Max in flight', min: 1, max: MAX_PAGES, maxReason: `There are at most ${MAX_PAGES} pages.` },
  workers: { label: 'Workers', min: 1, max: MAX_PAGES, maxReason: `There are at most ${MAX_PAGES} pages to share out.` },
  timeoutMs: {
    label: 'Timeout (ms)',
    min: 100,
    max: 120_000,
    maxReason: 'Two minutes is already longer than any page should take.',
  },
} satisfies Record<string, WholeNumberRule>;

export const DEFAULT_LATENCIES = [250, 500, 750, 1000];
export const DEFAULT_BYTES = 100_000;
export const DEFAULT_TIMEOUT_MS = 10_000;

/** Why a request did not bring back its page. */
export type RequestErrorKind =
  /** The server answered, but does not let other sites read its pages. */
  | 'cors'
  /**
   * CORS refused the read, as for `cors`; and since the server allows no
   * embedding either (no CORP), this cross-origin isolated page also refuses
   * to load its answer even unread.
   */
  | 'isolation'
  /** No complete answer within the timeout. */
  | 'timeout'
  /** The server answered with an error status. */
  | 'http'
  /** The server could not be reached at all. */
  | 'network'
  /** A plain-http address from an https page. */
  | 'insecure'
  /** The page's own Content-Security-Policy does not allow connecting to the address: the request was never sent. */
  | 'csp'
  /** Stopped by the visitor. */
  | 'aborted';

/** One page to fetch. `expectedBytes` and `latencyMs` are known only for simulated pages. */
export interface PageRequest {
  /** An absolute http(s) address. */
  url: string;
  expectedBytes?: number;
  latencyMs?: number;
}

/** What became of one request, in ms from the start of the run. */
export interface RequestRecord {
  url: string;
  startMs: number;
  endMs: number;
  /** Bytes of the body as read (0 when none arrived). */
  bytes: number;
  /** The HTTP status (0 when no answer could be read). */
  status: number;
  /** The plain-words reason it failed; absent when it succeeded. */
  error?: string;
  errorKind?: RequestErrorKind;
  /** Which runner made the request: "main thread", "task 2", "worker 1". */
  lane: string;
  /** For simulated pages: the body size asked for. */
  expectedBytes?: number;
  /** For simulated pages: the wait asked for, in ms. */
  latencyMs?: number;
  /** For simulated pages: whether the answer came from the simulator with the size asked for. */
  checked?: boolean;
}

/** Parses the simulated pages' latencies, in ms: `250, 500, 750, 1000`. */
export function parseLatencies(text: string): Parsed<number[]> {
  const listed = listValues(text, 'Latencies', IO_LIMITS.latency);
  if (!listed.ok) return listed;
  const items = listed.value;
  if (items.length === 0) {
    return { ok: false, message: 'Latencies: enter at least one wait in ms, for example 250, 500, 750, 1000.' };
  }
  if (items.length > MAX_PAGES) return { ok: false, message: `Latencies: at most ${MAX_PAGES} pages, not ${items.length}.` };
  return parseEach(items, (item, i) => parseWholeNumber(item, { ...IO_LIMITS.latency, label: `Latency of page ${i + 1} (ms)` }));
}

/**
 * Parses the simulated pages' sizes in bytes: one size for every page, or
 * one per page, in the order of the latencies.
 */
export function parseSizes(text: string, pages: number): Parsed<number[]> {
  const listed = listValues(text, 'Sizes', IO_LIMITS.bytes);
  if (!listed.ok) return listed;
  const items = listed.value;
  if (items.length === 0) return { ok: false, message: 'Sizes: enter a size in bytes, for example 100000.' };
  if (items.length !== 1 && items.length !== pages) {
    return {
      ok: false,
      message: `Sizes: give one size for all pages, or one for each of the ${pages} pages (not ${items.length}).`,
    };
  }
  const parsed = parseEach(items, (item, i) =>
    parseWholeNumber(item, {
      ...IO_LIMITS.bytes,
      label: items.length === 1 ? 'Size (bytes)' : `Size of page ${i + 1} (bytes)`,
      maxReason: 'Bigger bodies would only measure memory copies.',
    }),
  );
  if (!parsed.ok || items.length === pages) return parsed;
  return { ok: true, value: new Array<number>(pages).fill(parsed.value[0]) };
}

const SCHEME = /^[a-z][a-z\d+.-]*:\/\//i;

/**
 * The addresses in `text` ("https://a.example/ https://b.example/" or one per
 * line), each with any space inside it: line breaks separate addresses, and so
 * does white space before a scheme; any other white space is inside an address.
 * Read word by word: one regular expression looking ahead after each run of white
 * space takes quadratic time, and a link may carry a long value (40 s for 100 kB).
 */
export function splitAddresses(text: string): string[] {
  const addresses: string[] = [];
  for (const line of text.split(/[\r\n]/)) {
    const parts = line.trim().split(/(\s+)/);
    let address = parts[0];
    for (let i = 2; i < parts.length; i += 2) {
      if (SCHEME.test(parts[i])) {
        addresses.push(address);
        address = parts[i];
      } else address += parts[i - 1] + parts[i];
    }
    addresses.push(address);
  }
  return addresses.filter(Boolean);
}

/**
 * Parses the visitor's own list of addresses, one per line (or separated by
 * spaces): full http or https addresses, without user names or passwords.
 */
export function parseUrlList(text: string): Parsed<string[]> {
  const items = splitAddresses(text);
  if (items.length === 0) {
    return { ok: false, message: 'Addresses: enter at least one web address, one per line, e.g. https://example.org/.' };
  }
  if (items.length > MAX_PAGES) return { ok: false, message: `Addresses: at most ${MAX_PAGES}, not ${items.length}.` };
  return parseEach(items, (item, i) => parseUrl(item, `Address ${i + 1}`));
}

function parseUrl(text: string, label: string): Parsed<string> {
  if (/\s/.test(text)) {
    return {
      ok: false,
      message: `${label}: "${echo(text)}" contains a space, which an address cannot hold. Remove it (in a path, write %20), or put each address on its own line.`,
    };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    const looksLikeHost = /^[\w-]+(\.[\w-]+)+([/:?#]|$)/.test(text);
    return {
      ok: false,
      message: looksLikeHost
        ? `${label}: "${echo(text)}" needs its scheme; write https://${echo(text)}`
        : `${label}: "${echo(text)}" is not a web address; write it in full, like https://example.org/page.`,
    };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      ok: false,
      message: `${label}: only http:// and https:// addresses can be fetched, not ${echo(url.protocol)} ones.`,
    };
  }
  if (url.username || url.password) {
    return { ok: false, message: `${label}: remove the user name and password; the lab sends no credentials.` };
  }
  if (!url.hostname) return { ok: false, message: `${label}: "${echo(text)}" has no server name.` };
  return { ok: true, value: url.href };
}

/** The sum and the maximum of the requests' own times (end − start), in ms. */
export function latencySummary(records: readonly Pick<RequestRecord, 'startMs' | 'endMs'>[]): {
  sumLatencyMs: number;
  maxLatencyMs: number;
} {
  let sum = 0;
  let max = 0;
  for (const r of records) {
    const took = r.endMs - r.startMs;
    sum += took;
    max = Math.max(max, took);
  }
  return { sumLatencyMs: sum, maxLatencyMs: max };
}

/**
 * Runs tasks 0…count−1 with at most `limit` of them in flight: `limit`
 * runners each take the next task as soon as their last one is done, like a
 * pool of threads. Starts no new task once `signal` is aborted.
 */
export async function runLimited(
  count: number,
  limit: number,
  task: (index: number, runner: number) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  const runner = async (r: number): Promise<void> => {
    while (next < count && !signal?.aborted) await task(next++, r);
  };
  const runners = Math.max(1, Math.min(limit, count));
  await Promise.all(Array.from({ length: runners }, (_, r) => runner(r)));
}

/** The most requests that were in flight at one moment. */
export function peakInFlight(records: readonly Pick<RequestRecord, 'startMs' | 'endMs'>[]): number {
  // Ends sort before starts at the same instant: a request that starts as another ends does not overlap it.
  const edges = records.flatMap((r) => [
    { t: r.startMs, d: 1 },
    { t: r.endMs, d: -1 },
  ]);
  edges.sort((a, b) => a.t - b.t || a.d - b.d);
  let now = 0;
  let peak = 0;
  for (const e of edges) {
    now += e.d;
    peak = Math.max(peak, now);
  }
  return peak;
}
