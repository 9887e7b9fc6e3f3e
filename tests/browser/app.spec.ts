import { test, expect, runsOf, waitForRuns } from './fixtures';
import type { CpuRunResult } from '../../src/experiments/cpu-rules';

test('changing demo drops the other demo’s URL settings and autorun, and keeps each demo’s results', async ({ page }) => {
  await page.goto('./?demo=cpu&numbers=100000&rounds=5&workers=2&autorun=1');
  await waitForRuns<CpuRunResult>(page, 4);

  await page.getByRole('tab', { name: /Waiting/ }).click();
  await expect(page).toHaveURL(/\?demo=io$/);
  const io = page.locator('pl-io-demo');
  await expect(io.locator('#workers')).toHaveValue('4');
  await expect(io.getByRole('button', { name: 'Run all' })).toBeEnabled();
  await page.getByRole('tab', { name: /Locks/ }).click();
  await expect(page.locator('pl-locks-demo').getByRole('button', { name: 'Run all' })).toBeEnabled();
  expect(await runsOf(page)).toHaveLength(4);

  await page.getByRole('tab', { name: /Computing/ }).click();
  const cpu = page.locator('pl-cpu-demo');
  await expect(cpu.locator('#numbers')).toHaveValue('100000');
  await expect(cpu.locator('tbody tr')).toHaveCount(4);
  expect(await runsOf(page)).toHaveLength(4);
});

test('leaving a demo while it runs stops it and shuts its workers down', async ({ page }) => {
  await page.goto('./?demo=cpu&numbers=2000000&rounds=3000&workers=2');
  const cpu = page.locator('pl-cpu-demo');
  await cpu.locator('button[data-variant="workers"]').click();
  await expect.poll(() => page.workers().length).toBe(2);
  await page.getByRole('tab', { name: /Locks/ }).click();
  await expect.poll(() => page.workers().length).toBe(0);
  await page.getByRole('tab', { name: /Computing/ }).click();
  await expect(cpu.locator('[data-field="status"]')).toContainText('Stopped');
  await expect(cpu.getByRole('button', { name: 'Run all' })).toBeEnabled();
});

test('an unknown demo name is said, and the first demo is shown', async ({ page }) => {
  await page.goto('./?demo=nonsense&numbers=5&autorun=1');
  await expect(page.locator('parallel-lab .notice[role="status"]')).toContainText('There is no demo called "nonsense"');
  await expect(page.getByRole('tab', { name: /Computing/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('pl-cpu-demo #numbers')).toHaveValue('10000000');
  expect(await runsOf(page)).toEqual([]);
});

test('the keyboard reaches everything: tabs with arrows, Home and End; Run with Enter; focus moves to Stop and back', async ({
  page,
}) => {
  await page.goto('./?demo=cpu&numbers=400000&rounds=400&workers=2');
  await page.getByRole('tab', { name: /Computing/ }).focus();
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: /Compare/ })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(page.getByRole('tab', { name: /Computing/ })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: /Compare/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: /Computing/ })).toHaveAttribute('aria-selected', 'true');

  const cpu = page.locator('pl-cpu-demo');
  await cpu.locator('button[data-variant="main-thread-tasks"]').focus();
  await page.keyboard.press('Enter');
  await expect(cpu.locator('button.stop')).toBeFocused();
  await waitForRuns<CpuRunResult>(page, 1);
  await expect(cpu.getByRole('button', { name: 'Run all' })).toBeFocused();
});

test('a demo keeps its results, status and typed values when a tab to its left is opened and closed', async ({ page }) => {
  await page.goto('./?demo=locks&increments=10000');
  const locks = page.locator('pl-locks-demo');
  await locks.locator('#widen').fill('7');
  await locks.locator('button[data-variant="async-race"]').click();
  await waitForRuns(page, 1);
  await expect(locks.locator('tbody tr')).toHaveCount(1);
  const status = await locks.locator('[data-field="status"]').textContent();
  for (const left of [/Computing/, /Waiting/]) {
    await page.getByRole('tab', { name: left }).click();
    await page.getByRole('tab', { name: /Locks/ }).click();
    await expect(locks.locator('tbody tr')).toHaveCount(1);
    await expect(locks.locator('#widen')).toHaveValue('7');
    await expect(locks.locator('[data-field="status"]')).toHaveText(status ?? '');
  }
});

test('the title follows the demo, and Back returns to the demo before', async ({ page }) => {
  await page.goto('./?demo=cpu&rounds=5');
  await expect(page).toHaveTitle(/^Computing/);
  await page.getByRole('tab', { name: /Locks/ }).click();
  await expect(page).toHaveTitle(/^Locks/);
  await page.goBack();
  await expect(page).toHaveURL(/\?demo=cpu&rounds=5$/);
  await expect(page.getByRole('tab', { name: /Computing/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveTitle(/^Computing/);
  await page.goForward();
  await expect(page.getByRole('tab', { name: /Locks/ })).toHaveAttribute('aria-selected', 'true');
});
