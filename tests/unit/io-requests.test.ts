import { describe, expect, it } from 'vitest';
import { failureMessage } from '../../src/core/io-failures';
import {
  MAX_PAGES,
  latencySummary,
  parseLatencies,
  parseSizes,
  parseUrlList,
  peakInFlight,
  runLimited,
  splitAddresses,
  type RequestErrorKind,
} from '../../src/core/io-requests';
import { parseWholeNumber } from '../../src/core/validate';

const messageOf = (parsed: { ok: true } | { ok: false; message: string }) => (parsed.ok ? '' : parsed.message);

describe('parseLatencies', () => {
  it('accepts a list separated by commas, spaces or semicolons', () => {
    expect(parseLatencies('250,500, 750 1000')).toEqual({ ok: true, value: [250, 500, 750, 1000] });
    expect(parseLatencies('0; 10000')).toEqual({ ok: true, value: [0, 10_000] });
  });

  it('names the page and the problem for each kind of bad input', () => {
    expect(messageOf(parseLatencies(' , '))).toBe('Latencies: enter at least one wait in ms, for example 250, 500, 750, 1000.');
    expect(
      messageOf(
        parseLatencies(
          Array(MAX_PAGES + 1)
            .fill('1')
            .join(','),
        ),
      ),
    ).toBe(`Latencies: at most ${MAX_PAGES} pages, not 21.`);
    expect(messageOf(parseLatencies('250, fast'))).toBe('Latency of page 2 (ms): "fast" is not a number.');
    expect(messageOf(parseLatencies('250, 500, -1'))).toBe('Latency of page 3 (ms): cannot be negative.');
    expect(messageOf(parseLatencies('10001'))).toBe('Latency of page 1 (ms): at most 10,000.');
    expect(messageOf(parseLatencies('2.5'))).toBe('Latency of page 1 (ms): must be a whole number, not 2.5.');
  });
});

describe('parseSizes', () => {
  it('gives every page the one size, or each page its own', () => {
    expect(parseSizes('100000', 3)).toEqual({ ok: true, value: [100_000, 100_000, 100_000] });
    expect(parseSizes('1, 2, 3', 3)).toEqual({ ok: true, value: [1, 2, 3] });
  });

  it('refuses a count that matches neither, and sizes out of range', () => {
    expect(messageOf(parseSizes('1, 2', 3))).toBe('Sizes: give one size for all pages, or one for each of the 3 pages (not 2).');
    expect(messageOf(parseSizes('', 3))).toBe('Sizes: enter a size in bytes, for example 100000.');
    expect(messageOf(parseSizes('20000000', 3))).toBe(
      'Size (bytes): at most 10,000,000. Bigger bodies would only measure memory copies.',
    );
    expect(messageOf(parseSizes('1, x', 2))).toBe('Size of page 2 (bytes): "x" is not a number.');
  });
});

describe('thousands separators in the lists', () => {
  const latencies = (text: string) => parseLatencies(text);

  it('read 1,000, 1 000 and 1 000 with a no-break or narrow no-break space as one value, as the number fields do', () => {
    for (const text of ['1,000', '1 000', '1\u00a0000', '1\u202f000', '1_000']) {
      expect(latencies(text)).toEqual({ ok: true, value: [1000] });
      expect(parseWholeNumber(text, { label: 'Field', min: 0, max: 10_000 })).toEqual({ ok: true, value: 1000 });
      expect(parseSizes(text, 2)).toEqual({ ok: true, value: [1000, 1000] });
    }
    expect(latencies('250, 1,000, 10 000')).toEqual({ ok: true, value: [250, 1000, 10_000] });
    expect(parseSizes('1,000,000', 1)).toEqual({ ok: true, value: [1_000_000] });
    expect(parseSizes('1\u202f500\u202f250; 2,000', 2)).toEqual({ ok: true, value: [1_500_250, 2000] });
  });

  it('read digits that could only be one value as one, even out of range, and say so', () => {
    expect(messageOf(latencies('20,000'))).toBe('Latency of page 1 (ms): at most 10,000.');
  });

  it('read groups that could not be one value as two: 250,500 is two latencies', () => {
    expect(latencies('250,500,750,1000')).toEqual({ ok: true, value: [250, 500, 750, 1000] });
    expect(latencies('15 500')).toEqual({ ok: true, value: [15, 500] });
  });

  it('refuse groups that could be one value or two, saying how to write each', () => {
    expect(messageOf(latencies('1,500'))).toBe('Latencies: is "1,500" one value or two? Write 1500 for one, or 1, 500 for two.');
    expect(messageOf(latencies('250, 1 500'))).toBe(
      'Latencies: is "1 500" one value or two? Write 1500 for one, or 1, 500 for two.',
    );
    expect(messageOf(parseSizes('100,200,300', 3))).toBe(
      'Sizes: is "100,200" one value or two? Write 100200 for one, or 100, 200 for two.',
    );
  });

  it('refuse a value after another that begins with 0, like the end of a number cut in two', () => {
    for (const text of ['1, 000', '1\n000', '1;000', '1\u2009000']) {
      expect(messageOf(latencies(text))).toBe(
        'Latencies: "000" after 1 begins with 0, like the end of a number cut in two: write 1000 for one value, or 0 for a value of its own.',
      );
    }
    expect(latencies('007, 0')).toEqual({ ok: true, value: [7, 0] });
  });

  it('never read a number with thousands separators as two values, one of them 0', () => {
    for (const text of ['1,000', '1 000', '1\u00a0000', '1\u202f000', '1, 000', '1\n000', '10,000,000']) {
      for (const parsed of [latencies(text), parseSizes(text, 2)]) {
        if (parsed.ok) expect(parsed.value).not.toContain(0);
      }
    }
  });
});

describe('parseUrlList', () => {
  it('accepts full http and https addresses, one per line or separated by spaces', () => {
    expect(parseUrlList('https://example.org/a\n  http://127.0.0.1:4175/ok?latency=5 ')).toEqual({
      ok: true,
      value: ['https://example.org/a', 'http://127.0.0.1:4175/ok?latency=5'],
    });
    // As the `urls` attribute and URL parameter give them: white space before each scheme.
    expect(parseUrlList(' https://a.example/x  https://b.example/\r\n\n\thttp://c.example/ ')).toEqual({
      ok: true,
      value: ['https://a.example/x', 'https://b.example/', 'http://c.example/'],
    });
  });

  it('splits addresses at line breaks and at white space before a scheme, and nowhere else', () => {
    expect(splitAddresses(' https://a.example/x https://exa mple.org/\n\nexample.org/a b ')).toEqual([
      'https://a.example/x',
      'https://exa mple.org/',
      'example.org/a b',
    ]);
    expect(splitAddresses(' \n ')).toEqual([]);
  });

  it('splits a long value in one pass: a lookahead after each space took minutes over 200,000 characters', () => {
    const long = `x${' '.repeat(100_000)}${'a'.repeat(100_000)}`;
    expect(splitAddresses(long)).toEqual([long]);
    expect(splitAddresses(`https://a.example/${' '.repeat(50_000)}https://b.example/`)).toEqual([
      'https://a.example/',
      'https://b.example/',
    ]);
  });

  it('reports a space inside an address as a space, not as a missing scheme', () => {
    const space = (address: string) =>
      `Address 2: "${address.replace('\t', '⇥')}" contains a space, which an address cannot hold. Remove it (in a path, write %20), or put each address on its own line.`;
    for (const address of [
      'https://exa mple.org/',
      'https://example.org/a page',
      'https://example.org/\ta',
      'https://a.example/ b.example/',
    ]) {
      expect(messageOf(parseUrlList(`https://ok.example/\n${address}`))).toBe(space(address));
    }
  });

  it('says what is wrong with each kind of bad address', () => {
    expect(messageOf(parseUrlList('  \n '))).toBe(
      'Addresses: enter at least one web address, one per line, e.g. https://example.org/.',
    );
    expect(
      messageOf(
        parseUrlList(
          Array(MAX_PAGES + 1)
            .fill('https://a.example/')
            .join('\n'),
        ),
      ),
    ).toBe(`Addresses: at most ${MAX_PAGES}, not 21.`);
    expect(messageOf(parseUrlList('https://a.example/\nexample.org/page'))).toBe(
      'Address 2: "example.org/page" needs its scheme; write https://example.org/page',
    );
    expect(messageOf(parseUrlList('http//broken'))).toBe(
      'Address 1: "http//broken" is not a web address; write it in full, like https://example.org/page.',
    );
    expect(messageOf(parseUrlList('ftp://files.example/x'))).toBe(
      'Address 1: only http:// and https:// addresses can be fetched, not ftp: ones.',
    );
    expect(messageOf(parseUrlList('https://me:secret@example.org/'))).toBe(
      'Address 1: remove the user name and password; the lab sends no credentials.',
    );
  });
});

describe('failureMessage', () => {
  it('gives each kind of failure its own plain message', () => {
    const kinds: RequestErrorKind[] = ['cors', 'isolation', 'timeout', 'http', 'network', 'insecure', 'csp', 'aborted'];
    const messages = kinds.map((k) => failureMessage(k, { status: 500, timeoutMs: 2000 }));
    expect(new Set(messages).size).toBe(kinds.length);
    expect(failureMessage('timeout', { timeoutMs: 2000 })).toContain('2,000 ms');
    expect(failureMessage('http', { status: 500 })).toContain('500 Internal Server Error');
    expect(failureMessage('http', { status: 418, statusText: "I'm a teapot" })).toContain("418 I'm a teapot");
    expect(failureMessage('network', { canSeeIsolationBlocks: false })).toContain('cannot tell');
    expect(failureMessage('network')).not.toContain('cannot tell');
  });

  it('names CORS as what refused the read of an isolation block, and the isolation policy as a block on top', () => {
    const message = failureMessage('isolation');
    expect(message).toMatch(/^Refused by CORS, and blocked by this page's isolation policy as well:/);
    expect(message).toContain('Access-Control-Allow-Origin');
    expect(message).toContain('Cross-Origin-Resource-Policy');
  });
});

describe('latencySummary and peakInFlight', () => {
  const serial = [
    { startMs: 0, endMs: 250 },
    { startMs: 250, endMs: 750 },
    { startMs: 750, endMs: 1500 },
  ];
  const together = [
    { startMs: 0, endMs: 250 },
    { startMs: 1, endMs: 500 },
    { startMs: 2, endMs: 750 },
  ];

  it('sums and maxes the requests’ own times', () => {
    expect(latencySummary(serial)).toEqual({ sumLatencyMs: 1500, maxLatencyMs: 750 });
    expect(latencySummary([])).toEqual({ sumLatencyMs: 0, maxLatencyMs: 0 });
  });

  it('counts one in flight when each starts as the last ends, and all when they overlap', () => {
    expect(peakInFlight(serial)).toBe(1);
    expect(peakInFlight(together)).toBe(3);
    expect(peakInFlight([])).toBe(0);
  });
});

describe('runLimited', () => {
  const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

  it('runs every task once, never more than the limit at a time', async () => {
    for (const limit of [1, 2, 3, 10]) {
      let inFlight = 0;
      let peak = 0;
      const ran: number[] = [];
      const runners = new Set<number>();
      await runLimited(7, limit, async (i, runner) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        runners.add(runner);
        await tick();
        ran.push(i);
        inFlight--;
      });
      expect(ran.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6]);
      expect(peak).toBe(Math.min(limit, 7));
      expect(runners.size).toBe(Math.min(limit, 7));
    }
  });

  it('starts no new task once the signal is aborted', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    await runLimited(
      10,
      2,
      async (i) => {
        started.push(i);
        if (i === 2) controller.abort();
        await tick();
      },
      controller.signal,
    );
    expect(started).toEqual([0, 1, 2]);
  });
});
