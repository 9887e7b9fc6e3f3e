import { describe, expect, it } from 'vitest';
import type { RequestRecord } from '../../src/core/io-requests';
import type { IoParams, IoRunResult, IoVariant } from '../../src/experiments/io-rules';
import { ABOUT_THE_SAME, CLOSE_TO_LONGEST, SPEEDUP } from '../../src/experiments/verdicts';
import { ioStory, samePages, type IoResults } from '../../src/ui/io/io-story';
import { templateText } from './fixtures/template-text';

const LATENCIES = [250, 500, 750, 1000];
const SUM = 2500;
const LONGEST = 1000;

function params(extra: Partial<IoParams> = {}): IoParams {
  return {
    source: 'simulated',
    latencies: LATENCIES,
    sizes: LATENCIES.map(() => 1000),
    urls: [],
    maxInFlight: 4,
    workers: 4,
    timeoutMs: 10_000,
    ...extra,
  };
}

function request(i: number, extra: Partial<RequestRecord> = {}): RequestRecord {
  return {
    url: `https://lab.example/page-${i}`,
    startMs: 0,
    endMs: LATENCIES[i] ?? 100,
    bytes: 1000,
    status: 200,
    lane: 'main thread',
    latencyMs: LATENCIES[i],
    expectedBytes: 1000,
    checked: true,
    ...extra,
  };
}

function run(variant: IoVariant, wallMs: number, extra: Partial<IoRunResult> = {}): IoRunResult {
  const p = extra.params ?? params();
  const pages = p.source === 'urls' ? p.urls.length : p.latencies.length;
  return {
    schema: 'parallel-lab/run@2',
    demo: 'io',
    variant,
    params: p,
    wallMs,
    workers: variant === 'serial' ? 1 : 4,
    verified: true,
    startedAt: '2026-01-01T00:00:00.000Z',
    longestFrameGapMs: 16,
    longestBlockMs: 0,
    trace: [],
    requests: Array.from({ length: pages }, (_, i) => request(i)),
    sumLatencyMs: SUM,
    maxLatencyMs: LONGEST,
    peakInFlight: variant === 'serial' ? 1 : Math.min(p.maxInFlight, pages),
    failures: 0,
    answeredBy: 'service-worker',
    coldStartMs: [],
    ...extra,
  };
}

const story = (results: IoResults) => ioStory(results).map((line) => templateText(line));
const line = (results: IoResults, variant: IoVariant) => {
  const order: IoVariant[] = ['serial', 'concurrent', 'workers'];
  return story(results)[order.filter((v) => results[v]).indexOf(variant)];
};

describe('the I/O story', () => {
  it('says nothing before any run', () => {
    expect(story({})).toEqual([]);
  });

  it('tells the serial run as the sum of the waits, and any time between requests', () => {
    expect(line({ serial: run('serial', SUM) }, 'serial')).toBe(
      "One after another, the 4 pages took 2,500 ms: the sum of their waits (2,500 ms). Each request waited for the one before, like the lesson's loop.",
    );
    expect(line({ serial: run('serial', SUM + 40) }, 'serial')).toContain('(2,500 ms), plus 40 ms between requests.');
  });

  describe('the concurrent run against its longest wait', () => {
    it(`is "about the longest single wait" up to ${CLOSE_TO_LONGEST} × the longest wait`, () => {
      for (const wall of [LONGEST, LONGEST * CLOSE_TO_LONGEST]) {
        expect(line({ concurrent: run('concurrent', wall) }, 'concurrent')).toContain(
          'about the longest single wait (1,000 ms), not the sum (2,500 ms).',
        );
      }
    });

    it('is "more than the longest single wait, but less than the sum" just above that', () => {
      const text = line({ concurrent: run('concurrent', LONGEST * CLOSE_TO_LONGEST + 1) }, 'concurrent');
      expect(text).toContain('more than the longest single wait (1,000 ms), but less than the sum (2,500 ms).');
      expect(text).not.toContain('about the longest');
    });

    it('is "not less than the sum" once it reaches the sum', () => {
      const text = line({ concurrent: run('concurrent', SUM) }, 'concurrent');
      expect(text).toContain('not less than the sum of the waits (2,500 ms); the longest single wait was 1,000 ms.');
    });
  });

  describe('the concurrent run against the serial one', () => {
    it(`claims a speed-up only above ${SPEEDUP}×`, () => {
      const serial = run('serial', 2200);
      expect(line({ serial, concurrent: run('concurrent', 2000) }, 'concurrent')).toContain('no faster than serial (2,200 ms)');
      const faster = line({ serial, concurrent: run('concurrent', 1100) }, 'concurrent');
      expect(faster).toContain('1,100 ms, 2.00× as fast as serial: about the longest single wait');
    });

    it('compares only runs that fetched the same pages', () => {
      const other = run('serial', 5000, { params: params({ latencies: [5000], sizes: [1000] }) });
      const concurrent = run('concurrent', 1100);
      expect(samePages(other, concurrent)).toBe(false);
      expect(line({ serial: other, concurrent }, 'concurrent')).not.toMatch(/as fast as serial|no faster/);
    });
  });

  it('words the concurrent run by its max in flight', () => {
    const all = line({ concurrent: run('concurrent', 1050) }, 'concurrent');
    expect(all).toContain('All at once on the main thread, the same pages took 1,050 ms');
    expect(all).toContain('Up to 4 requests were in flight together on one thread, with no worker');
    const one = run('concurrent', SUM + 10, { params: params({ maxInFlight: 1 }), peakInFlight: 1 });
    expect(line({ concurrent: one }, 'concurrent')).toContain('With at most 1 in flight, the pages took 2,510 ms');
    expect(line({ concurrent: one }, 'concurrent')).toContain('concurrent is serial again');
    const two = run('concurrent', 1500, { params: params({ maxInFlight: 2 }), peakInFlight: 2 });
    expect(line({ concurrent: two }, 'concurrent')).toContain('With at most 2 in flight, the pages took 1,500 ms');
  });

  describe('the workers against the main thread', () => {
    const concurrent = run('concurrent', 1000);
    const workersAt = (wallMs: number) => line({ concurrent, workers: run('workers', wallMs) }, 'workers');

    it(`are "about the same" within ${ABOUT_THE_SAME * 100}% either way`, () => {
      for (const wall of [1000 * (1 - ABOUT_THE_SAME), 1000, 1000 * (1 + ABOUT_THE_SAME)]) {
        expect(workersAt(wall)).toContain('about the same as the main thread alone (1,000 ms)');
        expect(workersAt(wall)).toContain('for waiting, the one thread the page already has is enough');
      }
    });

    it('are slower just above that, and faster just below', () => {
      expect(workersAt(1201)).toContain('1,201 ms: slower than the main thread alone (1,000 ms)');
      expect(workersAt(799)).toContain('799 ms, against 1,000 ms on the main thread with at most 4 in flight');
    });

    it('beat a main thread held to fewer requests in flight than pages, and the story says why', () => {
      const held = run('concurrent', 1500, { params: params({ maxInFlight: 2 }), peakInFlight: 2 });
      const text = line({ concurrent: held, workers: run('workers', 1100) }, 'workers');
      expect(text).toContain('They beat the main thread only because it was held to 2 in flight');
      const close = line({ concurrent: held, workers: run('workers', 1300) }, 'workers');
      expect(close).toContain('about the same as the main thread alone');
      expect(close).not.toContain('They beat the main thread');
    });

    it('count their start-up apart', () => {
      const text = line({ workers: run('workers', 1000, { coldStartMs: [30, 45] }) }, 'workers');
      expect(text).toContain('4 workers took 1,000 ms. Each worker waited for its pages just as the main thread does.');
      expect(text).toContain('Starting them took 45 ms more, not counted.');
      expect(line({ workers: run('workers', 1000) }, 'workers')).toContain('They were already running.');
    });
  });

  it('says that failed requests did not stop the others', () => {
    const failed = run('concurrent', 1000, { failures: 2, verified: false });
    expect(story({ concurrent: failed })).toContain(
      '2 of 4 requests failed (each row says why), and the others finished anyway: one failing request does not stop the rest.',
    );
  });

  it('warns of six connections per server only for more than six of the visitor’s own addresses', () => {
    const urls = (n: number) =>
      params({ source: 'urls', latencies: [], sizes: [], urls: Array.from({ length: n }, (_, i) => `https://a.example/${i}`) });
    const sixLimit = /at most six connections/;
    expect(story({ concurrent: run('concurrent', 1000, { params: urls(7), answeredBy: 'network' }) }).join(' ')).toMatch(
      sixLimit,
    );
    expect(story({ concurrent: run('concurrent', 1000, { params: urls(6), answeredBy: 'network' }) }).join(' ')).not.toMatch(
      sixLimit,
    );
  });

  it('says when timers stood in for the network', () => {
    expect(story({ serial: run('serial', SUM, { answeredBy: 'timers' }) })).toContain(
      'These pages were simulated without network: timers stood in for the waits.',
    );
    expect(story({ serial: run('serial', SUM) }).join(' ')).not.toContain('without network');
  });
});
