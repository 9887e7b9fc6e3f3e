// The JavaScript a page loads before its first Run is possible, gzipped:
// counted alike by the page-weight test and by the benchmark.
import { gzipSync } from 'node:zlib';
import type { Page, Request } from '@playwright/test';

/** A page of the lab with a Run button: its address (relative to the site) and the element that holds the button. */
export interface RunPage {
  path: string;
  tag: string;
}

const DEMOS = ['cpu', 'scaling', 'data', 'io', 'locks'];

/** Every page a visitor can open with a Run button on it: the lab's, per demo and the summary, and the embed page's. */
export const RUN_PAGES: readonly RunPage[] = [
  ...DEMOS.map((demo) => ({ path: `?demo=${demo}`, tag: `pl-${demo}-demo` })),
  { path: '?demo=summary', tag: 'pl-summary' },
  ...DEMOS.map((demo) => ({ path: `embed.html?demo=${demo}`, tag: `pl-${demo}-demo` })),
];

/** The most JavaScript, gzipped, any of them may load before its Run button is enabled. */
export const PAGE_WEIGHT_BUDGET_BYTES = 60 * 1024;

export interface LoadedScript {
  path: string;
  /** Its size gzipped as a server would send it. */
  bytes: number;
}

/**
 * Its size gzipped, counted from the body: the size on the wire is not
 * known once the lab's service worker passes the script on, and a server
 * may not compress at all.
 */
async function gzipped(request: Request): Promise<LoadedScript> {
  const body = (await (await request.response())?.body()) ?? Buffer.alloc(0);
  return { path: new URL(request.url()).pathname, bytes: gzipSync(body).length };
}

/** Opens `url` in `page` (a fresh one) and, once the Run button in `tag` is enabled, returns every script loaded so far. */
export async function scriptsBeforeRun(page: Page, url: string, tag: string): Promise<LoadedScript[]> {
  const scripts: Array<Promise<LoadedScript>> = [];
  const onFinished = (request: Request) => {
    if (request.resourceType() === 'script') scripts.push(gzipped(request));
  };
  page.on('requestfinished', onFinished);
  try {
    await page.goto(url);
    // A trial click waits until the button could be clicked: visible and enabled.
    await page.locator(`${tag} button.primary`).click({ trial: true });
  } finally {
    page.off('requestfinished', onFinished);
  }
  return Promise.all(scripts);
}
