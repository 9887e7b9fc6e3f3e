// The benchmark: measures each figure the lab promises, on the built site in
// Chromium, several times, and prints the median beside its target as a ratio.
// Usage: npm run bench [-- --runs 5]
import { spawnSync } from 'node:child_process';
import { preview } from 'vite';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath, missingBrowsersMessage } from './browsers.mjs';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;

const missing = missingBrowsersMessage();
if (missing) {
  console.error(missing);
  process.exit(1);
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Each figure: how to measure it once, its target, and which way is better.
 * `at most` targets pass when median ≤ target; `at least` when median ≥ target.
 */
const figures = [];
const figure = (name, target, direction, unit, measure) => figures.push({ name, target, direction, unit, measure });

function demoHandle(page, tag) {
  return page.evaluateHandle((t) => document.querySelector('pl-app').shadowRoot.querySelector(t), tag);
}

async function cpuRuns(page, variants) {
  await page.goto(`${base}?demo=cpu&numbers=10000000&workers=2`);
  await page.waitForFunction(() => document.querySelector('pl-app')?.shadowRoot?.querySelector('pl-cpu-demo')?.rounds);
  const demo = await demoHandle(page, 'pl-cpu-demo');
  const results = {};
  for (const v of variants) {
    const detail = await demo.evaluate(async (el, variant) => {
      const done = new Promise((resolve) => el.addEventListener('pl-run-complete', (e) => resolve(e.detail), { once: true }));
      const ok = await el.run(variant);
      return ok ? await done : null;
    }, v);
    if (!detail?.verified) throw new Error(`cpu ${v}: no verified result`);
    results[v] = detail;
  }
  return results;
}

let cpuCache;
async function cpu(page, key) {
  if (!cpuCache || cpuCache.used.has(key)) {
    cpuCache = { results: await cpuRuns(page, ['serial', 'main-thread-tasks', 'pool-per-item', 'workers']), used: new Set() };
  }
  cpuCache.used.add(key);
  return cpuCache.results;
}

figure('cpu: calibrated serial run (ms)', 1000, 'about', 'ms', async (page) => (await cpu(page, 'serial')).serial.wallMs);
figure('cpu: 2 workers speed-up over serial', 1.6, 'at least', '×', async (page) => {
  const r = await cpu(page, 'workers');
  return r.serial.wallMs / r.workers.wallMs;
});
figure('cpu: 4 main-thread tasks speed-up (no faster than serial)', 1.1, 'at most', '×', async (page) => {
  const r = await cpu(page, 'tasks');
  return r.serial.wallMs / r['main-thread-tasks'].wallMs;
});
figure(
  'cpu: main-thread tasks longest frame gap (ms)',
  100,
  'at most',
  'ms',
  async (page) => (await cpu(page, 'gap'))['main-thread-tasks'].longestFrameGapMs,
);
figure(
  'cpu: workers longest frame gap (ms)',
  100,
  'at most',
  'ms',
  async (page) => (await cpu(page, 'wgap')).workers.longestFrameGapMs,
);
figure('cpu: one message per number, speed-up (far below 1)', 0.35, 'at most', '×', async (page) => {
  const r = await cpu(page, 'per-item');
  return r.serial.wallMs / r['pool-per-item'].wallMs;
});
figure('cpu: worker cold start, slowest of 2 (ms)', 100, 'at most', 'ms', async (page) => {
  const r = await cpuRuns(page, ['workers']);
  return Math.max(...r.workers.coldStartMs);
});
figure('cpu: Stop to run ended and workers terminated (ms)', 100, 'at most', 'ms', async (page) => {
  await page.goto(`${base}?demo=cpu&numbers=10000000&rounds=2000&workers=2`);
  await page.waitForFunction(() => document.querySelector('pl-app')?.shadowRoot?.querySelector('pl-cpu-demo'));
  const demo = await demoHandle(page, 'pl-cpu-demo');
  const ms = await demo.evaluate(async (el) => {
    const run = el.run('workers');
    await new Promise((r) => setTimeout(r, 500));
    const start = performance.now();
    el.stop();
    await run;
    return performance.now() - start;
  });
  return ms;
});

// ---- run ----
const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const server = await preview({ preview: { port: 4190, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
const base = 'http://127.0.0.1:4190/';
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: chromiumArgs,
});

const rows = [];
let failed = 0;
try {
  const page = await browser.newPage();
  for (const f of figures) {
    const values = [];
    for (let i = 0; i < RUNS; i++) values.push(await f.measure(page));
    const m = median(values);
    const ratio = m / f.target;
    const pass =
      f.direction === 'at most' ? m <= f.target : f.direction === 'at least' ? m >= f.target : ratio > 0.7 && ratio < 1.3;
    if (!pass) failed++;
    rows.push({ figure: f.name, median: m, target: `${f.direction} ${f.target}`, ratio, pass, values });
  }
} finally {
  await browser.close();
  await new Promise((r) => server.httpServer.close(r));
}

const fmt = (v) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(2));
console.log(`\nParallel Lab benchmark: Chromium, ${RUNS} runs each, median (ratio = median ÷ target)\n`);
const width = Math.max(...rows.map((r) => r.figure.length));
for (const r of rows) {
  console.log(
    `${r.pass ? 'ok  ' : 'MISS'}  ${r.figure.padEnd(width)}  ${fmt(r.median).padStart(9)}  target ${r.target.padEnd(13)}  ratio ${fmt(r.ratio).padStart(6)}   runs: ${r.values.map(fmt).join(', ')}`,
  );
}
console.log(`\n${rows.length - failed} of ${rows.length} figures on target.`);
