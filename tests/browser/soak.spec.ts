import type { Page } from '@playwright/test';
import { test, expect, waitForRuns } from './fixtures';

/** The page's JavaScript heap in MB after a full garbage collection, through the DevTools protocol. */
async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}

interface Soak {
  /** The demo's element. */
  tag: string;
  /** The variants run in turn, once each per round. */
  variants: readonly string[];
  /** Rounds before the first measure, for caches that settle. */
  warm: number;
  /** Rounds between the two measures. */
  rounds: number;
}

/** How much the heap after garbage collection grew, in MB, over `rounds` rounds of runs that follow `warm` rounds. */
async function heapGrowth(page: Page, { tag, variants, warm, rounds }: Soak): Promise<number> {
  const demo = page.locator(tag);
  const run = async (count: number) => {
    for (let i = 1; i <= count; i++) {
      for (const variant of variants) {
        // The test's own record of the runs is emptied each time, so only the page's memory is measured.
        await page.evaluate(() => ((window as unknown as { __runs: unknown[] }).__runs.length = 0));
        await demo.locator(`button[data-variant="${variant}"]`).click();
        const [result] = await waitForRuns<{ variant: string; verified: boolean }>(page, 1);
        expect(result).toMatchObject({ variant, verified: true });
      }
    }
  };
  await run(warm);
  const before = await heapAfterGc(page);
  await run(rounds);
  return (await heapAfterGc(page)) - before;
}

/**
 * Each soak allows 2 MB of growth. Without a leak the heap grows by about 0.4–0.6 MB here (compiled code, and the
 * browser's performance entries, whose buffers are capped); the locks and I/O soaks failed with 50 KB kept per run
 * (2.1–2.4 MB), and a run that kept a few hundred KB adds several times the limit.
 */
const LIMIT_MB = 2;

test('repeated pool runs do not keep memory: the heap after garbage collection stays flat', async ({ page }) => {
  // One message per number: 5,000 calls a run, each once kept alive by the pool for its worker's whole life (about 0.6 MB a run).
  await page.goto('./?demo=cpu&numbers=5000&rounds=1&workers=2&chunk-size=1');
  expect(await heapGrowth(page, { tag: 'pl-cpu-demo', variants: ['pool-map'], warm: 3, rounds: 10 })).toBeLessThan(LIMIT_MB);
});

test('repeated runs of the shared counter on workers do not keep memory', async ({ page }) => {
  // Every worker variant 10 times: 40 runs, each with a fresh shared buffer, clock offsets and a trace.
  await page.goto('./?demo=locks&workers=2&increments=10000');
  const variants = ['no-lock', 'atomic', 'mutex-per-increment', 'mutex-whole-loop'];
  expect(await heapGrowth(page, { tag: 'pl-locks-demo', variants, warm: 2, rounds: 10 })).toBeLessThan(LIMIT_MB);
});

test('repeated runs of the pages fetched from workers do not keep memory', async ({ page }) => {
  // 30 runs of 4 short pages, each request a message to a worker and its record back.
  await page.goto('./?demo=io&latencies=0,5,10,20&sizes=1000&workers=4');
  expect(await heapGrowth(page, { tag: 'pl-io-demo', variants: ['workers'], warm: 3, rounds: 30 })).toBeLessThan(LIMIT_MB);
});
