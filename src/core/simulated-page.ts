/**
 * The I/O demo's simulated web pages: `net/page?latency=MS&bytes=N` answers
 * after MS milliseconds with a body of N bytes. The service worker answers
 * them (in dev as on a static host), so the demo needs no network and gives
 * the same waits every time. Where no service worker runs, the demo calls
 * `simulatedPage` itself, with timers standing in for the network, and says so.
 */

export const SIMULATED_PAGE_PATH = 'net/page';
/** The header that marks an answer as the simulator's, carrying the latency it waited. */
export const SIMULATED_LATENCY_HEADER = 'X-Simulated-Latency';
export const SIMULATED_LIMITS = {
  latency: { label: 'Latency (ms)', min: 0, max: 10_000 },
  bytes: { label: 'Size (bytes)', min: 0, max: 10_000_000 },
};

/** True when `url` is a simulated page under the site's root `scope`. */
export function isSimulatedPage(url: URL, scope: string): boolean {
  return url.href.startsWith(new URL(SIMULATED_PAGE_PATH, scope).href) && url.pathname.endsWith(`/${SIMULATED_PAGE_PATH}`);
}

/** The address of a simulated page, relative to the site's root; with `root`, absolute. */
export function simulatedPageUrl(latencyMs: number, bytes: number, root?: string): string {
  const relative = `${SIMULATED_PAGE_PATH}?latency=${latencyMs}&bytes=${bytes}`;
  return root === undefined ? relative : new URL(relative, root).href;
}

function clampParam(url: URL, name: 'latency' | 'bytes'): number | undefined {
  const raw = url.searchParams.get(name) ?? '0';
  const value = Number(raw);
  const { min, max } = SIMULATED_LIMITS[name];
  return Number.isInteger(value) && value >= min && value <= max ? value : undefined;
}

/** Waits the page's latency, then answers with its body; a bad query gets a 400. */
export async function simulatedPage(url: URL, signal?: AbortSignal): Promise<Response> {
  const latency = clampParam(url, 'latency');
  const bytes = clampParam(url, 'bytes');
  if (latency === undefined || bytes === undefined) {
    return new Response('latency must be 0–10000 ms and bytes 0–10000000', { status: 400 });
  }
  await new Promise<void>((resolve, reject) => {
    signal?.throwIfAborted();
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, latency);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  return new Response(new Uint8Array(bytes).fill(46), {
    status: 200,
    headers: {
      'Content-Type': 'text/plain',
      'Cache-Control': 'no-store',
      'Cross-Origin-Resource-Policy': 'same-origin',
      [SIMULATED_LATENCY_HEADER]: String(latency),
    },
  });
}
