import { formatCount } from './format';
import type { RequestErrorKind } from './io-requests';

/** The plain words for each way a request can fail, written for the request's row. */

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export interface FailureDetail {
  status?: number;
  statusText?: string;
  timeoutMs?: number;
  /** False when the browser cannot report isolation blocks, so a network failure may be one. */
  canSeeIsolationBlocks?: boolean;
}

/** The plain-words message for one kind of failure, for the request's row. */
export function failureMessage(kind: RequestErrorKind, detail: FailureDetail = {}): string {
  switch (kind) {
    case 'cors':
      return (
        'Refused by CORS: the server answered, but does not let other sites read its pages ' +
        '(no Access-Control-Allow-Origin header), so the browser kept the page from this one.'
      );
    case 'isolation':
      return (
        "Refused by CORS, and blocked by this page's isolation policy as well: the server does not let other sites read its " +
        'pages (no Access-Control-Allow-Origin header), so the browser kept the page from this one. It does not allow loading ' +
        'its pages unread either (no Cross-Origin-Resource-Policy header), and this page, being cross-origin isolated, ' +
        'refuses to load such answers at all.'
      );
    case 'timeout':
      return `Timed out: no complete answer within ${formatCount(detail.timeoutMs ?? 0)} ms, so the request was given up.`;
    case 'http': {
      const status = detail.status ?? 0;
      const text = detail.statusText || STATUS_TEXT[status] || '';
      return `HTTP error ${status}${text ? ` ${text}` : ''}: the server answered with an error instead of the page.`;
    }
    case 'network':
      return (
        'Network failure: no answer from the server. It may be down or unknown, or the connection was refused or cut; ' +
        'the browser does not say which.' +
        (detail.canSeeIsolationBlocks === false
          ? " This browser also cannot tell this apart from a block by the page's isolation policy."
          : '')
      );
    case 'insecure':
      return 'Blocked as mixed content: this page was loaded over https, so the browser refuses plain http addresses.';
    case 'csp':
      return "Blocked by this page's content security policy: its connect-src does not allow this address, so nothing was sent.";
    case 'aborted':
      return 'Stopped before the answer came.';
  }
}
