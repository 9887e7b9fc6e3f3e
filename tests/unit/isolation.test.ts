import { describe, expect, it } from 'vitest';
import { isolationProblem, noSharedMemoryClause, type IsolationFacts } from '../../src/runtime/isolation';

const page: IsolationFacts = {
  crossOriginIsolated: false,
  sharedArrayBuffer: false,
  framed: false,
  serviceWorkerOff: false,
  serviceWorkerControls: false,
};

describe('why a page has no shared memory', () => {
  it('is no problem at all when isolated with SharedArrayBuffer', () => {
    expect(isolationProblem({ ...page, crossOriginIsolated: true, sharedArrayBuffer: true })).toBeUndefined();
  });

  it('tells an isolated page without SharedArrayBuffer from a page that is not isolated', () => {
    expect(isolationProblem({ ...page, crossOriginIsolated: true })).toBe('no-shared-memory-in-browser');
  });

  it('never calls an isolated page "not isolated" when it says why there is no shared memory', () => {
    expect(noSharedMemoryClause(true)).toBe(
      'this browser offers no SharedArrayBuffer, though this page is cross-origin isolated',
    );
    expect(noSharedMemoryClause(false)).toBe('this page is not cross-origin isolated');
  });

  it('names the service worker: turned off, not in control, or in control to no effect', () => {
    expect(isolationProblem({ ...page, serviceWorkerOff: true })).toBe('service-worker-off');
    expect(isolationProblem(page)).toBe('no-service-worker');
    expect(isolationProblem({ ...page, serviceWorkerControls: true })).toBe('headers-not-applied');
  });

  it('in a frame, tells a missing allow= from a parent that is not isolated, where the browser can say', () => {
    const frame = { ...page, framed: true, serviceWorkerControls: true };
    expect(isolationProblem({ ...frame, frameAllowed: false })).toBe('frame-not-allowed');
    expect(isolationProblem({ ...frame, frameAllowed: true })).toBe('parent-not-isolated');
    expect(isolationProblem({ ...frame, parentIsolated: false })).toBe('parent-not-isolated');
    expect(isolationProblem(frame)).toBe('frame-unknown');
  });
});
