import { html, type TemplateResult } from 'lit';
import { countOf, formatCount, formatMs as ms, formatPercent, formatTimes as times } from '../../core/format';
import { LESSON_PARAMS, LOCKS_VARIANT_FACTS, type LocksRunResult, type LocksVariant } from '../../experiments/locks-rules';
import { compareTimes } from '../../experiments/verdicts';
import type { Column } from '../shared/results-table';

/** The latest run of each variant, as the demo keeps them. */
export type LocksResults = Partial<Record<LocksVariant, LocksRunResult>>;

/**
 * "What happened here": one line per finished variant, in the variants'
 * order, written from the measured numbers of this device. Times are compared
 * only between runs of the same settings, in the words of `compareTimes`.
 */
export function locksStory(results: LocksResults): TemplateResult[] {
  return [noLockLine, atomicLine, perIncrementLine, wholeLoopLine, raceLine, asyncMutexLine]
    .map((line) => line(results))
    .filter((line) => line !== undefined);
}

/** The results table: one row per variant; "Lock waits" only for the variants that take a lock. */
export const LOCKS_COLUMNS: ReadonlyArray<Column<LocksRunResult>> = [
  { label: 'Variant', cell: (r) => LOCKS_VARIANT_FACTS[r.variant].label },
  {
    label: 'Runs on',
    cell: (r) => countOf(r.workers, LOCKS_VARIANT_FACTS[r.variant].runsOn === 'workers' ? 'worker' : 'task'),
  },
  { label: 'Expected', numeric: true, cell: (r) => formatCount(r.expected) },
  { label: 'Counted', numeric: true, field: 'actual', cell: (r) => formatCount(r.actual) },
  {
    label: 'Lost',
    numeric: true,
    field: 'lost',
    cell: (r) => html`${formatCount(r.lost)} <small>(${formatPercent(r.lost / r.expected)})</small>`,
  },
  { label: 'Check', field: 'check', cell: checkText, className: (r) => (r.verified ? (r.lost ? '' : 'good') : 'bad') },
  { label: 'Time', numeric: true, field: 'time', cell: (r) => ms(r.wallMs) },
  {
    label: 'Lock waits',
    numeric: true,
    field: 'lock-waits',
    cell: (r) => (LOCKS_VARIANT_FACTS[r.variant].usesLock ? formatCount(r.lockSleeps) : '—'),
  },
];

/** The Check column: what the read-back count says about the method. */
export function checkText(r: LocksRunResult): string {
  if (!r.verified) return r.mustBeExact ? 'WRONG: must be exact' : 'WRONG: impossible count';
  if (r.mustBeExact) return 'exact';
  return r.lost > 0 ? 'lost updates (the race)' : 'none lost this time';
}

/**
 * What an unlocked run at about the lesson's size (up to twice its
 * increments, no widening) measured, to quote beside CPython's numbers: how
 * long a worker counted, and how far apart the workers woke. '' without one.
 */
export function lessonSizeMeasure(results: LocksResults): string {
  const run = results['no-lock'];
  if (!run || run.params.increments > 2 * LESSON_PARAMS.increments || run.params.widen !== 0) return '';
  return ` (measured here: ${ms(longestSpan(run))} for ${formatCount(run.params.increments)} increments, while the workers woke up to ${ms(startSpread(run))} apart)`;
}

function noLockLine({ 'no-lock': run }: LocksResults): TemplateResult | undefined {
  if (!run) return undefined;
  const { workers, increments } = run.params;
  if (run.lost > 0) {
    return html`<li>
      <strong>No lock:</strong> ${countOf(workers, 'worker')} × ${formatCount(increments)} increments should make
      ${formatCount(run.expected)}; the counter ended at <strong>${formatCount(run.actual)}</strong>.
      <strong>${formatCount(run.lost)} updates (${formatPercent(run.lost / run.expected)}) were lost</strong>: each time two
      workers read the same value, both wrote back the same sum and one increment vanished. Run it again: the number changes every
      time.
    </li>`;
  }
  if (workers === 1) {
    return html`<li>
      <strong>No lock:</strong> one worker counted all ${formatCount(run.actual)}: with nobody else writing, there is no race to
      lose an update to. Use two or more workers.
    </li>`;
  }
  return html`<li>
    <strong>No lock:</strong> this time nothing was lost (${formatCount(run.actual)} of ${formatCount(run.expected)}). Each worker
    needed only about ${ms(longestSpan(run))} for its ${formatCount(increments)} increments, while the workers started up to
    ${ms(startSpread(run))} apart: they barely overlapped, so they rarely read the same value. Raise the increments, or widen the
    window, and run again.
  </li>`;
}

function atomicLine({ atomic, 'no-lock': noLock }: LocksResults): TemplateResult | undefined {
  if (!atomic?.verified) return undefined;
  const versusNoLock = noLock && sameParams(noLock, atomic) ? `, ${versus(atomic.wallMs, noLock.wallMs, 'without a lock')}` : '';
  return html`<li>
    <strong>Atomics.add</strong> counted exactly <strong>${formatCount(atomic.actual)}</strong> in
    ${ms(atomic.wallMs)}${versusNoLock}. The processor does the read, the add and the write as one step that no other core can
    split.
  </li>`;
}

function perIncrementLine({ 'mutex-per-increment': run, atomic }: LocksResults): TemplateResult | undefined {
  if (!run?.verified) return undefined;
  return html`<li>
    <strong>A mutex around each increment</strong> counted exactly ${formatCount(run.actual)} too, in
    <strong>${ms(run.wallMs)}</strong>${atomic && sameParams(atomic, run) ? ` — ${timesAtomic(run.wallMs, atomic.wallMs)}` : ''}.
    Every increment took and released the lock,
    ${
      run.lockSleeps > 0
        ? `and workers found it taken and went to sleep ${formatCount(run.lockSleeps)} times.`
        : 'but no worker ever found it taken: they did not count at the same time.'
    }
  </li>`;
}

function wholeLoopLine({ 'mutex-whole-loop': run }: LocksResults): TemplateResult | undefined {
  if (!run?.verified) return undefined;
  const starts = [...run.counterAtStart].sort((a, b) => a - b).map(formatCount);
  return html`<li>
    <strong>A mutex around the whole loop</strong> (the lesson's <code>with lock:</code>) counted exactly
    ${formatCount(run.actual)} in ${ms(run.wallMs)}. The workers took turns: they found the counter at
    <span data-field="staircase">${starts.join(', ')}</span> when they got the lock, each starting where the previous one stopped.
    The timeline shows one bar after another: correct, and no longer parallel.
  </li>`;
}

function raceLine({ 'async-race': run }: LocksResults): TemplateResult | undefined {
  if (!run?.verified) return undefined;
  return html`<li>
    <strong>Async tasks, no lock:</strong> ${countOf(run.workers, 'task')} on the page's single thread counted
    <strong>${formatCount(run.actual)}</strong> of ${formatCount(run.expected)} (${formatCount(run.lost)} lost) in
    ${ms(run.wallMs)}. No two ever ran at the same moment, yet each task read the counter, then <code>await</code>ed, and while it
    waited the others read the same value.
    ${
      run.lost > 0 && run.actual === run.params.increments
        ? `The tasks took strict turns, so each round of ${run.workers} increments counted once.`
        : ''
    }
  </li>`;
}

function asyncMutexLine({ 'async-mutex': run, 'async-race': race }: LocksResults): TemplateResult | undefined {
  if (!run?.verified) return undefined;
  const versusRace = race && sameParams(race, run) ? `, ${versus(run.wallMs, race.wallMs, 'without it')}` : '';
  return html`<li>
    <strong>Async tasks with an async mutex</strong> counted exactly ${formatCount(run.actual)} in ${ms(run.wallMs)}${versusRace}:
    the lock is held across the <code>await</code>, so no task reads before the previous one wrote. Tasks queued for it
    ${formatCount(run.lockSleeps)} times.
  </li>`;
}

/** "about as long as without a lock (12 ms)", "slower than …", "faster than …". */
function versus(wallMs: number, baselineMs: number, baseline: string): string {
  const verdict = compareTimes(wallMs, baselineMs);
  const words = verdict === 'about the same' ? 'about as long as' : `${verdict} than`;
  return `${words} ${baseline} (${ms(baselineMs)})`;
}

/** How the locked run compares with Atomics.add: its multiple of the time, in words when it is not slower. */
function timesAtomic(wallMs: number, atomicMs: number): string {
  const ratio = times(wallMs / atomicMs);
  switch (compareTimes(wallMs, atomicMs)) {
    case 'slower':
      return `${ratio} the time of Atomics.add`;
    case 'about the same':
      return `about as long as Atomics.add (${ratio} its time)`;
    case 'faster':
      return `faster than Atomics.add (${ratio} its time)`;
  }
}

function sameParams(a: LocksRunResult, b: LocksRunResult): boolean {
  return (
    a.params.workers === b.params.workers && a.params.increments === b.params.increments && a.params.widen === b.params.widen
  );
}

/** The longest any one runner counted. */
function longestSpan(run: LocksRunResult): number {
  return Math.max(...run.trace.map((e) => e.endMs - e.startMs));
}

/** How long after the first runner the last one started. */
function startSpread(run: LocksRunResult): number {
  return Math.max(...run.trace.map((e) => e.startMs));
}
