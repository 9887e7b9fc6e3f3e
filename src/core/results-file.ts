import { echo } from './echo';
import { formatBytes, formatCount } from './format';
import { RUN_SCHEMA, isDemoId, type DemoId, type RunResultBase } from './run-result';

/**
 * The lab's results file, `parallel-lab/results@1`: runs as the README's run
 * format documents them, each with the environment it ran in, so that runs
 * from other browsers and machines can be compared. The same shape is what
 * the run history keeps (localStorage `parallel-lab:history`), what Export
 * writes, what the matrix runner writes and what Compare imports. A change
 * of shape is a change of version.
 */
export const RESULTS_SCHEMA = 'parallel-lab/results@1';

/** A file larger than this is refused before it is read. */
export const RESULTS_MAX_BYTES = 10_000_000;

export interface RunEnvironment {
  browser: string;
  browserVersion: string;
  engine: 'Blink' | 'Gecko' | 'WebKit' | 'unknown';
  os: string;
  /** `navigator.hardwareConcurrency`: may be clamped or spoofed by the browser. */
  reportedCores: number;
  /** The real cores the browser was limited to (the matrix runner's `taskset`), when known. */
  coreLimit?: number;
  crossOriginIsolated: boolean;
  timerResolutionMs: number;
  userAgent: string;
}

export const ENGINE_NAMES: ReadonlyArray<RunEnvironment['engine']> = ['Blink', 'Gecko', 'WebKit', 'unknown'];

/**
 * A run as it is kept: the run object with its trace left out (a pool run's
 * holds ~20,000 events; `traceLength` says how many it had), plus where it ran.
 */
export type SavedRun = RunResultBase<DemoId, string, unknown> & { traceLength?: number; environment: RunEnvironment };

export interface ResultsFile {
  schema: typeof RESULTS_SCHEMA;
  /** ISO 8601 time the file was written. */
  exportedAt: string;
  runs: SavedRun[];
}

/** `run` as history and files keep it: its trace emptied (`traceLength` keeps its length), its environment added. */
export function savedRun(
  run: RunResultBase<DemoId, string, unknown> & { traceLength?: number },
  environment: RunEnvironment,
): SavedRun {
  return { ...run, trace: [], traceLength: run.traceLength ?? run.trace.length, environment };
}

export function resultsFile(runs: SavedRun[], exportedAt = new Date()): ResultsFile {
  return { schema: RESULTS_SCHEMA, exportedAt: exportedAt.toISOString(), runs };
}

export type ParsedResults = { ok: true; file: ResultsFile } | { ok: false; message: string };

type Check = (value: unknown) => boolean;
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText: Check = (v) => typeof v === 'string';
const isFlag: Check = (v) => typeof v === 'boolean';
const isTime: Check = (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const isMs: Check = (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isCount: Check = (v) => Number.isInteger(v) && (v as number) >= 1;
const isSize: Check = (v) => Number.isInteger(v) && (v as number) >= 0;

/** Each field's check and what the message calls a value that fails it. */
type Rules = Record<string, [Check, string, 'optional'?]>;

const RUN_RULES: Rules = {
  demo: [isDemoId, 'one of the demos (cpu, scaling, data, io, locks)'],
  variant: [isText, 'text'],
  params: [isRecord, 'an object'],
  wallMs: [isMs, 'a number of milliseconds (0 or more)'],
  workers: [isCount, 'a whole number, 1 or more'],
  verified: [isFlag, 'true or false'],
  startedAt: [isTime, 'a date and time (ISO 8601)'],
  longestFrameGapMs: [isMs, 'a number of milliseconds (0 or more)'],
  longestBlockMs: [(v) => v === null || isMs(v), 'a number of milliseconds, or null'],
  trace: [(v) => Array.isArray(v) && v.every(isTraceEvent), 'a list of {lane, chunk, startMs, endMs}'],
  traceLength: [isSize, 'a whole number, 0 or more', 'optional'],
};

const ENVIRONMENT_RULES: Rules = {
  browser: [isText, 'text'],
  browserVersion: [isText, 'text'],
  engine: [(v) => (ENGINE_NAMES as readonly unknown[]).includes(v), `one of ${ENGINE_NAMES.join(', ')}`],
  os: [isText, 'text'],
  reportedCores: [isCount, 'a whole number, 1 or more'],
  coreLimit: [isCount, 'a whole number, 1 or more', 'optional'],
  crossOriginIsolated: [isFlag, 'true or false'],
  timerResolutionMs: [isMs, 'a number of milliseconds (0 or more)'],
  userAgent: [isText, 'text'],
};

function isTraceEvent(value: unknown): boolean {
  return isRecord(value) && isText(value.lane) && typeof value.chunk === 'number' && isMs(value.startMs) && isMs(value.endMs);
}

/** A value as a message names it: its type, and a short safe quote of it. */
function described(value: unknown): string {
  if (value === undefined) return 'it is missing';
  if (value === null) return 'it is null';
  if (Array.isArray(value)) return 'it is a list';
  if (typeof value === 'object') return 'it is an object';
  return `it is ${typeof value === 'string' ? `the text "${echo(value)}"` : echo(String(value))}`;
}

/** The first field of `record` that breaks `rules`, as a sentence about `where`; '' when none does. */
function problem(record: Record<string, unknown>, rules: Rules, where: string): string {
  for (const [field, [check, wanted, optional]] of Object.entries(rules)) {
    const value = record[field];
    if (optional && value === undefined) continue;
    if (!check(value)) return `${where}: ${field} must be ${wanted}, but ${described(value)}.`;
  }
  return '';
}

function runProblem(run: unknown, index: number): string {
  const where = `Run ${index + 1}`;
  if (!isRecord(run)) return `${where} is not an object.`;
  if (run.schema !== RUN_SCHEMA) {
    return `${where}: schema must be "${RUN_SCHEMA}" (the run format this lab reads), but ${described(run.schema)}.`;
  }
  const environment = run.environment;
  if (!isRecord(environment)) return `${where}: environment must be an object, but ${described(environment)}.`;
  return problem(run, RUN_RULES, where) || problem(environment, ENVIRONMENT_RULES, `${where}'s environment`);
}

/**
 * Reads a results file, refusing with one message that says what is wrong:
 * too large, not JSON, not a results file, another version of it, or the
 * first field missing or of the wrong type. Whatever the file says is quoted
 * through `echo`, so the message is safe to show.
 */
export function parseResultsFile(text: string): ParsedResults {
  const refuse = (message: string): ParsedResults => ({ ok: false, message });
  // Each character is at least one byte: a text this long is over the limit whatever it holds.
  if (text.length > RESULTS_MAX_BYTES) return refuse(tooLarge(text.length));
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return refuse(
      `This is not a results file: it is not JSON (${echo(error instanceof Error ? error.message : String(error), 80)}).`,
    );
  }
  if (!isRecord(data))
    return refuse(`This is not a results file: it holds ${described(data).replace(/^it is /, '')}, not an object.`);
  const schema = data.schema;
  if (schema !== RESULTS_SCHEMA) {
    if (typeof schema === 'string' && schema.startsWith('parallel-lab/results@')) {
      return refuse(`This results file is version "${echo(schema)}"; this lab reads "${RESULTS_SCHEMA}" only.`);
    }
    return refuse(`This is not a Parallel Lab results file: its schema must be "${RESULTS_SCHEMA}", but ${described(schema)}.`);
  }
  if (!isTime(data.exportedAt))
    return refuse(`exportedAt must be a date and time (ISO 8601), but ${described(data.exportedAt)}.`);
  if (!Array.isArray(data.runs)) return refuse(`runs must be a list of runs, but ${described(data.runs)}.`);
  if (data.runs.length === 0) return refuse('The file holds no runs.');
  for (const [index, run] of data.runs.entries()) {
    const found = runProblem(run, index);
    if (found) return refuse(found);
  }
  return { ok: true, file: data as unknown as ResultsFile };
}

/** What to say of a file of `bytes` bytes: it is over the limit (in bytes, since "10 MB" may round a file just over it). */
export function tooLarge(bytes: number): string {
  return `This file has ${formatCount(bytes)} bytes: more than the ${formatCount(RESULTS_MAX_BYTES)} (${formatBytes(RESULTS_MAX_BYTES)}) a results file may have.`;
}

/** The columns of the CSV and Markdown exports: one line per run. */
const COLUMNS: ReadonlyArray<[string, (run: SavedRun) => string | number | boolean | null | undefined]> = [
  ['demo', (r) => r.demo],
  ['variant', (r) => r.variant],
  ['wallMs', (r) => r.wallMs],
  ['workers', (r) => r.workers],
  ['verified', (r) => r.verified],
  ['startedAt', (r) => r.startedAt],
  ['longestFrameGapMs', (r) => r.longestFrameGapMs],
  ['longestBlockMs', (r) => r.longestBlockMs],
  ['browser', (r) => r.environment.browser],
  ['browserVersion', (r) => r.environment.browserVersion],
  ['engine', (r) => r.environment.engine],
  ['os', (r) => r.environment.os],
  ['reportedCores', (r) => r.environment.reportedCores],
  ['coreLimit', (r) => r.environment.coreLimit],
  ['crossOriginIsolated', (r) => r.environment.crossOriginIsolated],
  ['timerResolutionMs', (r) => r.environment.timerResolutionMs],
  ['userAgent', (r) => r.environment.userAgent],
];

/**
 * A CSV cell (RFC 4180): quoted when it holds a comma, quote or line break;
 * text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) is prefixed
 * with an apostrophe, since a run's strings may come from anyone's file.
 */
function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The runs as CSV: a header line, then one line per run (CRLF line ends). */
export function toCsv(file: ResultsFile): string {
  const lines = [COLUMNS.map(([name]) => name), ...file.runs.map((run) => COLUMNS.map(([, cell]) => cell(run)))];
  return `${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** A Markdown table cell: on one line, with nothing read as markup (pipes, emphasis, links, HTML). */
function markdownCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value)
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]|<>#!~]/g, (c) => `\\${c}`);
}

/** The runs as a Markdown table, one row per run, with the file's schema and time above it. */
export function toMarkdown(file: ResultsFile): string {
  const names = COLUMNS.map(([name]) => name);
  const rows = file.runs.map((run) => COLUMNS.map(([, cell]) => markdownCell(cell(run))));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    `Parallel Lab results (${file.schema}), exported ${file.exportedAt}`,
    '',
    line(names),
    line(names.map(() => '---')),
    ...rows.map(line),
    '',
  ].join('\n');
}
