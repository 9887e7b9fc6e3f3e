import { SERVICE_WORKERS_NOT_ALLOWED, serviceWorkerDisabled, serviceWorkerStarted } from './service-worker-client';

/**
 * Who answers the I/O demo's simulated pages in this page: the lab's service
 * worker, when it controls the page (requests then go through the browser's
 * real fetch machinery), or, when none does, timers inside the page and its
 * workers, with the same waits and sizes but no request at all.
 */
export interface SimulatedPagesStatus {
  answeredBy: 'service-worker' | 'timers';
  /** Why no service worker answers, in plain words (only for `timers`). */
  reason?: string;
}

export function simulatedPagesStatus(search = location.search): SimulatedPagesStatus {
  const container = navigator.serviceWorker as ServiceWorkerContainer | undefined;
  if (container?.controller) return { answeredBy: 'service-worker' };
  const reason = serviceWorkerDisabled(search)
    ? 'the service worker is turned off by ?sw=0'
    : !container || !window.isSecureContext
      ? SERVICE_WORKERS_NOT_ALLOWED
      : 'the service worker does not control this page (yet)';
  return { answeredBy: 'timers', reason };
}

/** Who answers, once the page's service worker has started: the page shows, and may run, before it has. */
export async function simulatedPagesReady(): Promise<SimulatedPagesStatus> {
  await serviceWorkerStarted();
  return simulatedPagesStatus();
}

/**
 * The lab's root address, where the simulated pages live: the service
 * worker's folder (its scope), even when the demo is embedded elsewhere.
 */
export function siteRoot(): string {
  const controller = (navigator.serviceWorker as ServiceWorkerContainer | undefined)?.controller;
  return new URL('./', controller?.scriptURL ?? document.baseURI).href;
}
