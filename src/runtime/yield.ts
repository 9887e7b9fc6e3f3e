const channel = typeof MessageChannel === 'function' ? new MessageChannel() : undefined;
const waiting: Array<() => void> = [];
if (channel) channel.port1.onmessage = () => waiting.shift()?.();

/**
 * Gives the event loop a turn (input, rendering, other tasks) and resumes as
 * soon as possible after. A message-channel task, not `setTimeout(0)`, which
 * browsers clamp to 4 ms once timeouts nest.
 */
export function yieldToEventLoop(): Promise<void> {
  if (!channel) return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}
