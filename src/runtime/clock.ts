/**
 * The lab's clock: `performance.now()`, whose resolution browsers coarsen
 * (to 5 µs or more when the page is isolated, 100 µs or 1 ms when not, and
 * more in privacy modes). The environment panel shows what it is here.
 */
export const now = (): number => performance.now();

/** The smallest step the clock was seen to take, in milliseconds; busy for at most about `budgetMs`. */
export function measureTimerResolution(samples = 50, budgetMs = 30): number {
  let smallest = Number.POSITIVE_INFINITY;
  const deadline = now() + budgetMs;
  for (let i = 0; i < samples && (i < 2 || now() < deadline); i++) {
    const start = now();
    let next = now();
    while (next === start) next = now();
    smallest = Math.min(smallest, next - start);
  }
  return smallest;
}
