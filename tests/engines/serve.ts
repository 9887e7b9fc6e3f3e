import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built site, served with the isolation headers and `Cache-Control: no-store`. */
    baseUrl: string;
  }
}

/**
 * Serves the built site (PL_DIST, else dist) as `npm run preview` does, on
 * PL_PORT + 5: past the ports the Playwright suite uses, so both can run at once.
 */
export default async function serve(project: TestProject): Promise<() => Promise<void>> {
  const port = Number(process.env.PL_PORT ?? 4173) + 5;
  const server = await preview({
    logLevel: 'warn',
    preview: { port, strictPort: true, host: '127.0.0.1' },
    build: { outDir: process.env.PL_DIST ?? 'dist' },
  });
  project.provide('baseUrl', `http://127.0.0.1:${port}/`);
  return () => server.close();
}
