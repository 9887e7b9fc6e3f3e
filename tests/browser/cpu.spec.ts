import { test, expect, plainOrigin, runsOf, waitForRuns } from './fixtures';
import { lanesOf, lanesOverlap, type TraceEvent } from '../../src/core/trace';
import type { CpuRunResult } from '../../src/experiments/cpu-rules';

// Small enough to be quick on a shared 2-core machine, big enough that two workers' chunks overlap.
const SMALL = 'demo=cpu&numbers=400000&rounds=60&workers=2&chunk-size=50';

test('runs every variant to a verified result, in order', async ({ page }) => {
  await page.goto(`./?${SMALL}&autorun=1`);
  const runs = await waitForRuns<CpuRunResult>(page, 4);
  expect(runs.map((r) => r.variant)).toEqual(['serial', 'main-thread-tasks', 'pool-map', 'workers']);
  for (const run of runs) {
    expect(run.schema).toBe('parallel-lab/run@2');
    expect(run.demo).toBe('cpu');
    expect(run.verified).toBe(true);
    expect(run.checksum).toBe(run.expectedChecksum);
    expect(run.params).toEqual({ numbers: 400_000, rounds: 60, workers: 2, chunkSize: 50 });
    expect(run.wallMs).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(run))).toEqual(run);
  }
  const pool = runs[2];
  expect(pool.projected).toBe(true);
  expect(pool.sampleSize).toBe(20_000);
  await expect(page.locator('pl-cpu-demo').locator('[data-field="story"]')).toContainText('worker');
  await expect(page.locator('pl-cpu-demo').locator('tbody tr')).toHaveCount(4);
});

test('workers run in parallel: one lane per worker, computing at the same time on two cores, with cold start apart', async ({
  page,
}) => {
  await page.goto(`./?${SMALL}`);
  const demo = page.locator('pl-cpu-demo');
  await demo.locator('button[data-variant="workers"]').click();
  const [run] = await waitForRuns<CpuRunResult>(page, 1);
  expect(run.verified).toBe(true);
  expect(run.workers).toBe(2);
  expect(lanesOf(run.trace).sort()).toEqual(['worker 1', 'worker 2']);
  // The spans are taken inside the workers, so they overlap only if the workers really computed at once.
  if ((await page.evaluate(() => navigator.hardwareConcurrency)) >= 2) expect(lanesOverlap(run.trace)).toBe(true);
  for (const e of run.trace) {
    expect(e.startMs).toBeGreaterThanOrEqual(-1);
    expect(e.endMs).toBeLessThanOrEqual(run.sampleWallMs + 1);
  }
  expect(run.coldStartMs).toHaveLength(2);
  expect(run.dataTransfer).toBe('shared');

  // Warm workers are reused: the second run starts none.
  await demo.locator('button[data-variant="workers"]').click();
  const runs = await waitForRuns<CpuRunResult>(page, 2);
  expect(runs[1].verified).toBe(true);
  expect(runs[1].coldStartMs).toEqual([]);
});

test('without isolation the workers get their parts transferred, and the result is still verified', async ({ page }) => {
  await page.goto(`${plainOrigin}/?${SMALL}&sw=0`);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  await page.locator('pl-cpu-demo button[data-variant="workers"]').click();
  const [run] = await waitForRuns<CpuRunResult>(page, 1);
  expect(run.verified).toBe(true);
  expect(run.dataTransfer).toBe('transferred');
  expect(lanesOf(run.trace).sort()).toEqual(['worker 1', 'worker 2']);
});

test('the pool chunks as Python does by default, and big chunks are measured in full on every worker', async ({ page }) => {
  await page.goto('./?demo=cpu&numbers=400000&rounds=20&workers=2');
  const demo = page.locator('pl-cpu-demo');
  await demo.locator('button[data-variant="pool-map"]').click();
  const [python] = await waitForRuns<CpuRunResult>(page, 1);
  expect(python.verified).toBe(true);
  // Pool.map's rule: 400,000 ÷ (4 × 2 workers).
  expect(python.params.chunkSize).toBe(50_000);
  expect(python.projected).toBe(false);
  expect(python.trace).toHaveLength(8);
  expect(lanesOf(python.trace).sort()).toEqual(['worker 1', 'worker 2']);

  // A chunk bigger than the old fixed sample: still every worker gets messages, and nothing is projected.
  await demo.locator('#chunk-size').fill('100000');
  await demo.locator('button[data-variant="pool-map"]').click();
  const [, big] = await waitForRuns<CpuRunResult>(page, 2);
  expect(big.verified).toBe(true);
  expect(big.sampleSize).toBe(400_000);
  expect(big.projected).toBe(false);
  expect(lanesOf(big.trace).sort()).toEqual(['worker 1', 'worker 2']);
  await expect(demo.locator('[data-field="story"]')).toContainText('The pool sent 4 messages of 100,000 numbers');
});

test('the serial run blocks the frames for its whole run and no longer, and the meter reads that run', async ({ page }) => {
  // Ten times the numbers of the earlier runs: allocating them happens outside the timing and must not be charged to it.
  await page.goto('./?demo=cpu&numbers=4000000&rounds=5&workers=2');
  await page.locator('pl-cpu-demo button[data-variant="serial"]').click();
  const [run] = await waitForRuns<CpuRunResult>(page, 1);
  expect(run.longestFrameGapMs).toBeGreaterThanOrEqual(run.wallMs - 1);
  expect(run.longestFrameGapMs).toBeLessThanOrEqual(run.wallMs + 1);
  expect(run.longestBlockMs).toBeGreaterThanOrEqual(run.wallMs - 1);
  const meter = page.locator('pl-cpu-demo pl-frame-meter');
  await expect(meter.locator('[data-field="longest-gap"]')).toHaveText(`${Math.round(run.longestFrameGapMs)} ms`);
  await expect(meter.locator('[data-field="meter-text"]')).toContainText('Longest pause during Serial (main thread)');
  if (run.wallMs >= 200) await expect(meter.locator('[data-field="verdict"]')).toHaveText(/^the page froze/);
  const row = page.locator('pl-cpu-demo tr[data-variant="serial"]');
  await expect(row.locator('td[data-label="Longest frame gap"]')).toHaveText(
    `${Math.round(run.longestFrameGapMs).toLocaleString('en-US')} ms`,
  );
});

test('main-thread tasks take turns: four lanes whose slices interleave', async ({ page }) => {
  await page.goto(`./?${SMALL}`);
  await page.locator('pl-cpu-demo button[data-variant="main-thread-tasks"]').click();
  const [run] = await waitForRuns<CpuRunResult>(page, 1);
  expect(run.verified).toBe(true);
  const trace: TraceEvent[] = run.trace;
  expect(lanesOf(trace).sort()).toEqual(['task 1', 'task 2', 'task 3', 'task 4']);
  // They do interleave: some task starts a slice before another task's last slice.
  const lastEnd = (lane: string) => Math.max(...trace.filter((e) => e.lane === lane).map((e) => e.endMs));
  const firstStart = (lane: string) => Math.min(...trace.filter((e) => e.lane === lane).map((e) => e.startMs));
  expect(firstStart('task 2')).toBeLessThan(lastEnd('task 1'));
});

test('Stop ends a run, terminates its workers, and the next run succeeds', async ({ page }) => {
  // Enough work that the run is still going when Stop is pressed.
  await page.goto('./?demo=cpu&numbers=2000000&rounds=3000&workers=2');
  const demo = page.locator('pl-cpu-demo');
  await demo.locator('button[data-variant="workers"]').click();
  await expect.poll(() => page.workers().length).toBe(2);
  await expect(demo.locator('button.stop')).toBeEnabled();
  await demo.locator('button.stop').click();
  await expect(demo.locator('[data-field="status"]')).toContainText('Stopped');
  await expect.poll(() => page.workers().length).toBe(0);
  expect(await runsOf(page)).toEqual([]);

  await demo.locator('#rounds').fill('20');
  await demo.locator('#numbers').fill('200000');
  await demo.locator('button[data-variant="workers"]').click();
  const [run] = await waitForRuns<CpuRunResult>(page, 1);
  expect(run.verified).toBe(true);
  expect(run.coldStartMs).toHaveLength(2);
});

test('Stop during Run all ends the whole sequence, keeping the runs already finished', async ({ page }) => {
  await page.goto('./?demo=cpu&numbers=2000000&rounds=400&workers=2&autorun=1');
  const demo = page.locator('pl-cpu-demo');
  const [serial] = await waitForRuns<CpuRunResult>(page, 1);
  expect(serial.variant).toBe('serial');
  await demo.locator('button.stop').click();
  await expect(demo.getByRole('button', { name: 'Run all' })).toBeEnabled();
  await expect(demo.locator('[data-field="status"]')).toContainText('Stopped');
  const runs = await runsOf<CpuRunResult>(page);
  expect(runs.length).toBeLessThan(4);
  await expect(demo.locator('tbody tr[data-variant="serial"] [data-field="verified"]')).toHaveText('verified');
});

const badInputs: Array<[string, string, string]> = [
  ['#numbers', '', 'Numbers: enter a whole number.'],
  ['#numbers', '0', 'Numbers: cannot be zero.'],
  ['#numbers', '-5', 'Numbers: cannot be negative.'],
  ['#numbers', '2.5', 'Numbers: must be a whole number, not 2.5.'],
  ['#numbers', 'lots', 'Numbers: "lots" is not a number.'],
  ['#numbers', '20000001', 'Numbers: at most 20,000,000.'],
  ['#rounds', '1.5', 'Work per number: must be a whole number, not 1.5.'],
  ['#workers', '0', 'Workers: cannot be zero.'],
  ['#workers', '65', 'Workers: at most 64.'],
  ['#chunk-size', 'x', 'Numbers per message: "x" is not a number.'],
];

test('bad input is refused where it was typed, and nothing starts', async ({ page }) => {
  await page.goto(`./?${SMALL}`);
  const demo = page.locator('pl-cpu-demo');
  for (const [field, value, message] of badInputs) {
    const good = await demo.locator(field).inputValue();
    await demo.locator(field).fill(value);
    await expect(demo.locator(`${field}-error`)).toContainText(message);
    await expect(demo.locator(field)).toHaveAttribute('aria-invalid', 'true');
    await expect(demo.getByRole('button', { name: 'Run all' })).toBeDisabled();
    await expect(demo.locator('button[data-variant="serial"]')).toBeDisabled();
    await demo.locator(field).press('Enter');
    await demo.locator(field).fill(good);
    await expect(demo.locator(`${field}-error`)).toHaveCount(0);
  }
  expect(await runsOf(page)).toEqual([]);
  expect(page.workers()).toHaveLength(0);
});

test('calibrates the work per number when none is given, says why, and again on request', async ({ page }) => {
  await page.goto('./?demo=cpu&numbers=1000000');
  const demo = page.locator('pl-cpu-demo');
  const note = demo.locator('[data-field="calibration"]');
  await expect(note).toContainText('so the serial run takes about 1,000 ms');
  const rounds = Number(await demo.locator('#rounds').inputValue());
  expect(Number.isInteger(rounds) && rounds >= 1).toBe(true);

  // The note speaks of the numbers it was made for: it goes when they change, and Calibrate fits the work to the new ones.
  await demo.locator('#numbers').fill('100000');
  await expect(note).toHaveCount(0);
  await demo.getByRole('button', { name: 'Calibrate' }).click();
  await expect(note).toContainText('so the serial run takes about 1,000 ms');
  expect(Number(await demo.locator('#rounds').inputValue())).toBeGreaterThan(rounds);
});

test('Run is ready before the work per number is chosen: with none given, a run chooses it first', async ({ page }) => {
  await page.goto('./?demo=cpu&numbers=100000');
  const demo = page.locator('pl-cpu-demo');
  await expect(demo.locator('[data-field="calibration"]')).toBeVisible();
  await demo.locator('#rounds').fill('');
  await expect(demo.locator('#rounds-error')).toHaveCount(0);
  await expect(demo.locator('#rounds')).not.toHaveAttribute('aria-invalid', 'true');
  await demo.getByRole('button', { name: 'Serial' }).click();
  const [run] = await waitForRuns(page, 1);
  await expect(demo.locator('[data-field="calibration"]')).toContainText('so the serial run takes about 1,000 ms');
  const rounds = Number(await demo.locator('#rounds').inputValue());
  expect(rounds).toBeGreaterThanOrEqual(1);
  expect(run).toMatchObject({ variant: 'serial', verified: true, params: { rounds } });
});

test('shows the environment: cores, isolation and shared memory', async ({ page }) => {
  await page.goto('./');
  const panel = page.locator('pl-environment-panel');
  await expect(panel.locator('[data-field="isolated"]')).toHaveText('yes');
  await expect(panel.locator('[data-field="sab"]')).toHaveText('yes');
  await expect(panel.locator('[data-field="cores"]')).toContainText(
    String(await page.evaluate(() => navigator.hardwareConcurrency)),
  );
  await expect(panel.locator('[data-field="browser"]')).toContainText('Chrome');
  await expect(panel.locator('[data-field="timer"]')).toHaveText(/^\d+(\.\d)? (µs|ms)$/);
});

test('bad numbers in the URL are refused without starting; fixing them chooses the work and enables Run', async ({ page }) => {
  await page.goto('./?demo=cpu&numbers=-1&autorun=1');
  const demo = page.locator('pl-cpu-demo');
  await expect(demo.locator('#numbers-error')).toHaveText('Numbers: cannot be negative.');
  // An empty work per number is no error: it is chosen once the numbers are good.
  await expect(demo.locator('#rounds-error')).toHaveCount(0);
  await expect(demo.getByRole('button', { name: 'Run all' })).toBeDisabled();
  await demo.locator('#numbers').fill('100000');
  await expect(demo.locator('[data-field="calibration"]')).toBeVisible();
  await expect(demo.getByRole('button', { name: 'Run all' })).toBeEnabled();
  expect(await runsOf(page)).toEqual([]);
});

test('the workers variant moves its progress bar while the parts run, and Stop ends it', async ({ page }) => {
  // Seconds of work in each of two parts: with one report per finished part, the bar would stay at 0 until the end.
  await page.goto('./?demo=cpu&numbers=2000000&rounds=3000&workers=2');
  const demo = page.locator('pl-cpu-demo');
  await demo.locator('button[data-variant="workers"]').click();
  const progress = demo.locator('progress');
  await expect.poll(() => progress.evaluate((el: HTMLProgressElement) => el.value)).toBeGreaterThan(0);
  // Still running: no result yet, and the bar short of the end.
  expect(await runsOf(page)).toEqual([]);
  expect(await progress.evaluate((el: HTMLProgressElement) => el.value)).toBeLessThan(1);
  await demo.locator('button.stop').click();
  await expect(demo.locator('[data-field="status"]')).toContainText('Stopped');
  await expect.poll(() => page.workers().length).toBe(0);
  expect(await runsOf(page)).toEqual([]);
});
