import { describe, expect, it } from 'vitest';
import {
  asRecorded,
  demoTables,
  exitCode,
  formatElapsed,
  matrixFile,
  planColumns,
  progressLine,
  type MatrixColumn,
  type MatrixRun,
} from '../../scripts/matrix-core';
import { RUN_SCHEMA } from '../../src/core/run-result';
import { RESULTS_SCHEMA, parseResultsFile, type SavedRun } from '../../src/core/results-file';

function run(overrides: Partial<SavedRun> = {}): SavedRun {
  return {
    schema: RUN_SCHEMA,
    demo: 'locks',
    variant: 'atomic',
    params: {},
    wallMs: 10,
    workers: 4,
    verified: true,
    startedAt: '2025-01-01T00:00:00.000Z',
    longestFrameGapMs: 16,
    longestBlockMs: null,
    trace: [],
    traceLength: 0,
    environment: {
      browser: 'Chromium',
      browserVersion: '156',
      engine: 'Blink',
      os: 'Linux',
      reportedCores: 2,
      crossOriginIsolated: true,
      timerResolutionMs: 0.1,
      userAgent: 'test',
    },
    ...overrides,
  };
}

const chromium1: MatrixColumn = { browser: 'chromium', coreLimit: 1 };
const chromium2: MatrixColumn = { browser: 'chromium', coreLimit: 2 };
const webkitMissing: MatrixColumn = { browser: 'webkit', coreLimit: 1, skipped: 'not installed' };

describe('the matrix’s columns', () => {
  const machine = {
    missing: (browser: string) => (browser === 'webkit' ? 'install webkit' : ''),
    limitProblem: (cores: number) => (cores > 2 ? `only 2 cores, not ${cores}` : ''),
  };

  it('runs each installed browser under each core limit that can be applied, and says why the others cannot run', () => {
    const columns = planColumns({ browsers: ['chromium', 'webkit'], cores: [1, 2, 4, null] }, machine);
    expect(columns.map((c) => [c.browser, c.coreLimit, c.skipped ?? 'runs'])).toEqual([
      ['chromium', 1, 'runs'],
      ['chromium', 2, 'runs'],
      ['chromium', 4, 'only 2 cores, not 4'],
      ['chromium', null, 'runs'],
      ['webkit', 1, 'install webkit'],
      ['webkit', 2, 'install webkit'],
      ['webkit', 4, 'install webkit'],
      ['webkit', null, 'install webkit'],
    ]);
  });
});

describe('the progress line', () => {
  const progress = {
    step: 3,
    steps: 30,
    browser: 'firefox',
    coreLimit: 2,
    demo: 'locks' as const,
    repeat: 2,
    repeats: 3,
    variant: 'mutex-per-increment',
    elapsedMs: 65_400,
  };

  it('names the browser, the cores, the demo, the repeat, the variant and the time since the start', () => {
    expect(progressLine(progress)).toBe('[3/30] · firefox · 2 cores · locks · run 2/3 · mutex-per-increment · 1:05');
    expect(progressLine({ ...progress, repeats: 1, variant: '', coreLimit: 1 })).toBe(
      '[3/30] · firefox · 1 core · locks · starting · 1:05',
    );
  });

  it('fits a narrow terminal on one line', () => {
    const line = progressLine(progress, 20);
    expect(line).toHaveLength(20);
    expect(line.endsWith('…')).toBe(true);
  });

  it('counts minutes past the hour', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(3_725_000)).toBe('62:05');
  });
});

describe('the matrix’s tables', () => {
  const runs: MatrixRun[] = [
    { column: chromium1, repeat: 1, run: run({ wallMs: 30 }) },
    { column: chromium1, repeat: 2, run: run({ wallMs: 10 }) },
    { column: chromium1, repeat: 3, run: run({ wallMs: 20 }) },
    { column: chromium2, repeat: 1, run: run({ wallMs: 5 }) },
    { column: chromium2, repeat: 1, run: run({ variant: 'no-lock', wallMs: 7, verified: false }) },
  ];

  it('shows per demo the median of each variant’s verified runs in each browser × core limit, and marks failures and columns not run', () => {
    const table = demoTables(['locks'], [chromium1, chromium2, webkitMissing], runs, [], 3);
    expect(table.split('\n')).toEqual([
      'locks: median wall time of 3 Run alls',
      '         chromium  chromium  webkit',
      'variant    1 core   2 cores  1 core',
      'atomic      20 ms    5.0 ms       –',
      'no-lock         –         ✗       –',
    ]);
  });

  it('splits a variant by worker count when one Run all ran it on several (the scaling sweep)', () => {
    const sweep = [1, 2, 1, 2].map((workers, i) => ({
      column: chromium1,
      repeat: 1,
      run: run({ demo: 'scaling', variant: 'workers', workers, wallMs: workers === 1 ? 100 + i : 50 }),
    }));
    const io = { column: chromium1, repeat: 1, run: run({ demo: 'io', variant: 'workers', workers: 3 }) };
    const table = demoTables(['scaling', 'io'], [chromium1], [...sweep, io], [], 1);
    expect(table).toMatch(/^workers, 1 worker\s+101 ms$/m);
    expect(table).toMatch(/^workers, 2 workers\s+50 ms$/m);
    // Another demo's variant of the same name keeps its one row.
    expect(table).toMatch(/^workers\s+10 ms$/m);
  });

  it('marks the variants a failed Run all did not reach, not those it finished', () => {
    const failure = { column: chromium1, demo: 'locks' as const, repeat: 2, message: 'not verified: atomic' };
    const finished = [
      { column: chromium1, repeat: 1, run: run({ variant: 'no-lock', wallMs: 8 }) },
      { column: chromium1, repeat: 1, run: run({ variant: 'atomic', wallMs: 10 }) },
      { column: chromium1, repeat: 1, run: run({ variant: 'mutex-per-increment', wallMs: 30 }) },
      { column: chromium1, repeat: 2, run: run({ variant: 'no-lock', wallMs: 6 }) },
      { column: chromium1, repeat: 2, run: run({ variant: 'atomic', wallMs: 12, verified: false }) },
    ];
    const table = demoTables(['locks'], [chromium1], finished, [failure], 2);
    expect(table).toMatch(/^no-lock\s+7.0 ms$/m);
    expect(table).toMatch(/^atomic\s+10 ms ✗$/m);
    expect(table).toMatch(/^mutex-per-increment\s+30 ms ✗$/m);
  });

  it('marks the columns where a Run all failed before any run finished, and only those', () => {
    const failure = { column: chromium2, demo: 'io' as const, repeat: 1, message: 'timed out' };
    // Chromium on 1 core did not get to the demo (stopped with Ctrl-C): nothing failed there.
    expect(demoTables(['io'], [chromium1, chromium2], [], [failure], 1)).toMatch(/^\(no finished runs\)\s+–\s+✗$/m);
  });
});

describe('the matrix’s results file', () => {
  it('is a results file the Compare view reads, each run with the core limit it ran under', () => {
    const file = matrixFile(
      [
        { column: chromium1, repeat: 1, run: run() },
        {
          column: { browser: 'chromium', coreLimit: null },
          repeat: 1,
          run: run({ environment: { ...run().environment, coreLimit: 8 } }),
        },
      ],
      new Date('2025-02-03T04:05:06Z'),
    );
    expect(file.schema).toBe(RESULTS_SCHEMA);
    expect(file.exportedAt).toBe('2025-02-03T04:05:06.000Z');
    expect(file.runs.map((r) => r.environment.coreLimit)).toEqual([1, undefined]);
    expect(parseResultsFile(JSON.stringify(file))).toEqual({ ok: true, file: JSON.parse(JSON.stringify(file)) });
  });

  it('leaves the run it was given alone', () => {
    const original = run();
    asRecorded({ column: chromium2, repeat: 1, run: original });
    expect(original.environment.coreLimit).toBeUndefined();
  });

  it('gives a run the version its driver reported only where the page could tell none', () => {
    const webkit = { browser: 'webkit' as const, coreLimit: 1 };
    const unnamed = run({ environment: { ...run().environment, browser: 'WebKitGTK', browserVersion: '' } });
    expect(asRecorded({ column: webkit, repeat: 1, run: unnamed, driverVersion: '2.50.1' }).environment.browserVersion).toBe(
      '2.50.1',
    );
    const named = run();
    expect(asRecorded({ column: chromium1, repeat: 1, run: named, driverVersion: '999.0' }).environment.browserVersion).toBe(
      named.environment.browserVersion,
    );
  });
});

describe('the matrix’s exit code', () => {
  const verified: MatrixRun = { column: chromium1, repeat: 1, run: run() };

  it('is 0 when every run that started was verified, even with browsers missing', () => {
    expect(exitCode({ interrupted: false, runs: [verified], failures: [] })).toBe(0);
  });

  it('is 1 when a run failed verification or a Run all failed, and 130 after Ctrl-C', () => {
    expect(exitCode({ interrupted: false, runs: [{ ...verified, run: run({ verified: false }) }], failures: [] })).toBe(1);
    const failure = { column: chromium1, demo: 'io' as const, repeat: 1, message: 'timed out' };
    expect(exitCode({ interrupted: false, runs: [verified], failures: [failure] })).toBe(1);
    expect(exitCode({ interrupted: true, runs: [verified], failures: [failure] })).toBe(130);
  });
});
