import { defineConfig } from '@playwright/test';
import { chromiumPath } from './scripts/browsers.mjs';

// PL_PORT and PL_DIST let several checkouts or runs test side by side: every
// server here takes a port counted from PL_PORT, and the site is served from PL_DIST.
export const port = Number(process.env.PL_PORT ?? 4173);
const dist = process.env.PL_DIST ?? 'dist';

export default defineConfig({
  testDir: 'tests/browser',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    trace: 'retain-on-failure',
  },
  webServer: [
    {
      command: `npx vite preview --outDir ${dist} --port ${port} --strictPort --host 127.0.0.1`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromiumPath(),
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
});
