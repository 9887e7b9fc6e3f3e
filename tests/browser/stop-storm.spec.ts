import type { Page } from '@playwright/test';
import { test, expect, runsOf, waitForRuns } from './fixtures';
import type { DemoId, RunResultBase } from '../../src/core/run-result';

/** A small seeded generator (mulberry32): the same storm on every run of the test, and a failure can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

interface Storm {
  id: DemoId;
  /** Sizes at which a run lasts a few hundred milliseconds here, so most stops land inside one. */
  params: string;
  /** The runs of one Run all. */
  runs: number;
  /** The workers the demo's pool holds after its Run all (the data demo ends its one worker with each run): any more were left behind. */
  pool: number;
}

const STORMS: readonly Storm[] = [
  { id: 'cpu', params: 'numbers=1000000&rounds=50&workers=2', runs: 4, pool: 2 },
  { id: 'scaling', params: 'numbers=2000000&rounds=50&max-workers=2&repeats=1', runs: 3, pool: 2 },
  { id: 'data', params: 'numbers=4000000', runs: 4, pool: 0 },
  { id: 'io', params: 'latencies=100,200,300,400&sizes=1000&workers=2', runs: 3, pool: 2 },
  { id: 'locks', params: 'increments=1000000&workers=2', runs: 6, pool: 2 },
];

/** Stops per demo: enough to land in every phase of a run (workers starting, working, reporting, between variants). */
const STOPS = 16;
/** The longest wait between a start and its Stop, in ms: about the length of one run at these sizes. */
const LONGEST_WAIT_MS = 600;

type AnyRun = RunResultBase<DemoId, string, unknown>;

const clearRuns = (page: Page) => page.evaluate(() => ((window as unknown as { __runs: unknown[] }).__runs.length = 0));

for (const storm of STORMS) {
  test(`the ${storm.id} demo survives a storm of Stops at random moments: no worker left over, no error, and the next Run all verifies`, async ({
    page,
  }) => {
    const random = seeded(storm.id.length * 7919 + storm.id.charCodeAt(0));
    await page.goto(`./?demo=${storm.id}&${storm.params}`);
    const demo = page.locator(`pl-${storm.id}-demo`);
    const runAll = demo.locator('button[type="submit"]');
    const stop = demo.locator('button.stop');
    await expect(runAll).toBeEnabled();
    const starters = await demo.locator('button[type="submit"], button[data-variant], button[data-action="sweep"]').all();

    let landed = 0;
    for (let i = 0; i < STOPS; i++) {
      await starters[Math.floor(random() * starters.length)].click();
      const wait = random() * LONGEST_WAIT_MS;
      if (wait > LONGEST_WAIT_MS / 10) await page.waitForTimeout(wait);
      // Pressed in the page, so that whether a run was going and how many had finished are read at that very moment.
      // A run that ended already leaves Stop disabled, and pressing it does nothing, as for a visitor.
      const pressed = await stop.evaluate((button: HTMLButtonElement) => {
        const going = !button.disabled;
        const finished = (window as unknown as { __runs: unknown[] }).__runs.length;
        button.click();
        return { going, finished };
      });
      if (random() < 0.2) await stop.click({ force: true });
      await expect(runAll).toBeEnabled();
      if (pressed.going) {
        landed++;
        // Stop means stop: the run it ended reports nothing afterwards, and no other starts.
        expect(await runsOf(page), `runs finished after Stop ${i + 1}`).toHaveLength(pressed.finished);
      }
    }
    // Stops pressed right after their start land inside a run, and most others too at these sizes: never none.
    expect(landed).toBeGreaterThanOrEqual(STOPS / 10);

    await clearRuns(page);
    await runAll.click();
    const runs = await waitForRuns<AnyRun>(page, storm.runs, 90_000);
    expect(runs.map((r) => [r.variant, r.verified])).toEqual(runs.map((r) => [r.variant, true]));
    await expect(runAll).toBeEnabled();
    // Workers stopped in the middle of a loop may take a moment to end; any left over would never go.
    await expect.poll(() => page.workers().length, { timeout: 30_000 }).toBe(storm.pool);
  });
}
