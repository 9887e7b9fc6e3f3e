import type { Page } from '@playwright/test';
import { test, expect, runsOf, waitForRuns } from './fixtures';
import type { IoRunResult } from '../../src/experiments/io-rules';

/** The I/O test endpoints, another origin than the lab (scripts/io-test-endpoints.mjs, port + 2; see playwright.config.ts). */
const endpoints = `http://127.0.0.1:${Number(process.env.PL_PORT ?? 4173) + 2}`;

const urlsParam = (urls: string[]) => `urls=${encodeURIComponent(urls.join(' '))}`;
const demo = (page: Page) => page.locator('pl-io-demo');
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** How many /hang requests the endpoints have open, and how many the browser has closed. */
async function hangStats(): Promise<{ open: number; closedByClient: number }> {
  return (await fetch(`${endpoints}/stats`)).json() as Promise<{ open: number; closedByClient: number }>;
}

/**
 * Console errors the browser itself logs for requests to the test endpoints
 * that are meant to fail ("blocked by CORS policy", "Failed to load
 * resource"): expected here, so they are taken out of the page's errors.
 */
function expectEndpointErrors(page: Page, consoleErrors: string[]): () => void {
  const fromEndpoints = new Set<string>();
  page.on('console', (m) => {
    if (m.type() === 'error' && (m.location().url.startsWith(endpoints) || m.text().includes(endpoints)))
      fromEndpoints.add(m.text());
  });
  return () => {
    const others = consoleErrors.filter((text) => !fromEndpoints.has(text));
    consoleErrors.splice(0, consoleErrors.length, ...others);
  };
}

test('an isolated page shows its demo before its service worker has started, and a run waits for the worker', async ({
  page,
}) => {
  // The service worker's script is held back: the lab's page, isolated by its server, must not wait for it.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.context().route('**/sw.js', async (route) => {
    await held;
    await route.continue();
  });
  for (const path of ['embed.html?demo=io', '?demo=io&latencies=50,100&sizes=100&autorun=1']) {
    await page.goto(`./${path}`);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await expect(demo(page).locator('button.primary')).toBeVisible();
  }
  // The autorun has begun, and waits: who answers the simulated pages is known only once the worker has started.
  await expect(demo(page).locator('button.stop')).toBeEnabled();
  expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
  expect(await runsOf(page)).toEqual([]);
  release();
  const runs = await waitForRuns<IoRunResult>(page, 3);
  expect(runs.map((r) => [r.answeredBy, r.verified])).toEqual(Array(3).fill(['service-worker', true]));
  await expect(page.locator('pl-environment-panel [data-field="service-worker"]')).toContainText('active');
});

test('an isolated page starts its service worker only once it has painted its demo', async ({ page }) => {
  // Started beside the page, the worker's start would compete with the page's own for the processor.
  await page.addInitScript(() => {
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (...args) {
      const root = document.querySelector('parallel-lab')?.shadowRoot ?? document;
      const run = root.querySelector('pl-cpu-demo, pl-io-demo')?.shadowRoot?.querySelector('button.primary');
      Object.assign(window, { runShownAtRegister: Boolean(run) });
      return register.apply(this, args);
    };
  });
  for (const path of ['', 'embed.html?demo=io']) {
    await page.goto(`./${path}`);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await page.waitForFunction(() => 'runShownAtRegister' in window);
    expect(await page.evaluate(() => (window as unknown as { runShownAtRegister: boolean }).runShownAtRegister), path).toBe(true);
  }
});

test('with the simulated pages, serial takes at least the sum of the waits and concurrent less', async ({ page }) => {
  const latencies = [250, 500, 750, 1000];
  await page.goto(`./?demo=io&latencies=${latencies.join(',')}&sizes=2000&autorun=1`);
  const runs = await waitForRuns<IoRunResult>(page, 3);
  expect(runs.map((r) => r.variant)).toEqual(['serial', 'concurrent', 'workers']);
  const total = sum(latencies);
  for (const run of runs) {
    expect(run.schema).toBe('parallel-lab/run@2');
    expect(run.demo).toBe('io');
    expect(run.answeredBy).toBe('service-worker');
    expect(run.verified).toBe(true);
    expect(run.failures).toBe(0);
    expect(run.requests).toHaveLength(4);
    run.requests.forEach((r, i) => {
      expect(r).toMatchObject({ status: 200, bytes: 2000, latencyMs: latencies[i], checked: true });
      expect(r.error).toBeUndefined();
    });
    expect(run.sumLatencyMs).toBeGreaterThan(run.maxLatencyMs);
    expect(JSON.parse(JSON.stringify(run))).toEqual(run);
  }
  const [serial, concurrent, workers] = runs;
  expect(serial.wallMs).toBeGreaterThanOrEqual(total);
  expect(serial.peakInFlight).toBe(1);
  expect(concurrent.wallMs).toBeLessThan(total);
  expect(concurrent.peakInFlight).toBe(4);
  expect(workers.wallMs).toBeLessThan(total);
  expect(workers.peakInFlight).toBe(4);
  expect(new Set(workers.requests.map((r) => r.lane)).size).toBe(4);
  expect(workers.coldStartMs).toHaveLength(4);

  await expect(demo(page).locator('[data-field="simulation"]')).toContainText('service worker');
  await expect(demo(page).locator('table[data-field="summary"] tbody tr')).toHaveCount(3);
  // The story compares the concurrent wall time with the longest wait only as closely as the numbers allow.
  await expect(demo(page).locator('[data-field="story"]')).toContainText(
    concurrent.wallMs <= concurrent.maxLatencyMs * 1.2 ? 'about the longest single wait' : 'but less than the sum',
  );
  for (const variant of ['serial', 'concurrent', 'workers']) {
    const waterfall = demo(page).locator(`[data-waterfall="${variant}"]`);
    await expect(waterfall.locator('pl-timeline')).toHaveCount(1);
    await expect(waterfall.locator('tr[data-state="done"]')).toHaveCount(4);
  }
});

test('max in flight 1 behaves like serial, and the sweep climbs to all at once', async ({ page }) => {
  const latencies = [100, 200, 300];
  await page.goto(`./?demo=io&latencies=${latencies.join(',')}&sizes=100&max-in-flight=2`);
  // The visitor's own concurrent run, at their max in flight: the sweep must leave it in the table.
  await demo(page).locator('button[data-variant="concurrent"]').click();
  const [own] = await waitForRuns<IoRunResult>(page, 1);
  expect(own.params.maxInFlight).toBe(2);
  const ownRow = demo(page).locator('table[data-field="summary"] tr[data-variant="concurrent"]');
  await expect(ownRow).toContainText('Concurrent, at most 2 in flight');
  const ownRowText = await ownRow.innerText();

  await demo(page).locator('button[data-action="sweep"]').click();
  const runs = (await waitForRuns<IoRunResult>(page, 4)).slice(1);
  await expect(demo(page).locator('[data-field="status"]')).toContainText('Swept max in flight from 1 to 3');
  expect(runs.map((r) => [r.variant, r.params.maxInFlight])).toEqual([
    ['concurrent', 1],
    ['concurrent', 2],
    ['concurrent', 3],
  ]);
  expect(runs.map((r) => r.peakInFlight)).toEqual([1, 2, 3]);
  const [one, , all] = runs;
  // One in flight: each request starts only after the one before has ended, on the main thread alone.
  expect(new Set(one.requests.map((r) => r.lane))).toEqual(new Set(['main thread']));
  for (let i = 1; i < one.requests.length; i++) expect(one.requests[i].startMs).toBeGreaterThanOrEqual(one.requests[i - 1].endMs);
  expect(one.wallMs).toBeGreaterThanOrEqual(sum(latencies));
  expect(all.wallMs).toBeLessThan(sum(latencies));
  await expect(demo(page).locator('[data-field="sweep"] pl-bar-chart')).toHaveCount(1);
  // The sweep's steps go to its chart only: the table still shows the visitor's run, with its own numbers.
  await expect(demo(page).locator('table[data-field="summary"] tbody tr')).toHaveCount(1);
  expect(await ownRow.innerText()).toBe(ownRowText);
  await expect(demo(page).locator('[data-field="story"]')).toContainText('With at most 2 in flight');
});

test('the sweep shows its chart on a fresh page, before any other variant has run', async ({ page }) => {
  await page.goto('./?demo=io&latencies=100,200,300&sizes=100');
  await demo(page).locator('button[data-action="sweep"]').click();
  const runs = await waitForRuns<IoRunResult>(page, 3);
  expect(runs.map((r) => r.params.maxInFlight)).toEqual([1, 2, 3]);
  await expect(demo(page).locator('[data-field="status"]')).toContainText('Swept max in flight from 1 to 3');
  await expect(demo(page).locator('[data-field="sweep"] pl-bar-chart')).toHaveCount(1);
  await expect(demo(page).locator('[data-field="sweep"]')).toContainText('From 1 in flight');
  // The sweep's steps are not the visitor's runs: no table row, no waterfall.
  await expect(demo(page).locator('table[data-field="summary"]')).toHaveCount(0);
  await expect(demo(page).locator('[data-waterfall]')).toHaveCount(0);
});

test('each kind of failure gets its own message on its row, and the other requests still complete', async ({
  page,
  consoleErrors,
}) => {
  const forgiveEndpointErrors = expectEndpointErrors(page, consoleErrors);
  const urls = [
    `${endpoints}/ok?latency=50&bytes=500`,
    `${endpoints}/no-cors`,
    `${endpoints}/no-opt-in`,
    `${endpoints}/hang?why=timeout`,
    `${endpoints}/status/500`,
    `${endpoints}/drop`,
  ];
  const kinds = ['ok', 'cors', 'isolation', 'timeout', 'http', 'network'];
  const messages = [
    'OK',
    'Refused by CORS',
    "Refused by CORS, and blocked by this page's isolation policy as well",
    'Timed out: no complete answer within 1,500 ms',
    'HTTP error 500 Internal Server Error',
    'Network failure',
  ];
  await page.goto(`./?demo=io&${urlsParam(urls)}&timeout=1500&max-in-flight=6&workers=6`);
  await expect(demo(page).locator('#urls')).toHaveValue(urls.join('\n'));
  for (const [n, variant] of ['concurrent', 'workers'].entries()) {
    await demo(page).locator(`button[data-variant="${variant}"]`).click();
    const run = (await waitForRuns<IoRunResult>(page, n + 1))[n];
    expect(run.variant).toBe(variant);
    expect(run.answeredBy).toBe('network');
    expect(run.failures).toBe(5);
    expect(run.verified).toBe(false);
    expect(run.requests.map((r) => r.errorKind ?? 'ok')).toEqual(kinds);
    expect(run.requests[0]).toMatchObject({ status: 200, bytes: 500 });
    expect(run.requests[4].status).toBe(500);
    const rows = demo(page).locator(`[data-waterfall="${variant}"] tbody tr`);
    await expect(rows).toHaveCount(urls.length);
    for (const [i, message] of messages.entries()) {
      await expect(rows.nth(i)).toHaveAttribute('data-kind', kinds[i]);
      await expect(rows.nth(i).locator('[data-field="result"]')).toContainText(message);
    }
  }
  const story = demo(page).locator('[data-field="story"]');
  await expect(story).toContainText('the others finished anyway');
  // The request that hit the timeout set both times: the story says so instead of comparing workers with the main thread.
  await expect(story).toContainText('5 of 6 requests failed, 4 of them early');
  await expect(story).toContainText('1 at the timeout (1,500 ms)');
  await expect(story).toContainText('the times compare failures, not waits');
  await expect(story).not.toContainText(/about the same as the main thread|slower than the main thread|They beat/);
  // The wall time includes the timeout, as the caption says.
  const [concurrent] = await runsOf<IoRunResult>(page);
  expect(concurrent.wallMs).toBeGreaterThanOrEqual(1500);
  await expect(demo(page).getByText('Wall time runs from just before the first request is sent')).toContainText(
    'its last byte, or its failure or timeout',
  );
  forgiveEndpointErrors();
});

test('Stop aborts every request in flight at once, on the main thread and in workers', async ({ page }) => {
  const urls = [1, 2, 3].map((i) => `${endpoints}/hang?stop=${i}`);
  await page.goto(`./?demo=io&${urlsParam(urls)}&timeout=60000&max-in-flight=3&workers=3`);
  const stop = demo(page).locator('button.stop');
  for (const variant of ['concurrent', 'workers']) {
    const before = await hangStats();
    await demo(page).locator(`button[data-variant="${variant}"]`).click();
    await expect.poll(async () => (await hangStats()).open).toBe(before.open + 3);
    await expect(demo(page).locator(`[data-waterfall="${variant}"] tr[data-state="in flight"]`)).toHaveCount(3);
    await stop.click();
    await expect(demo(page).locator('[data-field="status"]')).toContainText('Stopped: every request in flight was aborted');
    await expect(demo(page).locator(`[data-waterfall="${variant}"] tr[data-state="stopped"]`)).toHaveCount(3);
    // The server sees all three connections closed by the browser: the requests were aborted, not just ignored.
    await expect.poll(async () => (await hangStats()).closedByClient).toBe(before.closedByClient + 3);
    await expect(stop).toBeDisabled();
  }
  await expect.poll(() => page.workers().length).toBe(0);
  expect(await runsOf(page)).toEqual([]);

  // Simulated pages stop too: the one in flight is aborted and the rest are never sent.
  await page.goto('./?demo=io&latencies=5000,5000,5000');
  await demo(page).locator('button[data-variant="serial"]').click();
  await expect(demo(page).locator('[data-waterfall="serial"] tr[data-state="in flight"]')).toHaveCount(1);
  await demo(page).locator('button.stop').click();
  await expect(demo(page).locator('[data-waterfall="serial"] tr[data-state="stopped"]')).toHaveCount(1);
  await expect(demo(page).locator('[data-waterfall="serial"] tr[data-state="not sent"]')).toHaveCount(2);
  expect(await runsOf(page)).toEqual([]);
});

const spaceInside = (address: string) =>
  `Address 2: "${address}" contains a space, which an address cannot hold. Remove it (in a path, write %20), or put each address on its own line.`;

test('bad input gets a specific message, disables Run, and nothing starts', async ({ page }) => {
  await page.goto('./?demo=io&latencies=250,soon&autorun=1');
  const d = demo(page);
  const runAll = d.locator('button[type="submit"]');
  await expect(d.locator('#latencies-error')).toHaveText('Latency of page 2 (ms): "soon" is not a number.');
  await expect(runAll).toBeDisabled();
  for (const v of ['serial', 'concurrent', 'workers']) await expect(d.locator(`button[data-variant="${v}"]`)).toBeDisabled();

  const cases: Array<[string, string, string]> = [
    ['#latencies', '', 'Latencies: enter at least one wait in ms, for example 250, 500, 750, 1000.'],
    ['#latencies', Array(21).fill('100').join(','), 'Latencies: at most 20 pages, not 21.'],
    ['#latencies', '100, 20000', 'Latency of page 2 (ms): at most 10,000.'],
    ['#latencies', '100, -5', 'Latency of page 2 (ms): cannot be negative.'],
  ];
  for (const [field, value, message] of cases) {
    await d.locator(field).fill(value);
    await expect(d.locator(`${field}-error`)).toHaveText(message);
    await expect(runAll).toBeDisabled();
  }
  await d.locator('#latencies').fill('100, 200');
  await d.locator('#sizes').fill('1, 2, 3');
  await expect(d.locator('#sizes-error')).toHaveText(
    'Sizes: give one size for all pages, or one for each of the 2 pages (not 3).',
  );
  await d.locator('#sizes').fill('1000');
  await expect(runAll).toBeEnabled();
  for (const [field, value, message] of [
    ['#max-in-flight', '0', 'Max in flight: cannot be zero.'],
    ['#workers', '21', 'Workers: at most 20. There are at most 20 pages to share out.'],
    ['#timeout', '50', 'Timeout (ms): must be at least 100.'],
  ] as const) {
    const before = await d.locator(field).inputValue();
    await d.locator(field).fill(value);
    await expect(d.locator(`${field}-error`)).toHaveText(message);
    await expect(runAll).toBeDisabled();
    await d.locator(field).fill(before);
  }

  await d.locator('input[data-source="urls"]').check();
  for (const [value, message] of [
    ['', 'Addresses: enter at least one web address, one per line, e.g. https://example.org/.'],
    ['example.org/page', 'Address 1: "example.org/page" needs its scheme; write https://example.org/page'],
    [
      'https://example.org/ ftp://files.example/',
      'Address 2: only http:// and https:// addresses can be fetched, not ftp: ones.',
    ],
    ['http://user:pw@example.org/', 'Address 1: remove the user name and password; the lab sends no credentials.'],
    ['https://ok.example/\nhttps://exa mple.org/', spaceInside('https://exa mple.org/')],
  ]) {
    await d.locator('#urls').fill(value);
    await expect(d.locator('#urls-error')).toHaveText(message);
    await expect(runAll).toBeDisabled();
  }
  await expect(d.locator('[data-field="status"]')).toHaveText('');
  expect(await runsOf(page)).toEqual([]);

  // In the URL, spaces separate addresses only before a scheme: a space inside one is still reported as a space.
  await page.goto(`./?demo=io&${urlsParam(['https://ok.example/', 'https://exa mple.org/'])}`);
  await expect(d.locator('#urls')).toHaveValue('https://ok.example/\nhttps://exa mple.org/');
  await expect(d.locator('#urls-error')).toHaveText(spaceInside('https://exa mple.org/'));
});

test('without a service worker, the simulated pages are labelled as such and still teach the lesson', async ({ page }) => {
  await page.goto('./?demo=io&sw=0&latencies=100,200,300&autorun=1');
  await expect(demo(page).locator('[data-field="simulation"]')).toContainText('Simulated without network');
  await expect(demo(page).locator('[data-field="simulation"]')).toContainText('?sw=0');
  const runs = await waitForRuns<IoRunResult>(page, 3);
  for (const run of runs) {
    expect(run.answeredBy).toBe('timers');
    expect(run.verified).toBe(true);
  }
  expect(runs[0].wallMs).toBeGreaterThanOrEqual(600);
  expect(runs[1].wallMs).toBeLessThan(600);
  await expect(demo(page).locator('[data-field="story"]')).toContainText('simulated without network');
});

test("a request the page's own content security policy forbids is reported as blocked by it, not as a network failure", async ({
  page,
  consoleErrors,
}) => {
  const forgiveEndpointErrors = expectEndpointErrors(page, consoleErrors);
  // The lab as a host might serve it: its own headers, plus a policy that lets it connect to its own origin only.
  await page.route(
    (url) => url.pathname === '/',
    async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "connect-src 'self'" } });
    },
  );
  // Without the policy, /no-cors is a CORS refusal (see above); with it, the browser never sends the request.
  await page.goto(`./?demo=io&sw=0&${urlsParam([`${endpoints}/no-cors`])}`);
  await demo(page).locator('button[data-variant="concurrent"]').click();
  const [run] = await waitForRuns<IoRunResult>(page, 1);
  expect(run.requests.map((r) => r.errorKind)).toEqual(['csp']);
  const row = demo(page).locator('[data-waterfall="concurrent"] tbody tr');
  await expect(row).toHaveAttribute('data-kind', 'csp');
  await expect(row.locator('[data-field="result"]')).toContainText("Blocked by this page's content security policy");
  forgiveEndpointErrors();
});
