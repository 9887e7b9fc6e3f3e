import { startPageServiceWorker } from './runtime/service-worker-client';
import { DEMOS } from './ui/demos';

// A page not yet cross-origin isolated may reload itself once to become so: it starts nothing before that is settled.
// Any other page shows first, and starts its service worker once it has painted its demo (see startPageServiceWorker).
// Whatever goes wrong with the service worker, the lab still starts, and says why it runs without one.
const serviceWorker = startPageServiceWorker();
if (!serviceWorker.holdBack || !(await serviceWorker.status).reloading) {
  // The demo the address names loads beside the lab's frame, rather than once the frame asks for it.
  const demo = (DEMOS.find((d) => d.id === new URLSearchParams(location.search).get('demo')) ?? DEMOS[0]).load();
  await import('./ui/parallel-lab');
  const app = document.querySelector('parallel-lab');
  if (app) void serviceWorker.status.then((status) => (app.serviceWorker = status));
  void demo.then(serviceWorker.shown);
}
