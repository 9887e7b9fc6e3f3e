import type { PoolWorkerHandle } from './pool';

/** Starts one module worker running the lab's worker entry. */
export function spawnBrowserWorker(): PoolWorkerHandle {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'parallel-lab' });
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
  };
}
