import type { Page } from '@playwright/test';
import { test, expect, waitForRuns } from './fixtures';
import { chromiumArgs, chromiumPath } from '../../scripts/browsers.mjs';

// As in data-memory.spec.ts: Chromium otherwise measures memory at its next garbage collection, and each run of the
// data demo would wait a second for it, then do without; measured at once, each run takes the path that keeps more.
test.use({
  launchOptions: { executablePath: chromiumPath(), args: [...chromiumArgs, '--enable-blink-features=ForceEagerMeasureMemory'] },
});

/** The page's JavaScript heap in MB after a full garbage collection, through the DevTools protocol. */
async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}

/** A button a soak presses, and how many runs one press makes. */
interface Press {
  button: string;
  runs: number;
}

/** Each variant's own button, one run a press. */
const variants = (...names: string[]): Press[] => names.map((name) => ({ button: `button[data-variant="${name}"]`, runs: 1 }));

interface Soak {
  /** The demo's element. */
  tag: string;
  /** The buttons pressed in turn, once each per round. */
  presses: readonly Press[];
  /** Rounds before the first measure, for caches that settle. */
  warm: number;
  /** Rounds between the two measures. */
  rounds: number;
}

/** How much the heap after garbage collection grew, in MB, over `rounds` rounds of runs that follow `warm` rounds. */
async function heapGrowth(page: Page, { tag, presses, warm, rounds }: Soak): Promise<number> {
  const demo = page.locator(tag);
  const run = async (count: number) => {
    for (let i = 1; i <= count; i++) {
      for (const { button, runs } of presses) {
        // The test's own record of the runs is emptied each time, so only the page's memory is measured.
        await page.evaluate(() => ((window as unknown as { __runs: unknown[] }).__runs.length = 0));
        await demo.locator(button).click();
        const results = await waitForRuns<{ verified: boolean }>(page, runs);
        expect(results.map((r) => r.verified)).toEqual(new Array<boolean>(runs).fill(true));
        // The session is over (its last run reported, its buttons free again) before the next press.
        await expect(demo.locator('button[type="submit"]')).toBeEnabled();
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
 * (2.1–2.4 MB), and a run that kept a few hundred KB adds several times the limit. With 2 MB kept per run, the
 * scaling and data soaks grew by 60 and 48 MB (0.3–0.5 MB without).
 */
const LIMIT_MB = 2;

test('repeated pool runs do not keep memory: the heap after garbage collection stays flat', async ({ page }) => {
  // One message per number: 5,000 calls a run, each once kept alive by the pool for its worker's whole life (about 0.6 MB a run).
  await page.goto('./?demo=cpu&numbers=5000&rounds=1&workers=2&chunk-size=1');
  const presses = variants('pool-map');
  expect(await heapGrowth(page, { tag: 'pl-cpu-demo', presses, warm: 3, rounds: 10 })).toBeLessThan(LIMIT_MB);
});

test('repeated runs of the shared counter on workers do not keep memory', async ({ page }) => {
  // Every worker variant 10 times: 40 runs, each with a fresh shared buffer, clock offsets and a trace.
  await page.goto('./?demo=locks&workers=2&increments=10000');
  const presses = variants('no-lock', 'atomic', 'mutex-per-increment', 'mutex-whole-loop');
  expect(await heapGrowth(page, { tag: 'pl-locks-demo', presses, warm: 2, rounds: 10 })).toBeLessThan(LIMIT_MB);
});

test('repeated runs of the pages fetched from workers do not keep memory', async ({ page }) => {
  // 30 runs of 4 short pages, each request a message to a worker and its record back.
  await page.goto('./?demo=io&latencies=0,5,10,20&sizes=1000&workers=4');
  const presses = variants('workers');
  expect(await heapGrowth(page, { tag: 'pl-io-demo', presses, warm: 3, rounds: 30 })).toBeLessThan(LIMIT_MB);
});

test('repeated sweeps of the scaling demo do not keep memory', async ({ page }) => {
  // 10 sweeps of 3 runs (one loop, then 1 and 2 workers), each with its curve, its fit and a chart redrawn.
  await page.goto('./?demo=scaling&numbers=100000&rounds=5&max-workers=2&repeats=1');
  const sweep = { button: 'button[type="submit"]', runs: 3 };
  expect(await heapGrowth(page, { tag: 'pl-scaling-demo', presses: [sweep], warm: 2, rounds: 10 })).toBeLessThan(LIMIT_MB);
});

test('repeated moves of numbers to a worker do not keep memory', async ({ page }) => {
  // Every way 6 times: 24 runs, each with 800 KB of numbers made, moved and checked, a fresh worker, and (measured at
  // once here) two readings of the memory.
  await page.goto('./?demo=data&numbers=100000');
  const presses = variants('copy-array', 'copy-typed', 'transfer', 'shared');
  expect(await heapGrowth(page, { tag: 'pl-data-demo', presses, warm: 2, rounds: 6 })).toBeLessThan(LIMIT_MB);
});
