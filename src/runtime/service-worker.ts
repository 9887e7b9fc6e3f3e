/// <reference lib="webworker" />
/**
 * The lab's service worker, for static hosts that cannot send headers:
 *  - it adds COOP/COEP to the site's own responses, so the page becomes
 *    cross-origin isolated (and gets SharedArrayBuffer) after one reload;
 *  - it answers the I/O demo's simulated pages (`net/page?latency=…&bytes=…`).
 * Built on its own as a classic script, `sw.js`, at the site's root.
 */
import { isSimulatedPage, simulatedPage } from '../core/simulated-page';

declare const self: ServiceWorkerGlobalScope;

self.addEventListener('install', () => void self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (isSimulatedPage(url, self.registration.scope)) {
    event.respondWith(simulatedPage(url, request.signal));
    return;
  }
  // A request the cache alone may answer cannot be fetched again from here.
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  event.respondWith(fetch(request).then(withIsolationHeaders));
});

/** The same response with the headers that make the page cross-origin isolated. */
function withIsolationHeaders(response: Response): Response {
  if (response.status === 0) return response;
  const headers = new Headers(response.headers);
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
  // Cross-origin: an isolated course page on another site may then frame the lab's pages.
  headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
