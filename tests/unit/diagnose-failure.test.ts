import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { anySignal, diagnoseFailure } from '../../src/runtime/diagnose-failure';
import { failureMessage } from '../../src/core/io-failures';

afterEach(() => vi.unstubAllGlobals());

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

  it("calls it a CSP block when the page's policy reports a violation for the address, even on an isolated page", async () => {
    const page = new EventTarget();
    vi.stubGlobal('document', page);
    vi.stubGlobal('crossOriginIsolated', true);
    vi.stubGlobal('ReportingObserver', undefined);
    // As Chromium does: the request is refused first, then the event names the address without its fragment.
    const blockedByPolicy = (blockedURI: string) => () => {
      setTimeout(() => page.dispatchEvent(Object.assign(new Event('securitypolicyviolation'), { blockedURI })), 10);
      return Promise.reject(new TypeError('Failed to fetch'));
    };
    const d = await diagnoseFailure(
      'https://other.example/x?y=1#z',
      { timeoutMs: 1000 },
      blockedByPolicy('https://other.example/x?y=1'),
    );
    expect(d).toEqual({ kind: 'csp', message: failureMessage('csp') });
    expect(d.message).toContain("this page's content security policy");
    // A violation for another address is no reason for this one.
    const elsewhere = blockedByPolicy('https://elsewhere.example/');
    expect((await diagnoseFailure('https://other.example/x', { timeoutMs: 1000 }, elsewhere)).kind).toBe('network');
  });

  it('admits it cannot tell a block from a network failure where the browser files no reports', async () => {
    vi.stubGlobal('crossOriginIsolated', true);
    vi.stubGlobal('ReportingObserver', undefined);
    const d = await diagnoseFailure('https://other.example/', { timeoutMs: 1000 }, failing);
    expect(d.kind).toBe('network');
    expect(d.message).toContain('cannot tell');
  });
});

describe('anySignal', () => {
  it('fires with the reason of the first input to fire', () => {
    const a = new AbortController();
    const b = new AbortController();
    const any = anySignal([a.signal, b.signal]);
    expect(any.aborted).toBe(false);
    b.abort('b went first');
    expect(any.aborted).toBe(true);
    expect(any.reason).toBe('b went first');
  });

  it('is aborted at once when an input already is', () => {
    const any = anySignal([new AbortController().signal, AbortSignal.abort('done')]);
    expect(any.aborted).toBe(true);
    expect(any.reason).toBe('done');
  });

  it('removes its listeners from the inputs once it fires', () => {
    const stop = new AbortController();
    const timeout = new AbortController();
    anySignal([stop.signal, timeout.signal]);
    expect(getEventListeners(stop.signal, 'abort')).toHaveLength(1);
    timeout.abort('timed out');
    expect(getEventListeners(stop.signal, 'abort')).toHaveLength(0);
    expect(getEventListeners(timeout.signal, 'abort')).toHaveLength(0);
  });
});
