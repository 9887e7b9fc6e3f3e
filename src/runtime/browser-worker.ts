import type { PoolWorkerHandle } from './pool';

/**
 * Starts one module worker running the lab's worker entry. Its name is also
 * the name of the Web Lock it holds while it lives (see worker.ts), so unique:
 * locks are shared by every page of the site.
 */
export function spawnBrowserWorker(): PoolWorkerHandle {
  // Web Locks, like `randomUUID`, exist only in secure contexts (https, localhost).
  const locks = navigator.locks as LockManager | undefined;
  const name = locks ? `parallel-lab ${crypto.randomUUID()}` : 'parallel-lab';
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name });
  return {
    endpoint: worker,
    terminate: () => worker.terminate(),
    onFailure(listener) {
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        listener(new Error(event.message || 'A worker failed to start or crashed.'));
      });
      worker.addEventListener('messageerror', () => listener(new Error('A worker sent a message that could not be read.')));
    },
    onGone(listener) {
      // A worker that closes itself or is ended by the browser fires no event, but the browser releases
      // its locks. The worker answers nothing before it holds its lock, so once it has answered, this
      // page's request for the same lock is granted only when the worker is gone, however it went.
      // Where there are no Web Locks (an insecure context), such a death goes unnoticed.
      if (!locks) return;
      worker.addEventListener('message', () => void locks.request(name, () => listener()).catch(() => undefined), {
        once: true,
      });
    },
  };
}
