import type { Locator, Page } from '@playwright/test';
import { test, expect, drawn, waitForRuns } from './fixtures';
import { formatMs } from '../../src/core/format';
import { laneOverlap } from '../../src/core/trace';
import type { CpuRunResult } from '../../src/experiments/cpu-rules';
import type { IoRunResult } from '../../src/experiments/io-rules';
import type { LocksRunResult } from '../../src/experiments/locks-rules';
import type { PlBarChart } from '../../src/ui/pl-bar-chart';
import type { PlTimeline } from '../../src/ui/pl-timeline';

/** One message per number: the pool's time is projected from a sample, and dwarfs the measured variants. */
const PER_NUMBER = 'demo=cpu&numbers=400000&rounds=60&workers=2&chunk-size=1';

/** A number as the charts write it: thousands separators, whole from 10 up, one decimal below. */
const written = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: Math.abs(n) >= 10 ? 0 : 1 });

/** The datalabels plugin's record of the labels it drew on a chart. */
interface DrawnLabels {
  $datalabels?: { _labels: Array<{ _index: number; _model: { lines: string[] } | null; $layout: { _box: { _rect: Rect } } }> };
}
interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** What a bar chart drew: its value axis, the tick labels with their extent, and the value written on each bar. */
async function barChartFacts(chart: Locator) {
  await drawn(chart);
  return chart.evaluate((el: PlBarChart) => {
    const c = el.chart!;
    const x = c.scales.x;
    const ticks = x.getLabelItems().map((item) => {
      c.ctx.font = item.font.string;
      const width = c.ctx.measureText(String(item.label)).width;
      const [at] = item.options.translation as [number, number];
      return { label: String(item.label), left: at - width / 2, right: at + width / 2, align: item.options.textAlign };
    });
    const labels = ((c as unknown as DrawnLabels).$datalabels?._labels ?? []).map((l) => ({
      index: l._index,
      text: l._model?.lines.join(' ') ?? '',
      box: l.$layout._box._rect,
    }));
    // The plugin keeps them in drawing order; the bars' order reads better.
    labels.sort((a, b) => a.index - b.index);
    return { type: x.type, max: x.max, width: c.width, ticks, labels, data: c.data.datasets[0].data as number[] };
  });
}

/** The tick labels neither touch nor overlap, and each has thousands separators. */
function expectReadableTicks(ticks: Array<{ label: string; left: number; right: number; align: unknown }>): void {
  expect(ticks.length).toBeGreaterThan(1);
  for (const t of ticks) {
    expect(t.align).toBe('center');
    expect(t.label).toMatch(/^\d{1,3}(,\d{3})*(\.\d+)?$/);
  }
  for (let i = 1; i < ticks.length; i++) expect(ticks[i].left).toBeGreaterThan(ticks[i - 1].right);
}

/** The theme's colours a chart drew with, as Chart.js resolved them. */
async function chartColors(chart: Locator) {
  await drawn(chart);
  return chart.evaluate((el: PlBarChart | PlTimeline) => {
    const c = el.chart!;
    const axis = (id: string) => c.scales[id].options as unknown as { ticks: { color: string }; grid: { color: string } };
    return {
      xTicks: axis('x').ticks.color,
      yTicks: axis('y').ticks.color,
      grid: axis('x').grid.color,
      tooltip: c.options.plugins?.tooltip?.backgroundColor,
      bars: c.data.datasets[0].backgroundColor,
    };
  });
}

const timelineLabel = (page: Page, demo: string) => page.locator(`${demo} pl-timeline`).first().locator('canvas');

test('the CPU time chart draws the measured variants on a linear axis and cuts the projected pool with its value written', async ({
  page,
}) => {
  await page.goto(`./?${PER_NUMBER}&autorun=1`);
  const runs = await waitForRuns<CpuRunResult>(page, 4);
  const pool = runs.find((r) => r.variant === 'pool-map')!;
  const measured = runs.filter((r) => r !== pool);
  const longest = Math.max(...measured.map((r) => r.wallMs));
  expect(pool.projected).toBe(true);
  // One message per number costs tens of times the work itself: the projection dwarfs every measured run.
  expect(pool.wallMs).toBeGreaterThan(3 * longest);

  const chart = page.locator('pl-cpu-demo pl-bar-chart');
  const facts = await barChartFacts(chart);
  expect(facts.type).toBe('linear');
  // The axis fits the measured runs, not the projection.
  expect(facts.max).toBeGreaterThanOrEqual(longest);
  expect(facts.max).toBeLessThan(2 * longest);
  expectReadableTicks(facts.ticks);

  // Every bar has its value written; the projected one is cut at the end of the axis, its number and unit inside the chart.
  const order = ['serial', 'main-thread-tasks', 'pool-map', 'workers'];
  expect(facts.labels.map((l) => l.index)).toEqual([0, 1, 2, 3]);
  for (const run of measured) {
    expect(facts.labels[order.indexOf(run.variant)].text).toBe(written(run.wallMs));
  }
  const poolText = `${written(pool.wallMs)} ms`;
  const expectPoolCut = (f: typeof facts) => {
    const label = f.labels[order.indexOf('pool-map')];
    expect(label.text).toContain(poolText);
    expect(f.data[order.indexOf('pool-map')]).toBe(f.max);
    expect(label.box.x).toBeGreaterThanOrEqual(0);
    expect(label.box.x + label.box.w).toBeLessThanOrEqual(f.width);
  };
  expectPoolCut(facts);

  // The text alternative lists every bar with its number and unit, and says the projected one is cut.
  const list = chart.locator('figcaption li');
  await expect(list).toHaveCount(4);
  await expect(list.nth(0)).toHaveText(`Serial (main thread): ${written(runs[0].wallMs)} ms`);
  await expect(list.nth(2)).toHaveText(
    `Worker pool, map: ${written(pool.wallMs)} ms (projected; its bar is cut at the end of the axis)`,
  );

  // On a phone's width the ticks still keep apart.
  await page.setViewportSize({ width: 390, height: 800 });
  await expect.poll(async () => (await barChartFacts(chart)).width).toBeLessThan(390);
  const narrow = await barChartFacts(chart);
  expectReadableTicks(narrow.ticks);
  expectPoolCut(narrow);
});

test('the locks charts and the sweep use linear axes with every value written, and lists with units', async ({ page }) => {
  await page.goto('./?demo=locks&increments=100000&autorun=1');
  const runs = await waitForRuns<LocksRunResult>(page, 6);
  const [lost, time] = [0, 1].map((i) => page.locator('pl-locks-demo pl-bar-chart').nth(i));
  for (const chart of [lost, time]) {
    const facts = await barChartFacts(chart);
    expect(facts.type).toBe('linear');
    expectReadableTicks(facts.ticks);
    expect(facts.labels.map((l) => l.text)).toEqual(runs.map((r) => written(chart === lost ? r.lost : r.wallMs)));
  }
  const noLock = runs[0];
  await expect(lost.locator('figcaption li').first()).toHaveText(`No lock: ${written(noLock.lost)} updates lost`);
  await expect(time.locator('figcaption li').first()).toHaveText(`No lock: ${written(noLock.wallMs)} ms`);

  await page.goto('./?demo=io&latencies=100,200,300&sizes=100');
  await page.locator('pl-io-demo button[data-action="sweep"]').click();
  const sweep = await waitForRuns<IoRunResult>(page, 3);
  const facts = await barChartFacts(page.locator('pl-io-demo [data-field="sweep"] pl-bar-chart'));
  expect(facts.type).toBe('linear');
  expectReadableTicks(facts.ticks);
  expect(facts.labels.map((l) => l.text)).toEqual(sweep.map((r) => written(r.wallMs)));
});

test('in the dark colour scheme the charts and code use the dark tokens, and follow the scheme when it changes', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./?demo=locks&increments=10000&autorun=1');
  await waitForRuns<LocksRunResult>(page, 6);
  const demo = page.locator('pl-locks-demo');
  const charts = [demo.locator('pl-bar-chart').first(), demo.locator('pl-bar-chart').nth(1), demo.locator('pl-timeline')];
  const code = demo.locator('pre').first();

  const dark = { text: '#e5e7eb', border: '#374151', surface: '#111827', firstSeries: '#93c5fd' };
  for (const chart of charts) {
    const colors = await chartColors(chart);
    expect(colors).toMatchObject({ xTicks: dark.text, yTicks: dark.text, grid: dark.border, tooltip: dark.surface });
    expect((colors.bars as string[])[0]).toBe(dark.firstSeries);
  }
  expect(await code.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(2, 6, 23)');

  // The visitor switches to light: the charts redraw in the light tokens without another run.
  await page.emulateMedia({ colorScheme: 'light' });
  for (const chart of charts) {
    await expect.poll(async () => (await chartColors(chart)).xTicks).toBe('#0f172a');
    const colors = await chartColors(chart);
    expect(colors).toMatchObject({ yTicks: '#0f172a', grid: '#cbd5e1', tooltip: '#ffffff' });
    expect((colors.bars as string[])[0]).toBe('#1d4ed8');
  }
  expect(await code.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(15, 23, 42)');
});

test('a timeline says whether and how long its lanes ran at the same time', async ({ page }) => {
  await page.goto('./?demo=cpu&numbers=400000&rounds=60&workers=2&chunk-size=50');
  const demo = page.locator('pl-cpu-demo');
  await demo.locator('button[data-variant="workers"]').click();
  const [workers] = await waitForRuns<CpuRunResult>(page, 1);
  const { overlapMs, spanMs } = laneOverlap(workers.trace);
  const said =
    overlapMs > 0 ? `2 lanes; they overlapped for ${formatMs(overlapMs)} of ${formatMs(spanMs)}` : 'The 2 lanes took turns';
  await expect(timelineLabel(page, 'pl-cpu-demo')).toHaveAttribute(
    'aria-label',
    new RegExp(`^Timeline: Workers, one part each\\. ${said}`),
  );

  // Its bars carry no value labels: the plugin is registered for the bar charts only.
  await drawn(page.locator('pl-cpu-demo pl-timeline'));
  expect(await page.locator('pl-cpu-demo pl-timeline').evaluate((el: PlTimeline) => '$datalabels' in el.chart!)).toBe(false);

  // Four tasks on one thread can only take turns.
  await demo.locator('button[data-variant="main-thread-tasks"]').click();
  const [, tasks] = await waitForRuns<CpuRunResult>(page, 2);
  await expect(timelineLabel(page, 'pl-cpu-demo')).toHaveAttribute(
    'aria-label',
    `Timeline: 4 tasks taking turns (main thread). The 4 lanes (${tasks.trace.length.toLocaleString('en-US')} tasks) took turns: no two ran at once.`,
  );
});

test('each waterfall is named after its run and says whether its requests were in flight together', async ({ page }) => {
  await page.goto('./?demo=io&latencies=100,200,300&sizes=100&max-in-flight=3');
  const demo = page.locator('pl-io-demo');
  await demo.locator('button[data-variant="serial"]').click();
  await waitForRuns<IoRunResult>(page, 1);
  await demo.locator('button[data-variant="concurrent"]').click();
  const [, concurrent] = await waitForRuns<IoRunResult>(page, 2);
  await expect(demo.locator('[data-waterfall="serial"] pl-timeline canvas')).toHaveAttribute(
    'aria-label',
    'Waterfall: Serial, 3 requests. The 3 requests took turns: no two ran at once.',
  );
  const { overlapMs, spanMs } = laneOverlap(
    concurrent.requests.map((r, i) => ({ lane: String(i), chunk: i, startMs: r.startMs, endMs: r.endMs })),
  );
  await expect(demo.locator('[data-waterfall="concurrent"] pl-timeline canvas')).toHaveAttribute(
    'aria-label',
    `Waterfall: Concurrent, all at once, 3 requests. 3 requests; they overlapped for ${formatMs(overlapMs)} of ${formatMs(spanMs)}.`,
  );
});

/** Adds a bar chart of `values` to the page, `width` pixels wide, as a demo would draw it; a locator for it. */
async function addBarChart(page: Page, id: string, o: { width: number; values: number[]; scale: 'linear' | 'logarithmic' }) {
  await page.waitForFunction(() => customElements.get('pl-bar-chart'));
  await page.evaluate(
    ({ id, width, values, scale }) => {
      const chart = document.createElement('pl-bar-chart');
      Object.assign(chart, { id, unit: 'ms', scale, bars: values.map((value, i) => ({ label: `bar ${i + 1}`, value })) });
      chart.style.width = `${width}px`;
      document.body.append(chart);
    },
    { id, ...o },
  );
  return page.locator(`#${id}`);
}

test('a logarithmic axis writes 1, 2 and 5 a decade where they fit, fewer where they do not, and no two labels touch', async ({
  page,
}) => {
  await page.goto('./?demo=data');
  // The first two: where Chart.js's own skipping, by count rather than by place, wrote "1,000" 1.4 px from "10,000".
  const cases = [
    { width: 167, values: [36, 1_800] },
    { width: 202, values: [2.6, 560] },
    { width: 300, values: [0.004, 60_000] },
    { width: 960, values: [1.5, 2_000] },
  ];
  const facts = [];
  for (const [i, c] of cases.entries())
    facts.push(await barChartFacts(await addBarChart(page, `log-${i}`, { ...c, scale: 'logarithmic' })));
  for (const f of facts) {
    expect(f.type).toBe('logarithmic');
    expectReadableTicks(f.ticks);
    // A space and more between neighbours: two labels never read as one number.
    for (let i = 1; i < f.ticks.length; i++) expect(f.ticks[i].left - f.ticks[i - 1].right).toBeGreaterThanOrEqual(6);
  }
  // Small values in full, not as "1e-3".
  expect(facts[2].ticks[0].label).toBe('0.001');
  // On a wide axis, room for 1, 2 and 5 in every decade.
  expect(facts[3].ticks.map((t) => t.label)).toEqual([
    '1',
    '2',
    '5',
    '10',
    '20',
    '50',
    '100',
    '200',
    '500',
    '1,000',
    '2,000',
    '5,000',
    '10,000',
  ]);
});

test.describe('in a browser whose own locale writes numbers differently', () => {
  test.use({ locale: 'de-DE' });

  test("a chart writes its numbers as the rest of the lab does, Chart.js's own formatting included", async ({ page }) => {
    await page.goto('./?demo=data');
    expect(await page.evaluate(() => (1_234.5).toLocaleString())).toBe('1.234,5');
    const chart = await addBarChart(page, 'linear', { width: 500, values: [123_456.7, 7_890], scale: 'linear' });
    const facts = await barChartFacts(chart);
    expectReadableTicks(facts.ticks);
    expect(facts.ticks.map((t) => t.label)).toContain('100,000');
    expect(facts.labels.map((l) => l.text)).toEqual(['123,457', '7,890']);
    // What a tooltip's title and any tick left to Chart.js are written with.
    expect(await chart.evaluate((el: PlBarChart) => el.chart!.scales.x.getLabelForValue(12_345.6))).toBe('12,345.6');
  });
});
