import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEndpointServer } from '../../scripts/io-test-endpoints.mjs';
import { diagnoseFailure, fetchPage, sharedNow } from '../../src/core/io-fetch';
import { runLimited } from '../../src/core/io-requests';
import { simulatedPageUrl } from '../../src/core/simulated-page';

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
afterEach(() => vi.unstubAllGlobals());

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

describe('diagnoseFailure', () => {
  const failing = () => Promise.reject(new TypeError('Failed to fetch'));
  const answering = () => Promise.resolve(new Response(null));

  it('calls it CORS when a no-cors request to the same address gets an answer', async () => {
    const d = await diagnoseFailure('https://other.example/page', { timeoutMs: 1000 }, answering);
    expect(d.kind).toBe('cors');
  });

  it('calls it a network failure when even that fails, outside an isolated page', async () => {
    const d = await diagnoseFailure('https://other.example/page', { timeoutMs: 1000 }, failing);
    expect(d.kind).toBe('network');
    expect(d.message).not.toContain('cannot tell');
  });

  it('calls it mixed content for plain http from an https page, without a request', async () => {
    vi.stubGlobal('location', new URL('https://lab.example/'));
    const probe = vi.fn(answering);
    expect((await diagnoseFailure('http://other.example/', { timeoutMs: 1000 }, probe)).kind).toBe('insecure');
    expect((await diagnoseFailure('http://127.0.0.1:9/', { timeoutMs: 1000 }, failing)).kind).toBe('network');
    expect(probe).not.toHaveBeenCalled();
  });

  it('calls it an isolation block when the browser files a COEP report for the address', async () => {
    vi.stubGlobal('crossOriginIsolated', true);
    let deliver: (reports: unknown[]) => void = () => undefined;
    vi.stubGlobal(
      'ReportingObserver',
      class {
        constructor(callback: (reports: unknown[]) => void) {
          deliver = callback;
        }
        observe() {}
        disconnect() {}
        takeRecords() {
          return [];
        }
      },
    );
    const blocked = () => {
      setTimeout(() => deliver([{ type: 'coep', body: { blockedURL: 'https://other.example/x' } }]), 10);
      return Promise.reject(new TypeError('Failed to fetch'));
    };
    expect((await diagnoseFailure('https://other.example/x', { timeoutMs: 1000 }, blocked)).kind).toBe('isolation');
    expect((await diagnoseFailure('https://other.example/y', { timeoutMs: 1000 }, failing)).kind).toBe('network');
  });

  it('admits it cannot tell a block from a network failure where the browser files no reports', async () => {
    vi.stubGlobal('crossOriginIsolated', true);
    vi.stubGlobal('ReportingObserver', undefined);
    const d = await diagnoseFailure('https://other.example/', { timeoutMs: 1000 }, failing);
    expect(d.kind).toBe('network');
    expect(d.message).toContain('cannot tell');
  });
});
