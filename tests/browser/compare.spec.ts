import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { formatMs } from '../../src/core/format';
import { RESULTS_MAX_BYTES, parseResultsFile, resultsFile, savedRun, type RunEnvironment } from '../../src/core/results-file';
import type { DemoId, RunResultBase } from '../../src/core/run-result';
import { test, expect, waitForRuns } from './fixtures';

const compareOf = (page: Page) => page.locator('pl-compare');

const environment = (browser: string, coreLimit: number): RunEnvironment => ({
  browser,
  browserVersion: '1.0',
  engine: 'unknown',
  os: 'Linux',
  reportedCores: 4,
  coreLimit,
  crossOriginIsolated: true,
  timerResolutionMs: 0.1,
  userAgent: `${browser}/1.0`,
});

const run = (variant: string, wallMs: number): RunResultBase<DemoId, string, unknown> => ({
  schema: 'parallel-lab/run@2',
  demo: 'cpu',
  variant,
  params: { numbers: 100_000 },
  wallMs,
  workers: 2,
  verified: true,
  startedAt: `2026-01-01T00:00:0${Math.round(wallMs) % 10}.000Z`,
  longestFrameGapMs: 16,
  longestBlockMs: null,
  trace: [],
});

/** A results file of one machine: serial and workers runs of the CPU demo. */
function machineFile(browser: string, coreLimit: number, serialMs: number, workersMs: number): string {
  const env = environment(browser, coreLimit);
  return JSON.stringify(resultsFile([savedRun(run('serial', serialMs), env), savedRun(run('workers', workersMs), env)]));
}

const file = (name: string, text: string | Buffer) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

/** Drops `files` on the Compare page, as a visitor dragging them from their desktop. */
async function drop(page: Page, files: Array<{ name: string; text: string }>): Promise<void> {
  const transfer = await page.evaluateHandle((list) => {
    const data = new DataTransfer();
    for (const f of list) data.items.add(new File([f.text], f.name, { type: 'application/json' }));
    return data;
  }, files);
  await compareOf(page).locator('section.drop').dispatchEvent('drop', { dataTransfer: transfer });
}

test('a run exported as JSON and imported in Compare shows the same numbers', async ({ page }) => {
  await page.goto('./?demo=locks&increments=10000');
  await page.locator('pl-locks-demo button[type="submit"]').click();
  const runs = await waitForRuns<RunResultBase<DemoId, string, unknown>>(page, 6);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('pl-run-history [data-export="json"]').click(),
  ]);
  const text = await readFile(await download.path(), 'utf8');
  const exported = parseResultsFile(text);
  expect(exported.ok).toBe(true);
  if (!exported.ok) return;
  // Exactly the runs the page dispatched, less their traces.
  const bare = (r: object) =>
    Object.fromEntries(Object.entries(r).filter(([name]) => !['environment', 'trace', 'traceLength'].includes(name)));
  expect(exported.file.runs.map(bare)).toEqual(runs.map(bare));

  await page.getByRole('tab', { name: 'Compare' }).click();
  const compare = compareOf(page);
  await compare.locator('#files').setInputFiles(file(download.suggestedFilename(), text));
  await expect(compare.getByRole('status')).toHaveText(`Added 6 runs from ${download.suggestedFilename()}.`);
  const rows = compare.locator('table tbody tr');
  await expect(rows).toHaveCount(6);
  for (const saved of exported.file.runs) {
    const cell = compare.locator(`tr[data-variant="${saved.variant}"] td[data-field="machine-0"] [data-ms]`);
    await expect(cell).toHaveAttribute('data-ms', String(saved.wallMs));
    await expect(cell).toHaveText(formatMs(saved.wallMs));
  }
  const machine = exported.file.runs[0].environment;
  await expect(compare.locator('thead th').nth(1)).toHaveText(
    `${machine.browser} ${machine.browserVersion} · ${machine.reportedCores} core${machine.reportedCores === 1 ? '' : 's'} reported`,
  );

  // The history of this browser holds the same runs: added too, none is counted twice.
  await compare.locator('[data-action="history"]').click();
  await expect(compare.getByRole('status')).toHaveText(
    "Added 0 runs from this browser's history (6 runs already here left out).",
  );
  await expect(rows).toHaveCount(6);
});

test('files dropped together from several machines are shown side by side, grouped by browser and core limit', async ({
  page,
}) => {
  await page.goto('./?demo=compare');
  await drop(page, [
    { name: 'firefox.json', text: machineFile('Firefox', 1, 900, 880) },
    { name: 'chromium.json', text: machineFile('Chromium', 2, 800, 410) },
  ]);
  const compare = compareOf(page);
  await expect(compare.locator('thead th')).toHaveText([
    'Variant',
    'Firefox 1.0 · 1 core (limit)',
    'Chromium 1.0 · 2 cores (limit)',
  ]);
  await expect(compare.locator('tr[data-variant="workers"] td')).toHaveText(['workers', '880 ms', '410 ms']);
  await expect(compare.locator('pl-bar-chart figcaption li')).toHaveText([
    'serial · Firefox 1.0 · 1 core (limit): 900 ms',
    'serial · Chromium 1.0 · 2 cores (limit): 800 ms',
    'workers · Firefox 1.0 · 1 core (limit): 880 ms',
    'workers · Chromium 1.0 · 2 cores (limit): 410 ms',
  ]);
  await compare.getByRole('button', { name: 'Remove firefox.json' }).click();
  await expect(compare.locator('thead th')).toHaveText(['Variant', 'Chromium 1.0 · 2 cores (limit)']);
});

const good = machineFile('Chromium', 2, 800, 410);
const broken = (edit: (data: { schema: string; runs: Array<Record<string, unknown>> }) => void) => {
  const data = JSON.parse(good) as { schema: string; runs: Array<Record<string, unknown>> };
  edit(data);
  return JSON.stringify(data);
};
const BAD_FILES: Array<{ name: string; text: string | Buffer; says: string }> = [
  { name: 'notes.json', text: 'these are my notes', says: 'This is not a results file: it is not JSON' },
  { name: 'other.json', text: '{"schema":"someone/else@1","runs":[]}', says: 'its schema must be "parallel-lab/results@1"' },
  { name: 'future.json', text: broken((d) => (d.schema = 'parallel-lab/results@2')), says: 'version "parallel-lab/results@2"' },
  {
    name: 'huge.json',
    text: Buffer.alloc(RESULTS_MAX_BYTES + 1, 32),
    says: 'This file has 10,000,001 bytes: more than the 10,000,000 (10 MB) a results file may have.',
  },
  {
    name: 'missing.json',
    text: broken((d) => delete d.runs[1].wallMs),
    says: 'Run 2: wallMs must be a number of milliseconds (0 or more), but it is missing.',
  },
  {
    name: 'types.json',
    text: broken((d) => (d.runs[0].verified = 'yes')),
    says: 'Run 1: verified must be true or false, but it is the text "yes".',
  },
  {
    name: 'hostile.json',
    text: broken((d) => (d.runs[0].workers = '<img src=x onerror=alert(1)>\u202e')),
    says: 'Run 1: workers must be a whole number, 1 or more, but it is the text "<img src=x onerror=alert(1)>[U+202E]".',
  },
];

test('every kind of bad file is refused with what was wrong, and changes nothing', async ({ page }) => {
  await page.goto('./?demo=compare');
  const compare = compareOf(page);
  await compare.locator('#files').setInputFiles(file('good.json', good));
  await expect(compare.locator('tbody tr')).toHaveCount(2);
  const table = await compare.locator('table').innerHTML();

  for (const bad of BAD_FILES) {
    await compare.locator('#files').setInputFiles(file(bad.name, bad.text));
    await expect(compare.getByRole('alert'), bad.name).toContainText(`"${bad.name}" was not imported: `);
    await expect(compare.getByRole('alert'), bad.name).toContainText(bad.says);
    expect(await compare.locator('table').innerHTML(), bad.name).toBe(table);
    await expect(compare.locator('[data-field="sources"] li')).toHaveCount(1);
  }
  // Quoted as text, never as markup.
  expect(await compare.locator('img').count()).toBe(0);
});

test('hostile strings in a good file are shown as text, and cannot reorder the page', async ({ page }) => {
  await page.goto('./?demo=compare');
  const env = { ...environment('<b>Bold</b>\u202eevil', 2), browserVersion: '<script>document.title="owned"</script>' };
  const text = JSON.stringify(resultsFile([savedRun(run('<img src=x onerror=alert(1)>', 5), env)]));
  const compare = compareOf(page);
  await compare.locator('#files').setInputFiles(file('<img src=y>.json', text));
  await expect(compare.locator('tbody td').first()).toHaveText('<img src=x onerror=alert(1)>');
  await expect(compare.locator('thead th').nth(1)).toContainText('<b>Bold</b>[U+202E]evil <script>');
  await expect(compare.locator('[data-field="sources"] li')).toContainText('<img src=y>.json: 1 run');
  expect(await compare.locator('img, b, script, i').count()).toBe(0);
  expect(await page.title()).not.toBe('owned');
});

test('the Compare page works by keyboard and fits a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./?demo=compare');
  const compare = compareOf(page);
  const both = JSON.parse(machineFile('Firefox', 1, 900, 880)) as { runs: Array<{ demo: string }> };
  both.runs[1].demo = 'locks';
  await compare.locator('#files').setInputFiles(file('both.json', JSON.stringify(both)));
  await compare.locator('#demo').focus();
  await expect(compare.locator('#demo')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(compare.locator('#compare-title')).toHaveText('Locks: time per variant, browser and cores');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
