import type { DemoId, RunResultBase } from '../../core/run-result';
import { countOf, formatCount, formatMs, formatPercent, formatTimes } from '../../core/format';
import type { CpuRunResult } from '../../experiments/cpu-rules';
import type { DataRunResult } from '../../experiments/data-rules';
import type { IoRunResult } from '../../experiments/io-rules';
import type { LocksRunResult } from '../../experiments/locks-rules';
import type { ScalingCurveRun } from '../../experiments/scaling-rules';

type AnyRun = RunResultBase<DemoId, string, unknown>;

/** One finding of this visit: what it says, the demo it came from, and its headline number. */
export interface Finding {
  demo: DemoId;
  /** The headline number, as the page writes it (the link to the demo). */
  figure: string;
  /** The rest of the sentence, after the figure. */
  text: string;
}

/** The latest verified run of `demo`'s `variant` among `runs` (oldest first). */
function latest<R extends AnyRun>(runs: readonly AnyRun[], demo: DemoId, variant: string): R | undefined {
  for (let i = runs.length - 1; i >= 0; i--) {
    const run = runs[i];
    if (run.demo === demo && run.variant === variant && run.verified) return run as R;
  }
  return undefined;
}

/**
 * What this visit's verified runs showed, demo by demo: the lesson's claims
 * with this machine's numbers. A demo with no verified run yet gives nothing:
 * the page then offers to run it.
 */
export function findings(runs: readonly AnyRun[]): Partial<Record<DemoId, Finding[]>> {
  const out: Partial<Record<DemoId, Finding[]>> = {};
  const add = (f: Finding) => (out[f.demo] ??= []).push(f);

  const serial = latest<CpuRunResult>(runs, 'cpu', 'serial');
  const workers = latest<CpuRunResult>(runs, 'cpu', 'workers');
  const tasks = latest<CpuRunResult>(runs, 'cpu', 'main-thread-tasks');
  if (serial && workers && serial.params.rounds === workers.params.rounds && serial.params.numbers === workers.params.numbers) {
    add({
      demo: 'cpu',
      figure: formatTimes(serial.wallMs / workers.wallMs),
      text: `the serial speed with ${countOf(workers.workers, 'worker')} (${formatMs(workers.wallMs)} against ${formatMs(serial.wallMs)}): computing goes faster on more threads.`,
    });
  }
  if (serial && tasks && serial.params.rounds === tasks.params.rounds && serial.params.numbers === tasks.params.numbers) {
    add({
      demo: 'cpu',
      figure: formatTimes(serial.wallMs / tasks.wallMs),
      text: `the serial speed with ${countOf(tasks.workers, 'task')} taking turns on one thread: concurrency alone does not compute faster.`,
    });
  }

  const curve = latest<ScalingCurveRun>(runs, 'scaling', 'curve');
  if (curve) {
    const best = Math.max(...curve.points.map((p) => p.speedup));
    add({
      demo: 'scaling',
      figure: countOf(curve.usableCores, 'core'),
      text: `is where the speed-up stopped growing (at most ${formatTimes(best)}; the browser reports ${curve.reportedCores}). Amdahl's law fits a serial part of ${formatPercent(curve.amdahl.serialFraction)}.`,
    });
  }

  const noLock = latest<LocksRunResult>(runs, 'locks', 'no-lock') ?? latest<LocksRunResult>(runs, 'locks', 'async-race');
  const locked =
    latest<LocksRunResult>(runs, 'locks', 'mutex-per-increment') ??
    latest<LocksRunResult>(runs, 'locks', 'atomic') ??
    latest<LocksRunResult>(runs, 'locks', 'async-mutex');
  if (noLock) {
    add({
      demo: 'locks',
      figure: `${formatCount(noLock.lost)} of ${formatCount(noLock.expected)}`,
      text: `updates were lost without a lock${locked ? `; with one (${locked.variant}), ${formatCount(locked.actual)} of ${formatCount(locked.expected)} counted, exactly` : ''}.`,
    });
  }

  const ioSerial = latest<IoRunResult>(runs, 'io', 'serial');
  const concurrent = latest<IoRunResult>(runs, 'io', 'concurrent');
  if (ioSerial && concurrent && ioSerial.failures === 0 && concurrent.failures === 0) {
    add({
      demo: 'io',
      figure: formatMs(concurrent.wallMs),
      text: `for ${countOf(concurrent.requests.length, 'page')} at once on one thread, against ${formatMs(ioSerial.wallMs)} one after another: waiting needs no threads.`,
    });
  }

  const copy = latest<DataRunResult>(runs, 'data', 'copy-array');
  const cheap = latest<DataRunResult>(runs, 'data', 'transfer') ?? latest<DataRunResult>(runs, 'data', 'shared');
  if (copy && cheap && copy.params.numbers === cheap.params.numbers) {
    add({
      demo: 'data',
      figure: formatMs(copy.wallMs),
      text: `to copy ${countOf(copy.params.numbers, 'number')} to a worker, as pickling does for a process; ${cheap.variant === 'transfer' ? 'transferring' : 'sharing'} them took ${formatMs(cheap.wallMs)}.`,
    });
  }
  return out;
}
