import type { Page } from '@playwright/test';
import { test, expect, plainOrigin, runsOf, waitForRuns } from './fixtures';
import { lanesOf } from '../../src/core/trace';
import type { LocksRunResult } from '../../src/experiments/locks-rules';

const isolated = (page: Page) => page.evaluate(() => crossOriginIsolated);

/** Counts the page's top-level document loads (the first one included). */
function countLoads(page: Page): () => number {
  let loads = 0;
  page.on('load', () => loads++);
  return () => loads;
}

test('at the defaults the unlocked run loses updates, and every atomic or locked run is exact', async ({ page }) => {
  await page.goto('./?demo=locks&autorun=1');
  const runs = await waitForRuns<LocksRunResult>(page, 6);
  expect(runs.map((r) => r.variant)).toEqual([
    'no-lock',
    'atomic',
    'mutex-per-increment',
    'mutex-whole-loop',
    'async-race',
    'async-mutex',
  ]);
  for (const run of runs) {
    expect(run).toMatchObject({ schema: 'parallel-lab/run@2', demo: 'locks', verified: true, expected: 4_000_000, workers: 4 });
    expect(run.params).toEqual({ workers: 4, increments: 1_000_000, widen: 0 });
    expect(run.lost).toBe(run.expected - run.actual);
    expect(lanesOf(run.trace)).toHaveLength(4);
    expect(JSON.parse(JSON.stringify(run))).toEqual(run);
  }
  const [noLock, atomic, perIncrement, wholeLoop, race, asyncMutex] = runs;
  expect(noLock.lost).toBeGreaterThan(0);
  for (const exact of [atomic, perIncrement, wholeLoop, asyncMutex]) expect(exact.actual).toBe(4_000_000);
  // The whole-loop lock serialises the workers: each found the counter where the previous one left it.
  expect([...wholeLoop.counterAtStart].sort((a, b) => a - b)).toEqual([0, 1_000_000, 2_000_000, 3_000_000]);
  // Four tasks taking strict turns on one thread: each round of four counts once.
  expect(race.actual).toBe(1_000_000);
  expect(race.memory).toBe('main-thread');

  const demo = page.locator('pl-locks-demo');
  await expect(demo.locator('tbody tr')).toHaveCount(6);
  await expect(demo.locator('[data-field="story"]')).toContainText('updates');
  await expect(demo.locator('[data-field="staircase"]')).toHaveText('0, 1,000,000, 2,000,000, 3,000,000');
  await expect(demo.locator('[data-field="isolation"]')).toHaveCount(0);
  await expect(demo.locator('pl-timeline')).toHaveCount(1);
});

test('Stop mid-run terminates the workers, and the next run on a fresh lock is exact', async ({ page }) => {
  // Seconds of work (the most the form allows), so the run is still going when Stop is pressed.
  await page.goto('./?demo=locks&workers=4&increments=10000000&widen=9');
  const demo = page.locator('pl-locks-demo');
  await demo.locator('button[data-variant="mutex-per-increment"]').click();
  await expect.poll(() => page.workers().length).toBe(4);
  // Stop while the workers are counting, so one of them is likely to hold the lock.
  await expect.poll(() => demo.locator('progress').evaluate((p: HTMLProgressElement) => p.value)).toBeGreaterThan(0);
  await demo.locator('button.stop').click();
  await expect(demo.locator('[data-field="status"]')).toContainText('Stopped');
  await expect.poll(() => page.workers().length).toBe(0);
  expect(await runsOf(page)).toEqual([]);

  await demo.locator('#increments').fill('200,000');
  await demo.locator('#widen').fill('0');
  await demo.locator('button[data-variant="mutex-whole-loop"]').click();
  await waitForRuns(page, 1);
  await demo.locator('button[data-variant="mutex-per-increment"]').click();
  const runs = await waitForRuns<LocksRunResult>(page, 2);
  for (const run of runs) {
    expect(run.verified).toBe(true);
    expect(run.actual).toBe(800_000);
  }
});

test('bad inputs get their own messages, and nothing starts', async ({ page }) => {
  await page.goto('./?demo=locks');
  const demo = page.locator('pl-locks-demo');
  await demo.locator('#workers').fill('0');
  await demo.locator('#increments').fill('lots');
  await demo.locator('#widen').fill('2.5');
  await expect(demo.locator('#workers-error')).toHaveText('Workers: cannot be zero.');
  await expect(demo.locator('#increments-error')).toHaveText('Increments per worker: "lots" is not a number.');
  await expect(demo.locator('#widen-error')).toHaveText('Widen the window: must be a whole number, not 2.5.');
  await expect(demo.locator('button[type="submit"]')).toBeDisabled();
  await expect(demo.locator('button[data-variant="no-lock"]')).toBeDisabled();
  await demo.locator('#widen').press('Enter');

  // Each field fine on its own, too much together.
  await demo.locator('#workers').fill('16');
  await demo.locator('#increments').fill('10,000,000');
  await demo.locator('#widen').fill('1000');
  await expect(demo.locator('[data-field="combined-error"]')).toContainText('at most 400,000,000');
  await expect(demo.locator('button[type="submit"]')).toBeDisabled();
  await demo.locator('#widen').press('Enter');

  await demo.locator('#workers').fill('17');
  await expect(demo.locator('#workers-error')).toContainText('Workers: at most 16.');
  expect(await runsOf(page)).toEqual([]);
  expect(page.workers()).toHaveLength(0);
  await expect(demo.locator('[data-field="status"]')).toHaveText('');
});

test('without isolation headers and with ?sw=0, the page explains why and still runs the single-thread race', async ({
  page,
}) => {
  await page.goto(`${plainOrigin}/?demo=locks&sw=0&increments=100000`);
  const demo = page.locator('pl-locks-demo');
  await expect(demo.locator('[data-field="isolation"]')).toContainText('Cross-Origin-Opener-Policy: same-origin');
  await expect(demo.locator('[data-field="isolation"]')).toContainText('?sw=0');
  expect(await isolated(page)).toBe(false);
  for (const variant of ['no-lock', 'atomic', 'mutex-per-increment', 'mutex-whole-loop']) {
    await expect(demo.locator(`button[data-variant="${variant}"]`)).toBeDisabled();
  }
  await demo.locator('button[type="submit"]').click();
  const [race, locked] = await waitForRuns<LocksRunResult>(page, 2);
  expect(race).toMatchObject({ variant: 'async-race', verified: true, memory: 'main-thread', actual: 100_000, lost: 300_000 });
  expect(locked).toMatchObject({ variant: 'async-mutex', verified: true, actual: 400_000, lost: 0 });
  expect(page.workers()).toHaveLength(0);
  await expect(page.locator('pl-environment-panel [data-field="service-worker"]')).toContainText('off');
});

test('on the same server the service worker isolates the page after one reload, also after a hard reload', async ({ page }) => {
  const loads = countLoads(page);
  await page.goto(`${plainOrigin}/?demo=locks`);
  await page.waitForFunction(() => crossOriginIsolated === true);
  const demo = page.locator('pl-locks-demo');
  await expect(demo.locator('button[data-variant="no-lock"]')).toBeEnabled();
  expect(loads()).toBe(2);
  // The reload's mark is gone from the address; the demo's parameters stay.
  expect(new URL(page.url()).search).toBe('?demo=locks');
  await expect(demo.locator('[data-field="isolation"]')).toHaveCount(0);

  await demo.locator('button[data-variant="no-lock"]').click();
  await demo.locator('button[data-variant="mutex-whole-loop"]').click();
  const [noLock, wholeLoop] = await waitForRuns<LocksRunResult>(page, 2);
  expect(noLock).toMatchObject({ variant: 'no-lock', verified: true, memory: 'shared' });
  expect(noLock.lost).toBeGreaterThan(0);
  expect(wholeLoop).toMatchObject({ variant: 'mutex-whole-loop', verified: true, actual: 4_000_000, lost: 0 });

  // A hard reload loads the page past the service worker, unisolated: it reloads itself once more.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.reload', { ignoreCache: true });
  await expect.poll(loads).toBe(4);
  await page.waitForFunction(() => crossOriginIsolated === true);

  // A normal reload goes through the worker: isolated at once, no extra reload.
  await page.reload();
  await page.waitForFunction(() => crossOriginIsolated === true);
  await expect(demo.locator('button[data-variant="no-lock"]')).toBeEnabled();
  expect(loads()).toBe(5);
  await expect(page.locator('pl-environment-panel [data-field="service-worker"]')).toContainText('active');
});

test('in a frame that cannot be isolated, the page reloads itself once, then explains instead of looping', async ({ page }) => {
  // A parent page without isolation headers: its frames cannot be isolated, whatever their own headers say.
  await page.route(`${plainOrigin}/course.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      headers: { 'Cache-Control': 'no-store' },
      body: `<!doctype html><link rel="icon" href="data:,"><iframe src="./?demo=locks" width="1000" height="800"></iframe>`,
    }),
  );
  let frameLoads = 0;
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() !== page.mainFrame()) frameLoads++;
  });
  await page.goto(`${plainOrigin}/course.html`);
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('pl-environment-panel [data-field="service-worker"]')).toContainText('will not reload itself again');
  await expect(frame.locator('pl-locks-demo [data-field="isolation"]')).toContainText('allow="cross-origin-isolated"');
  expect(frameLoads).toBe(2);
  const url = new URL(page.frames()[1].url());
  expect(url.searchParams.get('demo')).toBe('locks');
  expect(url.searchParams.has('sw-reloaded')).toBe(false);
});
