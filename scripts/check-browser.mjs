// Gets the browsers the tests drive before they start. Chromium, which every
// browser test needs: the system's (or CHROMIUM_PATH), else Playwright's own
// download where the network allows, else stop here with the exact install
// command. Firefox ESR and WebKitGTK, for the engine tests: said when missing,
// with their install command (those tests skip them, except in CI).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { missingEngineMessage } from './browsers.mjs';

if (missingEngineMessage('chromium') && !process.env.CHROMIUM_PATH) {
  console.log('No Chromium or Chrome on this system: downloading Playwright’s own (npx playwright install chromium).');
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  spawnSync(process.execPath, [cli, 'install', 'chromium'], { stdio: 'inherit' });
}
const chromium = missingEngineMessage('chromium');
if (chromium) {
  console.error(chromium);
  process.exit(1);
}

for (const engine of ['firefox', 'webkit']) {
  const message = missingEngineMessage(engine);
  if (message) {
    const consequence = process.env.CI ? 'CI needs every engine: the engine tests will fail.' : 'The engine tests will skip it.';
    console.warn(`${message}\n${consequence}`);
  }
}
