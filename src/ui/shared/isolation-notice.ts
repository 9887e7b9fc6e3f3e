import { html, nothing, type TemplateResult } from 'lit';
import { isolationFacts, isolationProblem, type IsolationProblem } from '../../runtime/isolation';

export interface IsolationNoticeOptions {
  /** The demo's id, for the heading's id. */
  id: string;
  /** What the demo switches off for want of shared memory: "the four worker variants are switched off". */
  consequence: string;
  /** What still works without it. */
  fallback: string;
}

const HEADERS = html`<code>Cross-Origin-Opener-Policy: same-origin</code> and
  <code>Cross-Origin-Embedder-Policy: require-corp</code> (or <code>credentialless</code>)`;
const ALLOW = html`<code>&lt;iframe allow="cross-origin-isolated"&gt;</code>`;

/** Why, in this case, and what would fix it. */
const REASONS: Record<IsolationProblem, { why: TemplateResult; fixes: TemplateResult[] }> = {
  'no-shared-memory-in-browser': {
    why: html`This page is cross-origin isolated, as it should be, yet this browser offers no <code>SharedArrayBuffer</code> even
      so. Some builds turn it off (WebKitGTK does, unless started with <code>JSC_useSharedArrayBuffer=1</code>).`,
    fixes: [html`Nothing on this page can change that: the headers are already right. Try another browser.`],
  },
  'service-worker-off': {
    why: html`The server sends no isolation headers, and the lab's service worker, which adds them, is turned off by
      <code>?sw=0</code> in the address.`,
    fixes: [html`Remove <code>?sw=0</code> from the address and reload.`, html`Or have the server send ${HEADERS}.`],
  },
  'frame-not-allowed': {
    why: html`This demo is in a frame, and the page around it does not let the frame be isolated.`,
    fixes: [
      html`The page that embeds this one adds ${ALLOW} to its frame, and is itself served with ${HEADERS} (a frame is isolated
      only when every page around it is).`,
    ],
  },
  'parent-not-isolated': {
    why: html`This demo is in a frame that may be isolated, but the page around it is not isolated itself.`,
    fixes: [html`The page that embeds this one is served with ${HEADERS}; its frame keeps ${ALLOW}.`],
  },
  'frame-unknown': {
    why: html`This demo is in a frame, and the page around it either is not isolated or does not let the frame be.`,
    fixes: [html`The page that embeds this one is served with ${HEADERS}, and adds ${ALLOW} to its frame.`],
  },
  'no-service-worker': {
    why: html`The server sends no isolation headers, and the lab's service worker, which would add them, does not control this
    page: this browser may refuse service workers here (private windows often do), or a hard reload bypassed it.`,
    fixes: [html`Reload the page normally.`, html`Or have the server send ${HEADERS} with every file.`],
  },
  'headers-not-applied': {
    why: html`The lab's service worker controls this page and adds the isolation headers, yet the page is not isolated: this
    browser does not take them from a service worker.`,
    fixes: [html`Have the server send ${HEADERS} with every file.`],
  },
};

/**
 * Why a demo cannot share memory on this page, told apart from the other
 * cases it could be (isolated without the feature, service worker off or
 * refused, a frame not allowed, a parent not isolated), and what would fix it.
 */
export function isolationNotice(o: IsolationNoticeOptions): TemplateResult | typeof nothing {
  const problem = isolationProblem(isolationFacts());
  if (!problem) return nothing;
  const { why, fixes } = REASONS[problem];
  return html`<section
    part="panel notice"
    class="note isolation"
    data-field="isolation"
    data-problem=${problem}
    aria-labelledby="${o.id}-isolation"
  >
    <h3 id="${o.id}-isolation">Shared memory is not available on this page</h3>
    <p>
      Workers can share memory only through a <code>SharedArrayBuffer</code>, and browsers hand those out only to pages that are
      <em>cross-origin isolated</em>: shared memory lets a page build a very precise timer, which attacks such as Spectre use to
      read memory they should not, and isolation keeps other sites' data out of the page's process. So ${o.consequence}.
    </p>
    <p>${why}</p>
    <p>What would fix it:</p>
    <ul>
      ${fixes.map((fix) => html`<li>${fix}</li>`)}
    </ul>
    <p>${o.fallback}</p>
  </section>`;
}
