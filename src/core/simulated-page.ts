/**
 * The I/O demo's simulated web pages: `net/page?latency=MS&bytes=N` answers
 * after MS milliseconds with a body of N bytes. Served by the service worker
 * (and by the dev server), so the demo needs no network and gives the same
 * waits every time.
 */

export const SIMULATED_PAGE_PATH = 'net/page';
export const SIMULATED_LIMITS = {
  latency: { label: 'Latency (ms)', min: 0, max: 10_000 },
  bytes: { label: 'Size (bytes)', min: 0, max: 10_000_000 },
};

/** True when `url` is a simulated page under the site's root `scope`. */
export function isSimulatedPage(url: URL, scope: string): boolean {
  return url.href.startsWith(new URL(SIMULATED_PAGE_PATH, scope).href) && url.pathname.endsWith(`/${SIMULATED_PAGE_PATH}`);
}

/** The address of a simulated page, relative to the site's root. */
export function simulatedPageUrl(latencyMs: number, bytes: number): string {
  return `${SIMULATED_PAGE_PATH}?latency=${latencyMs}&bytes=${bytes}`;
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
    const timer = setTimeout(resolve, latency);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
  return new Response(new Uint8Array(bytes).fill(46), {
    status: 200,
    headers: {
      'Content-Type': 'text/plain',
      'Cache-Control': 'no-store',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'X-Simulated-Latency': String(latency),
    },
  });
}
