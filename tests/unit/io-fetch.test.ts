import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEndpointServer } from '../../scripts/io-test-endpoints.mjs';
import { fetchPage, sharedNow } from '../../src/core/io-fetch';
import { runLimited } from '../../src/core/io-requests';
import { simulatedPageUrl } from '../../src/core/simulated-page';
import { IO_JAVASCRIPT } from '../../src/ui/io/io-code';

const endpoints = createEndpointServer();
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => endpoints.server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(endpoints.server.address() as AddressInfo).port}`;
});
afterAll(() => {
  endpoints.server.closeAllConnections();
  endpoints.server.close();
});

const options = (timeoutMs = 5000) => ({ originMs: sharedNow(), timeoutMs });

describe('fetchPage', () => {
  it('times a page from the request to its last byte and counts the bytes', async () => {
    const record = await fetchPage({ url: `${base}/ok?latency=50&bytes=12345` }, options());
    expect(record).toMatchObject({ status: 200, bytes: 12_345 });
    expect(record.error).toBeUndefined();
    expect(record.startMs).toBeGreaterThanOrEqual(0);
    expect(record.endMs).toBeGreaterThan(record.startMs);
  });

  it('records an HTTP error status as a failure of that request', async () => {
    const record = await fetchPage({ url: `${base}/status/500` }, options());
    expect(record).toMatchObject({ status: 500, errorKind: 'http' });
    expect(record.error).toContain('500 Internal Server Error');
  });

  it('gives up after the timeout, with a message naming it', async () => {
    const record = await fetchPage({ url: `${base}/hang` }, options(200));
    expect(record.errorKind).toBe('timeout');
    expect(record.error).toContain('200 ms');
  });

  it('marks a bare fetch failure as unexplained, for a diagnosis', async () => {
    const record = await fetchPage({ url: `${base}/drop` }, options());
    expect(record).toMatchObject({ errorKind: 'network', status: 0, unexplained: true });
  });

  it('rejects at once when stopped, and the server sees the connection closed', async () => {
    const before = endpoints.hang.closedByClient;
    const stop = new AbortController();
    const pending = Promise.all([1, 2, 3].map(() => fetchPage({ url: `${base}/hang` }, options(), stop.signal)));
    await vi.waitFor(() => expect(endpoints.hang.open).toBe(3));
    stop.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await vi.waitFor(() => expect(endpoints.hang.closedByClient - before).toBe(3));
  });

  it('answers a simulated page with timers when asked to, and checks its size', async () => {
    const url = simulatedPageUrl(30, 777, 'http://lab.invalid/');
    const record = await fetchPage({ url, latencyMs: 30, expectedBytes: 777 }, { ...options(), simulated: 'timers' });
    expect(record).toMatchObject({ status: 200, bytes: 777, checked: true });
  });

  it('does not count an answer from elsewhere as the simulated page', async () => {
    const record = await fetchPage({ url: `${base}/ok?latency=0&bytes=10`, latencyMs: 0, expectedBytes: 10 }, options());
    expect(record).toMatchObject({ status: 200, bytes: 10, checked: false });
  });

  it('waits for the sum one at a time, and for about the longest all at once', async () => {
    const latencies = [60, 120, 180, 240];
    const sum = latencies.reduce((a, b) => a + b, 0);
    const wall = async (limit: number) => {
      const start = performance.now();
      const o = options();
      await runLimited(latencies.length, limit, async (i) => {
        const r = await fetchPage({ url: `${base}/ok?latency=${latencies[i]}&bytes=10` }, o);
        expect(r.error).toBeUndefined();
      });
      return performance.now() - start;
    };
    expect(await wall(1)).toBeGreaterThanOrEqual(sum);
    expect(await wall(4)).toBeLessThan(sum);
  });
});

describe('the JavaScript shown beside the demo', () => {
  it('uses the fetch options and the APIs that fetchPage really uses', async () => {
    let init: RequestInit | undefined;
    const spy = (_url: RequestInfo | URL, given?: RequestInit) => {
      init = given;
      return Promise.resolve(new Response('abc'));
    };
    await fetchPage({ url: 'https://lab.example/page' }, options(), undefined, spy);
    expect(IO_JAVASCRIPT).toContain(`mode: '${init?.mode}', credentials: '${init?.credentials}', cache: '${init?.cache}'`);
    expect(IO_JAVASCRIPT).toContain('getReader()');
    expect(IO_JAVASCRIPT).not.toMatch(/AbortSignal\.any|arrayBuffer\(\)/);
  });
});
