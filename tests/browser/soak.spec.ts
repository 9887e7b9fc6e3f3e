import type { Page } from '@playwright/test';
import { test, expect, waitForRuns } from './fixtures';
import type { CpuRunResult } from '../../src/experiments/cpu-rules';

/** The page's JavaScript heap in MB after a full garbage collection, through the DevTools protocol. */
async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}

test('repeated pool runs do not keep memory: the heap after garbage collection stays flat', async ({ page }) => {
  // One message per number: 5,000 calls a run, each once kept alive by the pool for its worker's whole life (about 0.6 MB a run).
  await page.goto('./?demo=cpu&numbers=5000&rounds=1&workers=2&chunk-size=1');
  const demo = page.locator('pl-cpu-demo');
  const runs = async (count: number) => {
    for (let i = 1; i <= count; i++) {
      // The test's own record of the runs is emptied each time, so only the page's memory is measured.
      await page.evaluate(() => ((window as unknown as { __runs: unknown[] }).__runs.length = 0));
      await demo.locator('button[data-variant="pool-map"]').click();
      const [run] = await waitForRuns<CpuRunResult>(page, 1);
      expect(run.verified).toBe(true);
    }
  };
  await runs(3);
  const warm = await heapAfterGc(page);
  await runs(10);
  const after = await heapAfterGc(page);
  // Such a leak would add 6 MB here; allow a little for caches that settle.
  expect(after - warm).toBeLessThan(2);
});
