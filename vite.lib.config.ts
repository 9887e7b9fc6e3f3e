import { defineConfig } from 'vite';
import { serviceWorker } from './vite.config';

/**
 * The library build: the lab's elements as one ES module with a stable name,
 * `dist/lib/parallel-lab.js`, for a course site to copy next to its pages.
 * Nothing is hashed, so a page can name the files; the worker entry is
 * `dist/lib/worker.js` beside it, and the service worker `dist/lib/sw.js`.
 * `dist/lib/embed.js` is the helper for a page that frames `embed.html` instead.
 */
export default defineConfig({
  base: './',
  publicDir: false,
  plugins: [serviceWorker()],
  worker: {
    format: 'es',
    rollupOptions: { output: { entryFileNames: '[name].js', chunkFileNames: '[name].js' } },
  },
  build: {
    target: 'es2022',
    outDir: `${process.env.PL_DIST ?? 'dist'}/lib`,
    emptyOutDir: true,
    lib: {
      entry: { 'parallel-lab': 'src/lib.ts', embed: 'src/embed-host.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rollupOptions: {
      output: { chunkFileNames: '[name].js', assetFileNames: '[name][extname]' },
      onwarn(warning, warn) {
        // The lab's page loads each demo when first shown; the library defines them all at once, on purpose.
        if (warning.code !== 'INEFFECTIVE_DYNAMIC_IMPORT') warn(warning);
      },
    },
  },
});
