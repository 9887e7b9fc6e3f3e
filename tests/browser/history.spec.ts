import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { parseResultsFile, type ResultsFile } from '../../src/core/results-file';
import { test, expect, waitForRuns } from './fixtures';

/** The locks demo at a small size: Run all makes 6 quick runs. */
const LOCKS = './?demo=locks&increments=10000';
const LOCKS_RUNS = 6;

const historyPanel = (page: Page) => page.locator('pl-run-history');

/** The history as the page stored it. */
async function stored(page: Page): Promise<ResultsFile | null> {
  const text = await page.evaluate(() => localStorage.getItem('parallel-lab:history'));
  if (text === null) return null;
  const parsed = parseResultsFile(text);
  expect(parsed.ok, 'the stored history is a results file').toBe(true);
  return parsed.ok ? parsed.file : null;
}

async function runLocks(page: Page): Promise<void> {
  await page.goto(LOCKS);
  const runAll = page.locator('pl-locks-demo button[type="submit"]');
  await runAll.click();
  await waitForRuns(page, LOCKS_RUNS);
  await expect(runAll).toBeEnabled();
}

/** Clicks an Export button and returns the downloaded file's name and text. */
async function exported(page: Page, format: 'json' | 'csv' | 'md'): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    historyPanel(page).locator(`[data-export="${format}"]`).click(),
  ]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

test('every finished run is kept with its environment, slim, and the history survives a reload', async ({ page }) => {
  await runLocks(page);
  const count = historyPanel(page).locator('[data-field="history-count"]');
  await expect(count).toHaveText(`${LOCKS_RUNS} runs`);

  const file = (await stored(page))!;
  expect(file.runs).toHaveLength(LOCKS_RUNS);
  for (const run of file.runs) {
    expect(run).toMatchObject({
      schema: 'parallel-lab/run@2',
      demo: 'locks',
      trace: [],
      environment: { engine: 'Blink', crossOriginIsolated: true },
    });
    expect(run.environment.reportedCores).toBeGreaterThanOrEqual(1);
    expect(run.environment.coreLimit).toBeUndefined();
  }

  await page.reload();
  await expect(count).toHaveText(`${LOCKS_RUNS} runs`);
  expect((await stored(page))!.runs).toEqual(file.runs);
});

test('Clear empties the history, and it stays empty after a reload', async ({ page }) => {
  await runLocks(page);
  const panel = historyPanel(page);
  await panel.locator('[data-action="clear"]').click();
  await expect(panel.locator('[data-field="history-count"]')).toHaveText('0 runs');
  await expect(panel.getByRole('status')).toHaveText(`Cleared ${LOCKS_RUNS} runs from the history.`);
  expect(await stored(page)).toBeNull();
  await page.reload();
  await expect(panel.locator('[data-field="history-count"]')).toHaveText('0 runs');
  await expect(panel.locator('[data-export="json"]')).toBeDisabled();
});

test('Export writes the history as a results file, as CSV and as a Markdown table', async ({ page }) => {
  await runLocks(page);
  const history = (await stored(page))!;

  const json = await exported(page, 'json');
  expect(json.name).toMatch(/^parallel-lab-results-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.json$/);
  const parsed = parseResultsFile(json.text);
  expect(parsed.ok).toBe(true);
  if (parsed.ok) expect(parsed.file.runs).toEqual(history.runs);

  const csv = (await exported(page, 'csv')).text.trimEnd().split('\r\n');
  expect(csv).toHaveLength(LOCKS_RUNS + 1);
  expect(csv[0]).toMatch(/^demo,variant,wallMs,workers,verified,/);
  expect(csv[1]).toContain(`locks,${history.runs[0].variant},${history.runs[0].wallMs},`);

  const markdown = (await exported(page, 'md')).text.split('\n');
  expect(markdown.filter((line) => line.startsWith('| locks |'))).toHaveLength(LOCKS_RUNS);
  await expect(historyPanel(page).getByRole('status')).toHaveText(/^Exported 6 runs as parallel-lab-results-.*\.md\.$/);
});

test('when storage is full the lab says so plainly, keeps the runs of this visit, and goes on working', async ({ page }) => {
  // A full disk, made in the page: the browser refuses every write as it does when the origin's quota is used up.
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await runLocks(page);
  const panel = historyPanel(page);
  await expect(panel.getByRole('alert')).toHaveText(
    `This browser's storage for the lab is full (QuotaExceededError): ${LOCKS_RUNS} runs of this visit will be gone after a reload. Export the history to keep them, then clear it to make room.`,
  );
  await expect(panel.locator('[data-field="history-count"]')).toHaveText(`${LOCKS_RUNS} runs`);
  await expect(page.locator('pl-locks-demo tbody tr')).toHaveCount(LOCKS_RUNS);
  const json = parseResultsFile((await exported(page, 'json')).text);
  expect(json.ok && json.file.runs.length).toBe(LOCKS_RUNS);
});

test('when the browser refuses storage altogether the lab says history is off and goes on working', async ({ page }) => {
  // What a browser that blocks site data does: reading `localStorage` throws.
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await runLocks(page);
  const panel = historyPanel(page);
  await expect(panel.getByRole('alert')).toContainText(
    'Run history is off: this browser does not let the lab keep data (SecurityError).',
  );
  await expect(panel.locator('[data-field="history-count"]')).toHaveText(`${LOCKS_RUNS} runs`);
  await expect(page.locator('pl-locks-demo tbody tr')).toHaveCount(LOCKS_RUNS);
});
