import { describe, expect, it } from 'vitest';
import { SIMULATED_LATENCY_HEADER, isSimulatedPage, simulatedPage, simulatedPageUrl } from '../../src/core/simulated-page';

const scope = 'https://lab.example/course/';

describe('simulated pages', () => {
  it('are addressed under the site root, relative or absolute', () => {
    expect(simulatedPageUrl(250, 1000)).toBe('net/page?latency=250&bytes=1000');
    expect(simulatedPageUrl(250, 1000, scope)).toBe('https://lab.example/course/net/page?latency=250&bytes=1000');
    expect(isSimulatedPage(new URL(simulatedPageUrl(1, 2, scope)), scope)).toBe(true);
    expect(isSimulatedPage(new URL('https://lab.example/net/page?latency=1'), scope)).toBe(false);
    expect(isSimulatedPage(new URL('https://lab.example/course/net/pages'), scope)).toBe(false);
  });

  it('answer after their latency with a body of their size, marked as simulated', async () => {
    const start = performance.now();
    const response = await simulatedPage(new URL(simulatedPageUrl(40, 4321, scope)));
    expect(performance.now() - start).toBeGreaterThanOrEqual(39);
    expect(response.status).toBe(200);
    expect(response.headers.get(SIMULATED_LATENCY_HEADER)).toBe('40');
    expect((await response.arrayBuffer()).byteLength).toBe(4321);
  });

  it('refuse a latency or size out of range', async () => {
    for (const query of ['latency=-1&bytes=1', 'latency=1&bytes=99999999', 'latency=abc']) {
      expect((await simulatedPage(new URL(`net/page?${query}`, scope))).status).toBe(400);
    }
  });

  it('stop waiting when aborted', async () => {
    const controller = new AbortController();
    const pending = simulatedPage(new URL(simulatedPageUrl(5000, 1, scope)), controller.signal);
    controller.abort(new DOMException('stopped', 'AbortError'));
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    const already = simulatedPage(new URL(simulatedPageUrl(5000, 1, scope)), controller.signal);
    await expect(already).rejects.toMatchObject({ name: 'AbortError' });
  });
});
