import { startServiceWorker } from './runtime/service-worker-client';

// The page may reload itself once to become cross-origin isolated: start nothing before that is settled.
const serviceWorker = await startServiceWorker();
if (!serviceWorker.reloading) {
  await import('./ui/pl-app');
  const app = document.querySelector('pl-app');
  if (app) app.serviceWorker = serviceWorker;
}
