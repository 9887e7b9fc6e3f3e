import { describe, expect, it } from 'vitest';
import { runBase } from './fixtures/run-base';
import { amdahl } from '../../src/core/scaling';
import type { CurvePoint, ScalingCurveRun } from '../../src/experiments/scaling-rules';
import { ABOUT_THE_SAME, SPEEDUP } from '../../src/experiments/verdicts';
import { lineText } from '../../src/ui/chart-model';
import { speedupSeries } from '../../src/ui/scaling/scaling-chart';
import { coresNote } from '../../src/ui/scaling/scaling-copy';
import { coresVerdict, scalingEfficiency, scalingStory } from '../../src/ui/scaling/scaling-story';
import { templateText } from './fixtures/template-text';

/** Points whose speed-ups are `speedups`, for 1, 2, … workers, one worker taking 1,000 ms. */
function points(...speedups: number[]): CurvePoint[] {
  return speedups.map((s, i) => ({ workers: i + 1, wallMs: 1000 / s, speedup: s }));
}

function curve(p: CurvePoint[], extra: Partial<ScalingCurveRun> = {}): ScalingCurveRun {
  return {
    ...runBase('scaling', 'curve', { numbers: 1_000_000, rounds: 50, maxWorkers: p.length, repeats: 1 }, 5000, p.length),
    trace: [],
    points: p,
    amdahl: { serialFraction: 0.02, maxSpeedup: 50 },
    usableCores: 2,
    reportedCores: 2,
    ...extra,
  };
}

const story = (p: CurvePoint[], c?: ScalingCurveRun, cores = 2) => scalingStory(p, c, cores).map((line) => templateText(line));

describe('the scaling story', () => {
  it('says nothing before one worker has been timed', () => {
    expect(story([])).toEqual([]);
  });

  it('quotes one worker and the fastest point, or says no number of workers did much better', () => {
    expect(story(points(1, 1.96, 1.9))[0]).toBe('One worker took 1,000 ms; the fastest was 2 workers, at 510 ms: 1.96× as fast.');
    expect(story(points(1, SPEEDUP))[0]).toContain('no number of workers did much better (at best 1.10×)');
    expect(story(points(1, SPEEDUP + 0.01))[0]).toContain('the fastest was 2 workers');
  });

  it('rates the run on one worker per reported core against the ideal, within ABOUT_THE_SAME', () => {
    const close = 2 * (1 - ABOUT_THE_SAME);
    expect(story(points(1, close))[1]).toContain('80% of the ideal 2.00×: close to the ideal');
    expect(story(points(1, close - 0.01))[1]).toContain('well short of the ideal');
    // One reported core: there is no parallel run to rate.
    expect(story(points(1, 1), undefined, 1)).toHaveLength(1);
    expect(scalingEfficiency({ workers: 4, wallMs: 500, speedup: 1.8 }, 2)).toBe(0.9);
  });

  it('tells where the curve flattened against the cores the browser reports, and why they may differ', () => {
    expect(coresVerdict(2, 2, 8)).toBe('as reported');
    expect(coresVerdict(2, 4, 8)).toBe('fewer');
    expect(coresVerdict(4, 2, 8)).toBe('more');
    expect(coresVerdict(8, 16, 8)).toBe('still rising');
    expect(coresVerdict(8, 2, 8)).toBe('still rising');
    expect(coresVerdict(1, 1, 1)).toBe('still rising');
    expect(coresVerdict(1, 1, 4)).toBe('as reported');

    const p = points(1, 1.95, 1.97, 1.96);
    expect(story(p, curve(p))[2]).toContain('The curve flattens at 2 workers, the 2 cores this browser reports');
    const fewer = story(p, curve(p, { reportedCores: 4 }), 4)[2];
    expect(fewer).toContain('though this browser reports 4 cores');
    expect(fewer).toContain('WebKit reports 4 on a 2-core machine');
    const more = story(p, curve(p, { usableCores: 3, reportedCores: 1 }), 1)[1];
    expect(more).toContain('more than the 1 core this browser reports');
    expect(more).toContain('more workers win a bigger share of a busy machine');
    const rising = story(p, curve(p, { usableCores: 4 }))[2];
    expect(rising).toContain('had not flattened by 4 workers, the most this sweep tried, past the 2 cores this browser reports');
  });

  it('says the usable cores it estimates, and why they may differ from the reported ones only when they do', () => {
    const p = points(1, 1.95, 1.97, 1.96);
    expect(templateText(coresNote(2, undefined))).toContain('This browser reports 2 cores (navigator.hardwareConcurrency). Once');
    const same = templateText(coresNote(2, curve(p)));
    expect(same).toContain('the work could use 2 cores, as many as reported.');
    expect(same).not.toContain('can differ');
    const differ = templateText(coresNote(4, curve(p, { reportedCores: 4 })));
    expect(differ).toContain('the work could use 2 cores, not the 4 reported. The two can differ');
    expect(differ).toContain('WebKit reports 4 on a 2-core machine');
    expect(templateText(coresNote(2, curve(p, { usableCores: 4 })))).toContain(
      'The curve had not flattened by the most workers tried, 4: try more',
    );
  });

  it("gives Amdahl's serial fraction and its limit, or says there is nothing to fit", () => {
    const p = points(1, amdahl(0.02, 2), amdahl(0.02, 2));
    expect(story(p, curve(p))[3]).toContain('a serial fraction of 2.0%');
    expect(story(p, curve(p))[3]).toContain('at most 50.00× as fast');
    expect(story(p, curve(p, { amdahl: { serialFraction: 0, maxSpeedup: null } }))[3]).toContain('finds no serial part at all');
    const flat = points(1, 1.02, 1.01);
    expect(story(flat, curve(flat, { usableCores: 1 }))).toContain(
      "With one usable core there is nothing for Amdahl's law to fit.",
    );
  });

  it('says what the workers past the usable cores did: about the same, or slower beyond ABOUT_THE_SAME', () => {
    const same = points(1, 2, 2, 2 / (1 + ABOUT_THE_SAME));
    expect(story(same, curve(same)).at(-1)).toContain('4 workers took 600 ms, against 500 ms on 2 workers: about the same');
    const slower = points(1, 2, 2, 2 / (1 + ABOUT_THE_SAME + 0.05));
    expect(story(slower, curve(slower)).at(-1)).toContain(': slower: taking turns costs something too');
    // Nothing past the cores: no such line.
    const p = points(1, 2);
    expect(story(p, curve(p)).at(-1)).toContain("Amdahl's law");
  });
});

describe('the speed-up chart', () => {
  const p = points(1, 1.9, 1.95);

  it('draws the ideal line, the reported cores and the measured points while the sweep runs', () => {
    const series = speedupSeries({ points: p, maxWorkers: 3, reportedCores: 2 });
    expect(series.map((s) => [s.label, s.style])).toEqual([
      ['Ideal: min(workers, 2 reported cores)', 'model'],
      ['Reported cores (2)', 'mark'],
      ['Measured', 'measured'],
    ]);
    expect(series[0].points.map((q) => q.y)).toEqual([1, 2, 2]);
    expect(series[1].points).toEqual([
      { x: 2, y: 0 },
      { x: 2, y: 2 },
    ]);
    expect(series[2].points).toEqual(p.map((q) => ({ x: q.workers, y: q.speedup })));
  });

  it('adds the fitted Amdahl curve once the sweep has finished, flat past the usable cores', () => {
    const series = speedupSeries({ points: p, curve: curve(p), maxWorkers: 3, reportedCores: 2 });
    const fitted = series.find((s) => s.label.startsWith("Amdahl's law"))!;
    expect(fitted.label).toBe("Amdahl's law: serial fraction 2.0%, on 2 cores");
    expect(fitted.points.find((q) => q.x === 2)!.y).toBeCloseTo(amdahl(0.02, 2), 10);
    expect(fitted.points.at(-1)).toEqual({ x: 3, y: amdahl(0.02, 2) });
    expect(lineText(fitted, 'workers')).toBe(
      "Amdahl's law: serial fraction 2.0%, on 2 cores: workers 1: 1; workers 2: 1.96; workers 3: 1.96",
    );
  });

  it('marks the reported cores only when the sweep reaches them', () => {
    const series = speedupSeries({ points: p, maxWorkers: 3, reportedCores: 4 });
    expect(series.map((s) => s.style)).toEqual(['model', 'measured']);
    expect(lineText(speedupSeries({ points: p, maxWorkers: 3, reportedCores: 2 })[1], 'workers')).toBe(
      'Reported cores (2): at workers 2',
    );
  });
});
