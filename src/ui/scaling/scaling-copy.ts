import { html, nothing, type TemplateResult } from 'lit';
import { countOf, formatCount, formatMs as ms } from '../../core/format';
import { FLAT_WITHIN } from '../../core/scaling';
import type { Calibration } from '../../experiments/cpu';
import type { ScalingCurveRun, ScalingParams, ScalingWorkersRun } from '../../experiments/scaling-rules';

/** The teaching text of the scaling demo, written for students. */

export function scalingIntro(): TemplateResult {
  return html`<h2 id="scaling-title">How far it scales: the speed-up curve</h2>
    <p>
      The lesson's four processes ran 1.5 to 1.9 times as fast as one loop on a 2-core machine, not 4 times. Why not? Here the CPU
      demo's work runs on 1, 2, 3, … workers in turn, each run checked, and the times become a curve: how much faster each number
      of workers is than one.
    </p>`;
}

/** The longer explanation, folded so that the controls come first. */
export function scalingExpectations(): TemplateResult {
  return html`<details class="advanced">
    <summary><strong>What to expect</strong></summary>
    <ul>
      <li>
        Up to the number of cores, each worker gets a core of its own, and the speed-up follows the <strong>ideal line</strong>: 2
        workers, twice as fast; 4 workers, four times.
      </li>
      <li>
        Past the cores, the curve <strong>flattens</strong>: more workers only take turns on the same cores. The lesson's four
        processes on two cores could never be more than twice as fast.
      </li>
      <li>
        Even below the cores it bends a little: some of the time does not shrink with more workers (handing out the parts, waiting
        for the slowest one, adding up the sums). <strong>Amdahl's law</strong> says how much that limits: with a serial fraction
        <em>f</em>, no number of cores can make the work more than 1 ÷ <em>f</em> times as fast.
      </li>
      <li>
        Every worker is started, and warmed up by a short untimed run, before its run is timed, and every run's checksum is
        checked: a wrong one ends the sweep, since a curve through a wrong point means nothing.
      </li>
    </ul>
  </details>`;
}

/** What the calibration chose, for the one-worker run. */
export function scalingCalibrationNote(c: Calibration | undefined): TemplateResult | typeof nothing {
  if (!c) return nothing;
  return html`<p class="note" data-field="calibration">
    Work per number set to <strong>${formatCount(c.rounds)} rounds</strong>, so one worker takes about ${ms(c.targetMs)} on this
    device (one round takes about ${c.nsPerRound.toFixed(1)} ns here): long enough that starting and stopping the workers hardly
    counts. Press Calibrate after changing the numbers.
  </p>`;
}

/**
 * What the browser says about its cores, and, once a sweep has finished,
 * what the curve says; where the two differ, why they may.
 */
export function coresNote(reported: number, curve: ScalingCurveRun | undefined): TemplateResult {
  const said = html`This browser reports
    <strong>${countOf(reported, 'core')}</strong> (<code>navigator.hardwareConcurrency</code>).`;
  const usable = curve
    ? html`From where the curve flattens, the work could use <strong>${countOf(curve.usableCores, 'core')}</strong>`
    : nothing;
  const estimate = !curve
    ? html`Once a sweep has finished, the page estimates from its curve how many cores the work could really use.`
    : curve.usableCores === curve.params.maxWorkers && curve.usableCores !== curve.reportedCores
      ? html`The curve had not flattened by the most workers tried, ${curve.params.maxWorkers}: try more to see how many cores the
        work could use.`
      : curve.usableCores === curve.reportedCores
        ? html`${usable}, as many as reported.`
        : html`${usable}, not the ${curve.reportedCores} reported. The two can differ: browsers round, cap or make up the number
          they report, so that it tells a page less about the device (WebKit reports 4 on a 2-core machine); it may count hardware
          threads, two per core, that share one core's arithmetic; and other programs share the cores too: they can leave the
          workers fewer, and since a machine shares its cores out by thread, more workers can win a bigger share of a busy one.`;
  return html`<p class="note" data-field="cores">${said} ${estimate}</p>`;
}

export function scalingResultsCaption(reported: number): TemplateResult {
  return html`<p>
    <small>
      Each row is one number of workers; with repeats, its time is the median of its runs. Speed-up is the time on one worker
      divided by the row's time; efficiency is the speed-up divided by the cores the workers could use: the smaller of their
      number and the ${reported} cores this browser reports. The usable cores are the fewest workers within ${FLAT_WITHIN * 100}%
      of the best speed-up.
    </small>
  </p>`;
}

/** The status while the sweep runs, after the run on `run.workers` workers. */
export function sweepStatus(run: ScalingWorkersRun): string {
  const { maxWorkers, repeats } = run.params;
  const sweep = repeats > 1 ? `Sweep ${run.sweep} of ${repeats}: ` : '';
  const next = run.workers < maxWorkers ? ` Now ${countOf(run.workers + 1, 'worker')}…` : '';
  return `${sweep}${countOf(run.workers, 'worker')} took ${ms(run.wallMs)}, verified.${next}`;
}

export function sweepRunning(params: ScalingParams): string {
  return `Sweeping 1 to ${countOf(params.maxWorkers, 'worker')}${params.repeats > 1 ? `, ${params.repeats} times` : ''}: 1 worker…`;
}

export function sweepDone(curve: ScalingCurveRun): string {
  return `Swept 1 to ${countOf(curve.params.maxWorkers, 'worker')}, every run verified: the curve flattens at ${countOf(curve.usableCores, 'worker')}. Read what happened below.`;
}
