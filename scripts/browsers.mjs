// Where the browsers the tests drive are installed, and how to get one that is
// missing. Chromium: CHROMIUM_PATH, else a system Chromium or Chrome, else the
// one `npx playwright install chromium` downloaded. Firefox: FIREFOX_PATH, else
// Firefox ESR (or Firefox) from the system, driven over WebDriver BiDi. WebKit:
// WebKitGTK's WebKitWebDriver and MiniBrowser, under Xvfb when there is one.
// The functions taking `exists` and `env` are pure, for the unit tests.
import { existsSync, readdirSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** The engines the lab is tested in. */
export const ENGINES = ['chromium', 'firefox', 'webkit'];

/** The Debian (and Ubuntu) packages that bring each engine. */
export const INSTALL_COMMANDS = {
  chromium: 'sudo apt-get update && sudo apt-get install -y chromium',
  firefox: 'sudo apt-get update && sudo apt-get install -y firefox-esr',
  webkit: 'sudo apt-get update && sudo apt-get install -y webkit2gtk-driver xvfb',
};

const SYSTEM_CHROMIUMS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];
const SYSTEM_FIREFOXES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

/**
 * The Chromium to drive: CHROMIUM_PATH when set (even if nothing is there, so
 * the message names it), else the first system Chromium or Chrome, else
 * Playwright's download (`downloaded`), else the Debian path, to name in the message.
 */
export function pickChromium({ env = process.env, exists = existsSync, downloaded = chromium.executablePath() } = {}) {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  return [...SYSTEM_CHROMIUMS, downloaded].find((path) => exists(path)) ?? SYSTEM_CHROMIUMS[0];
}

export function chromiumPath() {
  return pickChromium();
}

/** Chromium's flags for this machine: headless, and no background connections to a network it does not have. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Firefox to drive: FIREFOX_PATH when set, else Firefox ESR or Firefox from the system. */
export function firefoxPath({ env = process.env, exists = existsSync } = {}) {
  if (env.FIREFOX_PATH) return env.FIREFOX_PATH;
  return SYSTEM_FIREFOXES.find((path) => exists(path)) ?? SYSTEM_FIREFOXES[0];
}

/** WebKitGTK's browser for automation, in its versioned folder under /usr/lib/<arch>/ (Debian) or /usr/libexec/ (Fedora). */
function systemMiniBrowsers() {
  const archs = existsSync('/usr/lib') ? readdirSync('/usr/lib').filter((name) => name.includes('-linux-gnu')) : [];
  const roots = [...archs.map((arch) => `/usr/lib/${arch}`), '/usr/libexec'];
  return roots.flatMap((root) => ['webkit2gtk-4.1', 'webkit2gtk-4.0', 'webkitgtk-6.0'].map((v) => `${root}/${v}/MiniBrowser`));
}

/** What WebKitGTK needs: its WebDriver, its MiniBrowser, and a display (Xvfb, or the DISPLAY there is). */
export function webkitPaths({ env = process.env, exists = existsSync, miniBrowsers = systemMiniBrowsers() } = {}) {
  const onPath = (name) => (env.PATH ?? '').split(':').map((dir) => `${dir}/${name}`);
  const found = (candidates) => candidates.find((path) => exists(path));
  return {
    driver: env.WEBKIT_DRIVER_PATH ?? found(onPath('WebKitWebDriver')),
    browser: env.WEBKIT_BROWSER_PATH ?? found(miniBrowsers),
    xvfb: found(onPath('Xvfb')),
    display: env.DISPLAY || undefined,
  };
}

/** '' when `name` can be started here, else what is missing and the exact command that installs it. */
export function missingEngineMessage(name, { env = process.env, exists = existsSync, downloaded, miniBrowsers } = {}) {
  const install = `Install it with:\n  ${INSTALL_COMMANDS[name]}`;
  if (name === 'chromium') {
    const path = pickChromium({ env, exists, downloaded });
    if (exists(path)) return '';
    return [
      `No Chromium at ${path}: the browser tests need one.`,
      'On Debian or Ubuntu, install it with:',
      `  ${INSTALL_COMMANDS.chromium}`,
      'or download Playwright’s own (where the network allows):',
      '  npx playwright install chromium',
      'or point CHROMIUM_PATH at an installed Chromium or Chrome, for example:',
      '  CHROMIUM_PATH=/usr/bin/google-chrome npm test',
    ].join('\n');
  }
  if (name === 'firefox') {
    const path = firefoxPath({ env, exists });
    return exists(path) ? '' : `No Firefox at ${path} (or set FIREFOX_PATH). ${install}`;
  }
  if (name === 'webkit') {
    const paths = webkitPaths({ env, exists, miniBrowsers });
    const there = (path) => Boolean(path) && exists(path);
    const missing = [
      !there(paths.driver) && (paths.driver ? `WebKitWebDriver (at ${paths.driver})` : 'WebKitWebDriver'),
      !there(paths.browser) && (paths.browser ? `MiniBrowser (at ${paths.browser})` : 'MiniBrowser'),
      !paths.xvfb && !paths.display && 'Xvfb (or a DISPLAY)',
    ].filter(Boolean);
    return missing.length ? `No WebKitGTK here: ${missing.join(', ')} missing. ${install}` : '';
  }
  return `Unknown browser "${name}"; the lab is tested in ${ENGINES.join(', ')}.`;
}

/** A message saying exactly how to get Chromium, the browser every test needs, or '' when it is there. */
export function missingBrowsersMessage() {
  return missingEngineMessage('chromium');
}
