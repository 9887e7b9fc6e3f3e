import { html, type TemplateResult } from 'lit';
import { countOf, formatMs as ms, formatPercent, formatTimes as times } from '../../core/format';
import { efficiency } from '../../core/stats';
import type { CurvePoint, ScalingCurveRun } from '../../experiments/scaling-rules';
import { SPEEDUP, compareTimes, isAbout } from '../../experiments/verdicts';

/** How the cores the curve could use compare with the cores the browser reports. */
export type CoresVerdict = 'as reported' | 'fewer' | 'more' | 'still rising';

/**
 * Where the curve flattened (`usable`) against what the browser reports, for
 * a sweep up to `maxWorkers`: at the most workers tried, it had not flattened.
 */
export function coresVerdict(usable: number, reported: number, maxWorkers: number): CoresVerdict {
  if (usable === maxWorkers) return 'still rising';
  if (usable === reported) return 'as reported';
  return usable < reported ? 'fewer' : 'more';
}

/** Speed-up ÷ the cores the browser says W workers could use, min(W, reported). */
export function scalingEfficiency(point: CurvePoint, reportedCores: number): number {
  return efficiency(point.speedup, point.workers, reportedCores);
}

/**
 * What happened on this device, in words, from the points measured so far
 * and, once a sweep has finished, its curve: the fastest point, the run on
 * one worker per reported core, then where the curve flattened, what
 * Amdahl's law makes of it, and what the workers past the cores did.
 */
export function scalingStory(
  points: readonly CurvePoint[],
  curve: ScalingCurveRun | undefined,
  reportedCores: number,
): TemplateResult[] {
  const one = points.find((p) => p.workers === 1);
  if (!one) return [];
  const lines = [fastestLine(points, one)];
  const atCores = points.find((p) => p.workers === reportedCores);
  if (atCores && reportedCores > 1) lines.push(atCoresLine(atCores, reportedCores));
  if (curve) lines.push(coresLine(curve), amdahlLine(curve), ...pastCoresLines(curve));
  return lines;
}

function fastestLine(points: readonly CurvePoint[], one: CurvePoint): TemplateResult {
  const best = points.reduce((a, b) => (b.speedup > a.speedup ? b : a));
  if (best.speedup <= SPEEDUP) {
    return html`<li>
      One worker took <strong>${ms(one.wallMs)}</strong>, and no number of workers did much better (at best
      ${times(best.speedup)}): the work is too small to be worth sharing (try more work per number), or the other cores were busy.
    </li>`;
  }
  return html`<li>
    One worker took <strong>${ms(one.wallMs)}</strong>; the fastest was ${countOf(best.workers, 'worker')}, at
    <strong>${ms(best.wallMs)}</strong>: <strong>${times(best.speedup)}</strong> as fast.
  </li>`;
}

function atCoresLine(point: CurvePoint, cores: number): TemplateResult {
  const verdict = isAbout(point.speedup, cores)
    ? 'close to the ideal: each worker has its part to itself and nothing to wait for, so each core does its share.'
    : 'well short of the ideal: some of the cores were busy with other work, or the machine has fewer than the browser says.';
  return html`<li>
    On ${countOf(cores, 'worker')}, one for each core the browser reports, it ran <strong>${times(point.speedup)}</strong> as
    fast, ${formatPercent(scalingEfficiency(point, cores))} of the ideal ${times(cores)}: ${verdict}
  </li>`;
}

function coresLine(curve: ScalingCurveRun): TemplateResult {
  const { usableCores: usable, reportedCores: reported, params } = curve;
  const flattens = html`The curve flattens at <strong>${countOf(usable, 'worker')}</strong>`;
  switch (coresVerdict(usable, reported, params.maxWorkers)) {
    case 'still rising':
      return html`<li>
        The curve had not flattened by ${countOf(usable, 'worker')}, the most this sweep
        tried${usable > reported ? `, past the ${countOf(reported, 'core')} this browser reports` : ''}: set "most workers" higher
        to see where it does.
      </li>`;
    case 'as reported':
      return html`<li>
        ${flattens}, the ${countOf(reported, 'core')} this browser reports: past them, more workers only take turns on the same
        cores.
      </li>`;
    case 'fewer':
      return html`<li>
        ${flattens}, though this browser reports ${countOf(reported, 'core')}: either other programs kept some of them busy, or
        the browser reports more than the work can use (WebKit reports 4 on a 2-core machine, and two hardware threads of one core
        share its arithmetic).
      </li>`;
    case 'more':
      return html`<li>
        ${flattens}, more than the ${countOf(reported, 'core')} this browser reports. Either the machine has more than the browser
        admits (browsers cap or make up the number, so that it tells a page less about the device), or other programs kept the
        cores busy: a machine shares its cores out by thread, so more workers win a bigger share of a busy machine.
      </li>`;
  }
}

function amdahlLine(curve: ScalingCurveRun): TemplateResult {
  const { usableCores: usable, amdahl } = curve;
  if (usable < 2) {
    return html`<li>With one usable core there is nothing for Amdahl's law to fit.</li>`;
  }
  const fitted = html`Amdahl's law, fitted to the points up to ${countOf(usable, 'worker')}`;
  if (amdahl.maxSpeedup === null) {
    return html`<li>
      ${fitted}, finds no serial part at all: within what this sweep could measure, the work scaled perfectly up to the cores it
      could use.
    </li>`;
  }
  return html`<li>
    ${fitted}, gives a serial fraction of <strong>${(amdahl.serialFraction * 100).toFixed(1)}%</strong>: the share of the time
    that did not shrink with more workers (handing out the parts, waiting for the slowest, collecting the sums). However many
    cores, the work could then run at most <strong>${times(amdahl.maxSpeedup)}</strong> as fast.
  </li>`;
}

function pastCoresLines(curve: ScalingCurveRun): TemplateResult[] {
  const usable = curve.points.find((p) => p.workers === curve.usableCores);
  const last = curve.points[curve.points.length - 1];
  if (!usable || !last || last.workers <= usable.workers) return [];
  // Never "faster": the usable cores are where the curve came within FLAT_WITHIN of its best.
  const verdict =
    compareTimes(last.wallMs, usable.wallMs) === 'slower'
      ? 'slower: taking turns costs something too, as the cores switch between more workers.'
      : 'about the same: the extra workers took turns on the same cores, each finishing its smaller part later.';
  return [
    html`<li>
      ${countOf(last.workers, 'worker')} took ${ms(last.wallMs)}, against ${ms(usable.wallMs)} on
      ${countOf(usable.workers, 'worker')}: ${verdict}
    </li>`,
  ];
}
