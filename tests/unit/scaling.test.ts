import { describe, expect, it } from 'vitest';
import { amdahl, coreCount, fitAmdahl, usableCores, type ScalingPoint } from '../../src/core/scaling';

/** A curve measured on `cores` cores for work whose serial fraction is `f`, with a seeded wobble of ±`noise`. */
function curve(cores: number, f: number, max = 8, noise = 0): ScalingPoint[] {
  let seed = 7;
  const wobble = () => {
    seed = (seed * 16807) % 2147483647;
    return (seed / 2147483647 - 0.5) * 2 * noise;
  };
  return Array.from({ length: max }, (_, i) => {
    const workers = i + 1;
    return { workers, speedup: amdahl(f, Math.min(workers, cores)) * (1 + wobble()) };
  });
}

describe('reading a speed-up curve', () => {
  it('finds the cores where a clean curve flattens', () => {
    expect(usableCores(curve(2, 0.02))).toBe(2);
    expect(usableCores(curve(4, 0.02))).toBe(4);
    expect(usableCores(curve(1, 0))).toBe(1);
  });

  it('still finds them through 5% noise', () => {
    expect(usableCores(curve(2, 0.03, 8, 0.05))).toBe(2);
    expect(usableCores(curve(4, 0.03, 8, 0.05))).toBe(4);
  });

  it('fits the serial fraction a curve was made with', () => {
    expect(fitAmdahl(curve(4, 0.1), 4).serialFraction).toBeCloseTo(0.1, 3);
    expect(fitAmdahl(curve(8, 0.05), 8).maxSpeedup).toBeCloseTo(20, 0);
    expect(fitAmdahl(curve(2, 0), 2).serialFraction).toBe(0);
    expect(fitAmdahl(curve(2, 0), 2).maxSpeedup).toBe(Number.POSITIVE_INFINITY);
  });

  it('fits a noisy curve near its true serial fraction, ignoring the points past the cores', () => {
    const fit = fitAmdahl(curve(4, 0.08, 16, 0.04), 4);
    expect(fit.serialFraction).toBeGreaterThan(0.03);
    expect(fit.serialFraction).toBeLessThan(0.13);
  });
});

describe('the cores a parallel run is rated against', () => {
  it('are the reported ones until a scaling curve has flattened, then the ones the curve could use', () => {
    expect(coreCount(4)).toEqual({ reported: 4, cores: 4 });
    // WebKit reports 4 on a 2-core machine: a curve flattening at 2 wins.
    const twoOfFour = { usableCores: usableCores(curve(2, 0.02)), maxWorkers: 8 };
    expect(coreCount(4, twoOfFour)).toEqual({ reported: 4, measured: 2, cores: 2 });
    // A browser that reports fewer than the work could use.
    expect(coreCount(2, { usableCores: 4, maxWorkers: 8 })).toEqual({ reported: 2, measured: 4, cores: 4 });
  });

  it('ignore a curve still rising at the most workers it tried: it tells only "at least that many"', () => {
    expect(coreCount(4, { usableCores: 2, maxWorkers: 2 })).toEqual({ reported: 4, cores: 4 });
  });
});
