import { defineConfig } from 'vite';

/** Cross-origin isolation (for SharedArrayBuffer) and no caching, on every response. */
export const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cache-Control': 'no-store',
};

export default defineConfig({
  // Relative base: the built site works from any sub-path of any static host.
  base: './',
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  worker: { format: 'es' },
  build: { target: 'es2022' },
});
