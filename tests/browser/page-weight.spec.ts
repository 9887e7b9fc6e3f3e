import { test, expect } from './fixtures';
import { PAGE_WEIGHT_BUDGET_BYTES, RUN_PAGES, scriptsBeforeRun } from '../../scripts/page-weight';

for (const { path, tag } of RUN_PAGES) {
  test(`${path} loads at most 60 KB of gzipped JavaScript before its Run button is enabled`, async ({ page }) => {
    const scripts = await scriptsBeforeRun(page, `./${path}`, tag);
    const total = scripts.reduce((sum, s) => sum + s.bytes, 0);
    const list = scripts.map((s) => `${s.bytes} ${s.path}`).join('\n');
    expect(total, `gzipped bytes of:\n${list}`).toBeLessThanOrEqual(PAGE_WEIGHT_BUDGET_BYTES);
    // Charts draw results: their code comes with the first one, after a run.
    expect(scripts.filter((s) => s.path.includes('chart-js'))).toEqual([]);
  });
}
