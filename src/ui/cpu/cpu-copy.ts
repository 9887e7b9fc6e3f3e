import { html, nothing, type TemplateResult } from 'lit';
import { countOf, formatCount, formatMs as ms } from '../../core/format';
import type { CoreCount } from '../../core/scaling';
import { type Calibration } from '../../experiments/cpu';
import { CPU_LIMITS, MAIN_THREAD_TASKS, POOL_SAMPLE } from '../../experiments/cpu-rules';

/** The teaching text of the CPU demo, written for students. */

export function cpuIntro(): TemplateResult {
  return html`<h2 id="cpu-title">Computing: do more threads finish sooner?</h2>
    <p>
      The lesson squares ten million numbers in one loop, with four threads, with a thread pool and with four processes. Here the
      same work runs on the page's own thread, as tasks taking turns on it, and on Web Workers.
    </p>`;
}

/** The longer explanation, folded so that the controls come first. */
export function cpuExpectations(): TemplateResult {
  return html`<details class="advanced">
    <summary><strong>What to expect</strong></summary>
    <p>
      Web Workers are the browser's real threads, each with memory of its own. Every result is checked against the expected
      checksum before its time is shown.
    </p>
    <ul>
      <li><strong>Serial</strong> is the baseline. It runs on the page's own thread, so the page freezes: watch the meter.</li>
      <li>
        <strong>${MAIN_THREAD_TASKS} tasks taking turns</strong> are the browser's version of Python threads under the GIL:
        concurrent but not parallel. Expect no speed-up, but a page that stays responsive.
      </li>
      <li>
        <strong>The worker pool</strong> is the lesson's <code>ThreadPool.map</code>. Python's <code>Pool.map</code> cuts the list
        into chunks, four per worker, and sends each chunk as one message; the lesson's pool was slow not because of those
        messages but because its threads collected ten million results under one interpreter lock. A browser has no such lock, so
        here the chunked pool runs in parallel. Set "numbers per message" to 1 and every number travels alone: then the messages
        cost far more than the arithmetic (measured on at least ${formatCount(POOL_SAMPLE)} numbers and projected).
      </li>
      <li>
        <strong>Workers, one part each</strong> are the lesson's processes: real parallel threads. Expect a speed-up close to the
        number of cores, after a one-off cost to start the workers.
      </li>
    </ul>
  </details>`;
}

/** Plain squaring this short or shorter is "too little to share" (a worker takes tens of ms to start). */
const TOO_LITTLE_MS = 100;

/** What the calibration chose, and why plain squaring is not enough. */
export function calibrationNote(c: Calibration | undefined): TemplateResult | typeof nothing {
  if (!c) return nothing;
  const squaring =
    c.squaringMs <= TOO_LITTLE_MS
      ? html`Plain squaring of all the numbers takes only about ${ms(c.squaringMs)} in JavaScript: so little that most of it goes
        into reading memory rather than computing, and starting workers can take longer than that.`
      : html`Plain squaring of all the numbers takes about ${ms(c.squaringMs)} here, but most of that goes into reading memory
        rather than computing, and memory does not get faster with more threads.`;
  return html`<p class="note" data-field="calibration">
    Work per number set to <strong>${formatCount(c.rounds)} rounds</strong>, so the serial run takes about ${ms(c.targetMs)} on
    this device (one round takes about ${c.nsPerRound.toFixed(1)} ns here). ${squaring} The extra rounds give the cores real work
    to share. Press Calibrate after changing the numbers to fit the work to them.
  </p>`;
}

/** The workers field's hint: where its default, the core count, comes from, and what this visit's scaling curve found. */
export function workersHint(c: CoreCount): string {
  const curve = c.measured === undefined ? '' : ` This visit's scaling curve flattened at ${countOf(c.measured, 'worker')}.`;
  return `Default: the ${countOf(c.reported, 'core')} this browser reports (its own count, which browsers may round or cap).${curve} 1 to ${CPU_LIMITS.workers.max}.`;
}

/** Where the cores a workers' run is rated against come from, in brackets: the browser's count, or the scaling curve. */
export function coresSource(c: CoreCount): string {
  return c.measured === undefined
    ? "(by the browser's count, which may be rounded or capped)"
    : `(by this visit's scaling curve; the browser reports ${c.reported})`;
}

export function cpuResultsCaption(cores: CoreCount): TemplateResult {
  const against =
    cores.measured === undefined
      ? html`the ${countOf(cores.reported, 'core')} this browser reports: its own count
        (<code>navigator.hardwareConcurrency</code>), which browsers may round or cap (the Scaling demo measures how many the work
        can really use)`
      : html`the ${countOf(cores.measured, 'core')} this visit's scaling curve could use (the browser reports ${cores.reported})`;
  return html`<p>
    <small>
      Speed-up is the serial time (on the page's own thread) divided by the variant's time; efficiency is the speed-up divided by
      the threads it could use: 1 on the main thread, however many tasks take turns there; for workers, the smaller of their
      number and ${against}. Worker start is the slowest worker's cold start, measured apart and not included in the time; "warm"
      means the workers were already running.
    </small>
  </p>`;
}
