// Where the browsers the tests drive are installed. Playwright cannot download
// browsers here, so the tests use the system's: Debian's packages by default,
// or the path in CHROMIUM_PATH.
import { existsSync } from 'node:fs';

export function chromiumPath() {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
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

/** A message saying exactly how to get each missing browser, or '' when all are there. */
export function missingBrowsersMessage() {
  const path = chromiumPath();
  if (existsSync(path)) return '';
  return [
    `No Chromium at ${path}: the browser tests need one.`,
    'On Debian or Ubuntu, install it with:',
    '  sudo apt-get update && sudo apt-get install -y chromium',
    'or point CHROMIUM_PATH at an installed Chromium or Chrome, for example:',
    '  CHROMIUM_PATH=/usr/bin/google-chrome npm test',
  ].join('\n');
}
