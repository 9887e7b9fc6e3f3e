import { expose } from 'comlink';
import { workerApi } from '../core/worker-api';

/**
 * The Web Lock named after this worker, held until it ends: the page asks for
 * it once the worker has answered, and is granted it when the worker is gone
 * (see browser-worker.ts). The readiness ping, the first call the pool makes,
 * answers only once the lock is held, or could not be (an insecure context,
 * an opaque origin), so the page never asks first.
 */
const lifeline = new Promise<void>((held) => {
  const locks = navigator.locks as LockManager | undefined;
  if (!locks) return held();
  locks
    .request(self.name, () => {
      held();
      return new Promise<never>(() => undefined);
    })
    .catch(() => held());
});

expose({
  ...workerApi,
  async ping(): Promise<number> {
    await lifeline;
    return workerApi.ping();
  },
});
