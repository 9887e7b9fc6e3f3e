// WebKitGTK for the engine sessions (see engines.mjs): WebKitWebDriver on a free
// port, under an Xvfb of its own, driven through selenium-webdriver, with
// SharedArrayBuffer turned on (JSC_useSharedArrayBuffer=1) unless asked not to.
import { createServer } from 'node:net';
import { Builder } from 'selenium-webdriver';
import { webkitPaths } from './browsers.mjs';
import { tasksetPrefix } from './core-limit.mjs';
import { start, stop } from './processes.mjs';

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

export async function openWebKit(coreLimit, sharedArrayBuffer) {
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
