interface TaskScheduler {
  postTask(callback: () => void, options?: { priority?: 'user-blocking' | 'user-visible' | 'background' }): Promise<void>;
}

const taskScheduler = (globalThis as { scheduler?: Partial<TaskScheduler> }).scheduler;

/**
 * Gives the event loop a turn (input, rendering, other tasks), then resumes.
 * A new task through `scheduler.postTask` where the browser has it, else
 * `setTimeout(0)`. In Chromium both let the page paint between turns, while
 * a message-channel task (or `scheduler.yield()`) resumes so eagerly that
 * frames wait up to 100 ms.
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof taskScheduler?.postTask === 'function') return taskScheduler.postTask(() => undefined, { priority: 'user-visible' });
  return new Promise((resolve) => setTimeout(resolve, 0));
}
