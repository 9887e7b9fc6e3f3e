/**
 * The lab's clock: `performance.now()`, whose resolution browsers coarsen
 * (to 5 µs or more when the page is isolated, 100 µs or 1 ms when not, and
 * more in privacy modes). The environment panel shows what it is here.
 */
export const now = (): number => performance.now();

/** The smallest step the clock was seen to take, in milliseconds. */
export function measureTimerResolution(samples = 50): number {
  let smallest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < samples; i++) {
    const start = now();
    let next = now();
    const deadline = start + 50;
    while (next === start && next < deadline) next = now();
    if (next > start) smallest = Math.min(smallest, next - start);
  }
  return smallest;
}
