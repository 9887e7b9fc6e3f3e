import { html, type TemplateResult } from 'lit';
import { countOf, formatCount, formatMs as ms } from '../../core/format';
import {
  DATA_VARIANT_FACTS,
  LESSON_NUMBERS,
  type ComputedBecause,
  type DataRunResult,
  type DataVariant,
} from '../../experiments/data-rules';
import { SMOOTH_FRAME_GAP_MS } from '../../experiments/verdicts';
import { noSharedMemoryClause } from '../../runtime/isolation';
import type { IsolationNoticeOptions } from '../shared/isolation-notice';

/** The teaching text of the data-moving demo, written for students. */

const label = (v: DataVariant) => DATA_VARIANT_FACTS[v].label;

export function dataIntro(): TemplateResult {
  return html`<h2 id="data-title">Moving data: what it costs to hand numbers to a worker</h2>
    <p>
      A process, like a worker, has memory of its own: the numbers it works on must first reach it. The lesson's processes got
      theirs as a copy. A browser offers four ways. Here the numbers go to one worker each way, and the worker answers as soon as
      it has them; then, outside the timing, it sums their squares so the page can check that every number arrived.
    </p>`;
}

/** The longer explanation, folded so that the controls come first. */
export function dataExpectations(): TemplateResult {
  return html`<details class="advanced">
    <summary><strong>What to expect</strong></summary>
    <ul>
      <li>
        <strong>${label('copy-array')}</strong>: the browser's <em>structured clone</em>, its pickling. Each number is written
        into a message one by one, and read back one by one into a new array in the worker. Expect the slowest, and the page
        frozen while the message is written: that happens on the page's own thread.
      </li>
      <li>
        <strong>${label('copy-typed')}</strong>: the same numbers as one block of bytes, copied whole. Much faster than the Array,
        but still a copy: the time grows with the numbers, and the worker holds a second block as big as the page's.
      </li>
      <li>
        <strong>${label('transfer')}</strong>: the block changes owner and nothing is copied, so ten million numbers go as fast as
        ten. The page's array is left empty (<em>detached</em>): the page can no longer read its numbers.
      </li>
      <li>
        <strong>${label('shared')}</strong>: the page and the worker see the same memory. Nothing is copied and the page keeps its
        numbers, but from then on both may write at once: the shared-counter demo shows what that needs. Browsers offer it only to
        cross-origin isolated pages.
      </li>
    </ul>
  </details>`;
}

/** What the page says when it has no shared memory. */
export const DATA_ISOLATION: IsolationNoticeOptions = {
  id: 'data',
  consequence: 'the fourth way, sharing the numbers, is skipped here',
  fallback: 'The three other ways need no shared memory: they run on any page.',
};

/** The status line's words for each moment of a run. */
export const DATA_STATUS = {
  label,
  running: (variant: DataVariant, { numbers }: { numbers: number }) =>
    `Handing ${countOf(numbers, 'number')} to a worker: ${label(variant)}…${
      variant === 'copy-array' ? ' The page freezes while the message is written.' : ''
    }`,
  done: (r: DataRunResult) => `${label(r.variant)}: ${ms(r.wallMs)}; all ${formatCount(r.received)} numbers arrived (verified).`,
  wrong: (r: DataRunResult) =>
    `${label(r.variant)}: the worker got ${countOf(r.received, 'number')} with checksum ${r.checksum}, not ${formatCount(r.params.numbers)} with ${r.expectedChecksum}, so its time is not shown.`,
  stopped: () => 'Stopped. The worker was shut down; the next run starts a fresh one.',
  finished: (shared: boolean) =>
    shared
      ? 'All four ways finished. Read what happened below.'
      : `The three ways that need no shared memory finished; sharing was skipped, as ${noSharedMemoryClause()}.`,
};

/** Why the extra memory of some runs was computed, in words. */
export const COMPUTED_BECAUSE: Readonly<Record<ComputedBecause, string>> = {
  'not-offered': 'this browser offers no memory measurement to this page',
  'timed-out': 'the browser did not measure within a second (Chromium waits for its next garbage collection)',
  'shared-counted-per-thread': 'for sharing, the browser counts the one buffer once in every thread that holds it',
};

export function dataResultsCaption(computed: readonly ComputedBecause[]): TemplateResult {
  return html`<p>
    <small>
      Time runs from handing the numbers to the worker until it answers that it has them: starting the worker is not included, nor
      the checksum it computes afterwards. Bytes copied: 8 a number for a copy (a browser may write small whole numbers tighter in
      an Array's message; the work per number is what makes it slow). Extra memory: what the way needs besides the page's own
      numbers, measured by the browser before and after the move (<code>performance.measureUserAgentSpecificMemory</code>) where
      it can, otherwise computed: a copy leaves a second block in the worker, a transfer or sharing
      none.${computed.length ? html` Computed here because ${computed.map((c) => COMPUTED_BECAUSE[c]).join('; ')}.` : ''}
    </small>
  </p>`;
}

/** What a copy costs at the lesson's size on this device: measured there, or projected from the last run. */
function lessonCost(copy: DataRunResult | undefined): TemplateResult {
  if (!copy?.verified) {
    return html`Press <strong>${label('copy-array')}</strong> to see what that costs on this device for
      ${formatCount(LESSON_NUMBERS)} numbers.`;
  }
  const frozen =
    copy.longestFrameGapMs > SMOOTH_FRAME_GAP_MS ? html`, and the page went ${ms(copy.longestFrameGapMs)} without drawing` : '';
  if (copy.params.numbers === LESSON_NUMBERS) {
    return html`On this device, copying ${formatCount(LESSON_NUMBERS)} numbers that way took
      <strong>${ms(copy.wallMs)}</strong>${frozen}.`;
  }
  return html`On this device it took ${ms(copy.wallMs)} for ${countOf(copy.params.numbers, 'number')}${frozen}. The cost grows
    with the numbers: at that pace ${formatCount(LESSON_NUMBERS)} would take about
    <strong>${ms((copy.wallMs * LESSON_NUMBERS) / copy.params.numbers)}</strong> (set Numbers to ${formatCount(LESSON_NUMBERS)} to
    measure it).`;
}

/** Which way the lesson's processes used, what it costs here, and what the CPU demo's workers use on this page. */
export function lessonWays(copy: DataRunResult | undefined, shared: boolean): TemplateResult {
  return html`<section part="panel explanation" aria-labelledby="data-lesson">
    <h3 id="data-lesson">The lesson's processes, and the CPU demo's workers</h3>
    <p data-field="lesson-cost">
      The lesson hands each <code>multiprocessing.Process</code> its part of the list as an argument: Python pickles it into
      bytes, sends them down a pipe, and the new process unpickles a copy of its own, number by number. The way closest to it here
      is <strong>${label('copy-array')}</strong>. ${lessonCost(copy)}
    </p>
    <p data-field="cpu-demo-way">
      ${
        shared
          ? html`The CPU demo's workers copy nothing: on this page, which is cross-origin isolated, the list lives in a
              <code>SharedArrayBuffer</code> and each worker reads its own part of the same memory.`
          : html`The CPU demo's workers: ${noSharedMemoryClause()}, so each worker's part is cut out of the list (one copy, made
            on the page) and transferred to it, so nothing more is copied on the way.`
      }
    </p>
  </section>`;
}
