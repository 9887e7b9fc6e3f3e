import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, plainOrigin, waitForRuns } from './fixtures';

/** Each demo with small sizes (so Run all is quick), a field and a bad value for it, and its runs when isolated or not. */
const DEMOS = [
  { id: 'cpu', small: 'numbers=100000&rounds=5&workers=2', field: 'numbers', bad: '12x', runs: 4, plainRuns: 4 },
  { id: 'scaling', small: 'numbers=100000&rounds=5&max-workers=2', field: 'max-workers', bad: '0', runs: 3, plainRuns: 3 },
  { id: 'data', small: 'numbers=100000', field: 'numbers', bad: 'x', runs: 4, plainRuns: 3 },
  { id: 'io', small: 'latencies=50,100,150,200&sizes=1000', field: 'latencies', bad: '50, x', runs: 3, plainRuns: 3 },
  { id: 'locks', small: 'increments=10000', field: 'workers', bad: '0', runs: 6, plainRuns: 2 },
] as const;

/** axe's serious and critical violations on the page as it is now, each with the elements it found. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

const demoOf = (page: Page, id: string) => page.locator(`pl-${id}-demo`);

test.use({ colorScheme: 'light' });

for (const demo of DEMOS) {
  test(`axe finds nothing serious on the ${demo.id} demo before a run, after Run all, on a phone and with an input error`, async ({
    page,
  }) => {
    await page.goto(`./?demo=${demo.id}&${demo.small}`);
    const element = demoOf(page, demo.id);
    await expect(element.locator('button[type="submit"]')).toBeEnabled();
    expect.soft(await seriousViolations(page), 'before a run').toEqual([]);

    await element.locator('button[type="submit"]').click();
    await waitForRuns(page, demo.runs);
    await expect(element.locator('button[type="submit"]')).toBeEnabled();
    expect.soft(await seriousViolations(page), 'after Run all').toEqual([]);

    // Narrow, code blocks and tables scroll or stack: what scrolls must be reachable by keyboard.
    await page.setViewportSize({ width: 390, height: 844 });
    expect.soft(await seriousViolations(page), 'on a phone-sized screen').toEqual([]);

    await element.locator(`#${demo.field}`).fill(demo.bad);
    await expect(element.locator(`#${demo.field}`)).toHaveAttribute('aria-invalid', 'true');
    expect.soft(await seriousViolations(page), 'with an input error').toEqual([]);
  });

  test(`axe finds nothing serious on the ${demo.id} demo without isolation, before and after Run all`, async ({ page }) => {
    await page.goto(`${plainOrigin}/?demo=${demo.id}&sw=0&${demo.small}`);
    const element = demoOf(page, demo.id);
    const runAll = element.locator('button[type="submit"]');
    await expect(runAll).toBeEnabled();
    expect.soft(await seriousViolations(page), 'before a run').toEqual([]);
    await runAll.click();
    await waitForRuns(page, demo.plainRuns);
    await expect(runAll).toBeEnabled();
    expect.soft(await seriousViolations(page), 'after Run all').toEqual([]);
  });
}

test('a field’s error is announced once as it turns invalid, not again on every keystroke that changes the message', async ({
  page,
}) => {
  await page.goto('./?demo=cpu&numbers=100000&rounds=5&workers=2');
  const cpu = demoOf(page, 'cpu');
  const field = cpu.locator('#numbers');
  const error = cpu.locator('#numbers-error');
  // What the form's live regions say: a screen reader reads them out each time their text changes.
  const announced = () =>
    cpu
      .locator('form')
      .evaluate((form) =>
        [...form.querySelectorAll('[role="alert"], [role="status"], [aria-live]')].map((r) => r.textContent?.trim()).join('|'),
      );
  const said: string[] = [];
  const shown: string[] = [];
  await field.fill('');
  await expect(cpu.getByRole('button', { name: 'Run all' })).toBeDisabled();
  await field.fill('1');
  await expect(field).toHaveAttribute('aria-invalid', 'false');
  said.push(await announced());
  for (const key of ['x', 'y', 'z', 'w']) {
    await field.press(key);
    await expect(field).toHaveValue(new RegExp(`${key}$`));
    await expect(error).toContainText(key);
    said.push(await announced());
    shown.push((await error.textContent()) ?? '');
  }
  // The visible message follows every keystroke ("1x" is not a number, then "1xy"…)…
  expect(new Set(shown).size).toBe(4);
  // …but what is announced changes once, when the field turns invalid.
  const changes = said.filter((text, i) => i > 0 && text !== said[i - 1]);
  expect(changes).toHaveLength(1);
  expect(changes[0]).toContain('Numbers');

  await field.fill('100000');
  await expect(field).toHaveAttribute('aria-invalid', 'false');
  await expect(error).toHaveCount(0);
});

test('axe finds nothing serious on the Compare page before an import, after one, on a phone and with a refused file', async ({
  page,
}) => {
  await page.goto('./?demo=locks&increments=10000');
  await page.locator('pl-locks-demo button[type="submit"]').click();
  await waitForRuns(page, 6);
  await page.getByRole('tab', { name: 'Compare' }).click();
  const compare = page.locator('pl-compare');
  await expect(compare.locator('#files')).toBeVisible();
  expect.soft(await seriousViolations(page), 'before an import').toEqual([]);

  await compare.locator('[data-action="history"]').click();
  await expect(compare.locator('tbody tr')).toHaveCount(6);
  expect.soft(await seriousViolations(page), 'after an import').toEqual([]);

  await page.setViewportSize({ width: 390, height: 844 });
  expect.soft(await seriousViolations(page), 'on a phone-sized screen').toEqual([]);

  await compare.locator('#files').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('nope') });
  await expect(compare.getByRole('alert')).toContainText('not JSON');
  expect.soft(await seriousViolations(page), 'with a refused file').toEqual([]);
});
