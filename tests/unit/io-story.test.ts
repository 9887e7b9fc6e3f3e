import { describe, expect, it } from 'vitest';
import { runBase } from './fixtures/run-base';
import { latencySummary, type RequestRecord } from '../../src/core/io-requests';
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
    ...runBase('io', variant, p, wallMs, variant === 'serial' ? 1 : 4),
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

  describe('after failed requests', () => {
    const timeoutMs = 1000;
    type Spec = [startMs: number, endMs: number, kind?: 'timeout' | 'network'];
    /** A run of the visitor's own addresses whose requests went as `specs` say: answered, or failed with `kind`. */
    const withRequests = (variant: IoVariant, wallMs: number, specs: Spec[]) => {
      const p = params({
        source: 'urls',
        latencies: [],
        sizes: [],
        urls: specs.map((_, i) => `https://a.example/${i}`),
        timeoutMs,
      });
      const requests = specs.map(([startMs, endMs, kind], i) =>
        request(i, {
          url: p.urls[i],
          startMs,
          endMs,
          latencyMs: undefined,
          checked: undefined,
          ...(kind && { errorKind: kind, error: kind }),
        }),
      );
      const failures = requests.filter((r) => r.error).length;
      return run(variant, wallMs, {
        params: p,
        requests,
        failures,
        verified: failures === 0,
        ...latencySummary(requests),
        answeredBy: 'network',
      });
    };
    // What the lab measured on the test endpoints: pages refused or dropped within milliseconds, or one that never answered.
    const fastSerial = withRequests('serial', 220, [
      [0, 84, 'network'],
      [84, 126, 'network'],
      [126, 138, 'network'],
      [138, 220, 'network'],
    ]);
    const fastConcurrent = withRequests('concurrent', 60, [
      [0, 51, 'network'],
      [0, 52, 'network'],
      [0, 60, 'network'],
      [0, 50, 'network'],
    ]);
    const hangSerial = withRequests('serial', 1640, [
      [0, 316],
      [316, 638],
      [638, 1640, 'timeout'],
    ]);
    const hangConcurrent = withRequests('concurrent', 1011, [
      [0, 230],
      [0, 327],
      [0, 1001, 'timeout'],
    ]);

    it('does not credit concurrency for requests that failed early, and says the times compare failures', () => {
      const text = line({ serial: fastSerial, concurrent: fastConcurrent }, 'concurrent');
      expect(text).toContain('All at once on the main thread, the same pages took 60 ms, against 220 ms serial.');
      expect(text).toContain(
        'But 4 of 4 requests failed early (after at most 60 ms), and for 60 ms of these 60 ms only failed requests were in flight: the times compare failures, not waits.',
      );
      expect(text).not.toMatch(/as fast as serial|no faster than serial|longest single wait/);
    });

    it('says when a request that hit the timeout set the time, in the serial run as in the concurrent one', () => {
      const results = { serial: hangSerial, concurrent: hangConcurrent };
      expect(line(results, 'serial')).toContain(
        'But 1 of 3 requests failed at the timeout (1,000 ms), and for 1,002 ms of these 1,640 ms only failed requests were in flight: the time measures failures, not only waits.',
      );
      const text = line(results, 'concurrent');
      expect(text).toContain('took 1,011 ms, against 1,640 ms serial. But 1 of 3 requests failed at the timeout (1,000 ms)');
      expect(text).not.toMatch(/as fast as serial|longest single wait/);
    });

    it('names the serial run when only its failures took the time', () => {
      const answered = withRequests('concurrent', 1011, [
        [0, 230],
        [0, 327],
        [0, 1001],
      ]);
      const text = line({ serial: hangSerial, concurrent: answered }, 'concurrent');
      expect(text).toContain(
        'But in the serial run 1 of 3 requests failed at the timeout (1,000 ms), and for 1,002 ms of its 1,640 ms',
      );
      expect(text).not.toContain('as fast as serial');
    });

    it('tells early failures and timeouts apart in one run', () => {
      const mixed = withRequests('concurrent', 1001, [
        [0, 400],
        [0, 84, 'network'],
        [0, 12, 'network'],
        [0, 1001, 'timeout'],
      ]);
      expect(line({ concurrent: mixed }, 'concurrent')).toContain(
        'But 3 of 4 requests failed, 2 of them early (after at most 84 ms) and 1 at the timeout (1,000 ms), and for 601 ms of these 1,001 ms',
      );
    });

    it(`still compares runs whose failures took at most ${ABOUT_THE_SAME * 100}% of their time alone, when both failed the same requests`, () => {
      // The serial run's failure took 20% of its time, no more.
      const serial = withRequests('serial', 1200, [
        [0, 440],
        [440, 960],
        [960, 1200, 'network'],
      ]);
      // While the concurrent run's failure was in flight, the answered pages were too: it took no time of its own.
      const concurrent = withRequests('concurrent', 600, [
        [0, 420],
        [0, 600],
        [0, 180, 'network'],
      ]);
      expect(line({ serial, concurrent }, 'concurrent')).toContain(
        '600 ms, 2.00× as fast as serial: about the longest single wait',
      );
      const heavier = withRequests('serial', 1200, [
        [0, 440],
        [440, 950],
        [950, 1200, 'network'],
      ]);
      expect(line({ serial: heavier, concurrent }, 'concurrent')).toContain(
        'But in the serial run 1 of 3 requests failed early (after 250 ms)',
      );
    });

    it('does not compare runs that failed different requests', () => {
      const serial = withRequests('serial', 1200, [
        [0, 400],
        [400, 1000],
        [1000, 1200],
      ]);
      const concurrent = withRequests('concurrent', 600, [
        [0, 420],
        [0, 600],
        [0, 180, 'network'],
      ]);
      const text = line({ serial, concurrent }, 'concurrent');
      expect(text).toContain(
        'took 600 ms, against 1,200 ms serial: about the longest single wait (600 ms), not the sum (1,200 ms). But the serial run and this one did not fail the same requests (0 failed there, 1 here): the times are not of the same waits.',
      );
      expect(text).not.toContain('as fast as serial');
    });

    it('does not call workers faster, slower or the same as the main thread when failures set both times', () => {
      const workers = withRequests('workers', 1013, [
        [0, 226],
        [0, 311],
        [0, 1001, 'timeout'],
      ]);
      const text = line({ concurrent: hangConcurrent, workers }, 'workers');
      expect(text).toContain(
        '4 workers took 1,013 ms, against 1,011 ms on the main thread. But 1 of 3 requests failed at the timeout',
      );
      expect(text).not.toMatch(/about the same|slower|They beat/);
      const fastWorkers = withRequests('workers', 40, [
        [0, 20, 'network'],
        [0, 24, 'network'],
        [0, 24, 'network'],
        [0, 39, 'network'],
      ]);
      expect(line({ concurrent: fastConcurrent, workers: fastWorkers }, 'workers')).toContain(
        'took 40 ms, against 60 ms on the main thread. But 4 of 4 requests failed early',
      );
    });
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
