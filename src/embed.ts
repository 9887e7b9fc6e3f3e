import { readHostMessage, slimRun, type FrameMessage } from './core/embed-protocol';
import { isDemoId } from './core/run-result';
import { startPageServiceWorker } from './runtime/service-worker-client';
import { DEMOS } from './ui/demos';
import { unknownDemoMessage } from './ui/url-params';

/**
 * The page a course site frames (`embed.html?demo=cpu&…`): one demo and
 * nothing else, reading its settings from this page's address. It tells the
 * framing page its height and each finished run, and takes Run all and Stop
 * from it (see src/core/embed-protocol.ts for the messages).
 */

type DemoElement = HTMLElement & { runAll(): Promise<boolean>; stop(): void };

/** Runs hold no secrets: any page that frames the lab may read them. */
const post = (message: FrameMessage) => window.parent.postMessage(message, '*');

// Only a page that may reload itself waits for its service worker; any other starts it once it has painted (see main.ts).
const serviceWorker = startPageServiceWorker();
if (!serviceWorker.holdBack || !(await serviceWorker.status).reloading) {
  const params = new URLSearchParams(location.search);
  const requested = params.get('demo');
  const entry = DEMOS.find((d) => d.id === requested);
  if (!entry || !isDemoId(requested)) {
    const note = document.createElement('p');
    note.className = 'embed-error';
    // It may quote the address: a long word wraps rather than widen the frame.
    note.style.overflowWrap = 'anywhere';
    const ids = DEMOS.flatMap((d) => (isDemoId(d.id) ? [d.id] : []));
    const unknown = requested === null ? '' : `${unknownDemoMessage(requested, ids)} `;
    note.textContent = `${unknown}This frame shows one demo of Parallel Lab: add ?demo= with one of ${ids.join(', ')} to its address.`;
    document.body.append(note);
  } else {
    await entry.load();
    const demo = document.createElement(entry.tag) as DemoElement;
    demo.setAttribute('url-params', '');
    if (params.get('compact') === '1') demo.setAttribute('compact', '');
    demo.addEventListener('pl-run-complete', (event) => post({ type: 'parallel-lab:run', run: slimRun(event.detail) }));
    window.addEventListener('message', (event) => {
      if (event.source !== window.parent) return;
      const command = readHostMessage(event.data);
      if (command?.type === 'parallel-lab:run-all') void demo.runAll();
      else if (command?.type === 'parallel-lab:stop') demo.stop();
    });
    document.body.append(demo);
    let lastHeight = -1;
    new ResizeObserver(() => {
      const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (height !== lastHeight) post({ type: 'parallel-lab:height', height: (lastHeight = height) });
    }).observe(document.documentElement);
    post({ type: 'parallel-lab:ready', demo: requested });
  }
  serviceWorker.shown();
}
