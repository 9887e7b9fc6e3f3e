/**
 * Starts the lab's service worker (see service-worker.ts) and, when the page
 * is not cross-origin isolated yet but the worker can make it so, reloads it
 * once. Guards against loops: one reload per tab session, and a page that
 * stays unisolated after it is told why instead of reloading again. A hard
 * reload bypasses the service worker; the page then reloads once more.
 */

export type ServiceWorkerState =
  /** Turned off by `?sw=0`. */
  | 'off'
  /** No service workers here (an insecure origin, some private windows). */
  | 'unsupported'
  /** The worker controls this page. */
  | 'active'
  /** Registration failed, or the worker did not take control in time. */
  | 'failed';

export interface ServiceWorkerStatus {
  state: ServiceWorkerState;
  /** True when the page is reloading: the caller must not start anything. */
  reloading: boolean;
  /** Why the worker is not active, in plain words. */
  detail?: string;
}

const RELOAD_KEY = 'parallel-lab:isolation-reload';

/** The URL parameter that turns the service worker off: `?sw=0`. */
export function serviceWorkerDisabled(search: string): boolean {
  return new URLSearchParams(search).get('sw') === '0';
}

export async function startServiceWorker(search = location.search): Promise<ServiceWorkerStatus> {
  const container = navigator.serviceWorker as ServiceWorkerContainer | undefined;
  if (serviceWorkerDisabled(search)) {
    const registrations = container ? await container.getRegistrations() : [];
    await Promise.all(registrations.map((r) => r.unregister()));
    return { state: 'off', reloading: false, detail: 'The service worker is turned off by ?sw=0.' };
  }
  if (!container || !window.isSecureContext) {
    return { state: 'unsupported', reloading: false, detail: 'This browser window does not allow service workers here (private windows and plain-http sites often do not).' };
  }
  try {
    await container.register('./sw.js', { scope: './', type: import.meta.env.DEV ? 'module' : 'classic' });
    await container.ready;
    if (!container.controller) await controllerChange(container, 3000);
  } catch (error) {
    return { state: 'failed', reloading: false, detail: `The service worker could not start: ${(error as Error).message}` };
  }
  if (crossOriginIsolated) {
    sessionStorage.removeItem(RELOAD_KEY);
    return { state: 'active', reloading: false };
  }
  // The worker now adds the isolation headers, but only to responses it serves: this document came without them.
  if (!sessionStorage.getItem(RELOAD_KEY)) {
    sessionStorage.setItem(RELOAD_KEY, String(Date.now()));
    location.reload();
    return { state: 'active', reloading: true };
  }
  return {
    state: container.controller ? 'active' : 'failed',
    reloading: false,
    detail: 'The page reloaded once through the service worker and is still not isolated; it will not reload again in this tab.',
  };
}

function controllerChange(container: ServiceWorkerContainer, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('it did not take control of the page in time')), timeoutMs);
    container.addEventListener(
      'controllerchange',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
