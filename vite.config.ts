import { build, defineConfig, type Plugin } from 'vite';

/** Cross-origin isolation (for SharedArrayBuffer) and no caching, on every response. */
export const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  // An isolated course page on another site may frame the lab only if the lab's files allow it.
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Cache-Control': 'no-store',
};

const serviceWorkerEntry = 'src/runtime/service-worker.ts';

/**
 * Builds the service worker on its own, as one classic script at the site's
 * root (`sw.js`), so its scope is the whole site and every browser runs it.
 * In dev, `/sw.js` is the same file compiled on request.
 */
export function serviceWorker(): Plugin {
  let outDir = 'dist';
  let building = false;
  return {
    name: 'parallel-lab-service-worker',
    configResolved(config) {
      outDir = config.build.outDir;
      building = config.command === 'build';
    },
    configureServer(server) {
      server.middlewares.use('/sw.js', (_req, res, next) => {
        server
          .transformRequest(`/${serviceWorkerEntry}`)
          .then((result) => {
            res.setHeader('Content-Type', 'text/javascript');
            res.end(result?.code ?? '');
          })
          .catch(next);
      });
    },
    async closeBundle() {
      if (!building) return;
      await build({
        configFile: false,
        logLevel: 'warn',
        build: {
          outDir,
          emptyOutDir: false,
          target: 'es2022',
          lib: { entry: serviceWorkerEntry, formats: ['iife'], name: 'parallelLabServiceWorker', fileName: () => 'sw.js' },
        },
      });
    },
  };
}

export default defineConfig({
  plugins: [serviceWorker()],
  // Relative base: the built site works from any sub-path of any static host.
  base: './',
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // The lab's page, and the page a course site frames to show one demo.
    rollupOptions: { input: { main: 'index.html', embed: 'embed.html' } },
  },
});
