import { html, nothing, type TemplateResult } from 'lit';
import { countOf, formatCount, formatMs } from '../../core/format';
import { IO_LIMITS, MAX_PAGES } from '../../core/io-requests';
import { pageCount, type IoParams, type IoRunResult, type IoSource, type IoVariant } from '../../experiments/io-rules';
import type { SimulatedPagesStatus } from '../../runtime/simulated-pages';
import type { FieldOptions } from '../shared/fields';

/** The words of the waiting demo: its introduction, what to expect, its notes and its field hints. */

/** The name of one run: its variant, with how many requests it let wait at once. */
export function runLabel(variant: IoVariant, params: IoParams): string {
  const pages = pageCount(params);
  if (variant === 'concurrent') {
    return params.maxInFlight >= pages ? 'Concurrent, all at once' : `Concurrent, at most ${params.maxInFlight} in flight`;
  }
  if (variant === 'workers') return countOf(Math.min(params.workers, pages), 'worker');
  return 'Serial';
}

/** The status line after a run, failed requests and all: they are part of the lesson, not a wrong result. */
export function runDone(result: IoRunResult): string {
  const pages = result.requests.length;
  const failures = result.failures ? `; ${result.failures} of ${pages} failed (see their rows)` : '';
  return `${runLabel(result.variant, result.params)}: ${formatMs(result.wallMs)} for ${countOf(pages, 'page')}${failures}.`;
}

/** The status line when the link asked to run at once with addresses of its own: they are fetched only on the visitor's Run. */
export const AUTORUN_DECLINED =
  'The link filled in the addresses below but did not fetch them: whoever wrote a link should not make your browser send ' +
  'requests without you. Check them, then press Run all.';

export function runStopped(variant: IoVariant | null): string {
  return `Stopped: every request in flight was aborted${variant === 'workers' ? ' and the workers were shut down' : ''}.`;
}

/** How the lists read thousands separators (`listValues` in src/core/validate.ts). */
const GROUPING = '1,000 and 1 000 are one value; 1,500 could be two, so write 1500 or 1, 500.';

/** Each field's id (its attribute), label and hint; `advanced` ones are hidden in a `compact` demo. */
export const IO_FIELDS = {
  latencies: {
    id: 'latencies',
    label: 'Latencies (ms)',
    hint: `How long each page takes to answer, separated by commas; up to ${MAX_PAGES} pages, 0 to ${formatCount(IO_LIMITS.latency.max)} ms each. ${GROUPING}`,
  },
  sizes: { id: 'sizes', label: 'Sizes (bytes)', hint: `One size for every page, or one per page. ${GROUPING}`, advanced: true },
  urls: {
    id: 'urls',
    label: 'Addresses',
    kind: 'list',
    hint: `One http or https address per line, up to ${MAX_PAGES}. No cookies or passwords are sent. Another site's page can be read only if its server allows it (CORS).`,
  },
  maxInFlight: {
    id: 'max-in-flight',
    label: 'Max in flight (concurrent)',
    kind: 'number',
    hint: '1 is serial again; as many as there are pages is all at once.',
  },
  workers: {
    id: 'workers',
    label: 'Workers',
    kind: 'number',
    hint: 'Each worker fetches one page at a time, like one of the lesson’s threads.',
  },
  timeout: {
    id: 'timeout',
    label: 'Timeout per request (ms)',
    kind: 'number',
    advanced: true,
    hint: `A request still unanswered after this long is given up; ${formatCount(IO_LIMITS.timeoutMs.min)} to ${formatCount(IO_LIMITS.timeoutMs.max)}.`,
  },
} as const satisfies Record<string, Pick<FieldOptions, 'id' | 'label' | 'hint' | 'kind' | 'advanced'>>;

/** Where the pages come from: the lab's simulated pages, or the visitor's own addresses. */
export function sourceChoice(selected: IoSource, disabled: boolean, onChange: (source: IoSource) => void): TemplateResult {
  const labels: Record<IoSource, string> = {
    simulated: 'Simulated pages (the same waits every time)',
    urls: 'Your own addresses',
  };
  return html`<fieldset ?disabled=${disabled}>
    <legend>Pages to fetch</legend>
    ${(['simulated', 'urls'] as const).map(
      (s) =>
        html`<label
          ><input
            type="radio"
            name="source"
            value=${s}
            data-source=${s}
            .checked=${selected === s}
            @change=${() => onChange(s)}
          />
          ${labels[s]}</label
        >`,
    )}
  </fieldset>`;
}

export function ioIntro(): TemplateResult {
  return html`<h2 id="io-title">Waiting: do more threads finish sooner?</h2>
    <p>
      The lesson opens four web pages one after another, then with four threads, and finds that threads help when the time is
      spent waiting. A browser needs no thread for that: a <code>fetch</code> does not block the page, so it can wait for many at
      once.
    </p>`;
}

/** The longer explanation, folded so that the controls come first. */
export function ioExpectations(): TemplateResult {
  return html`<details class="advanced">
    <summary><strong>What to expect</strong></summary>
    <ul>
      <li>
        <strong>Serial</strong> awaits each page before asking for the next: the time is the sum of the waits, as in the lesson's
        loop of <code>urlopen</code> calls.
      </li>
      <li>
        <strong>Concurrent</strong> sends every request at once from the page's own thread (or at most "max in flight" at a time):
        the waits overlap, so the time is close to the longest one. This is what the lesson's threads achieve, without any thread.
        Set max in flight to 1 and it is serial again; the sweep shows every step in between.
      </li>
      <li>
        <strong>Workers</strong> are real threads, each fetching one page at a time. With as many workers as pages they do no
        better than the main thread alone, and starting them costs extra: threads are for computing, not for waiting.
      </li>
    </ul>
  </details>`;
}

/** Who answers the simulated pages here: the service worker through real fetches, or timers standing in for them. */
export function simulationNote(status: SimulatedPagesStatus): TemplateResult {
  if (status.answeredBy === 'service-worker') {
    return html`<p data-field="simulation">
      <small
        >The simulated pages are answered by this lab's service worker, inside your browser: each request goes through the
        browser's real <code>fetch</code>, and the answer comes after the page's latency. Nothing leaves your machine.</small
      >
    </p>`;
  }
  return html`<p class="note" data-field="simulation">
    <strong>Simulated without network.</strong> No service worker answers here (${status.reason}), so timers inside the page and
    its workers stand in for the pages: each "request" waits its latency and builds a body of its size, but nothing goes through
    <code>fetch</code>. The waits, and so the lesson, are the same; the browser's own costs for a request are missing. Use "Your
    own addresses" to fetch real pages.
  </p>`;
}

export function tableNote(): TemplateResult {
  return html`<p class="advanced">
    <small>
      Wall time runs from just before the first request is sent until the page has the outcome of the last one: its last byte, or
      its failure or timeout. For workers it includes handing them the requests and hearing back from them, but not starting them:
      that is Worker start, measured apart. Asking again why a request failed comes after, outside the wall time. The sum and the
      longest wait are of the requests' own times, each from sent to its last byte or its failure, timed where it was made on a
      clock the page and its workers share. "All complete" means every request answered, its body was read to the end and, for
      simulated pages, it came from the simulator with the size asked for.
    </small>
  </p>`;
}

/** How to read the waterfalls (the waterfall's styles colour the key to a failed request's bar). */
export function waterfallNote(): TemplateResult {
  return html`<p>
    <small>
      One bar per request, from when it was sent to its last byte or its failure, on the same time axis for every variant. Bars
      stacked above one another waited at the same time; a staircase waited in turn. Colours show which runner made each request;
      <span class="key"></span> grey bars failed.
    </small>
  </p>`;
}

/** Below the sweep's chart: from one request in flight to all at once. */
export function sweepCaption(sweep: readonly IoRunResult[]): TemplateResult | typeof nothing {
  if (sweep.length === 0) return nothing;
  const first = sweep[0];
  const last = sweep[sweep.length - 1];
  return html`<p>
    From 1 in flight (${formatMs(first.wallMs)}, serial) to ${last.params.maxInFlight} (${formatMs(last.wallMs)}): each extra
    request in flight lets one more wait overlap the others, until every page waits at once.
  </p>`;
}

/** The button that runs the concurrent variant at every max in flight in turn. */
export function sweepButton(disabled: boolean, onClick: () => void): TemplateResult {
  return html`<button type="button" data-action="sweep" ?disabled=${disabled} @click=${onClick}>Sweep max in flight</button>`;
}
