// Opens the lab's three engines, headless, as one page each with the same
// small surface (goto, evaluate, waitFor, errors, close), for the engine tests
// and the matrix runner. Chromium and Firefox go through Playwright (Firefox
// ESR over WebDriver BiDi, its `moz-firefox` channel); WebKitGTK through its
// WebKitWebDriver and selenium-webdriver, under an Xvfb of its own, with
// SharedArrayBuffer turned on (JSC_useSharedArrayBuffer=1). With a core limit,
// the browser starts under `taskset`, so it and every process it starts may
// use only those cores. Everything started is stopped on close(), on Ctrl-C,
// and when Node exits.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, firefox } from '@playwright/test';
import { Builder } from 'selenium-webdriver';
import { ENGINES, chromiumArgs, chromiumPath, firefoxPath, missingEngineMessage, webkitPaths } from './browsers.mjs';
import { coreLimitProblem, tasksetPrefix } from './core-limit.mjs';

export { ENGINES, coreLimitProblem };

/** '' when `name` is installed, else a message with the exact command that installs it. */
export function missingEngine(name) {
  return missingEngineMessage(name);
}

/** Sessions not closed yet, and the processes this module started, for Ctrl-C and exit. */
const openSessions = new Set();
const children = new Set();

async function onSigint() {
  await Promise.allSettled([...openSessions].map((session) => session.close()));
  // A caller with its own Ctrl-C handling (the matrix runner) decides how to end; otherwise end as Ctrl-C does.
  if (process.listenerCount('SIGINT') === 0) process.exit(130);
}
process.on('exit', () => {
  for (const child of children) signal(child, 'SIGKILL');
});

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
 * Starts a helper process in a process group of its own, remembered so that
 * it is stopped whatever happens: the group holds what it starts in turn
 * (WebKitWebDriver's MiniBrowser and its web processes), and a Ctrl-C at the
 * terminal reaches only us, who close the browser first.
 */
function start(command, args, options) {
  const child = spawn(command, args, { ...options, detached: true });
  children.add(child);
  child.once('close', () => children.delete(child));
  child.stderrTail = '';
  child.stderr?.on('data', (chunk) => (child.stderrTail = (child.stderrTail + chunk).slice(-2000)));
  // It could not be started at all (its exitCode is then set already): keep the reason.
  child.once('error', (error) => (child.stderrTail += error.message));
  return child;
}

/** Sends `name` to `child`'s process group. */
function signal(child, name) {
  try {
    process.kill(-child.pid, name);
  } catch {
    // The group is gone already.
  }
}

/** Ends `child` and its group (politely, then not) and waits until it is gone. */
async function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return signal(child, 'SIGKILL');
  const gone = once(child, 'exit');
  signal(child, 'SIGTERM');
  const timer = setTimeout(() => signal(child, 'SIGKILL'), 5000);
  await gone;
  clearTimeout(timer);
  // What the group's leader started may outlive it by a moment: not beyond this.
  signal(child, 'SIGKILL');
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

/** A display of our own: Xvfb picks a free number and writes it to the pipe on fd 3. */
async function startXvfb(xvfb) {
  const server = start(xvfb, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const display = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Xvfb did not start within 10 s.')), 10_000);
    server.stdio[3].on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) {
        clearTimeout(timer);
        resolve(`:${text.trim()}`);
      }
    });
    server.once('close', (code) => reject(new Error(`Xvfb ended (${code}): ${server.stderrTail.trim()}`)));
  }).catch(async (error) => {
    await stop(server);
    throw error;
  });
  return { display, server };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function driverReady(url, driver) {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver ended (${driver.exitCode}): ${driver.stderrTail.trim()}`);
    const ready = await fetch(`${url}/status`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver did not answer at ${url} within 15 s: ${driver.stderrTail.trim()}`);
}

/**
 * Installs, once per document, a record of the page's uncaught errors and
 * console errors (WebKitWebDriver has no log to read), and hands over what
 * it caught since the last call. Errors before the first call in a document
 * go unseen.
 */
function drainPageErrors() {
  const page = window;
  if (!page.__plEngineErrors) {
    const errors = [];
    page.__plEngineErrors = errors;
    page.addEventListener('error', (event) => errors.push(`uncaught: ${event.message}`));
    page.addEventListener('unhandledrejection', (event) =>
      errors.push(`unhandled rejection: ${event.reason?.message ?? event.reason}`),
    );
    const original = console.error;
    console.error = (...args) => {
      errors.push(args.map(String).join(' '));
      original.apply(console, args);
    };
  }
  return page.__plEngineErrors.splice(0);
}

async function openWebKit(coreLimit, sharedArrayBuffer) {
  const paths = webkitPaths();
  const helpers = [];
  // The driver (and its browser) first, then the display they drew on.
  const cleanUp = async () => {
    for (const helper of helpers.reverse()) await stop(helper);
  };
  try {
    const env = { ...process.env };
    // An Xvfb of its own when there is one: headless, and no window on a desktop.
    if (paths.xvfb) {
      const { display, server } = await startXvfb(paths.xvfb);
      helpers.push(server);
      env.DISPLAY = display;
    }
    if (sharedArrayBuffer) env.JSC_useSharedArrayBuffer = '1';
    else delete env.JSC_useSharedArrayBuffer;
    const port = await freePort();
    const command = [...(coreLimit === null ? [] : tasksetPrefix(coreLimit)), paths.driver, `--port=${port}`];
    const driverProcess = start(command[0], command.slice(1), { env, stdio: ['ignore', 'ignore', 'pipe'] });
    helpers.push(driverProcess);
    const url = `http://127.0.0.1:${port}`;
    await driverReady(url, driverProcess);
    const driver = await new Builder()
      .usingServer(url)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: paths.browser, args: ['--automation'] },
      })
      .build();
    await driver.manage().setTimeouts({ script: 600_000, pageLoad: 120_000 });
    const errors = [];
    const evaluate = async (fn, arg) => {
      const [value, caught] = await driver.executeScript(
        `const caught = (${drainPageErrors})(); return Promise.resolve((${fn})(arguments[0])).then((value) => [value, caught]);`,
        arg,
      );
      errors.push(...caught);
      return value;
    };
    const drain = async () => errors.push(...(await driver.executeScript(`return (${drainPageErrors})();`)));
    return {
      version: (await driver.getCapabilities()).get('browserVersion'),
      pid: driverProcess.pid,
      goto: async (url) => {
        await driver.get(url);
        await drain();
      },
      evaluate,
      errors: async () => {
        await drain().catch(() => undefined);
        return [...errors];
      },
      close: async () => {
        await driver.quit().catch(() => undefined);
        await cleanUp();
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
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
