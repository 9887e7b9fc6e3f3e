import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import {
  DEFAULT_BYTES,
  DEFAULT_LATENCIES,
  DEFAULT_TIMEOUT_MS,
  IO_LIMITS,
  MAX_PAGES,
  parseLatencies,
  parseSizes,
  parseUrlList,
  type RequestRecord,
} from '../core/io-requests';
import type { TraceEvent } from '../core/trace';
import { formatCount, parseWholeNumber } from '../core/validate';
import { IO_VARIANTS, runIoVariant, type IoParams, type IoRunResult, type IoSource, type IoVariant } from '../experiments/io';
import { spawnBrowserWorker } from '../runtime/browser-worker';
import { abortError, WorkerPool } from '../runtime/pool';
import { simulatedPagesStatus, siteRoot, type SimulatedPagesStatus } from '../runtime/simulated-pages';
import { PALETTE } from './chart-controller';
import { demoStyles, numberField, textField } from './fields';
import { formatMs, formatTimes } from './format';
import { dispatchRunComplete } from './run-complete';
import { RunSession } from './run-session';
import { IO_JAVASCRIPT, IO_PYTHON } from './text/io-code';
import { applyUrlParams, wantsAutorun } from './url-params';
import type { BarDatum } from './pl-bar-chart';
import './pl-bar-chart';
import './pl-code-compare';
import './pl-frame-meter';
import './pl-timeline';

type Field = 'latencies' | 'sizes' | 'urls' | 'maxInFlight' | 'workers' | 'timeout';

const FIELD_ATTRIBUTES: Record<Field, string> = {
  latencies: 'latencies',
  sizes: 'sizes',
  urls: 'urls',
  maxInFlight: 'max-in-flight',
  workers: 'workers',
  timeout: 'timeout',
};

const VARIANT_NAMES: Record<IoVariant, string> = {
  serial: 'Serial',
  concurrent: 'Concurrent (main thread)',
  workers: 'Workers',
};

/** A request's row while its run is going, or after it was stopped. */
type Row = { state: 'waiting' | 'in flight' | 'stopped' | 'not sent' } | { state: 'done'; record: RequestRecord };

interface Live {
  variant: IoVariant;
  label: string;
  rows: Row[];
}

const FAILED_COLOR = '#94a3b8';

/** A wall time up to this multiple of the longest wait counts as "about the longest wait" in the story. */
const CLOSE_TO_LONGEST = 1.2;

/**
 * The waiting demo: the lesson's "open four web pages", one after another,
 * all at once on the page's own thread (at most K in flight), and from
 * workers. Each request is timed and drawn as one bar of a waterfall; every
 * failed request says why on its own row.
 *
 * Attributes (and, when the page's URL names this demo or none, URL
 * parameters of the same names) set the starting values: `latencies`,
 * `sizes`, `urls` (addresses separated by spaces; implies `source="urls"`),
 * `source` (`simulated` or `urls`), `max-in-flight`, `workers`, `timeout`
 * and `autorun`.
 *
 * @fires pl-run-complete - after each run, even one with failed requests; `detail` is the IoRunResult.
 * @csspart panel - each section of the demo.
 */
export class PlIoDemo extends LitElement {
  static properties = {
    source: { type: String },
    latencies: { type: String },
    sizes: { type: String },
    urls: { type: String },
    maxInFlight: { type: String, attribute: 'max-in-flight' },
    workers: { type: String },
    timeout: { type: String },
    autorun: { type: Boolean },
    results: { state: true },
    live: { state: true },
    sweep: { state: true },
  };

  /** `simulated` (the lab's own pages, the default) or `urls` (the addresses in `urls`). */
  source: IoSource = 'simulated';
  /** The simulated pages' waits in ms, separated by commas. */
  latencies = DEFAULT_LATENCIES.join(', ');
  /** The simulated pages' sizes in bytes: one for all, or one per page. */
  sizes = String(DEFAULT_BYTES);
  /** The visitor's own addresses, one per line (or separated by spaces). */
  urls = '';
  /** The concurrent variant's cap on requests in flight (1 is serial again). */
  maxInFlight = '4';
  /** Workers for the workers variant (the lesson's four threads). */
  workers = '4';
  /** Timeout per request, in ms. */
  timeout = String(DEFAULT_TIMEOUT_MS);
  /** Press Run all once the demo is ready. */
  autorun = false;

  private results: Partial<Record<IoVariant, IoRunResult>> = {};
  private live?: Live;
  private sweep: IoRunResult[] = [];
  private pool = new WorkerPool(spawnBrowserWorker, 4);
  private session = new RunSession<IoVariant>(this, {
    onStop: () => this.pool.terminate(abortError()),
    stoppedMessage: (variant) =>
      `Stopped: every request in flight was aborted${variant === 'workers' ? ' and the workers were shut down' : ''}.`,
  });
  private simulated: SimulatedPagesStatus = { answeredBy: 'timers' };

  static styles = [
    demoStyles,
    css`
      fieldset {
        border: none;
        padding: 0;
        margin: 0.5rem 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1.25rem;
      }
      legend {
        font-weight: 600;
        padding: 0;
        margin-bottom: 0.25rem;
      }
      .waterfall {
        margin: 1rem 0 1.5rem;
      }
      .waterfall h4 {
        margin: 0 0 0.25rem;
        font-size: 1rem;
      }
      td.message {
        white-space: normal;
        min-width: 16rem;
      }
      td.address {
        max-width: 18rem;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .key {
        display: inline-block;
        width: 0.8rem;
        height: 0.8rem;
        border-radius: 2px;
        vertical-align: middle;
      }
    `,
  ];

  connectedCallback(): void {
    super.connectedCallback();
    const params = applyUrlParams(this, 'io', FIELD_ATTRIBUTES);
    // Addresses come space-separated in a URL; the field lists one per line.
    if (params.has('urls')) this.urls = this.urls.trim().split(/\s+/).join('\n');
    const source = params.get('source');
    if (source === 'simulated' || source === 'urls') this.source = source;
    else if (params.has('urls')) this.source = 'urls';
    if (wantsAutorun(params)) this.autorun = true;
    this.simulated = simulatedPagesStatus();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.pool.terminate();
  }

  protected firstUpdated(): void {
    if (this.autorun) setTimeout(() => void this.runAll(), 0);
  }

  /** Every field's message ('' when fine) and, when all are fine, the parameters. */
  private check(): { messages: Record<Field, string>; params?: IoParams } {
    const messages: Record<Field, string> = { latencies: '', sizes: '', urls: '', maxInFlight: '', workers: '', timeout: '' };
    let latencies: number[] = [];
    let sizes: number[] = [];
    let urls: string[] = [];
    if (this.source === 'simulated') {
      const l = parseLatencies(this.latencies);
      if (l.ok) latencies = l.value;
      else messages.latencies = l.message;
      const s = parseSizes(this.sizes, Math.max(1, latencies.length));
      if (s.ok) sizes = s.value;
      else messages.sizes = s.message;
    } else {
      const u = parseUrlList(this.urls);
      if (u.ok) urls = u.value;
      else messages.urls = u.message;
    }
    const numbers = { maxInFlight: 0, workers: 0, timeout: 0 };
    const rules = { maxInFlight: IO_LIMITS.maxInFlight, workers: IO_LIMITS.workers, timeout: IO_LIMITS.timeoutMs };
    for (const field of ['maxInFlight', 'workers', 'timeout'] as const) {
      const parsed = parseWholeNumber(this[field], rules[field]);
      if (parsed.ok) numbers[field] = parsed.value;
      else messages[field] = parsed.message;
    }
    if (Object.values(messages).some(Boolean)) return { messages };
    return {
      messages,
      params: {
        source: this.source,
        latencies,
        sizes,
        urls,
        maxInFlight: numbers.maxInFlight,
        workers: numbers.workers,
        timeoutMs: numbers.timeout,
      },
    };
  }

  /** Runs the three variants in order. */
  runAll(): Promise<boolean> {
    if (!this.check().params) return Promise.resolve(false);
    return this.session.sequence(
      IO_VARIANTS.map((variant) => (signal: AbortSignal) => this.runVariant(variant, signal)),
      'All three variants finished. Read what happened below.',
    );
  }

  /** Runs the concurrent variant with 1, 2, … up to one request in flight per page. */
  runSweep(): Promise<boolean> {
    const params = this.check().params;
    if (!params) return Promise.resolve(false);
    const pages = params.source === 'urls' ? params.urls.length : params.latencies.length;
    this.sweep = [];
    // Each step goes to the sweep's chart only: the table keeps the visitor's own concurrent run.
    const steps = Array.from(
      { length: pages },
      (_, i) => (signal: AbortSignal) => this.runVariant('concurrent', signal, { maxInFlight: i + 1 }, 'sweep'),
    );
    return this.session.sequence(steps, `Swept max in flight from 1 to ${pages}: see the chart below.`);
  }

  /** Runs one variant; resolves false when it was stopped, refused or failed. */
  run(variant: IoVariant): Promise<boolean> {
    if (!this.check().params) return Promise.resolve(false);
    return this.session.start((signal) => this.runVariant(variant, signal));
  }

  /** Stops the current run: aborts every request in flight at once and shuts the workers down. */
  stop(): void {
    this.session.stop();
  }

  /** Runs one variant; its result goes to the table (`results`) or, for a step of the sweep, to `sweep`. */
  private async runVariant(
    variant: IoVariant,
    signal: AbortSignal,
    overrides: Partial<IoParams> = {},
    into: 'results' | 'sweep' = 'results',
  ): Promise<boolean> {
    const params = { ...this.check().params!, ...overrides };
    const pages = params.source === 'urls' ? params.urls.length : params.latencies.length;
    this.simulated = simulatedPagesStatus();
    const label = variantLabel(variant, params, pages);
    const live: Live = { variant, label, rows: Array.from({ length: pages }, (): Row => ({ state: 'waiting' })) };
    this.live = live;
    const setRow = (index: number, row: Row) => {
      live.rows = live.rows.map((r, i) => (i === index ? row : r));
      this.live = { ...live };
    };
    const result = await this.session.step(variant, label, `Running: ${label}…`, (onProgress) =>
      runIoVariant(variant, params, {
        pool: this.pool,
        signal,
        root: siteRoot(),
        simulatedBy: this.simulated.answeredBy,
        onProgress,
        onRequestStart: (index) => setRow(index, { state: 'in flight' }),
        onRequest: (index, record) => setRow(index, { state: 'done', record: { ...record } }),
      }),
    );
    if (!result) {
      live.rows = live.rows.map((r): Row =>
        r.state === 'in flight' ? { state: 'stopped' } : r.state === 'waiting' ? { state: 'not sent' } : r,
      );
      this.live = { ...live };
      return false;
    }
    if (into === 'sweep') this.sweep = [...this.sweep, result];
    else this.results = { ...this.results, [variant]: result };
    this.live = undefined;
    dispatchRunComplete(this, result);
    const failures = result.failures ? `; ${result.failures} of ${pages} failed (see their rows)` : '';
    this.session.say(`${label}: ${formatMs(result.wallMs)} for ${pages} page${pages === 1 ? '' : 's'}${failures}.`);
    return true;
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    void this.runAll();
  }

  render() {
    const { messages, params } = this.check();
    const busy = this.session.busy;
    const invalid = !params;
    return html`
      <section part="panel" aria-labelledby="io-title">
        <h2 id="io-title">Waiting: do more threads finish sooner?</h2>
        <p>
          The lesson opens four web pages, first one after another, then with four threads, and finds that threads help when the
          time is spent waiting. A browser needs no thread for that: one <code>fetch</code> does not block the page, so the page
          can wait for many at once. Workers, the browser's real threads, can fetch too, but add nothing to waiting.
        </p>
        ${this.renderExpectations()} ${this.renderSimulationNote()}
      </section>
      <section part="panel" aria-labelledby="io-controls">
        <h3 id="io-controls">Settings</h3>
        <form @submit=${this.onSubmit} novalidate>
          <fieldset ?disabled=${busy}>
            <legend>Pages to fetch</legend>
            ${(['simulated', 'urls'] as const).map(
              (s) =>
                html`<label
                  ><input
                    type="radio"
                    name="source"
                    value=${s}
                    data-source=${s}
                    .checked=${this.source === s}
                    @change=${() => (this.source = s)}
                  />
                  ${s === 'simulated' ? 'Simulated pages (the same waits every time)' : 'Your own addresses'}</label
                >`,
            )}
          </fieldset>
          <div class="fields">
            ${
              this.source === 'simulated'
                ? html`${textField({
                    id: 'latencies',
                    label: 'Latencies (ms)',
                    value: this.latencies,
                    message: messages.latencies,
                    hint: `How long each page takes to answer, separated by commas; up to ${MAX_PAGES} pages, 0 to ${formatCount(IO_LIMITS.latency.max)} ms each.`,
                    disabled: busy,
                    onInput: (v) => (this.latencies = v),
                  })}
                  ${textField({
                    id: 'sizes',
                    label: 'Sizes (bytes)',
                    value: this.sizes,
                    message: messages.sizes,
                    hint: 'One size for every page, or one per page.',
                    disabled: busy,
                    onInput: (v) => (this.sizes = v),
                  })}`
                : textField({
                    id: 'urls',
                    label: 'Addresses',
                    value: this.urls,
                    message: messages.urls,
                    hint: `One http or https address per line, up to ${MAX_PAGES}. No cookies or passwords are sent. Another site's page can be read only if its server allows it (CORS).`,
                    disabled: busy,
                    multiline: true,
                    onInput: (v) => (this.urls = v),
                  })
            }
            ${numberField({
              id: 'max-in-flight',
              label: 'Max in flight (concurrent)',
              value: this.maxInFlight,
              message: messages.maxInFlight,
              hint: '1 is serial again; as many as there are pages is all at once.',
              disabled: busy,
              onInput: (v) => (this.maxInFlight = v),
            })}
            ${numberField({
              id: 'workers',
              label: 'Workers',
              value: this.workers,
              message: messages.workers,
              hint: 'Each worker fetches one page at a time, like one of the lesson’s threads.',
              disabled: busy,
              onInput: (v) => (this.workers = v),
            })}
            ${numberField({
              id: 'timeout',
              label: 'Timeout per request (ms)',
              value: this.timeout,
              message: messages.timeout,
              hint: `A request still unanswered after this long is given up; ${formatCount(IO_LIMITS.timeoutMs.min)} to ${formatCount(IO_LIMITS.timeoutMs.max)}.`,
              disabled: busy,
              onInput: (v) => (this.timeout = v),
            })}
          </div>
          <div class="buttons">
            <button type="submit" class="primary" ?disabled=${busy || invalid}>Run all</button>
            ${IO_VARIANTS.map(
              (v) =>
                html`<button type="button" data-variant=${v} ?disabled=${busy || invalid} @click=${() => void this.run(v)}>
                  ${VARIANT_NAMES[v]}
                </button>`,
            )}
            <button type="button" data-action="sweep" ?disabled=${busy || invalid} @click=${() => void this.runSweep()}>
              Sweep max in flight
            </button>
            <button type="button" class="stop" ?disabled=${!busy} @click=${this.stop}>Stop</button>
          </div>
        </form>
        ${this.session.renderStatus('Progress')}
        <pl-frame-meter ?running=${busy}></pl-frame-meter>
      </section>
      ${this.renderResults()}
      <section part="panel" aria-labelledby="io-code">
        <h3 id="io-code">The code</h3>
        <pl-code-compare .python=${IO_PYTHON} .javascript=${IO_JAVASCRIPT}></pl-code-compare>
      </section>
    `;
  }

  private renderExpectations() {
    return html`<details open>
      <summary><strong>What to expect</strong></summary>
      <ul>
        <li>
          <strong>Serial</strong> awaits each page before asking for the next: the time is the sum of the waits, as in the
          lesson's loop of <code>urlopen</code> calls.
        </li>
        <li>
          <strong>Concurrent</strong> sends every request at once from the page's own thread (or at most "max in flight" at a
          time): the waits overlap, so the time is close to the longest one. This is what the lesson's threads achieve, without
          any thread. Set max in flight to 1 and it is serial again; the sweep shows every step in between.
        </li>
        <li>
          <strong>Workers</strong> are real threads, each fetching one page at a time. With as many workers as pages they do no
          better than the main thread alone, and starting them costs extra: threads are for computing, not for waiting.
        </li>
      </ul>
    </details>`;
  }

  private renderSimulationNote() {
    if (this.source !== 'simulated') return nothing;
    if (this.simulated.answeredBy === 'service-worker') {
      return html`<p data-field="simulation">
        <small
          >The simulated pages are answered by this lab's service worker, inside your browser: each request goes through the
          browser's real <code>fetch</code>, and the answer comes after the page's latency. Nothing leaves your machine.</small
        >
      </p>`;
    }
    return html`<p class="note" data-field="simulation">
      <strong>Simulated without network.</strong> No service worker answers here (${this.simulated.reason}), so timers inside the
      page and its workers stand in for the pages: each "request" waits its latency and builds a body of its size, but nothing
      goes through <code>fetch</code>. The waits, and so the lesson, are the same; the browser's own costs for a request are
      missing. Use "Your own addresses" to fetch real pages.
    </p>`;
  }

  private renderResults() {
    const done = IO_VARIANTS.filter((v) => this.results[v] || this.live?.variant === v);
    if (done.length === 0) return nothing;
    const finished = IO_VARIANTS.filter((v) => this.results[v]).map((v) => this.results[v]!);
    // One time axis for every waterfall, so their lengths compare at a glance.
    const axisMs = niceCeiling(Math.max(1, ...finished.map((r) => Math.max(r.wallMs, ...r.requests.map((q) => q.endMs)))));
    return html`<section part="panel" aria-labelledby="io-results">
      <h3 id="io-results">Results</h3>
      ${finished.length ? this.renderTable() : nothing} ${this.renderStory()} ${this.renderSweep()}
      <h3>Waterfalls</h3>
      <p>
        <small>
          One bar per request, from when it was sent to its last byte, on the same time axis for every variant. Bars stacked above
          one another waited at the same time; a staircase waited in turn. Colours show which runner made each request;
          <span class="key" style="background:${FAILED_COLOR}"></span> grey bars failed.
        </small>
      </p>
      ${done.map((v) => this.renderWaterfall(v, axisMs))}
    </section>`;
  }

  private renderTable() {
    return html`<div class="table-wrap">
        <table data-field="summary">
          <thead>
            <tr>
              <th>Variant</th>
              <th class="num">Wall time</th>
              <th class="num">Sum of waits</th>
              <th class="num">Longest wait</th>
              <th class="num">Most in flight</th>
              <th class="num">Failed</th>
              <th class="num">Worker start</th>
              <th>Checked</th>
            </tr>
          </thead>
          <tbody>
            ${IO_VARIANTS.filter((v) => this.results[v]).map((v) => {
              const r = this.results[v]!;
              return html`<tr data-variant=${v}>
                <td>${variantLabel(v, r.params, r.requests.length)}</td>
                <td class="num" data-field="wall"><strong>${formatMs(r.wallMs)}</strong></td>
                <td class="num" data-field="sum">${formatMs(r.sumLatencyMs)}</td>
                <td class="num" data-field="max">${formatMs(r.maxLatencyMs)}</td>
                <td class="num">${r.peakInFlight}</td>
                <td class="num ${r.failures ? 'bad' : ''}">${r.failures}</td>
                <td class="num">
                  ${v !== 'workers' ? '—' : r.coldStartMs.length ? formatMs(Math.max(...r.coldStartMs)) : 'warm'}
                </td>
                <td data-field="verified" class=${r.verified ? 'good' : 'bad'}>${r.verified ? 'all complete' : 'no'}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      <p>
        <small>
          Wall time runs from the first request sent to the last byte received. The sum and the longest wait are of the requests'
          own times, from sent to last byte. "All complete" means every request answered, its body was read to the end and, for
          simulated pages, it came from the simulator with the size asked for. Worker start is measured apart, not in the wall
          time.
        </small>
      </p>`;
  }

  /** What happened here, in words, from the measured numbers. */
  private renderStory() {
    const { serial, concurrent, workers } = this.results;
    const lines: TemplateResult[] = [];
    if (serial) {
      const over = serial.wallMs - serial.sumLatencyMs;
      lines.push(
        html`<li>
          One after another, the ${serial.requests.length} pages took <strong>${formatMs(serial.wallMs)}</strong>: the sum of
          their waits (${formatMs(serial.sumLatencyMs)})${over > 1 ? html`, plus ${formatMs(over)} between requests` : ''}. Each
          request waited for the one before, like the lesson's loop.
        </li>`,
      );
    }
    if (concurrent) {
      const k = concurrent.params.maxInFlight;
      const pages = concurrent.requests.length;
      const vsSerial = serial ? html`, ${formatTimes(serial.wallMs / concurrent.wallMs)} as fast as serial` : '';
      const { wallMs, maxLatencyMs: longest, sumLatencyMs: total, peakInFlight: peak } = concurrent;
      // Say "about the longest wait" only when the measured wall time is close to it.
      const against =
        wallMs >= total
          ? html`not less than the sum of the waits (${formatMs(total)}); the longest single wait was ${formatMs(longest)}`
          : wallMs <= longest * CLOSE_TO_LONGEST
            ? html`about the longest single wait (${formatMs(longest)}), not the sum (${formatMs(total)})`
            : html`more than the longest single wait (${formatMs(longest)}), but less than the sum (${formatMs(total)})`;
      const took = html`<strong>${formatMs(wallMs)}</strong>${vsSerial}: ${against}.`;
      lines.push(
        k >= pages
          ? html`<li>
              All at once on the main thread, the same pages took ${took}
              ${
                peak > 1
                  ? html`Up to ${peak} requests were in flight together on one thread, with no worker: while a request waits, the
                    thread is free for the others.`
                  : ''
              }
            </li>`
          : k === 1
            ? html`<li>
                With at most 1 in flight, the pages took ${took} Each request was sent only when the one before had ended, so
                concurrent is serial again.
              </li>`
            : html`<li>
                With at most ${k} in flight, the pages took ${took} The page sent ${k} requests at first and then, each time one
                ended, sent the next: no request waited for a whole group to finish, and up to ${peak} were in flight together.
              </li>`,
      );
    }
    if (workers) {
      const start = workers.coldStartMs.length
        ? html` Starting them took ${formatMs(Math.max(...workers.coldStartMs))} more, not counted.`
        : ' They were already running.';
      const compare = concurrent
        ? workers.wallMs <= concurrent.wallMs * 1.1 && workers.wallMs >= concurrent.wallMs * 0.9
          ? html`: about the same as the main thread alone (${formatMs(concurrent.wallMs)})`
          : workers.wallMs > concurrent.wallMs
            ? html`: slower than the main thread alone (${formatMs(concurrent.wallMs)})`
            : html`, against ${formatMs(concurrent.wallMs)} on the main thread with at most ${concurrent.params.maxInFlight} in
              flight`
        : '';
      lines.push(
        html`<li>
          ${workers.workers} worker${workers.workers === 1 ? '' : 's'} took
          <strong>${formatMs(workers.wallMs)}</strong>${compare}. Each worker waited for its pages just as the main thread
          does.${start}
          ${
            concurrent && concurrent.params.maxInFlight < concurrent.requests.length && workers.wallMs < concurrent.wallMs * 0.9
              ? `They beat the main thread only because it was held to ${concurrent.params.maxInFlight} in flight: let it send every request at once and it needs no worker.`
              : 'Threads add cores for computing; for waiting, the one thread the page already has is enough.'
          }
        </li>`,
      );
    }
    const failed = IO_VARIANTS.map((v) => this.results[v]).find((r) => r && r.failures > 0);
    if (failed) {
      lines.push(
        html`<li>
          ${failed.failures} of ${failed.requests.length} requests failed (each row says why), and the others finished anyway: one
          failing request does not stop the rest.
        </li>`,
      );
    }
    if (this.source === 'urls' && IO_VARIANTS.some((v) => (this.results[v]?.requests.length ?? 0) > 6)) {
      lines.push(
        html`<li>
          Browsers open at most six connections at a time to one server over HTTP/1.1, so more than six pages from the same server
          wait in line however many are "in flight".
        </li>`,
      );
    }
    const anyResult = IO_VARIANTS.map((v) => this.results[v]).find(Boolean);
    if (anyResult?.answeredBy === 'timers') {
      lines.push(html`<li>These pages were simulated without network: timers stood in for the waits.</li>`);
    }
    if (lines.length === 0) return nothing;
    return html`<h3>What happened here</h3>
      <ul data-field="story">
        ${lines}
      </ul>`;
  }

  private renderSweep() {
    if (this.sweep.length === 0) return nothing;
    const bars: BarDatum[] = this.sweep.map((r) => ({ label: `${r.params.maxInFlight} in flight`, value: r.wallMs }));
    const first = this.sweep[0];
    const last = this.sweep[this.sweep.length - 1];
    return html`<div data-field="sweep">
      <pl-bar-chart heading="Wall time by max in flight" unit="ms" .bars=${bars}></pl-bar-chart>
      <p>
        From 1 in flight (${formatMs(first.wallMs)}, serial) to ${last.params.maxInFlight} (${formatMs(last.wallMs)}): each extra
        request in flight lets one more wait overlap the others, until every page waits at once.
      </p>
    </div>`;
  }

  private renderWaterfall(variant: IoVariant, axisMs: number) {
    const live = this.live?.variant === variant ? this.live : undefined;
    const result = live ? undefined : this.results[variant];
    const label = live?.label ?? (result ? variantLabel(variant, result.params, result.requests.length) : VARIANT_NAMES[variant]);
    const rows: Row[] = live?.rows ?? result!.requests.map((record): Row => ({ state: 'done', record }));
    const pages = result ? pageLabels(result) : undefined;
    const trace: TraceEvent[] = result
      ? result.requests.map((r, i) => ({ lane: pages![i], chunk: i, startMs: r.startMs, endMs: r.endMs }))
      : [];
    const runners = result ? [...new Set(result.requests.map((r) => r.lane))] : [];
    const colors = result?.requests.map((r) => (r.error ? FAILED_COLOR : PALETTE[runners.indexOf(r.lane) % PALETTE.length]));
    return html`<div class="waterfall" data-waterfall=${variant}>
      <h4>
        ${label}${
          result
            ? html` — wall ${formatMs(result.wallMs)}, sum of waits ${formatMs(result.sumLatencyMs)}, longest
              ${formatMs(result.maxLatencyMs)}`
            : ''
        }
      </h4>
      ${
        result
          ? html`<pl-timeline heading="" .trace=${trace} .maxMs=${axisMs} .colors=${colors}></pl-timeline>`
          : html`<p><small>${this.session.running === variant ? 'Running…' : 'Stopped before it finished.'}</small></p>`
      }
      <div class="table-wrap">
        <table data-field="requests">
          <thead>
            <tr>
              <th class="num">#</th>
              <th>Page</th>
              <th>Runner</th>
              <th class="num">Sent</th>
              <th class="num">Done</th>
              <th class="num">Took</th>
              <th class="num">Bytes</th>
              <th class="num">Status</th>
              <th>Result</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map((row, i) => this.renderRow(row, i, variant))}
          </tbody>
        </table>
      </div>
    </div>`;
  }

  private renderRow(row: Row, index: number, variant: IoVariant) {
    if (row.state !== 'done') {
      const address = this.addressOf(index);
      return html`<tr data-index=${index} data-state=${row.state}>
        <td class="num">${index + 1}</td>
        <td class="address" title=${address}>${address}</td>
        <td></td>
        <td class="num"></td>
        <td class="num"></td>
        <td class="num"></td>
        <td class="num"></td>
        <td class="num"></td>
        <td class="message ${row.state === 'stopped' ? 'bad' : ''}" data-field="result">${rowStateText(row.state, variant)}</td>
      </tr>`;
    }
    const r = row.record;
    const page = r.latencyMs !== undefined ? `${formatCount(r.latencyMs)} ms, ${formatCount(r.expectedBytes ?? 0)} B` : r.url;
    return html`<tr data-index=${index} data-state=${r.error ? 'failed' : 'done'} data-kind=${r.errorKind ?? 'ok'}>
      <td class="num">${index + 1}</td>
      <td class="address" title=${r.url}>${page}</td>
      <td>${r.lane}</td>
      <td class="num">${formatMs(r.startMs)}</td>
      <td class="num">${formatMs(r.endMs)}</td>
      <td class="num">${formatMs(r.endMs - r.startMs)}</td>
      <td class="num">${formatCount(r.bytes)}</td>
      <td class="num">${r.status || '—'}</td>
      <td class="message ${r.error || r.checked === false ? 'bad' : 'good'}" data-field="result">
        ${r.error ?? (r.checked === false ? 'Answered, but not by the simulator or not with the size asked for.' : 'OK')}
      </td>
    </tr>`;
  }

  /** The address of row `index` as typed, for rows still waiting. */
  private addressOf(index: number): string {
    if (this.source === 'urls') return this.urls.split(/\s+/).filter(Boolean)[index] ?? '';
    const latencies = parseLatencies(this.latencies);
    return latencies.ok ? `${formatCount(latencies.value[index] ?? 0)} ms` : '';
  }
}

/** `ms` rounded up to two significant digits (2,535 → 2,600), for the end of a time axis. */
function niceCeiling(ms: number): number {
  const step = 10 ** Math.max(0, Math.floor(Math.log10(ms)) - 1);
  return Math.ceil(ms / step) * step;
}

function rowStateText(state: Exclude<Row['state'], 'done'>, variant: IoVariant): string {
  switch (state) {
    case 'waiting':
      return 'Waiting for its turn';
    case 'in flight':
      return 'In flight…';
    case 'stopped':
      return variant === 'workers'
        ? 'Stopped: its worker was shut down, and its request with it.'
        : 'Stopped: the request was aborted before the answer came.';
    case 'not sent':
      return 'Not sent: the run was stopped first.';
  }
}

function variantLabel(variant: IoVariant, params: IoParams, pages: number): string {
  if (variant === 'concurrent') {
    return params.maxInFlight >= pages ? 'Concurrent, all at once' : `Concurrent, at most ${params.maxInFlight} in flight`;
  }
  if (variant === 'workers') {
    const w = Math.min(params.workers, pages);
    return `${w} worker${w === 1 ? '' : 's'}`;
  }
  return 'Serial';
}

/** A short, unique lane label per request: its number and its latency or address. */
function pageLabels(result: IoRunResult): string[] {
  return result.requests.map((r, i) => {
    if (r.latencyMs !== undefined) return `${i + 1}: ${formatCount(r.latencyMs)} ms`;
    const url = new URL(r.url);
    const text = `${url.host}${url.pathname}`;
    return `${i + 1}: ${text.length > 28 ? `${text.slice(0, 27)}…` : text}`;
  });
}

customElements.define('pl-io-demo', PlIoDemo);

declare global {
  interface HTMLElementTagNameMap {
    'pl-io-demo': PlIoDemo;
  }
}
