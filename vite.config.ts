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
        publicDir: false,
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

/**
 * Loads the built pages' code from an inline module instead of `<script src>`
 * and `<link rel="modulepreload">`. Served at `/lab` without its slash, a page
 * moves itself to `/lab/` (the first script in index.html) and reads no
 * further; tags with relative addresses would be fetched from the wrong folder
 * all the same, by the browser's look-ahead, before that script runs. An
 * import inside a module runs only once the page is where it should be.
 */
function importFromInlineModule(): Plugin {
  return {
    name: 'parallel-lab-inline-module-entry',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html
          .replace(/\s*<link rel="modulepreload" crossorigin href="[^"]+">/g, '')
          .replace(
            /<script type="module" crossorigin src="([^"]+)"><\/script>/g,
            '<script type="module">import \'$1\';</script>',
          ),
    },
  };
}

export default defineConfig({
  plugins: [serviceWorker(), importFromInlineModule()],
  // Relative base: the built site works from any sub-path of any static host.
  base: './',
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // PL_DIST builds elsewhere, to test two builds side by side (see playwright.config.ts).
    outDir: process.env.PL_DIST ?? 'dist',
    // The lab's page, and the page a course site frames to show one demo.
    rollupOptions: { input: { main: 'index.html', embed: 'embed.html' } },
  },
});
