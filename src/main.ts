import { startServiceWorkerSafely } from './runtime/service-worker-client';

// The page may reload itself once to become cross-origin isolated: start nothing before that is settled.
// Whatever goes wrong with the service worker, the lab still starts, and says why it runs without one.
const serviceWorker = await startServiceWorkerSafely();
if (!serviceWorker.reloading) {
  await import('./ui/parallel-lab');
  const app = document.querySelector('parallel-lab');
  if (app) app.serviceWorker = serviceWorker;
}
