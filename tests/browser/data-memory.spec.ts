import { test, expect, waitForRuns } from './fixtures';
import { chromiumArgs, chromiumPath } from '../../scripts/browsers.mjs';
import type { DataRunResult } from '../../src/experiments/data-rules';

// Chromium otherwise measures memory at its next garbage collection, seconds away, and the data demo computes instead:
// this file's browser measures at once, so the measured path is tested.
test.use({
  launchOptions: { executablePath: chromiumPath(), args: [...chromiumArgs, '--enable-blink-features=ForceEagerMeasureMemory'] },
});

test('a copy is measured to add about the numbers’ size, a transfer about nothing', async ({ page }) => {
  await page.goto('./?demo=data&numbers=2000000');
  const demo = page.locator('pl-data-demo');
  await demo.locator('button[data-variant="copy-typed"]').click();
  await waitForRuns(page, 1);
  await demo.locator('button[data-variant="transfer"]').click();
  const [copy, transferred] = await waitForRuns<DataRunResult>(page, 2);
  const size = 2_000_000 * 8;
  expect(copy).toMatchObject({ verified: true, extraBytesSource: 'measured' });
  expect(copy.computedBecause).toBeUndefined();
  expect(copy.extraBytes).toBeGreaterThan(size / 2);
  expect(copy.extraBytes).toBeLessThan(size * 2);
  expect(transferred).toMatchObject({ verified: true, extraBytesSource: 'measured', detached: true });
  expect(Math.abs(transferred.extraBytes)).toBeLessThan(size / 2);
  await expect(demo.locator('tr[data-variant="copy-typed"] [data-field="extra-memory"]')).toContainText('measured');
});
