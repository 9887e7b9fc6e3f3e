import type { Page, Worker } from '@playwright/test';
import { test, expect, runsOf, waitForRuns } from './fixtures';
import { ioEndpointsPort } from '../../playwright.config';
import type { CpuRunResult } from '../../src/experiments/cpu-rules';
import type { IoRunResult } from '../../src/experiments/io-rules';

// A worker that closes itself (or that the browser ends) fires no event: the pool must notice it, fail the run
// with this message, and start fresh workers for the next run.
const LOST =
  'A worker stopped answering (it closed or was killed by the browser); the run was abandoned and the next run starts fresh workers.';

const endpoints = `http://127.0.0.1:${ioEndpointsPort}`;

/** The first of the page's workers, once there are `count`. */
async function oneOf(page: Page, count: number): Promise<Worker> {
  await expect.poll(() => page.workers().length).toBe(count);
  return page.workers()[0];
}

test('a CPU worker that closes itself mid-run fails the run with a message, and the next run verifies', async ({ page }) => {
  await page.goto('./?demo=cpu&numbers=200000&rounds=20&workers=2');
  const demo = page.locator('pl-cpu-demo');
  const status = demo.locator('[data-field="status"]');
  await demo.locator('button[data-variant="workers"]').click();
  expect((await waitForRuns<CpuRunResult>(page, 1))[0].verified).toBe(true);

  // A worker computing its part runs nothing else, not even this test's code, until it is done; so it is
  // told to close itself once it has answered the first message of the next run, which still needs it.
  await (await oneOf(page, 2)).evaluate(() => self.addEventListener('message', () => close(), { once: true }));
  await demo.locator('button[data-variant="workers"]').click();
  await expect(status).toHaveText(`Workers, one part each failed: ${LOST}`);
  await expect(status).toHaveClass(/failed/);
  // The other worker was ended with the run.
  await expect.poll(() => page.workers().length).toBe(0);
  expect(await runsOf(page)).toHaveLength(1);

  await demo.locator('button[data-variant="workers"]').click();
  const again = (await waitForRuns<CpuRunResult>(page, 2))[1];
  expect(again.verified).toBe(true);
  expect(again.coldStartMs).toHaveLength(2);
});

test('an I/O worker that closes itself while its request is in flight fails the run long before its timeout, and the next run verifies', async ({
  page,
}) => {
  const hanging = [1, 2].map((i) => `${endpoints}/hang?death=${i}`);
  // A timeout of two minutes: only noticing the closed worker can end this run within the test's time.
  await page.goto(`./?demo=io&urls=${encodeURIComponent(hanging.join(' '))}&timeout=120000&workers=2`);
  const demo = page.locator('pl-io-demo');
  const status = demo.locator('[data-field="status"]');
  await demo.locator('button[data-variant="workers"]').click();
  await expect(demo.locator('[data-waterfall="workers"] tr[data-state="in flight"]')).toHaveCount(2);
  await (await oneOf(page, 2)).evaluate(() => close());
  await expect(status).toHaveText(`Workers failed: ${LOST}`);
  await expect(demo.locator('[data-waterfall="workers"] tr[data-state="stopped"]')).toHaveCount(2);
  await expect.poll(() => page.workers().length).toBe(0);
  expect(await runsOf(page)).toEqual([]);

  await demo.locator('#urls').fill([1, 2].map((i) => `${endpoints}/ok?latency=50&bytes=100&after=${i}`).join('\n'));
  await demo.locator('button[data-variant="workers"]').click();
  const [run] = await waitForRuns<IoRunResult>(page, 1);
  expect(run.verified).toBe(true);
  expect(run.failures).toBe(0);
  expect(run.coldStartMs).toHaveLength(2);
});
