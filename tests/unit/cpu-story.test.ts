import { describe, expect, it } from 'vitest';
import { runBase } from './fixtures/run-base';
import { coreCount, type CoreCount } from '../../src/core/scaling';
import type { CpuRunResult, CpuVariant } from '../../src/experiments/cpu-rules';
import { SPEEDUP } from '../../src/experiments/verdicts';
import { cpuEfficiency, cpuStory, speedupOverSerial } from '../../src/ui/cpu/cpu-story';
import { templateText } from './fixtures/template-text';

function run(variant: CpuVariant, wallMs: number, extra: Partial<CpuRunResult> = {}): CpuRunResult {
  return {
    ...runBase(
      'cpu',
      variant,
      { numbers: 1_000_000, rounds: 50, workers: 2, chunkSize: 1 },
      wallMs,
      variant === 'serial' ? 1 : variant === 'main-thread-tasks' ? 4 : 2,
    ),
    trace: [],
    checksum: 1,
    expectedChecksum: 1,
    coldStartMs: [],
    dataTransfer: 'none',
    projected: false,
    sampleSize: 1_000_000,
    sampleWallMs: wallMs,
    ...extra,
  };
}

const storyOn = (cores: CoreCount, ...runs: CpuRunResult[]) =>
  cpuStory(Object.fromEntries(runs.map((r) => [r.variant, r])), cores).map((line) => templateText(line));
const story = (...runs: CpuRunResult[]) => storyOn(coreCount(2), ...runs);

describe('the CPU story', () => {
  it('says nothing before any verified run', () => {
    expect(story()).toEqual([]);
    expect(story(run('serial', 1000, { verified: false }))).toEqual([]);
  });

  it('quotes the serial time and the freeze it caused', () => {
    expect(story(run('serial', 1000, { longestFrameGapMs: 1016 }))[0]).toContain(
      'The serial run took 1,000 ms and the page could not draw a single frame for 1,016 ms.',
    );
  });

  it('calls the main-thread tasks no faster, and a speed-up past the threshold noise, since they share one thread', () => {
    const same = story(run('serial', 1000), run('main-thread-tasks', 1000 / SPEEDUP))[1];
    expect(same).toContain('no faster, because only one of them runs at a time');
    const faster = story(run('serial', 1000), run('main-thread-tasks', 1000 / (SPEEDUP + 0.05)))[1];
    expect(faster).not.toContain('no faster');
    expect(faster).toContain('The difference is noise');
  });

  it('rates the main-thread tasks against the one thread they can use, the workers against the cores', () => {
    const tasks = run('main-thread-tasks', 1000);
    expect(cpuEfficiency(1, tasks, 8)).toBe(1);
    expect(cpuEfficiency(1.8, run('workers', 500, { workers: 4 }), 2)).toBe(0.9);
  });

  it('says why when workers are slower than serial, or beat the cores', () => {
    expect(story(run('serial', 1000), run('workers', 1200))[1]).toContain('That is slower than serial');
    const one = story(run('serial', 1464), run('workers', 957, { workers: 1 }))[1];
    expect(one).toContain('153% of the 1 core they could use');
    expect(one).toContain('A worker is the fairer baseline for one runner.');
    expect(story(run('serial', 1000), run('workers', 480))[1]).toContain('more than the cores alone can explain');
    expect(story(run('serial', 1000), run('workers', 550))[1]).not.toMatch(/slower than serial|cores alone|fairer/);
  });

  it('tells the pool by its chunks: Python’s rule, one number per message, or the visitor’s own', () => {
    const pool = (chunkSize: number, extra: Partial<CpuRunResult> = {}) =>
      run('pool-map', 700, { params: { numbers: 1_000_000, rounds: 50, workers: 2, chunkSize }, ...extra });
    expect(story(pool(125_000))[0]).toContain('The pool sent 8 messages of 125,000 numbers (Python’s own rule)');
    const perNumber = story(pool(1, { projected: true, sampleSize: 20_000, sampleWallMs: 1000 }))[0];
    expect(perNumber).toContain('projected from 20,000 numbers measured (one message every 50.0 µs)');
    expect(perNumber).toContain('One number per message is the extreme');
    expect(story(pool(1000))[0]).toContain('Fewer, bigger messages cost less');
  });

  it('gives the workers speed-up and efficiency against the cores they could use', () => {
    const [, line] = story(run('serial', 1000), run('workers', 500, { coldStartMs: [30, 40], dataTransfer: 'shared' }));
    expect(line).toContain('2 workers took 500 ms: 2.00× the serial speed, 100% of the 2 cores they could use');
    expect(line).toContain('Starting them took 40 ms more, not counted.');
    expect(line).toContain('The numbers were shared, not copied.');
  });

  it('says where the core count comes from: the browser, which may round or cap it, or the scaling curve', () => {
    const runs = [run('serial', 1000), run('workers', 530, { workers: 4, dataTransfer: 'transferred' })];
    // WebKit reports 4 cores on a 2-core machine.
    const [, reported] = storyOn(coreCount(4), ...runs);
    expect(reported).toContain(
      "1.89× the serial speed, 47% of the 4 cores they could use (by the browser's count, which may be rounded or capped)",
    );
    const [, measured] = storyOn(coreCount(4, { usableCores: 2, maxWorkers: 8 }), ...runs);
    expect(measured).toContain(
      "1.89× the serial speed, 94% of the 2 cores they could use (by this visit's scaling curve; the browser reports 4)",
    );
    // Transferred, not shared: the page has no shared memory, and the story says why (Node is not an isolated page).
    expect(measured).toContain('Each worker was sent its own part of the numbers, as this page is not cross-origin isolated.');
  });

  it('compares only runs that did the same work', () => {
    const serial = run('serial', 1000);
    const other = run('workers', 500, { params: { ...serial.params, rounds: 51 } });
    expect(speedupOverSerial({ serial }, other)).toBeUndefined();
    expect(speedupOverSerial({ serial }, run('workers', 500))).toBe(2);
  });
});
