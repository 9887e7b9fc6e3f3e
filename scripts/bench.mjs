// The benchmark: measures each figure the lab promises, on the built site in
// Chromium, several times, and prints the median beside its target as a ratio.
// Usage: npm run bench [-- --runs 5] [-- --only WORDS]   (run through tsx, which lets it use the lab's own statistics)
// --only measures only the figures whose names contain WORDS (say `pool`, `start`, `cpu:`).
// PL_DIST and PL_PORT move the site it builds and the two ports it serves from (the site's, and the next one's).
import { spawnSync } from 'node:child_process';
import { preview } from 'vite';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath, missingBrowsersMessage } from './browsers.mjs';
import { PAGE_WEIGHT_BUDGET_BYTES, RUN_PAGES, scriptsBeforeRun } from './page-weight.ts';
import { poolOverhead, servePoolPage } from './bench-pool/measure.mjs';
import { median } from '../src/core/stats.ts';
import { CLOSE_TO_LONGEST, CLOSE_TO_SUM, SPEEDUP, isAbout } from '../src/experiments/verdicts.ts';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const onlyArg = process.argv.indexOf('--only');
const wanted = (name) => onlyArg < 0 || name.includes(process.argv[onlyArg + 1]);
const PORT = Number(process.env.PL_PORT ?? 4190);
const base = `http://127.0.0.1:${PORT}/`;
/** The page that measures the pool's own cost, built apart from the lab's site (scripts/bench-pool/). */
const poolPage = `http://127.0.0.1:${PORT + 1}/`;

const missing = missingBrowsersMessage();
if (missing) {
  console.error(missing);
  process.exit(1);
}

const sum = (values) => values.reduce((a, b) => a + b, 0);

/**
 * A suite loads one demo fresh, runs its variants once through the element's
 * own `run()`, and reads its figures off that one set of verified results, so
 * every ratio compares runs made side by side. Targets: `at most`, `at least`,
 * or `about` (within `ABOUT_THE_SAME`, the margin the page's own stories use).
 */
const suites = [
  {
    demo: 'cpu',
    query: 'numbers=10000000&workers=2',
    variants: ['serial', 'main-thread-tasks', 'pool-map', 'workers'],
    figures: [
      ['calibrated serial run (ms)', 'about', 1000, (r) => r.serial.wallMs],
      ['2 workers: speed-up over serial', 'at least', 1.6, (r) => r.serial.wallMs / r.workers.wallMs],
      [
        '4 main-thread tasks: speed-up (none expected)',
        'at most',
        SPEEDUP,
        (r) => r.serial.wallMs / r['main-thread-tasks'].wallMs,
      ],
      ["pool with Python's chunks: speed-up over serial", 'at least', 1.3, (r) => r.serial.wallMs / r['pool-map'].wallMs],
      ['serial: longest frame gap, the freeze (ms)', 'at least', 500, (r) => r.serial.longestFrameGapMs],
      ['main-thread tasks: longest frame gap (ms)', 'at most', 100, (r) => r['main-thread-tasks'].longestFrameGapMs],
      ['workers: longest frame gap (ms)', 'at most', 100, (r) => r.workers.longestFrameGapMs],
      ['worker cold start, slowest of 2 (ms)', 'at most', 100, (r) => Math.max(...r['pool-map'].coldStartMs)],
    ],
  },
  {
    demo: 'cpu',
    query: 'numbers=10000000&workers=2&chunk-size=1',
    variants: ['serial', 'pool-map'],
    figures: [['one message per number: speed-up (far below 1)', 'at most', 0.35, (r) => r.serial.wallMs / r['pool-map'].wallMs]],
  },
  {
    demo: 'locks',
    query: '',
    variants: ['no-lock', 'atomic', 'mutex-per-increment', 'mutex-whole-loop', 'async-race', 'async-mutex'],
    figures: [
      ['no lock: share of updates lost at the defaults', 'at least', 0.01, (r) => r['no-lock'].lost / r['no-lock'].expected],
      ['mutex per increment: time ÷ Atomics.add', 'at least', 2, (r) => r['mutex-per-increment'].wallMs / r.atomic.wallMs],
      ['async race: share of updates lost', 'at least', 0.5, (r) => r['async-race'].lost / r['async-race'].expected],
      ['Atomics.add: 4 × 1,000,000 increments (ms)', 'at most', 200, (r) => r.atomic.wallMs],
    ],
  },
  {
    demo: 'io',
    query: 'latencies=250,500,750,1000',
    variants: ['serial', 'concurrent', 'workers'],
    figures: [
      ['serial: wall ÷ sum of latencies', 'at most', CLOSE_TO_SUM, (r) => r.serial.wallMs / sum(r.serial.params.latencies)],
      [
        'concurrent: wall ÷ longest latency',
        'at most',
        CLOSE_TO_LONGEST,
        (r) => r.concurrent.wallMs / Math.max(...r.concurrent.params.latencies),
      ],
      ['workers: wall ÷ concurrent wall (no gain)', 'about', 1, (r) => r.workers.wallMs / r.concurrent.wallMs],
    ],
  },
  {
    demo: 'data',
    query: 'numbers=10000000',
    variants: ['copy-array', 'copy-typed', 'transfer', 'shared'],
    figures: [
      // The copy is the lesson's: a plain list, cloned number by number as pickling does.
      ['10M numbers: copy ÷ transfer', 'at least', 100, (r) => r['copy-array'].wallMs / r.transfer.wallMs],
      ['10M numbers: copy ÷ shared', 'at least', 100, (r) => r['copy-array'].wallMs / r.shared.wallMs],
    ],
  },
];

/** Measurements that need a page of their own. */
const probes = [
  [
    'scaling: parallel efficiency at W = cores (warm pool, calibrated load)',
    'at least',
    0.95,
    async (page) => {
      const demo = await openDemo(page, 'scaling', 'repeats=1');
      return demo.evaluate(async (el) => {
        // The page calibrates the work as it loads, so that one worker takes about a second.
        while (String(el.rounds) === '') await new Promise((r) => setTimeout(r, 10));
        const cores = navigator.hardwareConcurrency;
        el.maxWorkers = cores;
        let curve;
        el.addEventListener('pl-run-complete', (e) => (curve = e.detail.variant === 'curve' ? e.detail : curve));
        if (!(await el.runAll())) throw new Error('scaling: no verified sweep');
        return curve.points.find((p) => p.workers === cores).speedup / cores;
      });
    },
  ],
  [
    'cpu: Stop to run ended (ms)',
    'at most',
    100,
    async (page) => {
      const demo = await openDemo(page, 'cpu', 'numbers=10000000&rounds=2000&workers=2');
      return demo.evaluate(async (el) => {
        const run = el.run('workers');
        await new Promise((r) => setTimeout(r, 500));
        const start = performance.now();
        el.stop();
        await run;
        return performance.now() - start;
      });
    },
  ],
  [
    'cpu: Stop to the last busy worker gone (ms)',
    'at most',
    300,
    async (page) => {
      const demo = await openDemo(page, 'cpu', 'numbers=10000000&rounds=2000&workers=2');
      await demo.evaluate((el) => void el.run('workers'));
      while (page.workers().length < 2) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 500));
      const start = performance.now();
      await demo.evaluate((el) => el.stop());
      while (page.workers().length > 0) await new Promise((r) => setTimeout(r, 5));
      return performance.now() - start;
    },
  ],
];

/**
 * Measurements that need a fresh browser context each time (no service
 * worker, nothing cached: a first visit), or a page of their own. `of` reads
 * the figure off the values (by default their median); `each` names a value.
 */
const visits = [
  {
    name: 'page weight: JS before the first Run, heaviest page (KB gzip)',
    direction: 'at most',
    target: PAGE_WEIGHT_BUDGET_BYTES / 1024,
    of: (values) => Math.max(...values),
    each: 'pages',
    // Bytes, not time: one visit per page says it.
    measure: async (browser) => {
      const totals = [];
      for (const { path, tag } of RUN_PAGES) {
        const scripts = await fresh(browser, (page) => scriptsBeforeRun(page, base + path, tag));
        totals.push(scripts.reduce((sum, s) => sum + s.bytes, 0) / 1024);
      }
      return totals;
    },
  },
  {
    name: 'start: navigation to an enabled Run button (ms)',
    direction: 'at most',
    target: 500,
    measure: async (browser) => {
      const times = [];
      for (let i = 0; i < RUNS; i++) times.push(await fresh(browser, timeToRun));
      return times;
    },
  },
];

/** Runs `work` on a page of a fresh browser context, closed afterwards. */
async function fresh(browser, work) {
  const context = await browser.newContext();
  try {
    return await work(await context.newPage());
  } finally {
    await context.close();
  }
}

/**
 * Milliseconds from the start of the navigation to the first frame in which the lab's front page offers Run. The
 * page says it on its console, which Playwright only listens to: waiting with `waitForFunction` would have
 * Playwright evaluate its own script in the page while the page is still starting, and time that too.
 */
async function timeToRun(page) {
  await page.addInitScript(() => {
    const run = () =>
      document
        .querySelector('parallel-lab')
        ?.shadowRoot?.querySelector('pl-cpu-demo')
        ?.shadowRoot?.querySelector('button.primary');
    const check = () => {
      if (run()?.disabled === false) console.debug(`run-enabled ${performance.now()}`);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  const said = page.waitForEvent('console', (message) => message.text().startsWith('run-enabled '));
  await page.goto(base);
  return Number((await said).text().split(' ')[1]);
}

async function openDemo(page, demo, query) {
  await page.goto(`${base}?demo=${demo}&${query}`);
  const tag = `pl-${demo}-demo`;
  await page.waitForFunction((t) => document.querySelector('parallel-lab')?.shadowRoot?.querySelector(t)?.hasUpdated, tag);
  return page.evaluateHandle((t) => document.querySelector('parallel-lab').shadowRoot.querySelector(t), tag);
}

async function runSuite(page, suite) {
  const demo = await openDemo(page, suite.demo, suite.query);
  const results = {};
  for (const variant of suite.variants) {
    const detail = await demo.evaluate(async (el, v) => {
      const done = new Promise((resolve) => el.addEventListener('pl-run-complete', (e) => resolve(e.detail), { once: true }));
      return (await el.run(v)) ? await done : null;
    }, variant);
    if (!detail?.verified) throw new Error(`${suite.demo} ${variant}: no verified result`);
    results[variant] = detail;
  }
  return results;
}

const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const server = await preview({ preview: { port: PORT, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
const closePoolPage = await servePoolPage(PORT + 1);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });

const rows = [];
const notes = [];
try {
  for (const { measure, ...row } of visits.filter((v) => wanted(v.name))) rows.push({ ...row, values: await measure(browser) });
  const page = await browser.newPage();
  for (const suite of suites.filter((s) => s.figures.some(([name]) => wanted(`${s.demo}: ${name}`)))) {
    const values = suite.figures.map(() => []);
    for (let i = 0; i < RUNS; i++) {
      const results = await runSuite(page, suite);
      suite.figures.forEach(([, , , read], f) => values[f].push(read(results)));
    }
    suite.figures.forEach(([name, direction, target], f) =>
      rows.push({ name: `${suite.demo}: ${name}`, direction, target, values: values[f] }),
    );
  }
  for (const [name, direction, target, measure] of probes.filter(([name]) => wanted(name))) {
    const values = [];
    for (let i = 0; i < RUNS; i++) values.push(await measure(page));
    rows.push({ name, direction, target, values });
  }
  if (wanted('pool: ')) {
    const pool = await poolOverhead(page, poolPage, RUNS);
    rows.push(...pool.rows);
    notes.push(pool.note);
  }
} finally {
  await browser.close();
  await new Promise((r) => server.httpServer.close(r));
  await closePoolPage();
}

const fmt = (v) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(2));
const cores = (await import('node:os')).availableParallelism();
console.log(
  `\nParallel Lab benchmark: Chromium, ${cores} cores, ${RUNS} runs each; median (unless named), and ratio = figure ÷ target\n`,
);
const width = Math.max(...rows.map((r) => r.name.length));
let missed = 0;
for (const r of rows) {
  const m = (r.of ?? median)(r.values);
  const ratio = m / r.target;
  const pass = r.direction === 'at most' ? m <= r.target : r.direction === 'at least' ? m >= r.target : isAbout(m, r.target);
  if (!pass) missed++;
  console.log(
    `${pass ? 'ok  ' : 'MISS'}  ${r.name.padEnd(width)}  ${fmt(m).padStart(8)}  target ${`${r.direction} ${r.target}`.padEnd(14)}  ratio ${fmt(ratio).padStart(6)}   ${r.each ?? 'runs'}: ${r.values.map(fmt).join(', ')}`,
  );
}
for (const note of notes) console.log(`\n${note}`);
console.log(`\n${rows.length - missed} of ${rows.length} figures on target.`);
