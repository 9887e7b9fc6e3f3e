// The matrix runner: each demo's Run all on the built site, headless, in each
// browser under each real core limit; a table per demo, and a results file
// the Compare view imports. Run through tsx, so it can use the lab's own
// TypeScript. Usage: npm run matrix -- --help (and README, "The matrix runner").
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { ENGINES, coreLimitProblem, missingEngine, openEngine } from './engines.mjs';
import { runDemoOnce } from './run-demo.mjs';
import { DEMO_IDS } from '../src/core/run-result.ts';
import { coresLabel, demoTables, exitCode, formatElapsed, matrixFile, planColumns, progressLine } from './matrix-core.ts';
import { USAGE, parseMatrixArgs } from './matrix-args.ts';

const parsed = parseMatrixArgs(process.argv.slice(2), {
  engines: ENGINES,
  demos: DEMO_IDS,
  // Core limits need taskset (Linux): elsewhere each browser runs once, unlimited, unless --cores asks otherwise.
  defaultCores: coreLimitProblem(1) ? [null] : Array.from({ length: availableParallelism() }, (_, i) => i + 1),
  defaultDist: process.env.PL_DIST ?? 'dist',
});
if (!parsed.ok) {
  if (parsed.help) console.log(USAGE);
  else console.error(`${parsed.message}\n\n${USAGE}`);
  process.exit(parsed.help ? 0 : 2);
}
const options = parsed.options;
// From the process's start: loading the browsers' drivers is part of the wait.
const started = performance.timeOrigin;

// Progress and notes go to stderr, so stdout holds the tables alone; on a terminal the progress is one line, redrawn.
const tty = Boolean(process.stderr.isTTY);
let shown = '';
let progress;
function drawProgress() {
  if (!progress) return;
  const line = progressLine({ ...progress, elapsedMs: Date.now() - started }, tty ? process.stderr.columns || 80 : Infinity);
  if (tty) process.stderr.write(`\r${line}\x1b[K`);
  // Without a terminal, a line each time the step or variant changes, not each second.
  else if (line.replace(/ · \d+:\d\d$/, '') !== shown) console.error(line);
  shown = line.replace(/ · \d+:\d\d$/, '');
}
function note(message) {
  if (tty) process.stderr.write('\r\x1b[K');
  console.error(message);
  drawProgress();
}
const ticker = tty ? setInterval(drawProgress, 1000) : undefined;

/** The site's sources: when one is newer than the built index.html, the build is stale. */
const root = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = ['src', 'public', 'index.html', 'embed.html', 'vite.config.ts', 'vite.lib.config.ts', 'package-lock.json'].map(
  (source) => join(root, source),
);

async function newestSourceMs() {
  let newest = 0;
  for (const source of SOURCES) {
    const info = await stat(source).catch(() => undefined);
    if (!info) continue;
    const files = info.isDirectory() ? (await readdir(source, { recursive: true })).map((f) => join(source, f)) : [source];
    for (const file of files) newest = Math.max(newest, (await stat(file)).mtimeMs);
  }
  return newest;
}

/**
 * Builds the site as `npm run build` does when it is missing or older than its
 * sources, so the matrix never measures old code; a site named with --dist is served as it is.
 */
async function ensureBuilt(dist, asIs) {
  const built = await stat(join(dist, 'index.html')).catch(() => undefined);
  if (asIs && !built) {
    console.error(`--dist ${dist}: no built site there (no index.html). Build one with: PL_DIST=${dist} npm run build`);
    process.exit(2);
  }
  if (asIs || (built && built.mtimeMs >= (await newestSourceMs()))) return;
  note(built ? `${dist} is older than the sources: building it again…` : `No site built in ${dist}: building it…`);
  const build = spawnSync('npm', ['run', '--silent', 'build'], {
    cwd: root,
    // Its output on stderr, with the progress: stdout is for the tables.
    stdio: ['ignore', 2, 2],
    env: { ...process.env, PL_DIST: dist },
  });
  if (build.status !== 0) {
    console.error(`The build failed (exit code ${build.status}): nothing was run.`);
    process.exit(1);
  }
}

const dist = resolve(options.dist);
await ensureBuilt(dist, options.distAsIs);
// Vite's preview sends the lab's isolation headers and Cache-Control: no-store (vite.config.ts).
const server = await preview({
  root,
  build: { outDir: dist },
  preview: { port: options.port, strictPort: options.port !== 0, host: '127.0.0.1' },
  logLevel: 'warn',
});
const base = `http://127.0.0.1:${server.httpServer.address().port}/`;

const columns = planColumns(options, { missing: missingEngine, limitProblem: coreLimitProblem });
for (const browser of options.browsers) {
  const skipped = columns.filter((c) => c.browser === browser && c.skipped);
  const reasons = [...new Set(skipped.map((c) => c.skipped))];
  for (const reason of reasons) {
    const limits = skipped.filter((c) => c.skipped === reason).map((c) => coresLabel(c.coreLimit));
    note(`Skipping ${browser} (${limits.join(', ')}): ${reason}`);
  }
}

/**
 * Runs in the page (self-contained: sent as text): the variant the demo is
 * running now, read from its progress bar's label ("Progress of Atomics.add")
 * and the variant button of that label; '' between variants.
 */
function runningVariant(demo) {
  const root = document.querySelector('parallel-lab')?.shadowRoot?.querySelector(`#panel-${demo} > *`)?.shadowRoot;
  const bar = root?.querySelector('progress');
  if (!bar || bar.hidden) return '';
  const label = (bar.getAttribute('aria-label') ?? '').replace(/^Progress( of )?/, '');
  const button = [...root.querySelectorAll('button[data-variant]')].find((b) => b.textContent.trim() === label);
  return button?.dataset.variant ?? label;
}

/**
 * Runs `demo`'s Run all in `session`, showing the variant it is on about once
 * a second: read between the runner's own looks at the page, never at the same time.
 */
function runWatched(session, demo) {
  let lastLook = 0;
  const between = async () => {
    if (Date.now() - lastLook < 1000) return;
    lastLook = Date.now();
    const variant = await session.evaluate(runningVariant, demo).catch(() => '');
    // Between two variants the bar is hidden: the line keeps the last one until the next starts.
    if (variant && variant !== progress.variant) {
      progress = { ...progress, variant };
      drawProgress();
    }
  };
  const running = runDemoOnce(session, base, demo, { quick: options.quick, between });
  // After Ctrl-C its browser is closed under it: stop waiting for it (it would keep asking the closed page until its time-out).
  running.catch(() => {});
  return Promise.race([running, stopped]);
}

const runs = [];
const failures = [];
let interrupted = false;
let session;
let onStop;
/** Rejects on Ctrl-C. */
const stopped = new Promise((_, reject) => (onStop = () => reject(new Error('stopped with Ctrl-C'))));
stopped.catch(() => {});

function stop() {
  if (interrupted) {
    // A second Ctrl-C: leave now (Playwright still kills the browsers it started as the process exits).
    process.exit(130);
  }
  interrupted = true;
  onStop();
  note('Stopping: closing the browser and the server (Ctrl-C again to leave at once)…');
  void session?.close().catch(() => {});
}
// SIGHUP: the terminal closed; finish cleanly all the same, with nowhere left to print.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, stop);
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});

const runnable = columns.filter((c) => !c.skipped);
const steps = runnable.length * options.demos.length * options.repeats;
let step = 0;

/**
 * Keeps finished runs for the tables and the file. A run comes with its
 * environment from the page's history; one without (the page could not store
 * it) cannot go in the file, and is said.
 */
function keep(column, repeat, finished) {
  for (const run of finished) {
    if (run.environment) runs.push({ column, repeat, run, driverVersion: session?.version });
    else
      note(
        `${column.browser}, ${run.demo} ${run.variant}: not in the page's history (an old build, or storage refused): left out`,
      );
  }
}

/** Runs every demo in one browser under one limit; a failed Run all gets a fresh browser for the next. */
async function runColumn(column) {
  let ranBefore = false;
  for (const demo of options.demos) {
    for (let repeat = 1; repeat <= options.repeats; repeat++) {
      if (interrupted) return;
      step++;
      progress = {
        step,
        steps,
        browser: column.browser,
        coreLimit: column.coreLimit,
        demo,
        repeat,
        repeats: options.repeats,
        variant: '',
      };
      drawProgress();
      try {
        session ??= await openEngine(column.browser, column.coreLimit === null ? {} : { coreLimit: column.coreLimit });
      } catch (error) {
        if (interrupted) return;
        const message = `could not start: ${error instanceof Error ? error.message : String(error)}`;
        // A browser that never started is not a failed run; one that started before and now cannot is.
        if (ranBefore) failures.push({ column, demo, repeat, message });
        else column.skipped = message;
        note(`✗ ${column.browser}, ${coresLabel(column.coreLimit)}: ${message}`);
        return;
      }
      ranBefore = true;
      if (interrupted) return;
      try {
        keep(column, repeat, await runWatched(session, demo));
      } catch (error) {
        if (interrupted) return;
        // The runs that finished before the failure, an unverified one among them, are kept and shown.
        keep(column, repeat, error.runs ?? []);
        const message = error instanceof Error ? error.message : String(error);
        failures.push({ column, demo, repeat, message });
        note(`✗ ${column.browser}, ${coresLabel(column.coreLimit)}, ${demo}: ${message}`);
        await session.close().catch(() => {});
        session = undefined;
      }
    }
  }
}

try {
  for (const column of runnable) {
    if (interrupted) break;
    try {
      await runColumn(column);
    } finally {
      await session?.close().catch(() => {});
      session = undefined;
    }
  }
} finally {
  clearInterval(ticker);
  if (tty) process.stderr.write('\r\x1b[K');
  await server.close();
}

console.log(demoTables(options.demos, columns, runs, failures, options.repeats));
for (const c of columns.filter((c) => c.skipped))
  console.log(`\n– ${c.browser}, ${coresLabel(c.coreLimit)}: not run: ${c.skipped.split('\n')[0]}`);
for (const f of failures)
  console.log(`\n✗ ${f.column.browser}, ${coresLabel(f.column.coreLimit)}, ${f.demo} (Run all ${f.repeat}): ${f.message}`);

const out = resolve(options.out);
if (runs.length) {
  await mkdir(dirname(out), { recursive: true });
  // Written whole or not at all: a half-written file would be refused by Compare.
  await writeFile(`${out}.partial`, `${JSON.stringify(matrixFile(runs), null, 2)}\n`);
  await rename(`${out}.partial`, out);
  console.log(`\nWrote ${runs.length} runs to ${out} (schema parallel-lab/results@1; import it at ?demo=compare).`);
  if (interrupted) console.log('Stopped with Ctrl-C: the file holds the Run alls that finished before.');
} else {
  console.log(`\nNo run finished: ${out} was not written.`);
}
console.log(`Matrix ${interrupted ? 'stopped' : 'done'} in ${formatElapsed(Date.now() - started)}.`);
process.exit(exitCode({ interrupted, runs, failures }));
