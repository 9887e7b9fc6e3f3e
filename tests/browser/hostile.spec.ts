import type { Page } from '@playwright/test';
import { test, expect, runsOf } from './fixtures';

/**
 * Hostile values for every parameter of every demo, through the address (as
 * a crafted link gives them, with autorun=1) and through the fields: no
 * uncaught error (the fixture fails a test on any), no run, nothing rendered
 * as HTML, the page no wider than the window, and every message short,
 * showing a refused value as it was parsed.
 */

const MARKUP = '<img src=x onerror="window.__pwned=1"><b id="pwned">b</b>';
const HOSTILE: Readonly<Record<string, string>> = {
  'a 100,000-character value': 'x'.repeat(100_000),
  'a right-to-left override': '1\u202e000',
  'a line break': '10\n000',
  markup: MARKUP,
  '1e309': '1e309',
  '-0': '-0',
  NaN: 'NaN',
  'a name every object inherits': '__proto__',
  empty: '',
};
/** Refused by every field; the others may be fine in some ('' is "calibrate", -0 is 0, an input field drops a line break). */
const ALWAYS_REFUSED = ['a 100,000-character value', 'a right-to-left override', 'markup', '1e309', 'NaN'];

interface DemoCase {
  id: string;
  tag: string;
  /** The URL parameters, each also a field of that id (except `source`). */
  params: string[];
}

const DEMOS: DemoCase[] = [
  { id: 'cpu', tag: 'pl-cpu-demo', params: ['numbers', 'rounds', 'workers', 'chunk-size'] },
  { id: 'scaling', tag: 'pl-scaling-demo', params: ['numbers', 'rounds', 'max-workers', 'repeats'] },
  { id: 'data', tag: 'pl-data-demo', params: ['numbers'] },
  // `source` chooses the pages: a hostile one leaves the simulated pages and their fields; `urls` brings the addresses' field.
  { id: 'io', tag: 'pl-io-demo', params: ['latencies', 'sizes', 'max-in-flight', 'workers', 'timeout', 'source'] },
  { id: 'io', tag: 'pl-io-demo', params: ['urls'] },
  { id: 'locks', tag: 'pl-locks-demo', params: ['workers', 'increments', 'widen'] },
];

/**
 * Lets `openWith` open a page as if its address carried any query. A server
 * refuses a request line longer than its limit (Node's is 16 KB), so the
 * page is asked for as `?hostile`, with the query after the `#` (never sent),
 * and the query is written into the address before the page's own scripts
 * read it: as a host with a larger limit would deliver the link.
 */
async function allowLongLinks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    if (location.search !== '?hostile') return;
    history.replaceState(null, '', `${location.pathname}?${decodeURIComponent(location.hash.slice(1))}`);
  });
}

async function openWith(page: Page, path: string, search: string): Promise<void> {
  await page.goto(`${path}?hostile#${encodeURIComponent(search)}`);
}

/**
 * Makes `tag` afresh on the page, with `url-params`, after putting `search`
 * in the address: it reads the address as it would on a page opened by a link
 * with that query, without the cost of loading the page again.
 */
async function remount(page: Page, tag: string, search: string): Promise<void> {
  await page.evaluate(
    ([tag, search]) => {
      history.replaceState(null, '', `${location.pathname}?${search}`);
      const fresh = document.createElement(tag);
      fresh.setAttribute('url-params', '');
      document.querySelector(`parallel-lab, body > ${tag}`)!.replaceWith(fresh);
    },
    [tag, search],
  );
}

/**
 * Puts `value` in each field of `tag` named in `ids`, as pasting it would
 * (an input field drops line breaks, a text area keeps them), and says which
 * fields refuse it once the demo has rendered. In one step rather than one
 * call per field: a 100,000-character value is slow to type.
 */
async function typeInto(page: Page, tag: string, ids: string[], value: string): Promise<boolean[]> {
  return page.locator(tag).evaluate(
    async (demo, [ids, value]) => {
      const root = demo.shadowRoot!;
      for (const id of ids) {
        const field = root.getElementById(id) as HTMLInputElement | HTMLTextAreaElement;
        field.value = value;
        field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
      }
      await (demo as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      return ids.map((id) => root.getElementById(id)!.getAttribute('aria-invalid') === 'true');
    },
    [ids, value] as const,
  );
}

const query = (entries: Array<[string, string]>) => new URLSearchParams(entries).toString();

/** What the page built and says, looked up through every shadow root (runs in the page). */
function inspect() {
  const roots: Array<Document | ShadowRoot> = [document];
  const all: Element[] = [];
  for (let i = 0; i < roots.length; i++) {
    for (const element of roots[i].querySelectorAll('*')) {
      all.push(element);
      if (element.shadowRoot) roots.push(element.shadowRoot);
    }
  }
  return {
    images: all.filter((e) => e.localName === 'img').length,
    injected: all.some((e) => e.id === 'pwned') || '__pwned' in window,
    messages: all.filter((e) => e.matches('.error, .status, .notice, .embed-error')).map((e) => e.textContent ?? ''),
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  };
}

/** Nothing rendered as HTML, the page no wider than the window, every message short and reading as written. */
async function expectContained(page: Page, what: string): Promise<string[]> {
  // Let the page render what it was given, and any autorun start.
  await page.evaluate(() => new Promise((resolve) => setTimeout(() => requestAnimationFrame(resolve), 50)));
  const seen = await page.evaluate(inspect);
  expect(seen.images, `${what}: no <img> made`).toBe(0);
  expect(seen.injected, `${what}: no markup run`).toBe(false);
  expect(seen.scrollWidth, `${what}: page width`).toBeLessThanOrEqual(seen.clientWidth);
  for (const message of seen.messages) {
    expect(message.length, `${what}: "${message.slice(0, 80)}…" is short`).toBeLessThan(600);
    expect(message, `${what}: no bidi control left in a message`).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(message.trim(), `${what}: no line break left in a message`).not.toMatch(/[\r\n]/);
  }
  return seen.messages;
}

/** No run: none going (Stop disabled) or dispatched, Run all disabled, and the element's own Run all refuses. */
async function expectNoRun(page: Page, tag: string, what: string): Promise<void> {
  await expect(page.locator(`${tag} button.stop`), what).toBeDisabled();
  await expect(page.locator(`${tag} button[type="submit"]`), what).toBeDisabled();
  const started = await page.locator(tag).evaluate((el) => (el as HTMLElement & { runAll(): Promise<boolean> }).runAll());
  expect(started, `${what}: runAll() refuses`).toBe(false);
  expect(await runsOf(page), `${what}: no run`).toEqual([]);
  expect(page.workers(), `${what}: no worker started`).toHaveLength(0);
}

for (const demo of DEMOS) {
  const ids = demo.params.filter((p) => p !== 'source');
  test(`hostile values in every ${demo.id} parameter (${demo.params.join(', ')}), from a link and typed in, start nothing and stay contained`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await allowLongLinks(page);
    for (const [i, [name, value]] of Object.entries(HOSTILE).entries()) {
      const what = `${demo.id} link, ${name}`;
      const search = query([['demo', demo.id], ...demo.params.map((p): [string, string] => [p, value]), ['autorun', '1']]);
      // The lab's page opened by the link, then the demo made afresh for each further link.
      if (i === 0) await openWith(page, './', search);
      else await remount(page, demo.tag, search);
      await expect(page.locator(`${demo.tag} form`)).toBeVisible();
      const messages = await expectContained(page, what);
      await expectNoRun(page, demo.tag, what);
      if (name === 'a line break' && ids[0] !== 'urls') {
        // An input field shows 10000 (it drops the line break); the message shows what was refused.
        expect(messages.join(' '), what).toContain('10⏎000');
      }
      if (name === 'a right-to-left override') expect(messages.join(' '), what).toContain('[U+202E]');
    }
    for (const [name, value] of Object.entries(HOSTILE)) {
      const what = `${demo.id} fields, ${name}`;
      const refused = await typeInto(page, demo.tag, ids, value);
      await expectContained(page, what);
      if (ALWAYS_REFUSED.includes(name)) expect(refused, `${what}: every field refuses it`).toEqual(ids.map(() => true));
      if (refused.includes(true)) {
        // Enter in a one-line field submits the form (Run all); in the addresses' text area it starts a new line.
        if (ids[0] !== 'urls') await page.locator(`${demo.tag} #${ids[0]}`).press('Enter');
        await expectNoRun(page, demo.tag, what);
      }
    }
  });
}

test('a hostile ?demo= is named briefly, safely, with the settings it dropped, on the lab and the embed page', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await allowLongLinks(page);
  for (const [i, [name, value]] of Object.entries(HOSTILE).entries()) {
    const search = query([
      ['demo', value],
      ['numbers', '5'],
      ['autorun', '1'],
    ]);
    if (i === 0) await openWith(page, './', search);
    else await remount(page, 'parallel-lab', search);
    const notice = page.locator('parallel-lab .notice');
    await expect(notice).toContainText(value === '' ? 'The address names no demo' : 'There is no demo called');
    await expect(notice).toContainText("Here is Computing; the address's other settings (numbers, autorun) were not applied.");
    await expect(page.locator('pl-cpu-demo #numbers')).toHaveValue('10000000');
    await expectContained(page, `?demo=, ${name}`);
    expect(await runsOf(page)).toEqual([]);
  }
  // Each a page load, read first by the page's loader, which picks the modules to fetch ahead by ?demo=.
  const loads = [
    'a 100,000-character value',
    'a right-to-left override',
    'a line break',
    'markup',
    'a name every object inherits',
    'empty',
  ];
  for (const name of loads) {
    await openWith(page, './embed.html', query([['demo', HOSTILE[name]]]));
    await expect(page.locator('.embed-error')).toContainText('This frame shows one demo of Parallel Lab');
    await expectContained(page, `embed ?demo=, ${name}`);
  }
  await openWith(page, './', query([['demo', HOSTILE['a name every object inherits']]]));
  await expect(page.locator('parallel-lab .notice')).toContainText('There is no demo called');
  await expect(page.locator('pl-cpu-demo #numbers')).toHaveValue('10000000');
});

test('?demo=CPU is unknown and suggests cpu; an empty ?demo= says so; both say the other settings were not applied', async ({
  page,
}) => {
  await page.goto('./?demo=CPU&numbers=5&rounds=7');
  await expect(page.locator('parallel-lab .notice')).toHaveText(
    'There is no demo called "CPU". Did you mean cpu? Here is Computing; the address\'s other settings (numbers, rounds) were not applied.',
  );
  await expect(page.locator('pl-cpu-demo #numbers')).toHaveValue('10000000');
  await page.goto('./?demo=&numbers=5');
  await expect(page.locator('parallel-lab .notice')).toHaveText(
    "The address names no demo: its ?demo= is empty. Here is Computing; the address's other settings (numbers) were not applied.",
  );
  await page.goto('./embed.html?demo=lock');
  await expect(page.locator('.embed-error')).toContainText('There is no demo called "lock". Did you mean locks?');
  // A page of the lab that is no demo is refused too, and its module is not fetched ahead for nothing.
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto('./embed.html?demo=summary');
  await expect(page.locator('.embed-error')).toContainText('There is no demo called "summary"');
  expect(requested.filter((path) => path.includes('pl-summary'))).toEqual([]);
});

test('autorun fills in addresses from a link but fetches nothing until the visitor presses Run all', async ({ page }) => {
  const endpoint = `http://127.0.0.1:${Number(process.env.PL_PORT ?? 4173) + 2}/ok?latency=1&bytes=10`;
  const requests: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(endpoint.slice(0, endpoint.indexOf('/ok')))) requests.push(request.url());
  });
  await page.goto(`./?demo=io&urls=${encodeURIComponent(endpoint)}&autorun=1`);
  const demo = page.locator('pl-io-demo');
  await expect(demo.locator('#urls')).toHaveValue(endpoint);
  await expect(demo.locator('[data-field="status"]')).toContainText(
    'The link filled in the addresses below but did not fetch them',
  );
  await expectContained(page, 'addresses from a link');
  expect(await runsOf(page)).toEqual([]);
  expect(requests).toEqual([]);

  await demo.locator('button[type="submit"]').click();
  await expect(demo.locator('[data-field="status"]')).toContainText('All three variants finished');
  expect(requests.length).toBeGreaterThanOrEqual(3);
  expect((await runsOf(page)).length).toBe(3);
});

test('the embed snippets write a bidi control in a setting as a character reference, so no line of them turns around', async ({
  page,
}) => {
  await page.goto('./?demo=cpu&numbers=1%E2%80%AE000&rounds=5');
  await page.locator('pl-embed-panel summary').click();
  const element = page.locator('pl-embed-panel [data-field="element-snippet"]');
  await expect(element).toContainText('numbers="1&#x202E;000"');
  await expect(page.locator('pl-embed-panel [data-field="frame-snippet"]')).toContainText('numbers=1%E2%80%AE000');
  expect(await page.locator('pl-embed-panel').evaluate((panel) => /\u202e/.test(panel.shadowRoot!.textContent ?? ''))).toBe(
    false,
  );
});
