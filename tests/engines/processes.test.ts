import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { allowedCores, coreLimitProblem, cpuList } from '../../scripts/core-limit.mjs';
import { missingEngine, openEngine } from '../../scripts/engines.mjs';

interface Process {
  pid: number;
  name: string;
  /** The cores it may run on, as a kernel CPU list. */
  cores: string;
}

/** `root` and every process below it, read from /proc. */
function processTree(root: number): Process[] {
  const all = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const status = readFileSync(`/proc/${entry}/status`, 'utf8');
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        return [{ pid: Number(entry), parent, name, cores: /Cpus_allowed_list:\s*(\S+)/.exec(status)![1] }];
      } catch {
        return []; // It ended while being read.
      }
    });
  const tree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all) if (!tree.has(p.pid) && tree.has(p.parent)) grew = Boolean(tree.add(p.pid));
  }
  return all.filter((p) => tree.has(p.pid)).map(({ pid, name, cores }) => ({ pid, name, cores }));
}

/** Waits (a little) until none of `processes` runs any more, and returns those still running. */
async function stillRunning(processes: Process[]): Promise<Process[]> {
  const running = () =>
    processes.filter((p) => existsSync(`/proc/${p.pid}`) && !/^State:\s*Z/m.test(readFileSync(`/proc/${p.pid}/status`, 'utf8')));
  for (let i = 0; i < 50 && running().length; i++) await new Promise((resolve) => setTimeout(resolve, 100));
  return running();
}

const engines = (['chromium', 'webkit'] as const).filter((engine) => !missingEngine(engine) || process.env.CI);
const linux = process.platform === 'linux';

describe.skipIf(!linux)('The engines script', () => {
  for (const engine of engines) {
    it.skipIf(coreLimitProblem(1))(
      `starts ${engine} under a core limit of 1, with every process it starts, and leaves none behind`,
      async () => {
        const session = await openEngine(engine, { coreLimit: 1 });
        let tree: Process[];
        try {
          expect(session.coreLimit).toBe(1);
          await session.goto(`${inject('baseUrl')}?demo=cpu`);
          tree = processTree(session.pid);
          // The browser and at least a page's process of its own.
          expect(tree.length).toBeGreaterThanOrEqual(2);
          expect(tree.filter((p) => p.cores !== cpuList(allowedCores(), 1))).toEqual([]);
        } finally {
          await session.close();
        }
        expect(await stillRunning(tree)).toEqual([]);
      },
    );

    it(`on Ctrl-C, closes ${engine} and everything started for it`, async () => {
      const engines = fileURLToPath(new URL('../../scripts/engines.mjs', import.meta.url));
      const script = `const { openEngine } = await import(${JSON.stringify(engines)});
        const session = await openEngine(${JSON.stringify(engine)});
        await session.goto(${JSON.stringify(inject('baseUrl'))});
        console.log('open');
        setInterval(() => undefined, 1000);`;
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
      const [line] = (await once(child.stdout!, 'data')) as [Buffer];
      expect(line.toString()).toContain('open');
      const tree = processTree(child.pid!).filter((p) => p.pid !== child.pid);
      expect(tree.length).toBeGreaterThanOrEqual(2);
      const exited = once(child, 'exit');
      child.kill('SIGINT');
      expect(await exited).toEqual([130, null]);
      expect(await stillRunning(tree)).toEqual([]);
    });
  }
});
