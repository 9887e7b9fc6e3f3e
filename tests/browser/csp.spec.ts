import type { Page } from '@playwright/test';
import { SMALL_DEMOS as DEMOS, test, expect, waitForRuns } from './fixtures';
import { headersPort, ioEndpointsPort } from '../../playwright.config';
import type { DemoId, RunResultBase } from '../../src/core/run-result';
import type { IoRunResult } from '../../src/experiments/io-rules';

/** The built site in /lab/ of a host that sends the headers of its `_headers`: isolation and the Content-Security-Policy. */
const lab = `http://127.0.0.1:${headersPort}/lab`;
const endpoints = `http://127.0.0.1:${ioEndpointsPort}`;

/** Records every `securitypolicyviolation` the page fires, from its first script on. */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const violations: string[] = [];
    Object.assign(window, { __violations: violations });
    document.addEventListener('securitypolicyviolation', (e) =>
      violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`),
    );
  });
}

const violationsOf = (page: Page) => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

/** Presses the demo's Run all (its form's submit button) and waits for its `count` runs, every one verified. */
async function runAll(page: Page, tag: string, count: number): Promise<void> {
  const button = page.locator(tag).locator('button[type="submit"]');
  await expect(button).toBeEnabled();
  await button.click();
  const runs = await waitForRuns<RunResultBase<DemoId, string, unknown>>(page, count, 90_000);
  expect(runs.map((r) => [r.variant, r.verified])).toEqual(runs.map((r) => [r.variant, true]));
  await expect(button).toBeEnabled();
}

test.beforeEach(async ({ page }) => recordViolations(page));

test('the site is served with a strict policy that is in force: no inline script, no eval, and the page still moves /lab to /lab/', async ({
  page,
  consoleErrors,
}) => {
  const response = await page.goto(`${lab}?demo=cpu`);
  const policy = response!.headers()['content-security-policy'];
  expect(policy).toContain("script-src 'self' 'sha256-");
  expect(policy).not.toMatch(/unsafe-|strict-dynamic|\*/);
  // The one inline script, allowed by its hash, moved the page into its folder before loading anything.
  await expect(page).toHaveURL(`${lab}/?demo=cpu`);
  await expect(page.locator('pl-cpu-demo').getByRole('button', { name: 'Run all' })).toBeEnabled();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

  // Anything injected is refused: an inline script, and eval (run from a timer: the test's own evaluation may eval).
  const injected = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.head.append(script);
    const evaluated = await new Promise<string>((resolve) =>
      setTimeout(() => {
        try {
          resolve(String(eval('"eval ran"')));
        } catch (error) {
          resolve((error as Error).name);
        }
      }),
    );
    return { ran: '__injected' in window, evaluated };
  });
  expect(injected).toEqual({ ran: false, evaluated: 'EvalError' });
  await expect
    .poll(async () => new Set((await violationsOf(page)).map((v) => v.split(' ')[0])))
    .toEqual(new Set(['script-src-elem', 'script-src']));
  // The refusals are this test's own doing; the browser logs each as an error.
  expect(consoleErrors.every((e) => e.includes('Content Security Policy'))).toBe(true);
  consoleErrors.length = 0;
});

for (const demo of DEMOS) {
  test(`under the strict policy the ${demo.id} demo's Run all verifies every run, with no violation`, async ({ page }) => {
    await page.goto(`${lab}/?demo=${demo.id}&${demo.small}`);
    await runAll(page, `pl-${demo.id}-demo`, demo.runs);
    // Every other page of the lab too, each drawn once (charts included) and left again.
    for (const tab of await page.getByRole('tab').all()) {
      await tab.click();
      await expect(tab).toHaveAttribute('aria-selected', 'true');
    }
    expect(await violationsOf(page)).toEqual([]);
  });
}

test('under the strict policy the I/O demo fetches addresses typed in, on another origin', async ({ page }) => {
  const urls = [1, 2].map((i) => `${endpoints}/ok?latency=50&bytes=100&csp=${i}`);
  await page.goto(`${lab}/?demo=io&urls=${encodeURIComponent(urls.join(' '))}`);
  await runAll(page, 'pl-io-demo', 3);
  const runs = await waitForRuns<IoRunResult>(page, 3);
  expect(runs.map((r) => r.failures)).toEqual([0, 0, 0]);
  expect(await violationsOf(page)).toEqual([]);
});

test('under the strict policy the embed page shows its demo and Run all verifies every run, with no violation', async ({
  page,
}) => {
  await page.goto(`${lab}/embed.html?demo=locks&increments=10000&compact=1`);
  await runAll(page, 'pl-locks-demo', 6);
  expect(await violationsOf(page)).toEqual([]);
});
