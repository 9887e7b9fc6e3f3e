import type { Page } from '@playwright/test';
import { courseHostPort, port, subPathPort } from '../../playwright.config';
import { test, expect, runsOf, waitForRuns } from './fixtures';
import type { FrameMessage } from '../../src/core/embed-protocol';
import type { LocksRunResult } from '../../src/experiments/locks-rules';
import type { CpuRunResult } from '../../src/experiments/cpu-rules';

const lab = `http://127.0.0.1:${port}`;
/** Opens `html` as a page of a course site on another origin (scripts/course-host.mjs), isolated or not. */
async function coursePage(page: Page, html: string, isolated = false): Promise<void> {
  const query = new URLSearchParams({ html, ...(isolated ? { isolate: '1' } : {}) });
  await page.goto(`http://localhost:${courseHostPort}/page?${query}`);
}

/** A course page that frames one demo and keeps every message the frame sends, for the test to read. */
const framingPage = (src: string, allow = 'cross-origin-isolated') => `<!doctype html>
<html lang="en"><head><title>Course</title><link rel="icon" href="data:,"></head><body>
<iframe id="lab" data-parallel-lab allow="${allow}" title="Parallel Lab" style="width:100%;border:0" src="${src}"></iframe>
<script>
  window.messages = [];
  addEventListener('message', (e) => { if (e.source === document.getElementById('lab').contentWindow) messages.push(e.data); });
</script>
</body></html>`;

const messagesOf = (page: Page) => page.evaluate(() => (window as unknown as { messages: FrameMessage[] }).messages);

test('a course page on another origin frames one demo, gets its height and runs, and runs and stops it', async ({ page }) => {
  await coursePage(page, framingPage(`${lab}/embed.html?demo=cpu&numbers=200000&rounds=5&workers=2`));
  const frame = page.frameLocator('#lab');
  await expect(frame.locator('pl-cpu-demo')).toBeVisible();
  // Only the demo: no tabs, no environment panel.
  await expect(frame.locator('[role="tablist"]')).toHaveCount(0);
  await expect(frame.locator('pl-environment-panel')).toHaveCount(0);
  await expect
    .poll(async () => (await messagesOf(page)).filter((m) => m.type === 'parallel-lab:height').length)
    .toBeGreaterThan(0);
  const heights = (await messagesOf(page)).flatMap((m) => (m.type === 'parallel-lab:height' ? [m.height] : []));
  expect(heights.at(-1)).toBeGreaterThan(200);
  expect(await messagesOf(page)).toContainEqual({ type: 'parallel-lab:ready', demo: 'cpu' });

  // Junk first: nothing starts, nothing throws.
  await page.evaluate(() => {
    const target = (document.getElementById('lab') as HTMLIFrameElement).contentWindow!;
    for (const junk of [
      null,
      'parallel-lab:run-all',
      { type: 'parallel-lab:run-al' },
      { type: 42 },
      [1, 2],
      { type: 'parallel-lab:height', height: 1 },
    ]) {
      target.postMessage(junk, '*');
    }
  });
  await page.waitForTimeout(500);
  expect((await messagesOf(page)).filter((m) => m.type === 'parallel-lab:run')).toEqual([]);

  await page.evaluate(() =>
    (document.getElementById('lab') as HTMLIFrameElement).contentWindow!.postMessage({ type: 'parallel-lab:run-all' }, '*'),
  );
  await expect
    .poll(async () => (await messagesOf(page)).filter((m) => m.type === 'parallel-lab:run').length, { timeout: 60_000 })
    .toBe(4);
  const runs = (await messagesOf(page)).flatMap((m) => (m.type === 'parallel-lab:run' ? [m.run] : []));
  expect(runs.map((r) => r.variant)).toEqual(['serial', 'main-thread-tasks', 'pool-map', 'workers']);
  for (const run of runs) expect(run.verified).toBe(true);

  // Stop from the page, in the middle of a long run.
  await frame.locator('#rounds').fill('5000');
  await page.evaluate(() =>
    (document.getElementById('lab') as HTMLIFrameElement).contentWindow!.postMessage({ type: 'parallel-lab:run-all' }, '*'),
  );
  await expect(frame.locator('button.stop')).toBeEnabled();
  await page.evaluate(() =>
    (document.getElementById('lab') as HTMLIFrameElement).contentWindow!.postMessage({ type: 'parallel-lab:stop' }, '*'),
  );
  await expect(frame.locator('[data-field="status"]')).toContainText('Stopped');
});

test('the host helper sizes the frame and re-dispatches runs as DOM events', async ({ page }) => {
  const body = `<!doctype html><html lang="en"><head><title>Course</title><link rel="icon" href="data:,"></head><body>
<iframe id="lab" data-parallel-lab title="Parallel Lab" style="width:100%;border:0" src="${lab}/embed.html?demo=locks&workers=2&increments=2000"></iframe>
<script type="module">
  import { runAll } from '${lab}/lib/embed.js';
  window.runs = [];
  const frame = document.getElementById('lab');
  frame.addEventListener('parallel-lab-run', (e) => runs.push(e.detail));
  frame.addEventListener('parallel-lab-ready', () => runAll(frame));
</script></body></html>`;
  await coursePage(page, body);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { runs: unknown[] }).runs.length), { timeout: 60_000 })
    .toBeGreaterThan(0);
  const height = await page.locator('#lab').evaluate((f) => f.getBoundingClientRect().height);
  expect(height).toBeGreaterThan(300);
});

test('an isolated course page that allows it gets shared memory in the frame; one that is not isolated gets the reason', async ({
  page,
}) => {
  const src = `${lab}/embed.html?demo=locks&workers=2&increments=20000`;
  await coursePage(page, framingPage(src), true);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const frame = page.frameLocator('#lab');
  await frame.locator('button[data-variant="atomic"]').click();
  await expect
    .poll(async () => (await messagesOf(page)).filter((m) => m.type === 'parallel-lab:run').length, { timeout: 60_000 })
    .toBe(1);
  const [run] = (await messagesOf(page)).flatMap((m) => (m.type === 'parallel-lab:run' ? [m.run as LocksRunResult] : []));
  expect(run).toMatchObject({ variant: 'atomic', verified: true, memory: 'shared' });
  await expect(frame.locator('[data-field="isolation"]')).toHaveCount(0);

  await coursePage(page, framingPage(src));
  await expect(frame.locator('[data-field="isolation"]')).toHaveAttribute('data-problem', 'parent-not-isolated');
  await expect(frame.locator('button[data-variant="atomic"]')).toBeDisabled();
  await frame.locator('button[data-variant="async-race"]').click();
  await expect(frame.locator('tr[data-variant="async-race"]')).toBeVisible();

  await coursePage(page, framingPage(src, ''), true);
  await expect(frame.locator('[data-field="isolation"]')).toHaveAttribute('data-problem', 'frame-not-allowed');
  await expect(frame.locator('[data-field="isolation"]')).toContainText('allow="cross-origin-isolated"');
});

test('the library build works from the course site: two demos side by side, the course page’s own address ignored', async ({
  page,
}) => {
  const body = `<!doctype html><html lang="en"><head><title>Course</title><link rel="icon" href="data:,">
<script type="module" src="/lib/parallel-lab.js"></script></head><body>
<pl-cpu-demo numbers="100000" rounds="5" workers="2" compact></pl-cpu-demo>
<pl-locks-demo workers="2" increments="5000"></pl-locks-demo>
</body></html>`;
  // A page of the course site that hosts the library itself: the same origin as the library's files.
  const lesson = `${lab}/course/lesson.html?autorun=1&numbers=5`;
  await page.route(lesson, (route) => route.fulfill({ contentType: 'text/html', body }));
  await page.goto(lesson);
  const cpu = page.locator('pl-cpu-demo');
  const locks = page.locator('pl-locks-demo');
  await expect(cpu.locator('#numbers')).toHaveValue('100000');
  await expect(locks.locator('#workers')).toHaveValue('2');
  await page.waitForTimeout(1000);
  expect(await runsOf(page)).toEqual([]);

  // Properties take numbers as well as text.
  await cpu.evaluate((el: HTMLElement & { workers: number | string }) => (el.workers = 1));
  await expect(cpu.locator('#workers')).toHaveValue('1');
  await cpu.getByRole('button', { name: 'Run all' }).click();
  await locks.locator('button[data-variant="async-mutex"]').click();
  const runs = await waitForRuns<CpuRunResult | LocksRunResult>(page, 5, 90_000);
  expect(runs.every((r) => r.verified)).toBe(true);
  expect(new Set(runs.map((r) => r.demo))).toEqual(new Set(['cpu', 'locks']));
  // Compact hides the advanced settings.
  await expect(cpu.locator('#rounds')).toBeHidden();
});

test('the built site works from a sub-folder of a plain host, with and without the trailing slash, shared memory included', async ({
  page,
}) => {
  const bad: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) bad.push(`${r.status()} ${r.url()}`);
  });
  for (const path of ['/lab/?demo=locks', '/lab?demo=locks']) {
    await page.goto(`http://127.0.0.1:${subPathPort}${path}`);
    await expect(page).toHaveURL(`http://127.0.0.1:${subPathPort}/lab/?demo=locks`);
    // The service worker makes the page isolated after its one reload (which may be under way while asked: then ask again).
    await expect.poll(() => page.evaluate(() => crossOriginIsolated).catch(() => false), { timeout: 30_000 }).toBe(true);
    await expect(page.locator('pl-locks-demo').getByRole('button', { name: 'Run all' })).toBeEnabled();
  }
  expect(bad).toEqual([]);
});

test('the lab offers both snippets for the demo on screen, with its settings as typed, and the frame snippet works', async ({
  page,
}) => {
  await page.goto('./?demo=cpu&numbers=300000&rounds=7');
  const panel = page.locator('pl-embed-panel');
  await panel.getByText('Put this demo in your own page').click();
  await page.locator('pl-cpu-demo #workers').fill('3');
  const frame = panel.locator('[data-field="frame-snippet"]');
  await expect(frame).toContainText('embed.html?demo=cpu&amp;numbers=300000&amp;rounds=7&amp;workers=3');
  await expect(panel.locator('[data-field="element-snippet"]')).toContainText(
    '<pl-cpu-demo numbers="300000" rounds="7" workers="3"',
  );

  const snippet = (await frame.textContent()) ?? '';
  await coursePage(
    page,
    `<!doctype html><html lang="en"><head><title>Course</title><link rel="icon" href="data:,"></head><body>${snippet}</body></html>`,
  );
  const framed = page.frameLocator('iframe[data-parallel-lab]');
  await expect(framed.locator('pl-cpu-demo #workers')).toHaveValue('3');
  await expect(framed.locator('pl-cpu-demo #rounds')).toHaveValue('7');
  // The helper the snippet includes sizes the frame to the demo.
  await expect
    .poll(() => page.locator('iframe[data-parallel-lab]').evaluate((f) => f.getBoundingClientRect().height))
    .toBeGreaterThan(300);
});
