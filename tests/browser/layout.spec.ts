import type { Locator, Page } from '@playwright/test';
import { SMALL_DEMOS as DEMOS, test, expect, waitForRuns } from './fixtures';

const demoOf = (page: Page, id: string) => page.locator(`pl-${id}-demo`);

/**
 * Layout places boxes in fractions of a pixel, but the page scrolls in whole ones: a box scrolled into view
 * against the screen's edge may end up to a pixel past it (844.4 on an 844-pixel screen) and still be seen whole.
 */
const SUBPIXEL = 1;

/** Fails unless `locator` lies wholly inside the viewport, as laid out now (without scrolling to it). */
async function expectInViewport(page: Page, locator: Locator): Promise<void> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, 'laid out').not.toBeNull();
  expect(box!.x).toBeGreaterThan(-SUBPIXEL);
  expect(box!.y).toBeGreaterThan(-SUBPIXEL);
  expect(box!.x + box!.width).toBeLessThan(viewport.width + SUBPIXEL);
  expect(box!.y + box!.height).toBeLessThan(viewport.height + SUBPIXEL);
}

test.describe('on a laptop screen (1280×800)', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  for (const demo of DEMOS) {
    test(`the ${demo.id} demo's Run all button is visible right after load, without scrolling`, async ({ page }) => {
      await page.goto(`./?demo=${demo.id}`);
      const runAll = demoOf(page, demo.id).locator('button[type="submit"]');
      await expect(runAll).toBeVisible();
      expect(await page.evaluate(() => scrollY)).toBe(0);
      await expectInViewport(page, runAll);
    });
  }
});

test.describe('on a phone (390×844)', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the tabs lie in two even rows on the screen, and none of their text is cut off', async ({ page }) => {
    await page.goto('./?demo=cpu');
    const tabs = page.getByRole('tab');
    await expect(tabs).toHaveCount(7);
    const tops = new Set<number>();
    for (const tab of await tabs.all()) {
      await expectInViewport(page, tab);
      expect(await tab.evaluate((t) => t.scrollWidth <= t.clientWidth && t.scrollHeight <= t.clientHeight)).toBe(true);
      tops.add(Math.round((await tab.boundingBox())!.y));
    }
    expect([...tops]).toHaveLength(2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  for (const demo of DEMOS) {
    test(`after Run all the ${demo.id} demo's results fit the screen, each figure beside its label, without sideways scrolling`, async ({
      page,
    }) => {
      await page.goto(`./?demo=${demo.id}&${demo.small}`);
      const element = demoOf(page, demo.id);
      await element.locator('button[type="submit"]').click();
      await waitForRuns(page, demo.runs);
      await expect(element.locator('button[type="submit"]')).toBeEnabled();

      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const tables = element.locator('table');
      expect(await tables.count()).toBeGreaterThan(0);
      for (const table of await tables.all()) {
        const fits = await table.evaluate((t) => {
          const wrap = t.parentElement!;
          return t.scrollWidth <= t.clientWidth && wrap.scrollWidth <= wrap.clientWidth;
        });
        expect(fits, 'the table does not scroll sideways').toBe(true);
      }
      // The figures that matter, each on screen with its label: time and speed-up, counted and lost, each request's times.
      const keyCells = {
        cpu: ['Time', 'Speed-up'],
        scaling: ['Time', 'Speed-up'],
        data: ['Time', 'Bytes copied'],
        io: ['Wall time', 'Sent', 'Done', 'Took'],
        locks: ['Counted', 'Lost'],
      }[demo.id];
      for (const name of keyCells) {
        const cells = element.locator(`tbody td[data-label="${name}"]`);
        expect(await cells.count(), `cells labelled ${name}`).toBeGreaterThan(0);
        for (const cell of await cells.all()) {
          await cell.scrollIntoViewIfNeeded();
          await expect(cell).toBeVisible();
          await expectInViewport(page, cell);
        }
      }
    });
  }
});
