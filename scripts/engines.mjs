// Opens the lab's three engines, headless, as one page each with the same
// small surface (goto, evaluate, waitFor, errors, close), for the engine tests
// and the matrix runner. Chromium and Firefox go through Playwright (Firefox
// ESR over WebDriver BiDi, its `moz-firefox` channel); WebKitGTK through its
// WebKitWebDriver and selenium-webdriver, under an Xvfb of its own, with
// SharedArrayBuffer turned on (JSC_useSharedArrayBuffer=1). With a core limit,
// the browser starts under `taskset`, so it and every process it starts may
// use only those cores. Everything started is stopped on close(), on Ctrl-C,
// and when Node exits.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, firefox } from '@playwright/test';
import { ENGINES, chromiumArgs, chromiumPath, firefoxPath, missingEngineMessage } from './browsers.mjs';
import { coreLimitProblem, tasksetPrefix } from './core-limit.mjs';
import { openWebKit } from './webkit-session.mjs';

export { ENGINES, coreLimitProblem };

/** '' when `name` is installed, else a message with the exact command that installs it. */
export function missingEngine(name) {
  return missingEngineMessage(name);
}

/** Sessions not closed yet, for Ctrl-C (processes.mjs stops the helper processes on exit). */
const openSessions = new Set();

async function onSigint() {
  await Promise.allSettled([...openSessions].map((session) => session.close()));
  // A caller with its own Ctrl-C handling (the matrix runner) decides how to end; otherwise end as Ctrl-C does.
  if (process.listenerCount('SIGINT') === 0) process.exit(130);
}

function track(session) {
  if (openSessions.size === 0) process.once('SIGINT', onSigint);
  openSessions.add(session);
  const close = session.close;
  let closing;
  session.close = () => {
    closing ??= close().finally(() => {
      openSessions.delete(session);
      if (openSessions.size === 0) process.removeListener('SIGINT', onSigint);
    });
    return closing;
  };
  return session;
}

/**
 * A script for Playwright's `executablePath` that notes its process id (the
 * browser's, after `exec`) and starts `executable`, under taskset when limited.
 */
function browserWrapper(executable, coreLimit) {
  const dir = mkdtempSync(join(tmpdir(), 'pl-engine-'));
  const script = join(dir, 'browser');
  const quote = (word) => `'${word.replaceAll("'", `'\\''`)}'`;
  const command = [...(coreLimit === null ? [] : tasksetPrefix(coreLimit)), executable].map(quote).join(' ');
  writeFileSync(script, `#!/bin/sh\necho $$ > ${quote(join(dir, 'pid'))}\nexec ${command} "$@"\n`);
  chmodSync(script, 0o755);
  return {
    script,
    pid: () => Number(readFileSync(join(dir, 'pid'), 'utf8')),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Polls `evaluate(fn, arg)` until it gives something truthy, and returns that;
 * `between` is awaited between two tries, for a caller that reads the page
 * meanwhile (never two commands at once: WebKitWebDriver hangs on that).
 */
async function poll(evaluate, fn, arg, timeoutMs, between) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const value = await evaluate(fn, arg);
      if (value) return value;
      lastError = undefined;
    } catch (error) {
      // The page may be between two documents (a reload); keep asking until the time is up.
      lastError = error;
    }
    if (Date.now() > deadline) {
      const why = lastError ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${fn.name || 'the page'}${why}`);
    }
    await between?.();
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function openPlaywright(name, coreLimit) {
  const executable = name === 'chromium' ? chromiumPath() : firefoxPath();
  const wrapper = browserWrapper(executable, coreLimit);
  const executablePath = wrapper.script;
  let browser;
  let page;
  try {
    browser =
      name === 'chromium'
        ? await chromium.launch({ executablePath, args: chromiumArgs, handleSIGINT: false })
        : await firefox.launch({ channel: 'moz-firefox', executablePath, headless: true, handleSIGINT: false });
    page = await browser.newPage();
  } catch (error) {
    await browser?.close().catch(() => undefined);
    wrapper.remove();
    throw error;
  }
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  return {
    version: browser.version(),
    pid: wrapper.pid(),
    goto: async (url) => void (await page.goto(url)),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    errors: async () => [...errors],
    close: async () => {
      await browser.close().catch(() => undefined);
      wrapper.remove();
    },
  };
}

/**
 * Opens `name` headless with one page. `coreLimit`: run it on that many real
 * cores (Linux, taskset); throws with the reason where that cannot be.
 * `sharedArrayBuffer: false`: WebKitGTK without SharedArrayBuffer, as it ships.
 * The session: `name`, `version`, `coreLimit` (null: none), `pid` (the process
 * started: the browser, or WebKitWebDriver), `goto(url)`, `evaluate(fn, arg)`
 * and `waitFor(fn, arg, { timeoutMs })` with `fn` a self-contained function run
 * in the page, `errors()` (its uncaught errors and console errors so far), `close()`.
 */
export async function openEngine(name, { coreLimit = null, sharedArrayBuffer = true } = {}) {
  const missing = missingEngine(name);
  if (missing) throw new Error(missing);
  if (coreLimit !== null) {
    const problem = coreLimitProblem(coreLimit);
    if (problem) throw new Error(problem);
  }
  const opened = name === 'webkit' ? await openWebKit(coreLimit, sharedArrayBuffer) : await openPlaywright(name, coreLimit);
  return track({
    ...opened,
    name,
    coreLimit,
    waitFor: (fn, arg, { timeoutMs = 60_000, between } = {}) => poll(opened.evaluate, fn, arg, timeoutMs, between),
  });
}
