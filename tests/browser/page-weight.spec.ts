import { test, expect } from './fixtures';
import { PAGE_WEIGHT_BUDGET_BYTES, RUN_PAGES, scriptsBeforeRun } from '../../scripts/page-weight';

for (const { path, tag } of RUN_PAGES) {
  test(`${path} loads at most 60 KB of gzipped JavaScript, in at most four files asked for at once, before its Run is enabled`, async ({
    page,
  }) => {
    const scripts = await scriptsBeforeRun(page, `./${path}`, tag);
    const total = scripts.reduce((sum, s) => sum + s.bytes, 0);
    const list = scripts.map((s) => `${s.bytes} ${s.path}`).join('\n');
    expect(total, `gzipped bytes of:\n${list}`).toBeLessThanOrEqual(PAGE_WEIGHT_BUDGET_BYTES);
    // Charts draw results: their code comes with the first one, after a run.
    expect(scripts.filter((s) => s.path.includes('chart-js'))).toEqual([]);
    // In a few files (the entry, the shared modules, the lab's frame, the demo): each costs a request of its own.
    expect(scripts.length, list).toBeLessThanOrEqual(4);
    // The page's loader asks for them all at once, while the page is read: none waits for the module importing it.
    const late = await page.evaluate(() => {
      const entry = new URL(document.querySelector<HTMLScriptElement>('script[data-entry]')!.dataset.entry!, location.href);
      const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) =>
        new URL(r.name).pathname.endsWith('.js'),
      );
      const entryArrived = scripts.find((r) => r.name === entry.href)!.responseEnd;
      return scripts.filter((r) => r.startTime > entryArrived).map((r) => new URL(r.name).pathname);
    });
    expect(late, 'asked for after the entry module arrived').toEqual([]);
  });
}
