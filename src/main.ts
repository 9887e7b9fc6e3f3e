import { startServiceWorker, type ServiceWorkerStatus } from './runtime/service-worker-client';

// The page may reload itself once to become cross-origin isolated: start nothing before that is settled.
// Whatever goes wrong with the service worker, the lab still starts, and says why it runs without one.
const serviceWorker: ServiceWorkerStatus = await startServiceWorker().catch((error: unknown) => ({
  state: 'failed',
  reloading: false,
  detail: `The service worker could not start: ${error instanceof Error ? error.message : String(error)}`,
}));
if (!serviceWorker.reloading) {
  await import('./ui/pl-app');
  const app = document.querySelector('pl-app');
  if (app) app.serviceWorker = serviceWorker;
}
