/// <reference types="vite/client" />
/**
 * The benchmark's page for the pool's own cost (see scripts/bench.mjs): the
 * same empty task, one after another on one warm worker, through the lab's
 * pool, through workerpool, and as a bare postMessage round trip, side by
 * side in one page. The benchmark builds it on its own: none of it is part
 * of the lab's site.
 */
import { pool as workerpool } from 'workerpool';
import { spawnBrowserWorker } from '../../src/runtime/browser-worker';
import { median } from '../../src/core/stats';
import { WorkerPool } from '../../src/runtime/pool';
import workerpoolWorkerUrl from './workerpool-worker.ts?worker&url';

type PoolName = 'raw' | 'lab' | 'workerpool';

/** Runs `count` empty tasks, one after another, on one worker. */
type Tasks = (count: number) => Promise<unknown>;

const echo = new Worker(new URL('./echo-worker.ts', import.meta.url), { type: 'module' });
let answered: () => void = () => undefined;
echo.addEventListener('message', () => answered());

const lab = new WorkerPool(spawnBrowserWorker, 1);
const other = workerpool(workerpoolWorkerUrl, { maxWorkers: 1, workerType: 'web', workerOpts: { type: 'module' } });

const pools: Record<PoolName, Tasks> = {
  raw: async (count) => {
    for (let i = 0; i < count; i++) {
      const back = new Promise<void>((resolve) => (answered = resolve));
      echo.postMessage(i);
      await back;
    }
  },
  lab: (count) => lab.map(count, (api) => api.ping()),
  workerpool: (count) => Promise.all(Array.from({ length: count }, () => other.exec('ping', []))),
};

/**
 * Time per task, in ms, of about `count` tasks through each pool, in `turns`:
 * in each, every pool runs its share, first a different one each time, so a
 * moment of load elsewhere on the machine falls on all of them alike. A
 * pool's figure is its median turn; a first share, untimed, warms it up.
 */
async function poolOverhead(count: number, turns: number): Promise<Record<PoolName, number>> {
  const names = Object.keys(pools) as PoolName[];
  const share = Math.ceil(count / turns);
  const perTask = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<PoolName, number[]>;
  for (const name of names) await pools[name](share);
  for (let turn = 0; turn < turns; turn++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(turn + k) % names.length];
      const start = performance.now();
      await pools[name](share);
      perTask[name].push((performance.now() - start) / share);
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(perTask[name])])) as Record<PoolName, number>;
}

Object.assign(window, { poolOverhead });
