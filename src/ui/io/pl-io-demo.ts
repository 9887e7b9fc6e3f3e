import { LitElement, html, nothing } from 'lit';
import { DEFAULT_BYTES, DEFAULT_LATENCIES, DEFAULT_TIMEOUT_MS, splitAddresses } from '../../core/io-requests';
import { runIoSweep, runIoVariant, type IoRunContext } from '../../experiments/io';
import {
  IO_VARIANT_FACTS,
  IO_VARIANTS,
  pageCount,
  parseIoParams,
  type IoParams,
  type IoRunResult,
  type IoSource,
  type IoVariant,
} from '../../experiments/io-rules';
import { simulatedPagesReady, simulatedPagesStatus, siteRoot, type SimulatedPagesStatus } from '../../runtime/simulated-pages';
import { DemoController, type RunContext } from '../demo-controller';
import { define } from '../define';
import { fieldGrid, type FieldOptions } from '../shared/fields';
import { settingsPanel } from '../shared/run-controls';
import { demoStyles } from '../shared/styles';
import { IO_JAVASCRIPT, IO_PYTHON } from './io-code';
import * as copy from './io-copy';
import { ioResults } from './io-results';
import { LiveRequests, waterfallStyles } from './io-waterfall';
import '../pl-code-compare';
import { readingOf } from '../pl-frame-meter';

/**
 * The waiting demo: the lesson's "open four web pages", one after another,
 * all at once on the page's own thread (at most K in flight), and from
 * workers. Each request is timed and drawn as one bar of a waterfall; every
 * failed request says why on its own row.
 *
 * Attributes (and, with `url-params`, when the page's URL names this demo or none, URL
 * parameters of the same names) set the starting values: `latencies`,
 * `sizes`, `urls` (addresses separated by spaces; implies `source="urls"`),
 * `source` (`simulated` or `urls`), `max-in-flight`, `workers`, `timeout`
 * and `autorun`.
 *
 * @fires pl-run-complete - after each run and each step of the sweep, even one with failed requests; `detail` is the IoRunResult.
 * @attr url-params - read the settings, and autorun, from the page's address as well (the lab's own pages set it; a course page's address is left alone without it).
 * @csspart panel - every section of the demo, with one of the names below.
 * @csspart intro - the introduction and, folded, what to expect.
 * @csspart settings - the fields, the buttons, the status, the frame meter and who answers the simulated pages.
 * @csspart results - the table, the story, the sweep's chart and the waterfalls.
 * @csspart code - the lesson's Python beside the JavaScript this page runs.
 * @cssproperty --pl-accent - and every other `--pl-*` property of the lab's theme, listed in src/ui/shared/theme.ts.
 */
export class PlIoDemo extends LitElement {
  static override get properties() {
    return {
      source: { type: String },
      latencies: { type: String },
      sizes: { type: String },
      urls: { type: String },
      maxInFlight: { type: String, attribute: 'max-in-flight' },
      workers: { type: String },
      timeout: { type: String },
      autorun: { type: Boolean },
      compact: { type: Boolean, reflect: true },
      sweep: { state: true },
      simulated: { state: true },
    };
  }

  /** `simulated` (the lab's own pages, the default) or `urls` (the addresses in `urls`). */
  source: IoSource = 'simulated';
  /** The simulated pages' waits in ms, separated by commas. */
  latencies: string | number = DEFAULT_LATENCIES.join(', ');
  /** The simulated pages' sizes in bytes: one for all, or one per page. */
  sizes: string | number = String(DEFAULT_BYTES);
  /** The visitor's own addresses, one per line (or separated by spaces). */
  urls = '';
  /** The concurrent variant's cap on requests in flight (1 is serial again). */
  maxInFlight: string | number = '4';
  /** Workers for the workers variant (the lesson's four threads). */
  workers: string | number = '4';
  /** Timeout per request, in ms. */
  timeout: string | number = String(DEFAULT_TIMEOUT_MS);
  /** Press Run all once the demo is ready. */
  autorun = false;
  /** Hide the long explanations and the advanced settings, for a page that embeds the demo. */
  compact = false;

  /** True when the page's address gave the addresses to fetch: autorun then waits for the visitor's Run. */
  private urlsFromLink = false;
  /** The sweep's runs, one per max in flight: its chart only, never the table. */
  private sweep: IoRunResult[] = [];
  private simulated: SimulatedPagesStatus = simulatedPagesStatus();
  private live = new LiveRequests(this);
  private runs = new DemoController<IoVariant, IoParams, IoRunResult>(this, {
    demo: 'io',
    urlFields: Object.fromEntries(Object.entries(copy.IO_FIELDS).map(([key, field]) => [key, field.id])),
    moreSettings: (): Record<string, string> => (this.source === 'urls' ? { source: 'urls', latencies: '', sizes: '' } : {}),
    fromUrl: (params) => {
      // Addresses come space-separated in a URL; the field lists one per line.
      if (params.has('urls')) this.urls = splitAddresses(String(this.urls)).join('\n');
      const source = params.get('source');
      if (source === 'simulated' || source === 'urls') this.source = source;
      else if (params.has('urls')) this.source = 'urls';
      this.urlsFromLink = this.source === 'urls' && params.has('urls');
    },
    params: () => this.check().params,
    run: (variant, params, context) => {
      this.live.start(variant, params);
      return this.fetching(context, (io) => runIoVariant(variant, params, io));
    },
    running: (variant, params) => `Running: ${copy.runLabel(variant, params)}…`,
    done: copy.runDone,
    wrong: copy.runDone,
    unverifiedIsDone: true,
    stopped: copy.runStopped,
    label: (variant) => IO_VARIANT_FACTS[variant].label,
  });

  static override styles = [demoStyles, waterfallStyles];

  override connectedCallback(): void {
    super.connectedCallback();
    // The page shows before its service worker has started: say who answers once it has.
    void simulatedPagesReady().then((status) => (this.simulated = status));
    // The controller has read the address by now (autorun included). A link's own addresses are filled in, never
    // fetched unasked: otherwise whoever wrote the link would choose where this browser sends requests.
    if (this.urlsFromLink && this.autorun) {
      this.autorun = false;
      this.runs.say(copy.AUTORUN_DECLINED);
    }
  }

  /** Runs the three variants in order. */
  runAll(): Promise<boolean> {
    return this.runs.runAll(IO_VARIANTS, 'All three variants finished. Read what happened below.');
  }

  /** Runs one variant; resolves false when it was stopped, refused or failed. */
  run(variant: IoVariant): Promise<boolean> {
    return this.runs.run(variant);
  }

  /** Runs the concurrent variant with 1, 2, … up to one request in flight per page, as one step. */
  runSweep(): Promise<boolean> {
    const params = this.check().params;
    if (!params || this.runs.busy) return Promise.resolve(false);
    const pages = pageCount(params);
    this.sweep = [];
    return this.runs.session(async (signal) => {
      const next = (k: number) => {
        this.live.start('concurrent', { ...params, maxInFlight: k });
        this.runs.say(`Sweeping max in flight: ${k} of ${pages}…`);
      };
      next(1);
      const swept = await this.runs.step('concurrent', `Sweeping max in flight: 1 of ${pages}…`, (onProgress) =>
        this.fetching({ pool: this.runs.pool, signal, onProgress }, (io) =>
          runIoSweep(params, io, (result) => {
            // Each step goes to the sweep's chart only: the table keeps the visitor's own concurrent run.
            this.sweep = [...this.sweep, result];
            this.runs.announce(result);
            if (result.params.maxInFlight < pages) next(result.params.maxInFlight + 1);
          }),
        ),
      );
      if (swept) this.runs.say(`Swept max in flight from 1 to ${pages}: see the chart below.`);
      return swept !== undefined;
    });
  }

  /** Stops the current run: aborts every request in flight at once and shuts the workers down. */
  stop(): void {
    this.runs.stop();
  }

  /** The settings as typed, by attribute name: what a page would write to show this demo as it is. */
  get settings(): Record<string, string> {
    return this.runs.settings();
  }

  /** Every field's message ('' when fine) and, when all are fine, the parameters. */
  private check() {
    const { latencies, sizes, urls, maxInFlight, workers, timeout } = this;
    const text = { latencies: String(latencies), sizes: String(sizes), urls: String(urls), maxInFlight, workers, timeout };
    return parseIoParams(text, this.source === 'urls' ? 'urls' : 'simulated');
  }

  /** Runs `work` with the requests' live rows: on Stop or failure, the rows say which were aborted or never sent. */
  private async fetching<T>(context: RunContext, work: (io: IoRunContext) => Promise<T>): Promise<T> {
    this.simulated = await simulatedPagesReady();
    try {
      const value = await work({
        ...context,
        root: siteRoot(),
        simulatedBy: this.simulated.answeredBy,
        onRequestStart: (index) => this.live.sent(index),
        onRequest: (index, record) => this.live.done(index, record),
      });
      this.live.clear();
      return value;
    } catch (error) {
      this.live.stopped();
      throw error;
    }
  }

  override render() {
    const { messages, params } = this.check();
    const busy = this.runs.busy;
    const urls = this.source === 'urls';
    const field = (key: keyof typeof copy.IO_FIELDS): FieldOptions => ({
      ...copy.IO_FIELDS[key],
      value: this[key],
      message: messages[key],
      onInput: (v) => (this[key] = v),
    });
    const fields = [!urls && field('latencies'), !urls && field('sizes'), urls && field('urls')];
    const numbers = [field('maxInFlight'), field('workers'), field('timeout')];
    return html`
      <section part="panel intro" aria-labelledby="io-title">${copy.ioIntro()} ${copy.ioExpectations()}</section>
      ${settingsPanel({
        id: 'io',
        state: this.runs,
        fields: html`${copy.sourceChoice(this.source, busy, (s) => (this.source = s))} ${fieldGrid([...fields, ...numbers], busy)}`,
        variants: IO_VARIANTS.map((v) => ({ value: v, label: IO_VARIANT_FACTS[v].label })),
        invalid: !params,
        extraButtons: copy.sweepButton(busy || !params, () => void this.runSweep()),
        // Who answers the simulated pages comes after the controls: it matters once there are results to read.
        after: html`<pl-frame-meter
            ?running=${busy}
            .reading=${readingOf(this.runs.latest, (r) => copy.runLabel(r.variant, r.params))}
          ></pl-frame-meter>
          ${urls ? nothing : copy.simulationNote(this.simulated)}`,
        onRunAll: () => void this.runAll(),
        onRun: (v) => void this.run(v),
        onStop: () => this.stop(),
      })}
      ${ioResults({ results: this.runs.results, live: this.live.run, running: this.runs.running, sweep: this.sweep })}
      <section part="panel code" aria-labelledby="io-code">
        <h3 id="io-code">The code</h3>
        <pl-code-compare .python=${IO_PYTHON} .javascript=${IO_JAVASCRIPT}></pl-code-compare>
      </section>
    `;
  }
}

define('pl-io-demo', PlIoDemo);

declare global {
  interface HTMLElementTagNameMap {
    'pl-io-demo': PlIoDemo;
  }
}
