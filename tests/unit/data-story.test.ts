import { describe, expect, it } from 'vitest';
import { runBase } from './fixtures/run-base';
import { copiedBytes, type DataRunResult, type DataVariant } from '../../src/experiments/data-rules';
import { ABOUT_THE_SAME, SMOOTH_FRAME_GAP_MS } from '../../src/experiments/verdicts';
import { dataResultsCaption, lessonWays } from '../../src/ui/data/data-copy';
import { dataTimeBars } from '../../src/ui/data/data-results';
import { dataStory, versus } from '../../src/ui/data/data-story';
import { templateText } from './fixtures/template-text';

function run(variant: DataVariant, wallMs: number, extra: Partial<DataRunResult> = {}): DataRunResult {
  const numbers = extra.params?.numbers ?? 10_000_000;
  return {
    ...runBase('data', variant, { numbers }, wallMs, 1),
    trace: [],
    bytes: copiedBytes(variant, numbers),
    extraBytes: copiedBytes(variant, numbers),
    extraBytesSource: 'computed',
    computedBecause: 'not-offered',
    received: numbers,
    checksum: 100 * numbers,
    expectedChecksum: 100 * numbers,
    detached: variant === 'transfer',
    coldStartMs: [],
    ...extra,
  };
}

const story = (...runs: DataRunResult[]) => dataStory(Object.fromEntries(runs.map((r) => [r.variant, r]))).map(templateText);

describe('the data story', () => {
  it('says nothing before any verified run', () => {
    expect(story()).toEqual([]);
    expect(story(run('copy-array', 900, { verified: false }))).toEqual([]);
  });

  it('tells the plain Array’s copy, its memory, and the freeze only past a smooth frame gap', () => {
    const [line] = story(run('copy-array', 2_400, { longestFrameGapMs: SMOOTH_FRAME_GAP_MS }));
    expect(line).toContain('Copying 10,000,000 numbers as a plain Array took 2,400 ms');
    expect(line).toContain('80 MB more memory (computed)');
    expect(line).not.toContain('without drawing');
    expect(story(run('copy-array', 2_400, { longestFrameGapMs: SMOOTH_FRAME_GAP_MS + 1 }))[0]).toContain(
      'The page went 51 ms without drawing',
    );
  });

  it('measures the cheap ways against the copy of the same block, and says when the page’s array was detached', () => {
    const lines = story(run('copy-array', 2_400), run('copy-typed', 60), run('transfer', 0.3), run('shared', 0.2));
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('As a Float64Array the same numbers took 60 ms, 40.00× faster than Copy (plain Array)');
    expect(lines[2]).toContain('Transferring took 0.3 ms, 200× faster than Copy (Float64Array)');
    expect(lines[2]).toContain('now empty (detached)');
    expect(lines[3]).toContain('Sharing took 0.2 ms, 300× faster than Copy (Float64Array)');
    // Without the typed copy, the Array is the baseline.
    expect(story(run('copy-array', 2_400), run('transfer', 0.3))[1]).toContain('8,000× faster than Copy (plain Array)');
    expect(story(run('transfer', 0.3, { detached: false }))[0]).not.toContain('detached');
  });

  it('calls two times within ABOUT_THE_SAME about as long, and only a greater gap faster or slower', () => {
    const copy = run('copy-typed', 100);
    const within = 100 * (1 - ABOUT_THE_SAME);
    expect(versus(run('transfer', within), copy, ': why')).toBe(', about as long as Copy (Float64Array): why');
    expect(versus(run('transfer', 100 * (1 + ABOUT_THE_SAME)), copy)).toBe(', about as long as Copy (Float64Array)');
    expect(versus(run('transfer', within - 1), copy)).toBe(', 1.27× faster than Copy (Float64Array)');
    expect(versus(run('transfer', 121), copy)).toContain(', longer than Copy (Float64Array) this time');
    // Different numbers do not compare.
    expect(versus(run('transfer', 1, { params: { numbers: 5 } }), copy)).toBe('');
    expect(versus(run('transfer', 1), undefined)).toBe('');
  });

  it('explains a transfer as slow as a copy by the message’s own cost', () => {
    const [, line] = story(
      run('copy-typed', 0.3, { params: { numbers: 100 } }),
      run('transfer', 0.28, { params: { numbers: 100 } }),
    );
    expect(line).toContain('about as long as Copy (Float64Array): with so few numbers, the message’s own cost outweighs');
  });
});

describe('the data demo’s other text', () => {
  const lesson = (copy: DataRunResult | undefined, shared = true) => templateText(lessonWays(copy, shared));

  it('says the lesson copies by pickling, and what that costs here at ten million numbers, measured or projected', () => {
    expect(lesson(undefined)).toContain('Python pickles it into bytes');
    expect(lesson(undefined)).toContain('Press Copy (plain Array) to see what that costs on this device for 10,000,000 numbers');
    expect(lesson(run('copy-array', 2_400))).toContain('copying 10,000,000 numbers that way took 2,400 ms.');
    const small = lesson(run('copy-array', 120, { params: { numbers: 500_000 } }));
    expect(small).toContain('it took 120 ms for 500,000 numbers');
    expect(small).toContain('10,000,000 would take about 2,400 ms');
    expect(lesson(run('copy-array', 2_400, { verified: false }))).toContain('Press Copy (plain Array)');
  });

  it('says what the CPU demo’s workers use on this page', () => {
    expect(lesson(undefined, true)).toContain('the list lives in a SharedArrayBuffer');
    expect(lesson(undefined, false)).toContain('cut out of the list (one copy, made on the page) and transferred');
  });

  it('says why memory was computed, once per reason', () => {
    expect(templateText(dataResultsCaption([]))).not.toContain('Computed here because');
    expect(templateText(dataResultsCaption(['timed-out', 'shared-counted-per-thread']))).toContain(
      'Computed here because the browser did not measure within a second (Chromium waits for its next garbage collection); for sharing, the browser counts',
    );
  });

  it('charts only the verified ways, in their order', () => {
    const results = {
      transfer: run('transfer', 0.3),
      'copy-array': run('copy-array', 900),
      shared: run('shared', 1, { verified: false }),
    };
    expect(dataTimeBars(results)).toEqual([
      { label: 'Copy (plain Array)', value: 900 },
      { label: 'Transfer', value: 0.3 },
    ]);
  });
});
