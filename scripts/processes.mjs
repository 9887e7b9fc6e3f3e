// Helper processes (Xvfb, WebKitWebDriver and what it starts) in process groups
// of their own, remembered so that they are stopped whatever happens, also when
// Node exits.
import { spawn } from 'node:child_process';
import { once } from 'node:events';

const children = new Set();

process.on('exit', () => {
  for (const child of children) signal(child, 'SIGKILL');
});

/**
 * Starts a helper process in a process group of its own, remembered so that
 * it is stopped whatever happens: the group holds what it starts in turn
 * (WebKitWebDriver's MiniBrowser and its web processes), and a Ctrl-C at the
 * terminal reaches only us, who close the browser first.
 */
export function start(command, args, options) {
  const child = spawn(command, args, { ...options, detached: true });
  children.add(child);
  child.once('close', () => children.delete(child));
  child.stderrTail = '';
  child.stderr?.on('data', (chunk) => (child.stderrTail = (child.stderrTail + chunk).slice(-2000)));
  // It could not be started at all (its exitCode is then set already): keep the reason.
  child.once('error', (error) => (child.stderrTail += error.message));
  return child;
}

/** Sends `name` to `child`'s process group. */
export function signal(child, name) {
  try {
    process.kill(-child.pid, name);
  } catch {
    // The group is gone already.
  }
}

/** Ends `child` and its group (politely, then not) and waits until it is gone. */
export async function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return signal(child, 'SIGKILL');
  const gone = once(child, 'exit');
  signal(child, 'SIGTERM');
  const timer = setTimeout(() => signal(child, 'SIGKILL'), 5000);
  await gone;
  clearTimeout(timer);
  // What the group's leader started may outlive it by a moment: not beyond this.
  signal(child, 'SIGKILL');
}
