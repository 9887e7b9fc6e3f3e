// A real core limit for a browser: on Linux, `taskset -c LIST` starts it (and,
// through inheritance, every process it starts) on the first N cores this
// process may use. Elsewhere there is no such limit, and the caller is told why.
// `cpuList` and `limitProblem` are pure, for the unit tests.
import { existsSync, readFileSync } from 'node:fs';

/** The cores in a kernel CPU list such as "0-3,8,10-11", in order. */
export function parseCpuList(text) {
  return text
    .trim()
    .split(',')
    .filter(Boolean)
    .flatMap((range) => {
      const [first, last = first] = range.split('-').map(Number);
      return Array.from({ length: last - first + 1 }, (_, i) => first + i);
    });
}

/** The first `count` of `allowed` as a CPU list for taskset: [0,1,2] → "0-2", [0,2,3] → "0,2-3". */
export function cpuList(allowed, count) {
  const cores = allowed.slice(0, count);
  const ranges = [];
  for (const core of cores) {
    const last = ranges.at(-1);
    if (last && core === last[1] + 1) last[1] = core;
    else ranges.push([core, core]);
  }
  return ranges.map(([first, last]) => (first === last ? `${first}` : `${first}-${last}`)).join(',');
}

/** Why `count` cores cannot be given to a browser here ('' when they can). */
export function limitProblem(count, { platform, hasTaskset, allowed }) {
  if (!Number.isInteger(count) || count < 1) return `A core limit is a whole number of cores, 1 or more, not ${count}.`;
  if (platform !== 'linux') return `A core limit needs Linux's taskset; this is ${platform}, so the limit is unavailable.`;
  if (!hasTaskset) return 'A core limit needs taskset, which is missing: sudo apt-get install -y util-linux';
  if (count > allowed.length) return `This machine lets the browser use ${allowed.length} cores, not ${count}.`;
  return '';
}

/** The cores this process may run on (its affinity), or none where the system does not say. */
export function allowedCores() {
  if (process.platform !== 'linux') return [];
  const line = readFileSync('/proc/self/status', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('Cpus_allowed_list:'));
  return line ? parseCpuList(line.slice(line.indexOf(':') + 1)) : [];
}

function tasksetPath() {
  return ['/usr/bin/taskset', '/bin/taskset'].find((path) => existsSync(path));
}

/** Why a limit of `count` cores is unavailable here, or '' when `tasksetPrefix(count)` will give it. */
export function coreLimitProblem(count) {
  return limitProblem(count, { platform: process.platform, hasTaskset: Boolean(tasksetPath()), allowed: allowedCores() });
}

/** The command words that run a program on `count` cores: [taskset, -c, LIST]; throws with the reason where that cannot be. */
export function tasksetPrefix(count) {
  const problem = coreLimitProblem(count);
  if (problem) throw new Error(problem);
  return [tasksetPath(), '-c', cpuList(allowedCores(), count)];
}
