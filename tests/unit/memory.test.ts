import { afterEach, describe, expect, it, vi } from 'vitest';
import { measureMemory } from '../../src/runtime/memory';

describe('measuring the memory in use', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    delete (performance as { measureUserAgentSpecificMemory?: unknown }).measureUserAgentSpecificMemory;
  });

  it('gives up the wait at once when the run is stopped, rather than when the browser answers or time is up', async () => {
    vi.stubGlobal('crossOriginIsolated', true);
    // As Chromium may: no answer until its next garbage collection.
    Object.assign(performance, { measureUserAgentSpecificMemory: () => new Promise(() => undefined) });
    const stop = new AbortController();
    const reading = measureMemory(3_600_000, stop.signal);
    stop.abort();
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
  });
});
