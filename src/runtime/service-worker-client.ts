import { nextPaint } from './frame-monitor';

/**
 * Starts the lab's service worker (see service-worker.ts) and, when the page
 * is not cross-origin isolated yet but the worker can make it so, reloads it
 * once. The reload goes to the same address marked `sw-reloaded=1`, and a
 * marked page never reloads itself again: a page that stays unisolated (an
 * iframe without `allow="cross-origin-isolated"`, a browser that ignores the
 * headers) says why instead of looping. The mark is removed from the address
 * at once. A hard reload bypasses the service worker; the page then reloads
 * once more, normally. The guard lives in the address, not in
 * sessionStorage: Chromium gives an isolated page and an unisolated one of
 * the same tab different sessionStorage, so an isolated page could not clear
 * a mark its unisolated predecessor left.
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

/** Marks the address of the one reload the page may do to itself. */
export const RELOADED_PARAM = 'sw-reloaded';

/** Why a page has no service worker when the browser offers none here. */
export const SERVICE_WORKERS_NOT_ALLOWED =
  'this browser window does not allow service workers here (private windows and plain-http sites often do not)';

/** The URL parameter that turns the service worker off: `?sw=0`. */
export function serviceWorkerDisabled(search: string): boolean {
  return new URLSearchParams(search).get('sw') === '0';
}

/**
 * True when this page may reload itself to become cross-origin isolated: it
 * is not isolated, has not reloaded once already, and may have a service
 * worker. Only such a page must wait for the worker before it shows anything;
 * any other shows at once, its worker starting beside it. Ask before
 * `startServiceWorker`, which removes the reload's mark from the address.
 */
export function reloadMayFollow(search = location.search): boolean {
  const container = navigator.serviceWorker as ServiceWorkerContainer | undefined;
  const marked = new URLSearchParams(search).has(RELOADED_PARAM);
  return !crossOriginIsolated && !marked && !serviceWorkerDisabled(search) && Boolean(container) && window.isSecureContext;
}

/** Starts the worker once `after` has settled (at once without it); the reload's mark leaves the address at once. */
export async function startServiceWorker(search = location.search, after?: Promise<unknown>): Promise<ServiceWorkerStatus> {
  const reloadedAlready = new URLSearchParams(search).has(RELOADED_PARAM);
  if (reloadedAlready) history.replaceState(history.state, '', withoutReloadMark(location.href));
  await after;
  const container = navigator.serviceWorker as ServiceWorkerContainer | undefined;
  if (serviceWorkerDisabled(search)) {
    const registrations = container ? await container.getRegistrations() : [];
    await Promise.all(registrations.map((r) => r.unregister()));
    return { state: 'off', reloading: false, detail: 'The service worker is turned off by ?sw=0.' };
  }
  if (!container || !window.isSecureContext) {
    return {
      state: 'unsupported',
      reloading: false,
      detail: `${SERVICE_WORKERS_NOT_ALLOWED[0].toUpperCase()}${SERVICE_WORKERS_NOT_ALLOWED.slice(1)}.`,
    };
  }
  // A hard reload (Shift+Reload, Ctrl+F5) loads the page past an active worker: the page then has no controller,
  // and the worker will not take it over, so waiting for one would be in vain. A normal load goes through it.
  let bypassed: boolean;
  try {
    bypassed = Boolean((await container.getRegistration())?.active) && !container.controller;
    await container.register('./sw.js', { scope: './', type: import.meta.env.DEV ? 'module' : 'classic' });
    await container.ready;
    if (!container.controller && !bypassed) await controllerChange(container, 3000);
  } catch (error) {
    return { state: 'failed', reloading: false, detail: `The service worker could not start: ${(error as Error).message}` };
  }
  if (crossOriginIsolated) {
    return bypassed
      ? {
          state: 'active',
          reloading: false,
          detail: 'This load bypassed the service worker (a hard reload); the server isolates the page itself.',
        }
      : { state: 'active', reloading: false };
  }
  // The worker now adds the isolation headers, but only to responses it serves: this document came without them.
  if (!reloadedAlready) {
    location.replace(withReloadMark(location.href));
    return { state: 'active', reloading: true };
  }
  return {
    state: container.controller ? 'active' : 'failed',
    reloading: false,
    detail: 'The page reloaded once through the service worker and is still not isolated; it will not reload itself again.',
  };
}

function withReloadMark(href: string): string {
  const url = new URL(href);
  url.searchParams.set(RELOADED_PARAM, '1');
  return url.href;
}

function withoutReloadMark(href: string): string {
  const url = new URL(href);
  url.searchParams.delete(RELOADED_PARAM);
  return url.href;
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

let started: Promise<ServiceWorkerStatus> | undefined;

/**
 * Starts the service worker as `startServiceWorker` does, once a page, but
 * never throws: a page must start without one. With `after`, the worker
 * starts once that has settled, and what awaits the worker (see
 * `serviceWorkerStarted`) awaits that too.
 */
export function startServiceWorkerSafely(after?: Promise<unknown>): Promise<ServiceWorkerStatus> {
  started ??= startServiceWorker(location.search, after).catch((error: unknown) => ({
    state: 'failed',
    reloading: false,
    detail: `The service worker could not start: ${error instanceof Error ? error.message : String(error)}`,
  }));
  return started;
}

/** A page's service worker as the page starts it (see `startPageServiceWorker`). */
export interface PageServiceWorker {
  /** True when the page may reload itself to become isolated: it must start nothing before `status` says it will not. */
  holdBack: boolean;
  status: Promise<ServiceWorkerStatus>;
  /** Says the page has drawn what it shows first: the worker starts once that frame is painted. */
  shown: () => void;
}

/**
 * Starts a page's service worker when it suits the page: at once on a page
 * that may reload itself to become isolated (`holdBack`), which waits for it;
 * on any other once the page has shown itself (`shown`), so that the worker's
 * start does not compete with the page's own for the processor. What needs
 * the worker awaits it either way (`serviceWorkerStarted`).
 */
export function startPageServiceWorker(): PageServiceWorker {
  const holdBack = reloadMayFollow();
  let shown: () => void = () => undefined;
  const painted = new Promise<void>((resolve) => (shown = () => void nextPaint().then(resolve)));
  return { holdBack, status: startServiceWorkerSafely(holdBack ? undefined : painted), shown };
}

/**
 * How the page's service worker started, once it has (the page shows before
 * that): what code that relies on the worker awaits. Undefined at once on a
 * page that starts none, such as a course page with the lab's elements.
 */
export function serviceWorkerStarted(): Promise<ServiceWorkerStatus | undefined> {
  return started ?? Promise.resolve(undefined);
}
