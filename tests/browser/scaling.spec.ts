import AxeBuilder from '@axe-core/playwright';
import { test, expect, drawn, plainOrigin, runsOf, waitForRuns } from './fixtures';
import { countOf } from '../../src/core/format';
import { fitAmdahl, usableCores } from '../../src/core/scaling';
import { median } from '../../src/core/stats';
import type { ScalingCurveRun, ScalingRunResult, ScalingWorkersRun } from '../../src/experiments/scaling-rules';
import type { PlLineChart } from '../../src/ui/pl-line-chart';
import type { PlScalingDemo } from '../../src/ui/scaling/pl-scaling-demo';

// Small enough to be quick on a shared 2-core machine: 3 workers at most, twice, on little work.
const SMALL = 'demo=scaling&numbers=200000&rounds=40&max-workers=3&repeats=2';

test('the sweep verifies every point and ends with a curve whose fit reproduces its points', async ({ page }) => {
  await page.goto(`./?${SMALL}&autorun=1`);
  const runs = await waitForRuns<ScalingRunResult>(page, 7);
  const sweep = runs.slice(0, 6) as ScalingWorkersRun[];
  const curve = runs[6] as ScalingCurveRun;
  const params = { numbers: 200_000, rounds: 40, maxWorkers: 3, repeats: 2 };

  expect(sweep.map((r) => [r.sweep, r.workers])).toEqual([
    [1, 1],
    [1, 2],
    [1, 3],
    [2, 1],
    [2, 2],
    [2, 3],
  ]);
  for (const run of sweep) {
    expect(run).toMatchObject({ schema: 'parallel-lab/run@2', demo: 'scaling', variant: 'workers', verified: true, params });
    expect(run.checksum).toBe(run.expectedChecksum);
    expect(run.wallMs).toBeGreaterThan(0);
    expect(run.trace).toHaveLength(run.workers);
  }

  expect(curve).toMatchObject({ demo: 'scaling', variant: 'curve', verified: true, params, workers: 3 });
  expect(JSON.parse(JSON.stringify(curve))).toEqual(curve);
  expect(curve.reportedCores).toBe(await page.evaluate(() => navigator.hardwareConcurrency));
  // Each point is the median of its runs, and its speed-up is over the median on one worker.
  const medianOf = (w: number) => median(sweep.filter((r) => r.workers === w).map((r) => r.wallMs));
  expect(curve.points).toEqual([1, 2, 3].map((w) => ({ workers: w, wallMs: medianOf(w), speedup: medianOf(1) / medianOf(w) })));
  // The curve's reading is what the lab's own functions make of its points.
  expect(curve.usableCores).toBe(usableCores(curve.points));
  const fit = fitAmdahl(curve.points, curve.usableCores);
  expect(curve.amdahl.serialFraction).toBe(fit.serialFraction);
  expect(curve.amdahl.maxSpeedup).toBe(Number.isFinite(fit.maxSpeedup) ? fit.maxSpeedup : null);

  const demo = page.locator('pl-scaling-demo');
  await expect(demo.locator('tbody tr')).toHaveCount(3);
  await expect(demo.locator('tr[data-variant="1"] [data-field="speedup"]')).toHaveText('1.00×');
  // On a busy machine the curve may still be rising at the most workers tried: the note then says so instead.
  const flattened = curve.usableCores < 3 || curve.usableCores === curve.reportedCores;
  await expect(demo.locator('[data-field="cores"]')).toContainText(
    flattened ? `could use ${countOf(curve.usableCores, 'core')}` : 'had not flattened by the most workers tried, 3',
  );
  await expect(demo.locator('[data-field="story"]')).toContainText('One worker took');
  await expect(demo.locator('[data-field="status"]')).toContainText('every run verified');
  const chart = demo.locator('pl-line-chart');
  await drawn(chart);
  const labels = await chart.evaluate((el: PlLineChart) => el.chart!.data.datasets.map((d) => d.label));
  expect(labels).toContain('Measured');
  expect(labels.some((l) => l?.startsWith('Ideal'))).toBe(true);
});

test('Stop mid-sweep stops at once, and the next sweep verifies every point', async ({ page }) => {
  // Enough work that the sweep is still going when Stop is pressed.
  await page.goto('./?demo=scaling&numbers=1000000&rounds=1500&max-workers=2&repeats=1');
  const demo = page.locator('pl-scaling-demo');
  await demo.getByRole('button', { name: 'Run the sweep' }).click();
  await expect.poll(() => page.workers().length).toBeGreaterThan(0);
  await demo.locator('button.stop').click();
  await expect(demo.locator('[data-field="status"]')).toContainText('Stopped');
  await expect.poll(() => page.workers().length).toBe(0);
  const stopped = await runsOf<ScalingRunResult>(page);
  expect(stopped.filter((r) => r.variant === 'curve')).toEqual([]);

  await demo.locator('#rounds').fill('20');
  await demo.locator('#numbers').fill('100000');
  await demo.getByRole('button', { name: 'Run the sweep' }).click();
  const runs = await waitForRuns<ScalingRunResult>(page, stopped.length + 3);
  const again = runs.slice(stopped.length);
  expect(again.map((r) => [r.variant, r.workers])).toEqual([
    ['workers', 1],
    ['workers', 2],
    ['curve', 2],
  ]);
  for (const run of again) expect(run.verified).toBe(true);
});

test('without isolation each worker gets its part transferred, every point still verifies, and axe finds nothing serious', async ({
  page,
}) => {
  await page.goto(`${plainOrigin}/?demo=scaling&sw=0&numbers=100000&rounds=20&max-workers=2`);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  await page.locator('pl-scaling-demo button[type="submit"]').click();
  const runs = await waitForRuns<ScalingRunResult>(page, 3);
  expect(runs.map((r) => [r.variant, r.verified])).toEqual([
    ['workers', true],
    ['workers', true],
    ['curve', true],
  ]);
  for (const run of runs.slice(0, 2)) expect((run as ScalingWorkersRun).dataTransfer).toBe('transferred');
  await expect(page.locator('pl-scaling-demo button[type="submit"]')).toBeEnabled();
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});

const badInputs: Array<[string, string, string]> = [
  ['#max-workers', '0', 'Most workers: cannot be zero.'],
  ['#max-workers', '65', 'Most workers: at most 64.'],
  ['#repeats', '10', 'Repeats: at most 9.'],
  ['#repeats', '1.5', 'Repeats: must be a whole number'],
  ['#numbers', '999', 'Numbers: must be at least 1,000.'],
];

test('bad input is refused where it was typed, and nothing starts', async ({ page }) => {
  await page.goto(`./?${SMALL}`);
  const demo = page.locator('pl-scaling-demo');
  const run = demo.getByRole('button', { name: 'Run the sweep' });
  for (const [field, value, message] of badInputs) {
    const good = await demo.locator(field).inputValue();
    await demo.locator(field).fill(value);
    await expect(demo.locator(`${field}-error`)).toContainText(message);
    await expect(demo.locator(field)).toHaveAttribute('aria-invalid', 'true');
    await expect(run).toBeDisabled();
    await demo.locator(field).press('Enter');
    await demo.locator(field).fill(good);
    await expect(demo.locator(`${field}-error`)).toHaveCount(0);
    await expect(run).toBeEnabled();
  }
  expect(await runsOf(page)).toEqual([]);
  expect(page.workers()).toHaveLength(0);
});

test('calibrates the work per number when none is given, and reads its settings only from a URL it is given', async ({
  page,
}) => {
  await page.goto('./?demo=scaling&numbers=100000&max-workers=5');
  const demo = page.locator('pl-scaling-demo');
  await expect(demo.locator('[data-field="calibration"]')).toContainText('so one worker takes about 1,000 ms');
  expect(Number(await demo.locator('#rounds').inputValue())).toBeGreaterThanOrEqual(1);
  await expect(demo.locator('#max-workers')).toHaveValue('5');

  // Placed on a page without `url-params`, it keeps its defaults whatever the address says.
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const standalone = await page.evaluate(async () => {
    const el = document.createElement('pl-scaling-demo') as PlScalingDemo;
    document.body.append(el);
    await el.updateComplete;
    return { maxWorkers: el.maxWorkers, numbers: el.numbers };
  });
  expect(standalone).toEqual({ maxWorkers: String(Math.min(64, Math.max(8, 2 * cores))), numbers: '1000000' });
});
