import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { countOf, formatPercent } from '../../src/core/format';
import { coreCount } from '../../src/core/scaling';
import type { CpuRunResult } from '../../src/experiments/cpu-rules';
import type { ScalingCurveRun } from '../../src/experiments/scaling-rules';
import type { PlCpuDemo } from '../../src/ui/cpu/pl-cpu-demo';
import { missingEngine, openEngine, type EngineSession } from '../../scripts/engines.mjs';
import { runDemoOnce } from '../../scripts/run-demo.mjs';

/**
 * What the engines showed when tried by hand, each checked where it showed.
 * WebKitGTK: without SharedArrayBuffer the page is isolated all the same; it
 * reports more cores than the machine has; its default locale writes numbers
 * without thousands separators. Firefox (and Chromium, in tests/browser):
 * the labels of a logarithmic axis came close enough to read as one number.
 */

/**
 * In the page (sent as text, so self-contained): the text, or `attribute`,
 * of the first match of `selector` inside demo `demo`'s element, through
 * every shadow root; null until there is one.
 */
function readDemo({ demo, selector, attribute }: { demo: string; selector: string; attribute?: string }): string | null {
  const find = (root: ParentNode): Element | null => {
    const found = root.querySelector(selector);
    if (found) return found;
    for (const host of root.querySelectorAll('*')) {
      const inner = host.shadowRoot && find(host.shadowRoot);
      if (inner) return inner;
    }
    return null;
  };
  const root = document.querySelector('parallel-lab')?.shadowRoot?.querySelector(`#panel-${demo} > *`)?.shadowRoot;
  const found = root ? find(root) : null;
  if (!found) return null;
  return attribute ? found.getAttribute(attribute) : (found.textContent ?? '').replace(/\s+/g, ' ').trim();
}

interface ChartCase {
  values: number[];
  width: number;
  scale: 'linear' | 'logarithmic';
}

/**
 * In the page (self-contained): draws a bar chart of each case's values, as
 * a demo would, and reads what it wrote: each tick label with its extent,
 * the value on each bar, and how Chart.js itself writes 12,345.6 (a
 * tooltip's title). Also how the browser writes 1,234,567 by default.
 */
async function drawBarCharts(cases: ChartCase[]) {
  type Labelled = { $datalabels?: { _labels: Array<{ _model: { lines: string[] } | null }> } };
  const drawn = [];
  for (const { values, width, scale } of cases) {
    const el = document.createElement('pl-bar-chart');
    Object.assign(el, { unit: 'ms', scale, bars: values.map((value, i) => ({ label: `bar ${i + 1}`, value })) });
    el.style.width = `${width}px`;
    document.body.append(el);
    for (let i = 0; i < 200 && !el.chart; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    // The value labels are drawn on the frame after.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const chart = el.chart!;
    const ticks = chart.scales.x.getLabelItems().map((item) => {
      chart.ctx.font = item.font.string;
      const half = chart.ctx.measureText(String(item.label)).width / 2;
      const [at] = item.options.translation as [number, number];
      return { label: String(item.label), left: at - half, right: at + half };
    });
    const labels = ((chart as unknown as Labelled).$datalabels?._labels ?? []).map((l) => l._model?.lines.join(' ') ?? '');
    drawn.push({ ticks, labels, tooltipNumber: chart.scales.x.getLabelForValue(12_345.6) });
  }
  return { browserWrites: (1_234_567).toLocaleString(), charts: drawn };
}

/** Log axes where Chart.js's own skipping (by count, not by place) wrote "1,000" 1.4 px from "10,000", and a wide range. */
const LOG_CASES: ChartCase[] = [
  { values: [36, 1_800], width: 167, scale: 'logarithmic' },
  { values: [2.6, 560], width: 202, scale: 'logarithmic' },
  { values: [0.004, 60_000], width: 300, scale: 'logarithmic' },
];

/** A number as the lab writes it: "0.001", "10", "100,000". */
const WRITTEN = /^\d{1,3}(,\d{3})*(\.\d+)?$/;

/** Every tick label written as the lab writes numbers, a space and more from its neighbours: two never read as one. */
function expectReadableTicks(ticks: Array<{ label: string; left: number; right: number }>): void {
  for (const t of ticks) expect(t.label).toMatch(WRITTEN);
  for (let i = 1; i < ticks.length; i++) expect(ticks[i].left - ticks[i - 1].right).toBeGreaterThanOrEqual(6);
}

const missing = missingEngine('webkit');
if (missing) console.warn(`webkit: ${missing}${process.env.CI ? '' : '\nIts engine tests are skipped.'}`);

describe.skipIf(missing && !process.env.CI)('In WebKit without SharedArrayBuffer (as WebKitGTK ships)', () => {
  let session: EngineSession | undefined;
  const base = () => inject('baseUrl');
  const read = (demo: string, selector: string, attribute?: string) =>
    session!.waitFor(readDemo, { demo, selector, attribute }, { timeoutMs: 60_000 });
  /** Says why there is no shared memory without calling the page "not isolated" or asking for headers it has. */
  const expectIsolatedWithoutSharedMemory = (text: string) => {
    expect(text).not.toMatch(/not (cross-origin )?isolated|not one\b|Cross-Origin-Opener-Policy/);
    expect(text).toMatch(/offers no SharedArrayBuffer/);
  };

  beforeAll(async () => {
    expect(missing, 'WebKit is installed (CI needs every engine)').toBe('');
    session = await openEngine('webkit', { sharedArrayBuffer: false });
  });

  afterAll(() => session?.close());

  it('the page is isolated, and the locks note blames the browser, not missing headers', async () => {
    await session!.goto(`${base()}?demo=locks`);
    const page = await session!.evaluate(() => ({ isolated: crossOriginIsolated, sab: typeof SharedArrayBuffer }));
    expect(page).toEqual({ isolated: true, sab: 'undefined' });
    expect(await read('locks', '[data-field="isolation"]', 'data-problem')).toBe('no-shared-memory-in-browser');
    expectIsolatedWithoutSharedMemory(await read('locks', '[data-field="isolation"]'));
  });

  it("the data demo skips sharing for the browser's reason, in its button, its status and its note on the CPU demo", async () => {
    const runs = await runDemoOnce(session!, base(), 'data', { quick: true });
    expect(runs.map((r) => r.variant)).toEqual(['copy-array', 'copy-typed', 'transfer']);
    expect(await read('data', '[data-field="isolation"]', 'data-problem')).toBe('no-shared-memory-in-browser');
    for (const text of [
      await read('data', 'button[data-variant="shared"]', 'title'),
      await read('data', '[data-field="status"]'),
      await read('data', '[data-field="cpu-demo-way"]'),
    ]) {
      expectIsolatedWithoutSharedMemory(text);
    }
  });

  it('the CPU story says why each worker was sent its part rather than shared the numbers', async () => {
    await runDemoOnce(session!, base(), 'cpu', { quick: true });
    const story = await read('cpu', '[data-field="story"]');
    expect(story).toContain('Each worker was sent its own part of the numbers, as this browser offers no SharedArrayBuffer');
    expectIsolatedWithoutSharedMemory(story);
  });
});

describe.skipIf(missing && !process.env.CI)('In WebKit', () => {
  let session: EngineSession | undefined;
  const base = () => inject('baseUrl');

  beforeAll(async () => {
    expect(missing, 'WebKit is installed (CI needs every engine)').toBe('');
    session = await openEngine('webkit');
  });

  afterAll(() => session?.close());

  it('the CPU demo says its core count is the browser’s, and after a scaling curve rates its workers against the curve', async () => {
    // A sweep past the two cores this machine has (WebKit reports 4 here), with work enough to be worth sharing.
    const sweep = await runDemoOnce(session!, `${base()}?numbers=200000&rounds=100&max-workers=4`, 'scaling');
    const curve = sweep.find((r) => r.variant === 'curve') as unknown as ScalingCurveRun;
    const cores = coreCount(curve.reportedCores, { usableCores: curve.usableCores, maxWorkers: curve.params.maxWorkers });
    expect(await session!.evaluate(() => navigator.hardwareConcurrency)).toBe(cores.reported);
    console.info(`WebKit reports ${cores.reported} cores; the sweep's curve flattened at ${curve.usableCores} of 4 workers`);

    // The CPU demo, opened in the same visit, knows the curve.
    await session!.evaluate(() =>
      document.querySelector('parallel-lab')!.shadowRoot!.querySelector<HTMLElement>('#tab-cpu')!.click(),
    );
    const hint = await session!.waitFor(readDemo, { demo: 'cpu', selector: '#workers-hint' });
    expect(hint).toContain(`Default: the ${countOf(cores.reported, 'core')} this browser reports (its own count`);
    if (cores.measured === undefined) expect(hint).not.toContain('scaling curve');
    else expect(hint).toContain(`This visit's scaling curve flattened at ${countOf(cores.measured, 'worker')}.`);

    // Four workers, more than the curve could use when it flattened at 2.
    await session!.waitFor(() => {
      const cpu = document.querySelector('parallel-lab')?.shadowRoot?.querySelector<PlCpuDemo>('pl-cpu-demo');
      if (!cpu?.shadowRoot?.querySelector('button[type="submit"]:not([disabled])')) return false;
      const runs: unknown[] = [];
      Object.assign(window, { __cpuRuns: runs });
      addEventListener('pl-run-complete', (event) => runs.push((event as CustomEvent).detail));
      Object.assign(cpu, { numbers: '200000', rounds: '100', workers: '4' });
      void cpu.updateComplete.then(() => cpu.runAll());
      return true;
    });
    const runs = (await session!.waitFor(
      () => {
        const done = (window as unknown as { __cpuRuns: Array<{ variant: string }> }).__cpuRuns;
        return done.some((r) => r.variant === 'workers') && done;
      },
      undefined,
      { timeoutMs: 300_000 },
    )) as unknown as CpuRunResult[];
    const serial = runs.find((r) => r.variant === 'serial')!;
    const workers = runs.find((r) => r.variant === 'workers')!;
    expect([serial.verified, workers.verified, workers.workers]).toEqual([true, true, 4]);
    const usable = Math.min(4, cores.cores);
    const efficiency = formatPercent(serial.wallMs / workers.wallMs / usable);
    const source =
      cores.measured === undefined
        ? "(by the browser's count, which may be rounded or capped)"
        : `(by this visit's scaling curve; the browser reports ${cores.reported})`;
    const story = await session!.waitFor(readDemo, { demo: 'cpu', selector: '[data-field="story"]' });
    expect(story).toContain(`${efficiency} of the ${countOf(usable, 'core')} they could use ${source}`);
  });

  it('chart numbers carry thousands separators though the browser’s own locale writes none, and log-axis labels keep apart', async () => {
    await session!.goto(`${base()}?demo=data`);
    await session!.waitFor(() => Boolean(customElements.get('pl-bar-chart')));
    const linear: ChartCase = { values: [123_456.7, 7_890], width: 500, scale: 'linear' };
    const { browserWrites, charts } = await session!.evaluate(drawBarCharts, [linear, ...LOG_CASES]);
    // What the engine itself writes, for the record: WebKitGTK's POSIX default has no separators.
    console.info(`WebKit writes 1234567 as "${browserWrites}" by default`);
    for (const { ticks } of charts) expectReadableTicks(ticks);
    expect(charts[0].ticks.map((t) => t.label)).toContain('100,000');
    const widest = charts[charts.length - 1].ticks;
    expect(widest[widest.length - 1].label).toMatch(/^\d{1,3}(,\d{3})+$/);
    expect(charts[0].labels.sort()).toEqual(['123,457', '7,890']);
    expect(charts[0].tooltipNumber).toBe('12,345.6');
  });
});

const missingFirefox = missingEngine('firefox');
if (missingFirefox) console.warn(`firefox: ${missingFirefox}${process.env.CI ? '' : '\nIts engine tests are skipped.'}`);

describe.skipIf(missingFirefox && !process.env.CI)('In Firefox', () => {
  let session: EngineSession | undefined;

  beforeAll(async () => {
    expect(missingFirefox, 'Firefox is installed (CI needs every engine)').toBe('');
    session = await openEngine('firefox');
  });

  afterAll(() => session?.close());

  it('the labels of a logarithmic axis keep apart, and are written as the lab writes numbers', async () => {
    await session!.goto(`${inject('baseUrl')}?demo=data`);
    await session!.waitFor(() => Boolean(customElements.get('pl-bar-chart')));
    const { charts } = await session!.evaluate(drawBarCharts, LOG_CASES);
    for (const { ticks } of charts) {
      expect(ticks.length).toBeGreaterThan(0);
      expectReadableTicks(ticks);
    }
  });
});
