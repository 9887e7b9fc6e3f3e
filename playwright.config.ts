import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './scripts/browsers.mjs';

// PL_PORT and PL_DIST let several checkouts or runs test side by side: every
// server here takes a port counted from PL_PORT, and the site is served from PL_DIST.
export const port = Number(process.env.PL_PORT ?? 4173);
const dist = process.env.PL_DIST ?? 'dist';
/** port + 1: the same site without COOP/COEP headers, as a static host that cannot send them. */
export const plainPort = port + 1;
/** port + 2: the I/O demo's test endpoints, another origin (see scripts/io-test-endpoints.mjs). */
export const ioEndpointsPort = port + 2;
/** port + 3: the same site in a sub-folder, /lab/, of a plain host that does not redirect /lab to /lab/. */
export const subPathPort = port + 3;
/** port + 4: a course site on another origin, serving the pages the embedding tests write (scripts/course-host.mjs). */
export const courseHostPort = port + 4;
/** port + 5: the site in /lab/ with the headers its own `_headers` gives (isolation, Content-Security-Policy), as Netlify serves it. */
export const headersPort = port + 5;

export default defineConfig({
  testDir: 'tests/browser',
  // One output folder per port, so runs side by side do not delete each other's traces.
  outputDir: process.env.PL_PORT ? `test-results-${port}` : 'test-results',
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
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // The same site from a host that sends no isolation headers (see `plainPort`).
      command: `node scripts/static-server.mjs --port ${plainPort} --dir ${dist}`,
      url: `http://127.0.0.1:${plainPort}/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `node scripts/static-server.mjs --port ${subPathPort} --dir ${dist} --prefix /lab`,
      url: `http://127.0.0.1:${subPathPort}/lab/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `node scripts/static-server.mjs --port ${headersPort} --dir ${dist} --prefix /lab --headers`,
      url: `http://127.0.0.1:${headersPort}/lab/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `node scripts/course-host.mjs ${courseHostPort}`,
      url: `http://127.0.0.1:${courseHostPort}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // Endpoints that answer, refuse CORS, hang, fail with 500 or drop the connection, for the I/O demo.
      command: `node scripts/io-test-endpoints.mjs ${ioEndpointsPort}`,
      url: `http://127.0.0.1:${ioEndpointsPort}/health`,
      reuseExistingServer: false,
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
          args: chromiumArgs,
        },
      },
    },
  ],
});
