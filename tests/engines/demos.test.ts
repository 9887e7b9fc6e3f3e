import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_IDS } from '../../src/core/run-result';
import { missingEngine, openEngine, type EngineSession } from '../../scripts/engines.mjs';
import { runDemoOnce } from '../../scripts/run-demo.mjs';

/**
 * Chromium runs the full browser suite (tests/browser); Firefox and WebKit
 * run each demo's Run all once, at small sizes. A browser not installed is
 * skipped with its install command, except in CI, which must have all three.
 */
for (const engine of ['firefox', 'webkit'] as const) {
  const missing = missingEngine(engine);
  if (missing) console.warn(`${engine}: ${missing}${process.env.CI ? '' : '\nIts engine tests are skipped.'}`);

  describe.skipIf(missing && !process.env.CI)(`In ${engine}`, () => {
    let session: EngineSession | undefined;

    beforeAll(async () => {
      expect(missing, `${engine} is installed (CI needs every engine)`).toBe('');
      session = await openEngine(engine);
    });

    afterAll(() => session?.close());

    for (const demo of DEMO_IDS) {
      it(`the ${demo} demo's Run all verifies every run, and the page logs no error`, async () => {
        // Rejects, naming the variants, unless every run was verified.
        const runs = await runDemoOnce(session!, inject('baseUrl'), demo, { quick: true, timeoutMs: 240_000 });
        if (demo === 'io') {
          // The service worker answers the simulated pages, for the workers too (WebKit's workers started together bypassed it).
          expect(runs.map((run) => [run.variant, (run as { answeredBy?: string }).answeredBy])).toEqual([
            ['serial', 'service-worker'],
            ['concurrent', 'service-worker'],
            ['workers', 'service-worker'],
          ]);
        }
        expect(await session!.errors()).toEqual([]);
      });
    }
  });
}
