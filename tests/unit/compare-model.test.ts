import { describe, expect, it } from 'vitest';
import { RESULTS_MAX_BYTES, resultsFile, savedRun, type RunEnvironment, type SavedRun } from '../../src/core/results-file';
import type { DemoId, RunResultBase } from '../../src/core/run-result';
import { readResultsFile } from '../../src/ui/compare/compare-import';
import {
  compare,
  comparisonBars,
  demosIn,
  machineOf,
  mergeRuns,
  settingsDiffer,
  settingsOf,
} from '../../src/ui/compare/compare-model';
import { exportName } from '../../src/ui/history/download';

const env = (browser: string, over: Partial<RunEnvironment> = {}): RunEnvironment => ({
  browser,
  browserVersion: '1.0',
  engine: 'unknown',
  os: 'Linux',
  reportedCores: 4,
  crossOriginIsolated: true,
  timerResolutionMs: 0.1,
  userAgent: browser,
  ...over,
});

let clock = 0;
const run = (
  over: Partial<RunResultBase<DemoId, string, unknown>> & { projected?: boolean },
  environment: RunEnvironment,
): SavedRun =>
  savedRun(
    {
      schema: 'parallel-lab/run@2',
      demo: 'cpu',
      variant: 'serial',
      params: { numbers: 100_000 },
      wallMs: 10,
      workers: 1,
      verified: true,
      startedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, clock++)).toISOString(),
      longestFrameGapMs: 16,
      longestBlockMs: null,
      trace: [],
      ...over,
    },
    environment,
  );

describe('the comparison of results', () => {
  it('groups machines by browser, version and cores: the limit when one was set, else the cores reported', () => {
    expect(machineOf(env('Firefox', { coreLimit: 1 })).label).toBe('Firefox 1.0 · 1 core (limit)');
    expect(machineOf(env('Firefox')).label).toBe('Firefox 1.0 · 4 cores reported');
    expect(machineOf(env('Firefox', { coreLimit: 4 })).key).not.toBe(machineOf(env('Firefox')).key);
    expect(machineOf(env('Firefox', { userAgent: 'other' })).key).toBe(machineOf(env('Firefox')).key);
    expect(machineOf(env('Firefox', { browserVersion: '2.0' })).key).not.toBe(machineOf(env('Firefox')).key);
    expect(machineOf(env('WebKitGTK', { browserVersion: '' })).label).toBe('WebKitGTK · 4 cores reported');
    expect(machineOf(env('\u202eevil')).label).toBe('[U+202E]evil 1.0 · 4 cores reported');
  });

  it('shows the median of the verified runs per variant and machine; an unverified time is never shown', () => {
    const a = env('A');
    const b = env('B', { coreLimit: 2 });
    const runs = [
      run({ wallMs: 10 }, a),
      run({ wallMs: 30 }, a),
      run({ wallMs: 20 }, a),
      run({ wallMs: 1 }, a),
      run({ wallMs: 1, verified: false }, a),
      run({ variant: 'workers', wallMs: 5, verified: false }, b),
      run({ demo: 'locks', variant: 'mutex' }, a),
    ];
    runs[3].params = { numbers: 5 };
    runs[4].params = { numbers: 5 };
    const comparison = compare(runs, 'cpu');
    expect(comparison.machines.map((m) => m.label)).toEqual(['A 1.0 · 4 cores reported', 'B 1.0 · 2 cores (limit)']);
    expect(comparison.rows.map((r) => [r.variant, r.settings])).toEqual([
      ['serial', 'numbers 100000'],
      ['serial', 'numbers 5'],
      ['workers', 'numbers 100000'],
    ]);
    const [first, second, third] = comparison.rows;
    const machineA = comparison.machines[0].key;
    expect(first.cells.get(machineA)).toEqual({ medianMs: 20, verified: 3, unverified: 0, projected: false });
    expect(second.cells.get(machineA)).toEqual({ medianMs: 1, verified: 1, unverified: 1, projected: false });
    expect(third.cells.get(comparison.machines[1].key)).toEqual({ verified: 0, unverified: 1, projected: false });
    expect(settingsDiffer(comparison)).toBe(true);
    expect(comparisonBars(comparison)).toEqual([
      { label: 'serial (numbers 100000) · A 1.0 · 4 cores reported', value: 20, note: 'median of 3', estimate: false },
      { label: 'serial (numbers 5) · A 1.0 · 4 cores reported', value: 1, note: undefined, estimate: false },
    ]);
    expect(demosIn(runs)).toEqual(['cpu', 'locks']);
  });

  it('gives each point of the scaling sweep its own row, by its number of workers', () => {
    const a = env('A');
    const params = { numbers: 1000, rounds: 1, maxWorkers: 2, repeats: 1 };
    const point = (workers: number, wallMs: number) => run({ demo: 'scaling', variant: 'workers', workers, wallMs, params }, a);
    const comparison = compare([point(1, 40), point(2, 20), point(1, 42)], 'scaling');
    expect(comparison.rows.map((r) => r.variant)).toEqual(['workers × 1', 'workers × 2']);
    const machine = comparison.machines[0].key;
    expect(comparison.rows.map((r) => r.cells.get(machine)?.medianMs)).toEqual([41, 20]);
  });

  it('marks a projected time as an estimate on the chart', () => {
    const comparison = compare([run({ variant: 'pool-map', wallMs: 90_000, projected: true }, env('A'))], 'cpu');
    expect(settingsDiffer(comparison)).toBe(false);
    expect(comparisonBars(comparison)).toEqual([
      { label: 'pool-map · A 1.0 · 4 cores reported', value: 90_000, note: 'projected', estimate: true },
    ]);
  });

  it('writes settings in a line, safely', () => {
    expect(settingsOf({ latencies: [50, 100], sizes: 1000 })).toBe('latencies [50,100], sizes 1000');
    expect(settingsOf({ x: 'a\nb' })).toBe('x a⏎b');
    expect(settingsOf(null)).toBe('');
  });

  it('leaves out runs already loaded, saying how many', () => {
    const a = [run({}, env('A')), run({}, env('A'))];
    const merged = mergeRuns(a, [a[1], run({}, env('B')), run({}, env('B'))]);
    expect(merged.runs).toHaveLength(4);
    expect(merged.skipped).toBe(1);
  });
});

describe('importing a file', () => {
  it('refuses a file over the limit without reading it', async () => {
    const huge = {
      name: 'huge.json',
      size: RESULTS_MAX_BYTES + 1,
      text: () => Promise.reject(new Error('read')),
    } as unknown as File;
    expect(await readResultsFile(huge)).toEqual({
      name: 'huge.json',
      ok: false,
      message: 'This file has 10,000,001 bytes: more than the 10,000,000 (10 MB) a results file may have.',
    });
  });

  it('reads a good file, and refuses a bad one with the reason and its name quoted safely', async () => {
    const text = JSON.stringify(resultsFile([run({}, env('A'))]));
    const good = await readResultsFile(new File([text], 'a.json'));
    expect(good.ok && good.file.runs).toHaveLength(1);
    expect(await readResultsFile(new File(['{}'], '\u202eevil.json'))).toEqual({
      name: '[U+202E]evil.json',
      ok: false,
      message: 'This is not a Parallel Lab results file: its schema must be "parallel-lab/results@1", but it is missing.',
    });
  });

  it('names an export by its time, in a form every file system accepts', () => {
    expect(exportName('csv', new Date('2026-01-31T09:05:00.123Z'))).toBe('parallel-lab-results-2026-01-31T09-05-00Z.csv');
  });
});
