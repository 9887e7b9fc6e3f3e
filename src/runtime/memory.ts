/**
 * The memory the page and its workers use, as the browser measures it:
 * `performance.measureUserAgentSpecificMemory`, offered only to cross-origin
 * isolated pages, and only by Chromium so far. Chromium answers at its next
 * garbage collection, which may be many seconds away, so a caller waits a
 * little and otherwise does without.
 */

import { abortError } from '../core/abort';

interface UserAgentMemory {
  bytes: number;
}
type MeasuringPerformance = Performance & { measureUserAgentSpecificMemory?: () => Promise<UserAgentMemory> };

export type MemoryReading = { bytes: number } | { missing: 'not-offered' | 'timed-out' };

/** The measurement not answered yet: the browser would queue another behind it, so none is asked for meanwhile. */
let pending: Promise<MemoryReading> | undefined;

/** The bytes in use now, or why they cannot be had within `timeoutMs`; rejects at once when `signal` aborts (Stop). */
export async function measureMemory(timeoutMs: number, signal?: AbortSignal): Promise<MemoryReading> {
  signal?.throwIfAborted();
  const measure = (performance as MeasuringPerformance).measureUserAgentSpecificMemory;
  if (typeof measure !== 'function' || globalThis.crossOriginIsolated !== true) return { missing: 'not-offered' };
  if (pending) return { missing: 'timed-out' };
  const measuring: Promise<MemoryReading> = measure.call(performance).then(
    (m) => ({ bytes: m.bytes }),
    () => ({ missing: 'not-offered' }),
  );
  pending = measuring;
  void measuring.then(() => {
    if (pending === measuring) pending = undefined;
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: () => void = () => undefined;
  const late = new Promise<MemoryReading>((resolve, reject) => {
    timer = setTimeout(() => resolve({ missing: 'timed-out' }), timeoutMs);
    onAbort = () => reject(abortError());
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([measuring, late]);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
