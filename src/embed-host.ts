import { readFrameMessage, type HostMessage } from './core/embed-protocol';

/**
 * The host helper a course page includes to frame the lab (`dist/lib/embed.js`):
 *
 *   <iframe src="https://lab.example/embed.html?demo=cpu" data-parallel-lab
 *           allow="cross-origin-isolated" title="Parallel Lab: computing"></iframe>
 *   <script type="module" src="https://lab.example/lib/embed.js"></script>
 *
 * It sizes every `iframe[data-parallel-lab]` to its content, and re-dispatches
 * what the frame says as DOM events on the iframe, bubbling:
 * `parallel-lab-ready` (`detail: {demo}`) and `parallel-lab-run` (`detail`: the run).
 * `runAll(frame)` and `stop(frame)` press the demo's buttons. Messages that
 * are not the lab's, or not from one of these frames, are ignored.
 */

function frameOf(source: MessageEventSource | null): HTMLIFrameElement | undefined {
  return [...document.querySelectorAll<HTMLIFrameElement>('iframe[data-parallel-lab]')].find((f) => f.contentWindow === source);
}

window.addEventListener('message', (event) => {
  const frame = frameOf(event.source);
  const message = frame && readFrameMessage(event.data);
  if (!frame || !message) return;
  if (message.type === 'parallel-lab:height') frame.style.height = `${message.height}px`;
  else if (message.type === 'parallel-lab:ready') {
    frame.dispatchEvent(new CustomEvent('parallel-lab-ready', { detail: { demo: message.demo }, bubbles: true }));
  } else frame.dispatchEvent(new CustomEvent('parallel-lab-run', { detail: message.run, bubbles: true }));
});

function send(frame: HTMLIFrameElement, message: HostMessage): void {
  // The frame answers only its parent; the lab's origin is whatever the frame's address says.
  frame.contentWindow?.postMessage(message, new URL(frame.src, location.href).origin);
}

/** Presses Run all in the framed demo. */
export function runAll(frame: HTMLIFrameElement): void {
  send(frame, { type: 'parallel-lab:run-all' });
}

/** Presses Stop in the framed demo. */
export function stop(frame: HTMLIFrameElement): void {
  send(frame, { type: 'parallel-lab:stop' });
}
