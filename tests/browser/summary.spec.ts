import { test, expect, waitForRuns } from './fixtures';
import type { DemoId, RunResultBase } from '../../src/core/run-result';
import type { LocksRunResult } from '../../src/experiments/locks-rules';

type AnyRun = RunResultBase<DemoId, string, unknown>;

test('before any run the summary says so and offers each demo; a run from there is quoted with its own numbers', async ({
  page,
}) => {
  await page.goto('./?demo=summary');
  const summary = page.locator('pl-summary');
  await expect(summary.locator('p[data-demo="locks"]')).toContainText('Not run yet.');
  await page.getByRole('tab', { name: /Locks/ }).click();
  const locks = page.locator('pl-locks-demo');
  await locks.locator('#increments').fill('20000');
  await locks.locator('#workers').fill('2');
  await page.getByRole('tab', { name: /Summary/ }).click();
  await summary.getByRole('button', { name: 'Run Locks' }).click();
  const runs = await waitForRuns<LocksRunResult>(page, 6, 90_000);
  const noLock = runs.find((r) => r.variant === 'no-lock')!;
  await expect(summary.locator('ul[data-demo="locks"]')).toContainText(
    `${noLock.lost.toLocaleString('en-US')} of ${noLock.expected.toLocaleString('en-US')}`,
  );
  // The figure links to the demo it came from.
  await summary.locator('ul[data-demo="locks"] a').first().click();
  await expect(page.getByRole('tab', { name: /Locks/ })).toHaveAttribute('aria-selected', 'true');
});

test('Run everything runs every demo at its current settings and sums up each from the runs it made', async ({ page }) => {
  test.setTimeout(240_000);
  const small: Array<[RegExp, string, Record<string, string>]> = [
    [/Computing/, 'pl-cpu-demo', { '#numbers': '200000', '#rounds': '5', '#workers': '2' }],
    [/Scaling/, 'pl-scaling-demo', { '#numbers': '200000', '#rounds': '5', '#max-workers': '2' }],
    [/Moving data/, 'pl-data-demo', { '#numbers': '100000' }],
    [/Waiting/, 'pl-io-demo', { '#latencies': '20, 40' }],
    [/Locks/, 'pl-locks-demo', { '#workers': '2', '#increments': '20000' }],
  ];
  await page.goto('./');
  for (const [tab, tag, fields] of small) {
    await page.getByRole('tab', { name: tab }).click();
    for (const [selector, value] of Object.entries(fields)) await page.locator(`${tag} ${selector}`).fill(value);
  }
  await page.getByRole('tab', { name: /Summary/ }).click();
  const summary = page.locator('pl-summary');
  await summary.getByRole('button', { name: 'Run everything' }).click();
  await expect(summary.locator('[data-field="status"]')).toContainText('Every demo ran', { timeout: 200_000 });
  const runs = await page.evaluate(() => (window as unknown as { __runs: AnyRun[] }).__runs);
  expect(new Set(runs.map((r) => r.demo))).toEqual(new Set(['cpu', 'scaling', 'data', 'io', 'locks']));
  for (const demo of ['cpu', 'scaling', 'data', 'io', 'locks']) {
    await expect(summary.locator(`ul[data-demo="${demo}"]`)).toBeVisible();
  }
  const curve = runs.find((r) => r.variant === 'curve') as AnyRun & { usableCores: number };
  await expect(summary.locator('ul[data-demo="scaling"]')).toContainText(`${curve.usableCores} core`);
});

test('?demo=summary&autorun=1 starts Run everything, and Stop ends it', async ({ page }) => {
  await page.goto('./?demo=summary&autorun=1');
  const summary = page.locator('pl-summary');
  await expect(summary.locator('[data-field="status"]')).toContainText('Running 1 of 5');
  await summary.locator('button.stop').click();
  await expect(summary.locator('[data-field="status"]')).toHaveText('Stopped. What finished is below.');
  await expect(summary.getByRole('button', { name: 'Run everything' })).toBeEnabled();
});
