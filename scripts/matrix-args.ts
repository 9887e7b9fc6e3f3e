// The matrix runner's arguments: what `npm run matrix -- …` accepts, read
// into options or refused with a message (scripts/matrix.mjs prints it with
// the usage). No I/O here, so the unit tests can pin each case down.
import { isDemoId, type DemoId } from '../src/core/run-result';

export const USAGE = `Usage: npm run matrix -- [options] --out FILE

Runs each demo's Run all on the built site, headless, in each browser under
each core limit, prints a table per demo and writes FILE in the lab's export
schema (parallel-lab/results@1), which the Compare view (?demo=compare) imports.

  --browsers LIST   chromium,firefox,webkit (default: all three)
  --cores LIST      core limits, such as 1,2 (default: 1 up to this machine's cores;
                    "all" where limits are unavailable); "all" runs without a limit
  --demos LIST      cpu,locks,io,scaling,data (default: all five)
  --quick           small sizes, so a full matrix takes minutes (default: the lab's own sizes)
  --repeats N       Run all N times per demo; the tables show medians (default: 1)
  --out FILE        where to write the results (required)
  --dist DIR        serve this built site as it is (default: $PL_DIST or dist, built
                    first when missing or older than its sources)
  --port N          the port to serve it on (default: a free one)
  --help            this text

Exit codes: 0 every run that started was verified; 1 a run failed verification
(or timed out); 2 wrong arguments; 130 stopped with Ctrl-C.`;

/** A core limit: N cores (taskset -c 0-(N-1)), or null for no limit. */
export type CoreLimit = number | null;

export interface MatrixOptions {
  browsers: string[];
  cores: CoreLimit[];
  demos: DemoId[];
  quick: boolean;
  repeats: number;
  out: string;
  dist: string;
  /** True when --dist named the site: it is served as it is, never rebuilt. */
  distAsIs: boolean;
  /** 0: a free port. */
  port: number;
}

export type Parsed = { ok: true; options: MatrixOptions } | { ok: false; help: boolean; message: string };

export interface ParseContext {
  /** The browsers the runner knows (scripts/engines.mjs ENGINES). */
  engines: readonly string[];
  /** The demos the lab has. */
  demos: readonly DemoId[];
  /** The core limits when --cores is not given: each count this machine can give, or none where limits are unavailable. */
  defaultCores: CoreLimit[];
  /** The site's folder when --dist is not given. */
  defaultDist: string;
}

const FLAGS = ['--browsers', '--cores', '--demos', '--repeats', '--out', '--dist', '--port'] as const;
type ValueFlag = (typeof FLAGS)[number];

function isValueFlag(arg: string): arg is ValueFlag {
  return (FLAGS as readonly string[]).includes(arg);
}

/** Splits a comma list, refusing empty items and repeats. */
function listOf(flag: string, text: string, known: readonly string[]): string[] | string {
  const items = text.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) return `${flag} needs a comma-separated list without empty items, got "${text}".`;
  const unknown = items.filter((s) => !known.includes(s));
  if (unknown.length) return `${flag}: unknown ${unknown.map((s) => `"${s}"`).join(', ')}; choose from ${known.join(', ')}.`;
  if (new Set(items).size !== items.length) return `${flag} names something twice: "${text}".`;
  return items;
}

function coresOf(text: string): CoreLimit[] | string {
  const items = text.split(',').map((s) => s.trim());
  const limits: CoreLimit[] = [];
  for (const item of items) {
    if (item === 'all') limits.push(null);
    else if (/^[1-9]\d{0,3}$/.test(item)) limits.push(Number(item));
    else return `--cores takes whole numbers of cores from 1, or "all", separated by commas; "${item}" is neither.`;
  }
  if (new Set(limits).size !== limits.length) return `--cores names a limit twice: "${text}".`;
  return limits;
}

function wholeOf(flag: string, text: string, min: number, max: number): number | string {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    return `${flag} takes a whole number from ${min} to ${max}, got "${text}".`;
  }
  return Number(text);
}

/** Reads the runner's arguments (after `npm run matrix --`); says exactly what is wrong otherwise. */
export function parseMatrixArgs(argv: readonly string[], context: ParseContext): Parsed {
  const values: Partial<Record<ValueFlag, string>> = {};
  let quick = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { ok: false, help: true, message: '' };
    if (arg === '--quick') {
      quick = true;
      continue;
    }
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    if (!isValueFlag(flag)) return { ok: false, help: false, message: `Unknown argument "${arg}".` };
    if (values[flag] !== undefined) return { ok: false, help: false, message: `${flag} is given twice.` };
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      return { ok: false, help: false, message: `${flag} needs a value.` };
    }
    values[flag] = value;
  }

  const wrong = (message: string): Parsed => ({ ok: false, help: false, message });
  const browsers =
    values['--browsers'] === undefined ? [...context.engines] : listOf('--browsers', values['--browsers'], context.engines);
  if (typeof browsers === 'string') return wrong(browsers);
  const demos = values['--demos'] === undefined ? [...context.demos] : listOf('--demos', values['--demos'], context.demos);
  if (typeof demos === 'string') return wrong(demos);
  const cores = values['--cores'] === undefined ? [...context.defaultCores] : coresOf(values['--cores']);
  if (typeof cores === 'string') return wrong(cores);
  const repeats = values['--repeats'] === undefined ? 1 : wholeOf('--repeats', values['--repeats'], 1, 99);
  if (typeof repeats === 'string') return wrong(repeats);
  const port = values['--port'] === undefined ? 0 : wholeOf('--port', values['--port'], 0, 65535);
  if (typeof port === 'string') return wrong(port);
  const out = values['--out'];
  if (!out) return wrong('--out FILE is required: where to write the results.');
  return {
    ok: true,
    options: {
      browsers,
      cores,
      demos: demos.filter(isDemoId),
      quick,
      repeats,
      out,
      dist: values['--dist'] ?? context.defaultDist,
      distAsIs: values['--dist'] !== undefined,
      port,
    },
  };
}
