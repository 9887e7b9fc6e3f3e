import { html, type TemplateResult } from 'lit';
import { countOf, formatBytes, formatMs as ms, formatTimes as times } from '../../core/format';
import { DATA_VARIANT_FACTS, type DataRunResult, type DataVariant } from '../../experiments/data-rules';
import { compareTimes, SMOOTH_FRAME_GAP_MS } from '../../experiments/verdicts';

export type DataResults = Partial<Record<DataVariant, DataRunResult>>;

const label = (v: DataVariant) => DATA_VARIANT_FACTS[v].label;

/** The verified run of `variant`, if there is one. */
function verified(results: DataResults, variant: DataVariant): DataRunResult | undefined {
  const run = results[variant];
  return run?.verified ? run : undefined;
}

/**
 * How `run` compares with `baseline`, another way of moving the same numbers,
 * as the end of a sentence: ", 312× faster than Copy (Float64Array)". Empty
 * when there is nothing to compare with. `whySame` says why the two could
 * take about as long.
 */
export function versus(run: DataRunResult, baseline: DataRunResult | undefined, whySame = ''): string {
  if (!baseline || baseline.params.numbers !== run.params.numbers) return '';
  const name = label(baseline.variant);
  switch (compareTimes(run.wallMs, baseline.wallMs)) {
    case 'faster':
      return `, ${times(baseline.wallMs / run.wallMs)} faster than ${name}`;
    case 'about the same':
      return `, about as long as ${name}${whySame}`;
    case 'slower':
      return `, longer than ${name} this time: the machine may have been busier during one of them (run both again)`;
  }
}

/** Why a way that copies nothing can take as long as a copy: the message itself costs something. */
const SMALL_COPY = ': with so few numbers, the message’s own cost outweighs the copying (try more numbers)';

/** What the worker now holds besides the page's numbers, and how that was known. */
function memoryText(run: DataRunResult): string {
  return `${formatBytes(run.extraBytes)} more memory (${run.extraBytesSource})`;
}

/** What happened on this device, in words, from the measured numbers: one line per verified way. */
export function dataStory(results: DataResults): TemplateResult[] {
  const lines: TemplateResult[] = [];
  const array = verified(results, 'copy-array');
  const typed = verified(results, 'copy-typed');
  // The cheap ways are measured against the copy of the same block, the fairest baseline; else against the Array.
  const copy = typed ?? array;
  if (array) {
    const frozen =
      array.longestFrameGapMs > SMOOTH_FRAME_GAP_MS
        ? ` The page went ${ms(array.longestFrameGapMs)} without drawing: the message is written on the page's own thread.`
        : '';
    lines.push(
      html`<li>
        Copying ${countOf(array.params.numbers, 'number')} as a plain Array took <strong>${ms(array.wallMs)}</strong>: each number
        was written into the message and read back into a new array in the worker, as pickling does. The worker now holds a copy,
        ${memoryText(array)}.${frozen}
      </li>`,
    );
  }
  if (typed) {
    lines.push(
      html`<li>
        As a Float64Array the same numbers took <strong>${ms(typed.wallMs)}</strong>${versus(typed, array)}: one block of bytes,
        copied whole. Still a copy: ${memoryText(typed)}.
      </li>`,
    );
  }
  const transferred = verified(results, 'transfer');
  if (transferred) {
    const empty = transferred.detached
      ? ' The page’s array is now empty (detached): the page can no longer read the numbers it sent.'
      : '';
    lines.push(
      html`<li>
        Transferring took <strong>${ms(transferred.wallMs)}</strong>${versus(transferred, copy, SMALL_COPY)}: no number was
        copied, the block changed owner.${empty}
      </li>`,
    );
  }
  const shared = verified(results, 'shared');
  if (shared) {
    lines.push(
      html`<li>
        Sharing took <strong>${ms(shared.wallMs)}</strong>${versus(shared, copy, SMALL_COPY)}: the worker was handed the same
        memory, and the page kept its numbers. Nothing was copied; from now on both could write at once, which is safe only with
        atomics or a lock (the shared-counter demo).
      </li>`,
    );
  }
  return lines;
}
