// The matrix runner's pure parts (scripts/matrix.mjs drives the browsers;
// its arguments are read in matrix-args.ts): the plan of browser × core-limit
// columns, the progress line, the tables of medians, the results file and the
// exit code. No I/O here, so the unit tests can pin each of them down.
import type { DemoId } from '../src/core/run-result';
import type { CoreLimit, MatrixOptions } from './matrix-args';
import { resultsFile, type ResultsFile, type SavedRun } from '../src/core/results-file';
import { countOf, formatMs } from '../src/core/format';
import { median } from '../src/core/stats';

/** One column of the tables: a browser under a core limit, and why it did not run if it did not. */
export interface MatrixColumn {
  browser: string;
  coreLimit: CoreLimit;
  /** Set when the column cannot run: the browser is missing, or the limit cannot be applied here. */
  skipped?: string;
}

/**
 * The columns, browser by browser. Where a core limit cannot be applied
 * (`limitProblem` says why: not Linux, no taskset, too few cores) its column
 * is reported unavailable rather than run without it, so no result claims a
 * limit it did not have.
 */
export function planColumns(
  options: Pick<MatrixOptions, 'browsers' | 'cores'>,
  machine: { missing: (browser: string) => string; limitProblem: (cores: number) => string },
): MatrixColumn[] {
  return options.browsers.flatMap((browser) => {
    const missing = machine.missing(browser);
    return options.cores.map((coreLimit): MatrixColumn => {
      const skipped = missing || (coreLimit === null ? '' : machine.limitProblem(coreLimit));
      return skipped ? { browser, coreLimit, skipped } : { browser, coreLimit };
    });
  });
}

/** "2 cores", "1 core", or "all cores". */
export function coresLabel(coreLimit: CoreLimit): string {
  return coreLimit === null ? 'all cores' : countOf(coreLimit, 'core');
}

/** "1:05": minutes and seconds since the matrix started. */
export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export interface Progress {
  /** Which Run all of the whole matrix this is, from 1, and how many there are. */
  step: number;
  steps: number;
  browser: string;
  coreLimit: CoreLimit;
  demo: DemoId;
  repeat: number;
  repeats: number;
  /** The variant running now; '' until the first starts. */
  variant: string;
  elapsedMs: number;
}

/** The progress line: browser, cores, demo, variant and elapsed time; cut to `columns` for a terminal. */
export function progressLine(p: Progress, columns = Infinity): string {
  const parts = [`[${p.step}/${p.steps}]`, p.browser, coresLabel(p.coreLimit), p.demo];
  if (p.repeats > 1) parts.push(`run ${p.repeat}/${p.repeats}`);
  parts.push(p.variant || 'starting', formatElapsed(p.elapsedMs));
  const line = parts.join(' · ');
  return line.length <= columns ? line : `${line.slice(0, Math.max(0, columns - 1))}…`;
}

/** One finished run, where it ran, and in which of the demo's repeats. */
export interface MatrixRun {
  column: MatrixColumn;
  repeat: number;
  run: SavedRun;
  /** The browser's version as its driver reported it (WebKitGTK's page cannot tell its own). */
  driverVersion?: string;
}

/** A Run all that started and did not end verified (unverified, timed out, crashed). */
export interface MatrixFailure {
  column: MatrixColumn;
  demo: DemoId;
  repeat: number;
  message: string;
}

/**
 * The run as it goes in the file: its environment says the core limit it ran under (absent: none), and the
 * browser's version where the page could give none (WebKitGTK's user agent names Safari's version, not its own)
 * and the driver gave one.
 */
export function asRecorded({ run, column, driverVersion }: MatrixRun): SavedRun {
  const environment = { ...run.environment };
  if (column.coreLimit === null) delete environment.coreLimit;
  else environment.coreLimit = column.coreLimit;
  if (!environment.browserVersion && driverVersion) environment.browserVersion = driverVersion;
  return { ...run, environment };
}

/** The results file: every run the matrix finished, in the export schema. */
export function matrixFile(runs: readonly MatrixRun[], exportedAt?: Date): ResultsFile {
  return resultsFile(runs.map(asRecorded), exportedAt);
}

const sameColumn = (a: MatrixColumn, b: MatrixColumn) => a.browser === b.browser && a.coreLimit === b.coreLimit;

/**
 * How a run's row is named: its variant, split by worker count for a variant
 * that one Run all gave on several counts (the scaling demo's sweep).
 */
function rowNamer(runs: readonly MatrixRun[]): (r: MatrixRun) => string {
  const split = new Set<string>();
  const counts = new Map<string, number>();
  for (const r of runs) {
    const key = [r.column.browser, r.column.coreLimit, r.repeat, r.run.demo, r.run.variant].join('|');
    const workers = counts.get(key);
    if (workers !== undefined && workers !== r.run.workers) split.add(`${r.run.demo}|${r.run.variant}`);
    counts.set(key, r.run.workers);
  }
  return (r) =>
    split.has(`${r.run.demo}|${r.run.variant}`) ? `${r.run.variant}, ${countOf(r.run.workers, 'worker')}` : r.run.variant;
}

/** Column texts padded to one width each: the first to the left, the numbers to the right. */
function aligned(rows: readonly string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  return rows.map((row) =>
    row
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join('  ')
      .trimEnd(),
  );
}

/**
 * One table per demo: a row per variant, a column per browser × core limit,
 * each cell the median wall time of that variant's verified runs there. `✗`
 * marks a cell with a run that failed verification, or a Run all that failed
 * before reaching it; `–` a column that did not run.
 */
export function demoTables(
  demos: readonly DemoId[],
  columns: readonly MatrixColumn[],
  runs: readonly MatrixRun[],
  failures: readonly MatrixFailure[],
  repeats: number,
): string {
  const rowOf = rowNamer(runs);
  const what = repeats > 1 ? `median wall time of ${repeats} Run alls` : 'wall time';
  return demos
    .map((demo) => {
      const ofDemo = runs.filter((r) => r.run.demo === demo);
      const rows = [...new Set(ofDemo.map(rowOf))];
      const failedIn = (column: MatrixColumn) => failures.some((f) => f.demo === demo && sameColumn(f.column, column));
      const header = [
        ['', ...columns.map((c) => c.browser)],
        ['variant', ...columns.map((c) => coresLabel(c.coreLimit))],
      ];
      const body = rows.map((row) => [
        row,
        ...columns.map((column) => {
          if (column.skipped) return '–';
          const cell = ofDemo.filter((r) => sameColumn(r.column, column) && rowOf(r) === row);
          const verified = cell.filter((r) => r.run.verified).map((r) => r.run.wallMs);
          // A Run all that failed before this row's variant finished (or in it) leaves this repeat out of the cell.
          const cutShort = failures.some(
            (f) => f.demo === demo && sameColumn(f.column, column) && !cell.some((r) => r.repeat === f.repeat),
          );
          const failed = cell.length > verified.length || cutShort;
          const value = verified.length ? formatMs(median(verified)) : '';
          return [value, failed ? '✗' : ''].filter(Boolean).join(' ') || '–';
        }),
      ]);
      if (!rows.length) body.push(['(no finished runs)', ...columns.map((c) => (failedIn(c) ? '✗' : '–'))]);
      return [`${demo}: ${what}`, ...aligned([...header, ...body])].join('\n');
    })
    .join('\n\n');
}

/**
 * The runner's exit code: 2 for wrong arguments is decided before anything
 * runs; here, 130 after Ctrl-C, 1 when a run that started failed
 * verification, else 0 (a missing browser or an unavailable limit is not a failure).
 */
export function exitCode(outcome: {
  interrupted: boolean;
  runs: readonly MatrixRun[];
  failures: readonly MatrixFailure[];
}): number {
  if (outcome.interrupted) return 130;
  return outcome.failures.length || outcome.runs.some((r) => !r.run.verified) ? 1 : 0;
}
