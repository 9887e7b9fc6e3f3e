import { describe, expect, it } from 'vitest';
import { runBase } from './fixtures/run-base';
import { LOCKS_VARIANTS, mustBeExact, type LocksRunResult, type LocksVariant } from '../../src/experiments/locks-rules';
import { ABOUT_THE_SAME } from '../../src/experiments/verdicts';
import { LOCKS_COLUMNS, checkText, lessonSizeMeasure, locksStory, type LocksResults } from '../../src/ui/locks/locks-story';
import { templateText } from './fixtures/template-text';

const WORKERS = 4;
const INCREMENTS = 1_000_000;

/** A run of `variant` at the defaults (4 × 1,000,000), each worker counting `wallMs` from the same start. */
function run(variant: LocksVariant, wallMs: number, extra: Partial<LocksRunResult> = {}): LocksRunResult {
  const expected = WORKERS * INCREMENTS;
  const actual = extra.actual ?? expected;
  const mainThread = variant.startsWith('async');
  return {
    ...runBase('locks', variant, { workers: WORKERS, increments: INCREMENTS, widen: 0 }, wallMs, WORKERS),
    trace: Array.from({ length: WORKERS }, (_, i) => ({
      lane: `${mainThread ? 'task' : 'worker'} ${i + 1}`,
      chunk: i,
      startMs: 0,
      endMs: wallMs,
    })),
    expected,
    actual,
    lost: expected - actual,
    mustBeExact: mustBeExact(variant),
    memory: mainThread ? 'main-thread' : 'shared',
    lockSleeps: 0,
    counterAtStart: [0, 0, 0, 0],
    coldStartMs: [],
    ...extra,
  };
}

const resultsOf = (...runs: LocksRunResult[]): LocksResults => Object.fromEntries(runs.map((r) => [r.variant, r]));
const story = (...runs: LocksRunResult[]) => locksStory(resultsOf(...runs)).map((line) => templateText(line));
const line = (...runs: LocksRunResult[]) => story(...runs).at(-1) ?? '';
const otherParams = { workers: WORKERS, increments: INCREMENTS, widen: 5 };

/** Times just inside and just outside `ABOUT_THE_SAME` of a 100 ms baseline. */
const atUpperEdge = 100 * (1 + ABOUT_THE_SAME);
const atLowerEdge = 100 * (1 - ABOUT_THE_SAME);

describe('the locks story', () => {
  it('says nothing before any run, nor for an exact variant whose count was wrong', () => {
    expect(story()).toEqual([]);
    expect(story(run('atomic', 10, { verified: false, actual: 3_999_999 }))).toEqual([]);
    expect(story(run('mutex-whole-loop', 10, { verified: false }))).toEqual([]);
  });

  it('tells the lines in the order of the variants, whatever order the runs came in', () => {
    const lines = story(run('async-mutex', 50), run('no-lock', 10, { actual: 2_000_000 }), run('atomic', 20));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^No lock:/);
    expect(lines[1]).toMatch(/^Atomics\.add/);
    expect(lines[2]).toMatch(/^Async tasks with an async mutex/);
  });

  it('counts the updates the unlocked workers lost, with their share', () => {
    expect(line(run('no-lock', 10, { actual: 3_000_000 }))).toContain(
      '4 workers × 1,000,000 increments should make 4,000,000; the counter ended at 3,000,000. 1,000,000 updates (25%) were lost',
    );
  });

  it('explains an exact unlocked count by one worker, or by workers that barely overlapped', () => {
    const alone = run('no-lock', 10, {
      params: { workers: 1, increments: INCREMENTS, widen: 0 },
      workers: 1,
      expected: INCREMENTS,
    });
    expect(line({ ...alone, actual: INCREMENTS, lost: 0 })).toContain('one worker counted all 1,000,000');
    const apart = run('no-lock', 3, {
      trace: [0, 1, 2, 3].map((i) => ({ lane: `worker ${i + 1}`, chunk: i, startMs: i * 4, endMs: i * 4 + 2.5 })),
    });
    expect(line(apart)).toContain('nothing was lost (4,000,000 of 4,000,000)');
    expect(line(apart)).toContain('about 2.5 ms for its 1,000,000 increments, while the workers started up to 12 ms apart');
  });

  it('compares Atomics.add with no lock in the words of compareTimes, at and beyond the threshold', () => {
    const noLock = run('no-lock', 100, { actual: 2_000_000 });
    expect(line(noLock, run('atomic', atUpperEdge))).toContain('in 120 ms, about as long as without a lock (100 ms).');
    expect(line(noLock, run('atomic', atUpperEdge + 1))).toContain('in 121 ms, slower than without a lock (100 ms).');
    expect(line(noLock, run('atomic', atLowerEdge))).toContain('in 80 ms, about as long as without a lock (100 ms).');
    expect(line(noLock, run('atomic', atLowerEdge - 1))).toContain('in 79 ms, faster than without a lock (100 ms).');
  });

  it('gives the mutex per increment as a multiple of Atomics.add, in words when it is not slower', () => {
    const atomic = run('atomic', 100);
    const slower = line(atomic, run('mutex-per-increment', 400, { lockSleeps: 12_345 }));
    expect(slower).toContain('in 400 ms — 4.00× the time of Atomics.add.');
    expect(slower).toContain('went to sleep 12,345 times');
    expect(line(atomic, run('mutex-per-increment', atUpperEdge + 1))).toContain('— 1.21× the time of Atomics.add.');
    expect(line(atomic, run('mutex-per-increment', atUpperEdge))).toContain('— about as long as Atomics.add (1.20× its time).');
    expect(line(atomic, run('mutex-per-increment', atLowerEdge - 1))).toContain('— faster than Atomics.add (0.79× its time).');
    expect(line(atomic, run('mutex-per-increment', 400))).toContain('no worker ever found it taken');
  });

  it('compares times only between runs of the same settings', () => {
    const atomic = run('atomic', 50, { params: otherParams });
    expect(line(run('no-lock', 100, { actual: 2_000_000 }), atomic)).toContain('in 50 ms. The processor');
    const perIncrement = line(atomic, run('mutex-per-increment', 400));
    expect(perIncrement).toContain('in 400 ms. Every increment');
    expect(perIncrement).not.toContain('Atomics.add');
    expect(line(run('async-race', 100, { params: otherParams }), run('async-mutex', 300))).toContain('in 300 ms: the lock');
  });

  it('shows the whole-loop lock as a staircase of starting counts', () => {
    const wholeLoop = run('mutex-whole-loop', 40, { counterAtStart: [2_000_000, 0, 3_000_000, 1_000_000] });
    expect(line(wholeLoop)).toContain('found the counter at 0, 1,000,000, 2,000,000, 3,000,000 when they got the lock');
  });

  it('says the async tasks took strict turns only when exactly one round in each counted', () => {
    const turns = line(run('async-race', 100, { actual: INCREMENTS }));
    expect(turns).toContain('4 tasks on the page');
    expect(turns).toContain('counted 1,000,000 of 4,000,000 (3,000,000 lost)');
    expect(turns).toContain('each round of 4 increments counted once');
    expect(line(run('async-race', 100, { actual: INCREMENTS + 1 }))).not.toContain('strict turns');
  });

  it('compares the async mutex with the unlocked tasks in the words of compareTimes', () => {
    const race = run('async-race', 100, { actual: INCREMENTS });
    expect(line(race, run('async-mutex', atUpperEdge, { lockSleeps: 7 }))).toContain(
      'in 120 ms, about as long as without it (100 ms): the lock is held across the await',
    );
    expect(line(race, run('async-mutex', atUpperEdge + 1))).toContain('slower than without it (100 ms)');
    expect(line(race, run('async-mutex', 300, { lockSleeps: 7 }))).toContain('Tasks queued for it 7 times.');
  });
});

describe('the locks results table', () => {
  const cell = (label: string, r: LocksRunResult) => templateText(LOCKS_COLUMNS.find((c) => c.label === label)!.cell(r));

  it('shows lock waits only for the variants whose facts say they take a lock', () => {
    const waits = Object.fromEntries(LOCKS_VARIANTS.map((v) => [v, cell('Lock waits', run(v, 10, { lockSleeps: 1_234 }))]));
    expect(waits).toEqual({
      'no-lock': '—',
      atomic: '—',
      'mutex-per-increment': '1,234',
      'mutex-whole-loop': '1,234',
      'async-race': '—',
      'async-mutex': '1,234',
    });
  });

  it('says where each variant ran, by its facts', () => {
    expect(cell('Runs on', run('atomic', 10))).toBe('4 workers');
    expect(cell('Runs on', run('async-race', 10, { workers: 1 }))).toBe('1 task');
    expect(cell('Variant', run('mutex-whole-loop', 10))).toBe('Mutex around the loop');
  });

  it('checks each count by what its method allows', () => {
    expect(checkText(run('atomic', 10))).toBe('exact');
    expect(checkText(run('atomic', 10, { verified: false }))).toBe('WRONG: must be exact');
    expect(checkText(run('no-lock', 10, { actual: 3_000_000 }))).toBe('lost updates (the race)');
    expect(checkText(run('no-lock', 10))).toBe('none lost this time');
    expect(checkText(run('async-race', 10, { verified: false }))).toBe('WRONG: impossible count');
  });
});

describe('the measure quoted beside CPython', () => {
  const lessonSized = (increments: number, widen = 0) =>
    run('no-lock', 0.4, {
      params: { workers: WORKERS, increments, widen },
      trace: [0, 1, 2, 3].map((i) => ({ lane: `worker ${i + 1}`, chunk: i, startMs: i * 3, endMs: i * 3 + 0.4 })),
    });

  it('quotes an unlocked run of up to twice the lesson’s increments, without widening', () => {
    expect(lessonSizeMeasure({ 'no-lock': lessonSized(20_000) })).toBe(
      ' (measured here: 0.4 ms for 20,000 increments, while the workers woke up to 9.0 ms apart)',
    );
    expect(lessonSizeMeasure({ 'no-lock': lessonSized(20_001) })).toBe('');
    expect(lessonSizeMeasure({ 'no-lock': lessonSized(10_000, 1) })).toBe('');
    expect(lessonSizeMeasure({})).toBe('');
  });
});
