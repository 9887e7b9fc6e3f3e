import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { plainPort } from '../../playwright.config';

/** The same built site, served without COOP/COEP headers, as a static host that cannot send them. */
export const plainOrigin = `http://127.0.0.1:${plainPort}`;

/**
 * The lab's Playwright test: every page collects the `pl-run-complete`
 * results it dispatches, and every test fails if the page logged a console
 * error or threw an uncaught exception.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
      await page.addInitScript(() => {
        const runs: unknown[] = [];
        Object.assign(window, { __runs: runs });
        window.addEventListener('pl-run-complete', (e) => runs.push((e as CustomEvent).detail));
      });
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Waits until a chart element (a bar chart, line chart or timeline) has drawn: Chart.js loads with the page's first chart. */
export async function drawn(chart: Locator): Promise<void> {
  await expect.poll(() => chart.evaluate((el) => Boolean((el as HTMLElement & { chart?: unknown }).chart))).toBe(true);
}

/** The results the page has dispatched so far, oldest first. */
export async function runsOf<T>(page: Page): Promise<T[]> {
  return page.evaluate(() => (window as unknown as { __runs: unknown[] }).__runs) as Promise<T[]>;
}

/** Waits until the page has dispatched `count` results, and returns them. */
export async function waitForRuns<T>(page: Page, count: number, timeout = 60_000): Promise<T[]> {
  await page.waitForFunction((n) => (window as unknown as { __runs: unknown[] }).__runs.length >= n, count, { timeout });
  return runsOf<T>(page);
}

/** Each demo with small sizes (so Run all is quick), and how many runs its Run all makes on an isolated page. */
export const SMALL_DEMOS = [
  { id: 'cpu', small: 'numbers=100000&rounds=5&workers=2', runs: 4 },
  { id: 'scaling', small: 'numbers=100000&rounds=5&max-workers=2', runs: 3 },
  { id: 'data', small: 'numbers=100000', runs: 4 },
  { id: 'io', small: 'latencies=50,100,150,200&sizes=1000', runs: 3 },
  { id: 'locks', small: 'increments=10000', runs: 6 },
] as const;
