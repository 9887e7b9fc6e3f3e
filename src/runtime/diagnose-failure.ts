/**
 * Why a request of the I/O demo failed, as far as the browser lets the page
 * tell: fetch rejects with the same bare TypeError for a CORS refusal, a
 * block and a dead server. Telling them apart needs the page's own address,
 * its isolation state, its content security policy's violation events and the
 * browser's COEP reports, so this lives in the runtime, not in core (whose
 * `fetchPage` runs in workers and Node too).
 */
import { failureMessage } from '../core/io-failures';
import type { RequestErrorKind } from '../core/io-requests';

export interface Diagnosis {
  kind: RequestErrorKind;
  message: string;
}

type Fetch = typeof fetch;

/** True for addresses the browser treats as this machine, which mixed-content rules allow. */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '[::1]' || /^127\./.test(hostname);
}

/**
 * Tells apart why a `mode: 'cors'` fetch of `url` failed with a bare
 * TypeError: mixed content (known from the two addresses alone); the page's
 * own content security policy; a CORS refusal; CORS together with the
 * isolation policy; or a network failure. For all but the first it sends one
 * more request, in `no-cors` mode, whose answer the page may not read: if
 * that one gets an answer, the server is there and only CORS refused; if it
 * is blocked and the page fires a `securitypolicyviolation` event for the
 * address, the page's policy does not let it connect there (so the first
 * request was never sent either); if the browser files a COEP report for it,
 * the server allows neither CORS nor CORP, and this isolated page refuses
 * even an unread answer; otherwise the network failed.
 */
export async function diagnoseFailure(
  url: string,
  options: { timeoutMs: number; signal?: AbortSignal },
  fetchImpl: Fetch = fetch,
): Promise<Diagnosis> {
  const target = new URL(url);
  const here = typeof location === 'undefined' ? undefined : location;
  const isolated = globalThis.crossOriginIsolated === true;
  const watcher = isolated ? watchIsolationBlocks(target.href) : undefined;
  const policy = watchPolicyBlocks(target.href);
  const network = (): Diagnosis => ({
    kind: 'network',
    message: failureMessage('network', { canSeeIsolationBlocks: !isolated || watcher !== undefined }),
  });
  try {
    if (here?.protocol === 'https:' && target.protocol === 'http:' && !isLoopback(target.hostname)) {
      return { kind: 'insecure', message: failureMessage('insecure') };
    }
    // Neither CORS nor isolation applies to the page's own origin: only the network can have failed.
    if (here && target.origin === here.origin) return network();
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = options.signal ? anySignal([options.signal, timeout]) : timeout;
    try {
      await fetchImpl(target.href, { mode: 'no-cors', credentials: 'omit', cache: 'no-store', signal });
      return { kind: 'cors', message: failureMessage('cors') };
    } catch {
      options.signal?.throwIfAborted();
      // Both signs may come after the rejection: wait for them side by side.
      const [byPolicy, byIsolation] = await Promise.all([policy?.blocked(REPORT_WAIT_MS), watcher?.blocked(REPORT_WAIT_MS)]);
      if (byPolicy) return { kind: 'csp', message: failureMessage('csp') };
      if (byIsolation) return { kind: 'isolation', message: failureMessage('isolation') };
      return network();
    }
  } finally {
    watcher?.stop();
    policy?.stop();
  }
}

/** How long to wait for the browser to report a block (a COEP report, a CSP violation event) after a blocked request. */
const REPORT_WAIT_MS = 300;

interface BlockWatcher {
  /** Resolves true as soon as the browser reports a block of the address, or false after `waitMs`. */
  blocked(waitMs: number): Promise<boolean>;
  stop(): void;
}

/** A block seen now or later: `note` it when it comes, and `blocked` waits a while for one. */
function blockSign(): { note(): void; blocked(waitMs: number): Promise<boolean> } {
  let seen = false;
  let wake: () => void = () => undefined;
  return {
    note() {
      seen = true;
      wake();
    },
    blocked(waitMs) {
      if (seen) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(seen), waitMs);
        wake = () => {
          clearTimeout(timer);
          resolve(true);
        };
      });
    },
  };
}

/**
 * Watches the page's `securitypolicyviolation` events for a block of `href`
 * by its content security policy (the event names the address without its
 * fragment). Undefined outside a page.
 */
function watchPolicyBlocks(href: string): BlockWatcher | undefined {
  if (typeof document === 'undefined') return undefined;
  const sign = blockSign();
  const address = new URL(href);
  address.hash = '';
  const onViolation = ({ blockedURI }: SecurityPolicyViolationEvent) => {
    if (blockedURI === address.href) sign.note();
  };
  document.addEventListener('securitypolicyviolation', onViolation);
  return { blocked: sign.blocked, stop: () => document.removeEventListener('securitypolicyviolation', onViolation) };
}

/**
 * Watches the browser's COEP reports (Reporting API) for a block of `href`.
 * Undefined where the browser offers no ReportingObserver.
 */
function watchIsolationBlocks(href: string): BlockWatcher | undefined {
  if (typeof ReportingObserver !== 'function') return undefined;
  const sign = blockSign();
  const names = (report: Report): boolean => {
    const body = report.body as unknown as { toJSON?: () => unknown; blockedURL?: unknown } | null | undefined;
    const json = (body?.toJSON?.() ?? body) as { blockedURL?: unknown } | null | undefined;
    return report.type === 'coep' && typeof json?.blockedURL === 'string' && new URL(json.blockedURL).href === href;
  };
  const observer = new ReportingObserver(
    (reports) => {
      if (reports.some(names)) sign.note();
    },
    { types: ['coep'] },
  );
  observer.observe();
  return {
    blocked(waitMs) {
      if (observer.takeRecords().some(names)) sign.note();
      return sign.blocked(waitMs);
    },
    stop: () => observer.disconnect(),
  };
}

/**
 * An abort signal that fires when any of `signals` does (`AbortSignal.any` is
 * too new for some browsers). Its listeners on `signals` are removed once it
 * fires, so a long-lived input signal does not collect them.
 */
export function anySignal(signals: readonly AbortSignal[]): AbortSignal {
  const controller = new AbortController();
  for (const s of signals) {
    if (s.aborted) {
      controller.abort(s.reason);
      break;
    }
    s.addEventListener('abort', () => controller.abort(s.reason), { once: true, signal: controller.signal });
  }
  return controller.signal;
}
