import { defineConfig } from 'vitest/config';

/**
 * The engine tests (`npm run test:engines`): each demo's Run all, once, in
 * Firefox and WebKit, on the built site. One file at a time: the browsers
 * share the machine's cores with the runs they measure.
 */
export default defineConfig({
  test: {
    include: ['tests/engines/**/*.test.ts'],
    globalSetup: ['tests/engines/serve.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
