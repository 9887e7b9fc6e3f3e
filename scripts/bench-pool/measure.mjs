// The pool's own cost, for the benchmark (scripts/bench.mjs): a page of its
// own (this folder), built apart from the site, where the lab's pool,
// workerpool and a bare postMessage run the same empty tasks.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as viteBuild, preview } from 'vite';
import { isolationHeaders } from '../../vite.config.ts';
import { median } from '../../src/core/stats.ts';

/** Empty tasks per measurement of the pool's cost, in turns of 100 for each pool. */
const POOL_TASKS = 2000;
const POOL_TURNS = 20;

/**
 * The pool's own cost, on its page (scripts/bench-pool/): the lab's pool,
 * workerpool and a bare postMessage round trip, each running the same empty
 * tasks one after another on one warm worker, in turns.
 */
export async function poolOverhead(page, poolPage, runs) {
  const rows = [
    ["pool: an empty task's round trip, lab's pool ÷ bare postMessage", 'at most', 1.25, (t) => t.lab / t.raw],
    ["pool: an empty task's round trip, lab's pool ÷ workerpool's", 'at most', 1, (t) => t.lab / t.workerpool],
  ];
  const values = rows.map(() => []);
  const perTask = { raw: [], lab: [], workerpool: [] };
  const names = Object.keys(perTask);
  for (let i = 0; i < runs; i++) {
    await page.goto(poolPage);
    const times = await page.evaluate(([count, turns]) => window.poolOverhead(count, turns), [POOL_TASKS, POOL_TURNS]);
    rows.forEach(([, , , read], f) => values[f].push(read(times)));
    for (const name of names) perTask[name].push(times[name]);
  }
  const microseconds = names.map((name) => `${name} ${(median(perTask[name]) * 1000).toFixed(1)} µs`).join(', ');
  return {
    rows: rows.map(([name, direction, target], f) => ({ name, direction, target, values: values[f] })),
    note: `Pool: time per empty task (medians): ${microseconds}.`,
  };
}

/** Builds the pool's page into a folder of its own and serves it on `port`, with the site's headers. */
export async function servePoolPage(port) {
  const root = fileURLToPath(new URL('./', import.meta.url));
  const outDir = await mkdtemp(join(tmpdir(), 'parallel-lab-bench-pool-'));
  // workerpool's browser bundle names Node's modules for its Node branch: Vite says so, and leaves them out.
  const config = { configFile: false, root, base: './', logLevel: 'error', worker: { format: 'es' } };
  await viteBuild({ ...config, build: { outDir, emptyOutDir: true, target: 'es2022' } });
  const server = await preview({
    ...config,
    build: { outDir },
    preview: { port, strictPort: true, host: '127.0.0.1', headers: isolationHeaders },
  });
  return async () => {
    await new Promise((r) => server.httpServer.close(r));
    await rm(outDir, { recursive: true, force: true });
  };
}
