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
