import { test, expect, drawn, plainOrigin, runsOf, waitForRuns } from './fixtures';
import type { DataRunResult } from '../../src/experiments/data-rules';
import type { PlBarChart } from '../../src/ui/pl-bar-chart';

// Small enough to be quick on a shared 2-core machine; the lesson's 10,000,000 is the benchmark's.
const SMALL = 'demo=data&numbers=200000';

test('the four ways hand the numbers over, each verified by the worker, and the transfer leaves the page’s buffer detached', async ({
  page,
}) => {
  await page.goto(`./?${SMALL}&autorun=1`);
  const runs = await waitForRuns<DataRunResult>(page, 4);
  expect(runs.map((r) => r.variant)).toEqual(['copy-array', 'copy-typed', 'transfer', 'shared']);
  for (const run of runs) {
    expect(run).toMatchObject({ schema: 'parallel-lab/run@2', demo: 'data', verified: true, received: 200_000, workers: 1 });
    expect(run.params).toEqual({ numbers: 200_000 });
    expect(run.checksum).toBe(run.expectedChecksum);
    expect(run.wallMs).toBeGreaterThan(0);
    expect(['measured', 'computed']).toContain(run.extraBytesSource);
    // Each way on a worker of its own, started before the timing.
    expect(run.coldStartMs).toHaveLength(1);
    expect(JSON.parse(JSON.stringify(run))).toEqual(run);
  }
  const [array, typed, transferred, shared] = runs;
  expect([array.bytes, typed.bytes, transferred.bytes, shared.bytes]).toEqual([1_600_000, 1_600_000, 0, 0]);
  expect(runs.map((r) => r.detached)).toEqual([false, false, true, false]);
  // The browser counts a shared buffer in every thread holding it: sharing's memory is always computed.
  expect(shared).toMatchObject({ extraBytesSource: 'computed', computedBecause: 'shared-counted-per-thread', extraBytes: 0 });

  // …and shut down after it.
  await expect.poll(() => page.workers().length).toBe(0);
  const demo = page.locator('pl-data-demo');
  await expect(demo.locator('tbody tr')).toHaveCount(4);
  await expect(demo.locator('tr[data-variant="transfer"] [data-field="page-copy"]')).toHaveText('detached: empty');
  await expect(demo.locator('tr[data-variant="copy-typed"] [data-field="page-copy"]')).toHaveText('kept');
  await expect(demo.locator('tr[data-variant="shared"] [data-field="bytes"]')).toHaveText('none');
  await expect(demo.locator('[data-field="story"]')).toContainText('detached');
  await expect(demo.locator('[data-field="isolation"]')).toHaveCount(0);
  await expect(demo.locator('[data-field="lesson-cost"]')).toContainText('10,000,000 would take about');
  await expect(demo.locator('[data-field="cpu-demo-way"]')).toContainText('SharedArrayBuffer');

  // One chart for times powers of ten apart: a logarithmic axis with a bar, and its value written, for every way.
  const chart = demo.locator('pl-bar-chart');
  await drawn(chart);
  const facts = await chart.evaluate((el: PlBarChart) => ({
    type: el.chart!.scales.x.type,
    bars: el.chart!.data.datasets[0].data.length,
  }));
  expect(facts).toEqual({ type: 'logarithmic', bars: 4 });
  await expect(chart.locator('figcaption li')).toHaveCount(4);
});

test('without isolation, sharing is skipped with its reason and the three other ways still verify', async ({ page }) => {
  await page.goto(`${plainOrigin}/?demo=data&numbers=100000&sw=0`);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  const demo = page.locator('pl-data-demo');
  await expect(demo.locator('[data-field="isolation"]')).toContainText('sharing the numbers, is skipped here');
  const shareButton = demo.locator('button[data-variant="shared"]');
  await expect(shareButton).toBeDisabled();
  await expect(shareButton).toHaveAttribute('title', /cross-origin isolated/);

  await demo.locator('button[type="submit"]').click();
  const runs = await waitForRuns<DataRunResult>(page, 3);
  expect(runs.map((r) => [r.variant, r.verified])).toEqual([
    ['copy-array', true],
    ['copy-typed', true],
    ['transfer', true],
  ]);
  // Memory can be measured only on an isolated page.
  for (const run of runs) expect(run).toMatchObject({ extraBytesSource: 'computed', computedBecause: 'not-offered' });
  expect(runs[2].detached).toBe(true);
  await expect(demo.locator('[data-field="status"]')).toContainText('sharing was skipped');
  await expect(demo.locator('tr[data-variant="shared"] [data-field="verified"]')).toContainText(
    'skipped: Needs a SharedArrayBuffer',
  );
  await expect(demo.locator('[data-field="cpu-demo-way"]')).toContainText('transferred');
  // Nothing was dispatched for the way that did not run.
  expect(await runsOf(page)).toHaveLength(3);
});

test('bad input is refused at its field, and nothing starts', async ({ page }) => {
  await page.goto('./?demo=data');
  const demo = page.locator('pl-data-demo');
  const numbers = demo.locator('#numbers');
  const error = demo.locator('#numbers-error');
  await numbers.fill('0');
  await expect(error).toHaveText('Numbers: cannot be zero.');
  await expect(numbers).toHaveAttribute('aria-invalid', 'true');
  await numbers.fill('ten');
  await expect(error).toHaveText('Numbers: "ten" is not a number.');
  await numbers.fill('20,000,001');
  await expect(error).toContainText('Numbers: at most 20,000,000.');
  await expect(demo.locator('button[type="submit"]')).toBeDisabled();
  await expect(demo.locator('button[data-variant="copy-array"]')).toBeDisabled();
  await numbers.press('Enter');
  expect(await runsOf(page)).toEqual([]);
  expect(page.workers()).toHaveLength(0);
  await expect(demo.locator('[data-field="status"]')).toHaveText('');

  await numbers.fill('1,000');
  await expect(error).toHaveCount(0);
  await demo.locator('button[data-variant="copy-typed"]').click();
  const [run] = await waitForRuns<DataRunResult>(page, 1);
  expect(run).toMatchObject({ variant: 'copy-typed', verified: true, received: 1_000 });
});
