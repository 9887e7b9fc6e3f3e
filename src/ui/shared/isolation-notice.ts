import { html, nothing, type TemplateResult } from 'lit';
import { serviceWorkerDisabled } from '../../runtime/service-worker-client';

export interface IsolationNoticeOptions {
  /** The demo's id, for the heading's id. */
  id: string;
  /** What the demo switches off for want of shared memory: "the four worker variants are switched off". */
  consequence: string;
  /** What still works without it. */
  fallback: string;
}

/**
 * Why a demo cannot share memory on this page, and what would fix it: the
 * headers a server sends, the lab's service worker that adds them, and, in a
 * frame, what the embedding page must do too.
 */
export function isolationNotice(o: IsolationNoticeOptions): TemplateResult {
  const framed = window.top !== window.self;
  const swOff = serviceWorkerDisabled(location.search);
  return html`<section part="panel notice" class="note isolation" data-field="isolation" aria-labelledby="${o.id}-isolation">
    <h3 id="${o.id}-isolation">Shared memory is not available on this page</h3>
    <p>
      Workers can share memory only through a <code>SharedArrayBuffer</code>, and browsers hand those out only to pages that are
      <em>cross-origin isolated</em>. Shared memory lets a page build a very precise timer, which attacks such as Spectre use to
      read memory they should not; isolation guarantees that no other site's data is loaded into this page's process. This page is
      not isolated, so ${o.consequence}.
    </p>
    <p>What would fix it:</p>
    <ul>
      <li>
        The server sends two headers with the page: <code>Cross-Origin-Opener-Policy: same-origin</code> and
        <code>Cross-Origin-Embedder-Policy: require-corp</code> (or <code>credentialless</code>).
      </li>
      <li>
        On a host that cannot send headers, the lab's service worker adds them to the site's own files and reloads the page once.
        ${
          swOff
            ? html`<strong>It is turned off here by <code>?sw=0</code> in the address: remove that and reload.</strong>`
            : 'It did not manage to here: this browser may not allow service workers on this page (private windows often do not), or a hard reload bypassed it: reload normally.'
        }
      </li>
      ${
        framed
          ? html`<li>
              In a frame, the page that embeds this one must be isolated too and allow it:
              <code>&lt;iframe allow="cross-origin-isolated"&gt;</code>.
            </li>`
          : nothing
      }
    </ul>
    <p>${o.fallback}</p>
  </section>`;
}
