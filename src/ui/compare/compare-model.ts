import { echo } from '../../core/echo';
import { countOf } from '../../core/format';
import type { RunEnvironment, SavedRun } from '../../core/results-file';
import { DEMO_IDS, type DemoId } from '../../core/run-result';
import { median } from '../../core/stats';
import type { BarDatum } from '../pl-bar-chart';

/**
 * What the Compare view shows, apart from drawing it: runs grouped into
 * machines (browser, version and cores) and rows (a demo's variant at one
 * setting), each cell the median time of its verified runs. Everything a
 * file says is text to show, quoted through `echo`. No DOM, so it is tested in Node.
 */

/** A browser at one version on one number of cores: a column of the comparison. */
export interface Machine {
  key: string;
  /** "Firefox 153.0 · 2 cores (limit)", safe to show. */
  label: string;
}

/** The times of one variant at one setting on one machine. */
export interface Cell {
  /** The median wall time of the verified runs, in ms; undefined when none was verified. */
  medianMs?: number;
  /** Verified runs behind the median. */
  verified: number;
  /** Runs that failed verification (their times are not shown). */
  unverified: number;
  /** Some of the times are projections (the CPU demo's message-per-number pool), not measurements. */
  projected: boolean;
}

/** One variant of a demo at one setting: a row of the comparison. */
export interface Row {
  key: string;
  /** The variant's id, safe to show. */
  variant: string;
  /** Its parameters, "numbers 100000, rounds 5", safe to show. */
  settings: string;
  cells: Map<string, Cell>;
}

export interface Comparison {
  machines: Machine[];
  rows: Row[];
}

/**
 * The machine a run ran on: the cores are the limit the runner set when it
 * set one (a real limit), else the count the browser reported (which it may round or cap).
 */
export function machineOf(env: RunEnvironment): Machine {
  const cores =
    env.coreLimit === undefined ? `${countOf(env.reportedCores, 'core')} reported` : `${countOf(env.coreLimit, 'core')} (limit)`;
  return {
    key: JSON.stringify([
      env.browser,
      env.browserVersion,
      env.coreLimit ?? null,
      env.coreLimit === undefined ? env.reportedCores : null,
    ]),
    label: `${[echo(env.browser), echo(env.browserVersion)].filter(Boolean).join(' ')} · ${cores}`,
  };
}

/** A run's parameters in a line, safe to show: "numbers 100000, rounds 5". */
export function settingsOf(params: unknown): string {
  if (typeof params !== 'object' || params === null) return '';
  const text = Object.entries(params)
    .map(([name, value]) => `${name} ${typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}`)
    .join(', ');
  return echo(text, 120);
}

/** The demos the runs hold, in the lab's order. */
export function demosIn(runs: readonly SavedRun[]): DemoId[] {
  return DEMO_IDS.filter((id) => runs.some((r) => r.demo === id));
}

/** What makes a run the same run when two files hold it (a history exported, then imported beside itself). */
function identity(run: SavedRun): string {
  return JSON.stringify([
    run.startedAt,
    run.demo,
    run.variant,
    run.wallMs,
    run.environment.userAgent,
    run.environment.coreLimit ?? null,
  ]);
}

/** `incoming` added to `loaded`, without the runs already there; `skipped` says how many those were. */
export function mergeRuns(loaded: readonly SavedRun[], incoming: readonly SavedRun[]): { runs: SavedRun[]; skipped: number } {
  const seen = new Set(loaded.map(identity));
  const runs = [...loaded];
  for (const run of incoming) {
    const id = identity(run);
    if (seen.has(id)) continue;
    seen.add(id);
    runs.push(run);
  }
  return { runs, skipped: loaded.length + incoming.length - runs.length };
}

/** The runs of `demo` side by side: one row per variant and setting, one column per machine, in the order first seen. */
export function compare(runs: readonly SavedRun[], demo: DemoId): Comparison {
  const machines = new Map<string, Machine>();
  const rows = new Map<string, Row>();
  const times = new Map<string, number[]>();
  for (const run of runs) {
    if (run.demo !== demo) continue;
    const machine = machineOf(run.environment);
    machines.set(machine.key, machine);
    const settings = settingsOf(run.params);
    // The scaling sweep's points share one variant and one setting: its worker count tells them apart.
    const point = demo === 'scaling' && run.variant === 'workers' ? run.workers : null;
    const rowKey = JSON.stringify([run.variant, point, settings]);
    let row = rows.get(rowKey);
    if (!row) {
      const variant = echo(run.variant) + (point === null ? '' : ` × ${point}`);
      row = { key: rowKey, variant, settings, cells: new Map() };
      rows.set(rowKey, row);
    }
    const cell = row.cells.get(machine.key) ?? { verified: 0, unverified: 0, projected: false };
    row.cells.set(machine.key, cell);
    if (!run.verified) {
      cell.unverified++;
      continue;
    }
    const cellKey = `${rowKey}\n${machine.key}`;
    const list = [...(times.get(cellKey) ?? []), run.wallMs];
    times.set(cellKey, list);
    cell.verified = list.length;
    cell.medianMs = median(list);
    cell.projected ||= (run as { projected?: unknown }).projected === true;
  }
  return { machines: [...machines.values()], rows: [...rows.values()] };
}

/** True when the rows' settings differ: the row names then say them, since times at different sizes do not compare. */
export function settingsDiffer(comparison: Comparison): boolean {
  return new Set(comparison.rows.map((r) => r.settings)).size > 1;
}

/** The chart's bars: each variant's median on each machine, in the table's order; projections marked as estimates. */
export function comparisonBars(comparison: Comparison): BarDatum[] {
  const showSettings = settingsDiffer(comparison);
  return comparison.rows.flatMap((row) =>
    comparison.machines.flatMap((m) => {
      const cell = row.cells.get(m.key);
      if (cell?.medianMs === undefined) return [];
      const note = [cell.verified > 1 ? `median of ${cell.verified}` : '', cell.projected ? 'projected' : '']
        .filter(Boolean)
        .join(', ');
      const label = `${row.variant}${showSettings ? ` (${row.settings})` : ''} · ${m.label}`;
      return [{ label, value: cell.medianMs, note: note || undefined, estimate: cell.projected }];
    }),
  );
}
