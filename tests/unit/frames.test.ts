import { describe, expect, it } from 'vitest';
import { frameVerdict, FROZEN_MS, SMOOTH_FRAME_GAP_MS } from '../../src/experiments/verdicts';
import { longestGapWithin } from '../../src/runtime/frame-monitor';

describe('frame gaps', () => {
  it('count only the part of a gap inside the measured span', () => {
    // Frames at 0 and 1000; the work was measured from 300 to 900: 600 ms of it went unpainted, not 1000.
    expect(longestGapWithin([0, 1000], 300, 900)).toBe(600);
    expect(longestGapWithin([0, 16, 32, 500, 516], 0, 516)).toBe(468);
    expect(longestGapWithin([0, 16, 32], 100, 200)).toBe(0);
  });

  it('call a page frozen only when its own thread was held', () => {
    expect(frameVerdict(SMOOTH_FRAME_GAP_MS, 0)).toBe('smooth');
    expect(frameVerdict(900, 880)).toBe('froze');
    expect(frameVerdict(900, FROZEN_MS - 1)).toBe('stuttered');
    expect(frameVerdict(900, 10)).toBe('busy machine');
    expect(frameVerdict(900, null)).toBe('unknown cause');
  });
});
