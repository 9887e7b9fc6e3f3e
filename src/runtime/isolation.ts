/**
 * Whether this page may use shared memory. `SharedArrayBuffer` exists only in
 * cross-origin isolated pages: served with COOP `same-origin` and COEP
 * `require-corp` (or `credentialless`), and, inside an iframe, only when every
 * ancestor is isolated too and delegates `allow="cross-origin-isolated"`.
 */
export interface IsolationReport {
  crossOriginIsolated: boolean;
  sharedArrayBuffer: boolean;
}

export function isolationReport(): IsolationReport {
  return {
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    sharedArrayBuffer: typeof SharedArrayBuffer === 'function' && globalThis.crossOriginIsolated === true,
  };
}

/** True when data can be shared with workers instead of copied or transferred. */
export function canShareMemory(): boolean {
  return isolationReport().sharedArrayBuffer;
}

/**
 * Why this page has no `SharedArrayBuffer`, as a clause for a sentence: the
 * page is not cross-origin isolated, or it is and the browser offers none
 * even so. They need different fixes (headers from the server, or another
 * browser), so no message may call an isolated page "not isolated".
 */
export function noSharedMemoryClause(isolated = globalThis.crossOriginIsolated === true): string {
  return isolated
    ? 'this browser offers no SharedArrayBuffer, though this page is cross-origin isolated'
    : 'this page is not cross-origin isolated';
}

/** Why this page has no shared memory, as far as it can tell from inside. */
export type IsolationProblem =
  /** Isolated, yet the browser offers no `SharedArrayBuffer` (WebKitGTK with it switched off, say). */
  | 'no-shared-memory-in-browser'
  /** `?sw=0` turned the lab's service worker off, and the server sends no isolation headers. */
  | 'service-worker-off'
  /** In a frame whose parent does not delegate `allow="cross-origin-isolated"`. */
  | 'frame-not-allowed'
  /** In a frame that is allowed isolation, under a page that is not isolated itself. */
  | 'parent-not-isolated'
  /** In a frame: one of the two above, and this browser cannot say which. */
  | 'frame-unknown'
  /** The service worker that would add the headers does not control the page: refused here, or bypassed. */
  | 'no-service-worker'
  /** The service worker controls the page, and the page is still not isolated. */
  | 'headers-not-applied';

export interface IsolationFacts {
  crossOriginIsolated: boolean;
  sharedArrayBuffer: boolean;
  framed: boolean;
  serviceWorkerOff: boolean;
  serviceWorkerControls: boolean;
  /** Whether the frame is allowed `cross-origin-isolated` by its parent; undefined where the browser cannot tell. */
  frameAllowed?: boolean;
  /** Whether the parent page is isolated; undefined where it cannot be read (another origin). */
  parentIsolated?: boolean;
}

/** The reason shared memory is missing, or undefined when it is there. */
export function isolationProblem(f: IsolationFacts): IsolationProblem | undefined {
  if (f.crossOriginIsolated) return f.sharedArrayBuffer ? undefined : 'no-shared-memory-in-browser';
  if (f.serviceWorkerOff) return 'service-worker-off';
  if (f.framed) {
    if (f.frameAllowed === false) return 'frame-not-allowed';
    if (f.frameAllowed === true || f.parentIsolated === false) return 'parent-not-isolated';
    return 'frame-unknown';
  }
  return f.serviceWorkerControls ? 'headers-not-applied' : 'no-service-worker';
}

/** What this page can tell about its isolation. */
export function isolationFacts(search = location.search): IsolationFacts {
  const framed = window.top !== window.self;
  const policy = (document as Document & { featurePolicy?: { allowsFeature(name: string): boolean } }).featurePolicy;
  let parentIsolated: boolean | undefined;
  try {
    parentIsolated = framed ? window.parent.crossOriginIsolated : undefined;
  } catch {
    // Another origin's window: its isolation cannot be read from here.
  }
  return {
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    sharedArrayBuffer: typeof SharedArrayBuffer === 'function',
    framed,
    serviceWorkerOff: new URLSearchParams(search).get('sw') === '0',
    serviceWorkerControls: Boolean((navigator.serviceWorker as ServiceWorkerContainer | undefined)?.controller),
    frameAllowed: framed && policy ? policy.allowsFeature('cross-origin-isolated') : undefined,
    parentIsolated,
  };
}
