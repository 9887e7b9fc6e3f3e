import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { abortError, errorText, isAbortError } from '../core/abort';
import type { DemoId } from '../core/run-result';
import { spawnBrowserWorker } from '../runtime/browser-worker';
import { WorkerPool } from '../runtime/pool';
import { dispatchRunComplete, type AnyRunResult } from './run-complete';
import { applyUrlParams, wantsAutorun } from './url-params';

/** What a demo element offers the controller: its autorun switch and its Run all. */
export interface DemoHost extends ReactiveControllerHost, HTMLElement {
  autorun: boolean;
  runAll(): Promise<boolean>;
}

/** What a variant's run is given: the demo's pool (started lazily), the run's signal, and where to report progress. */
export interface RunContext {
  readonly pool: WorkerPool;
  signal: AbortSignal;
  onProgress: (fraction: number) => void;
}

/** What a demo tells its controller: how to read its fields, run a variant, and word each outcome. */
export interface DemoSpec<V extends string, P, R extends AnyRunResult> {
  demo: DemoId;
  /** The host's text fields, each by the attribute (and URL parameter) that sets it. */
  urlFields: Readonly<Record<string, string>>;
  /** Reads whatever else the URL says for this demo, beyond its fields. */
  fromUrl?: (params: URLSearchParams) => void;
  /** Settings beyond the fields, by attribute, for `settings()` (say, where the I/O demo's pages come from). */
  moreSettings?: () => Record<string, string>;
  /** The parameters as typed now, or undefined when a field is refused (the host shows why). */
  params: () => P | undefined;
  run: (variant: V, params: P, context: RunContext) => Promise<R>;
  /** The status while `variant` runs. */
  running: (variant: V, params: P) => string;
  /** The status after a verified run. */
  done: (result: R) => string;
  /** The status after a run whose result failed its check: its time is not to be trusted. */
  wrong: (result: R) => string;
  /**
   * True when a run that failed its check still counts as done: said with
   * `done`, and Run all goes on. For a demo whose failures are part of the
   * lesson (I/O: a request that failed, on its own row); by default false.
   */
  unverifiedIsDone?: boolean;
  /** The status after Stop, during `variant` or between two. */
  stopped: (variant: V | null) => string;
  /** The name a failure's message starts with. */
  label: (variant: V) => string;
  /** Runs once the page has painted the demo, before any autorun. */
  onReady?: () => void;
  /** Awaited after each variant of Run all, before the next starts. */
  between?: () => Promise<void>;
}

/** Where a finished run goes: by default the results table, under its variant. */
export interface VariantOptions<P, R> {
  params?: P;
  keep?: (result: R) => void;
}

/**
 * The run lifecycle every demo shares, as a Lit reactive controller: the
 * session (one variant, Run all or a sweep) with its AbortController, a pool
 * of workers started when first needed and shut down on Stop and on
 * disconnect, the results by variant, the `pl-run-complete` event, the
 * status line and progress, the URL's settings and autorun. Stop aborts at
 * once, also between two variants of Run all, so no further variant starts.
 */
export class DemoController<V extends string, P, R extends AnyRunResult> implements ReactiveController {
  /** The latest result of each variant. */
  results: Partial<Record<V, R>> = {};
  /** The run that finished last, whichever variant (or sweep step) it was. */
  latest?: R;
  /** The variant running now, or null between variants and sessions. */
  running: V | null = null;
  /** The running variant's progress, 0 to 1. */
  progress = 0;
  /** The status line: what runs, what finished, what went wrong. */
  status = '';
  /** True when the status reports a failure. */
  failed = false;
  private controller?: AbortController;
  private workers?: WorkerPool;
  private urlRead = false;
  private readied = false;

  constructor(
    private readonly host: DemoHost,
    private readonly spec: DemoSpec<V, P, R>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.urlRead) return;
    // Once only: coming back to the page (a tab, a move in the DOM) keeps what the visitor typed since.
    this.urlRead = true;
    // Only a page that asks for it (the lab's own, the embed page) lets its address set the demo:
    // a course page's address is the course's, not the demo's.
    if (!this.host.hasAttribute('url-params')) return;
    const params = applyUrlParams(this.host as unknown as Record<string, string>, this.spec.demo, this.spec.urlFields);
    this.spec.fromUrl?.(params);
    if (wantsAutorun(params)) this.host.autorun = true;
  }

  hostUpdated(): void {
    if (this.readied) return;
    this.readied = true;
    // Let the page paint before measuring or running anything.
    setTimeout(() => {
      this.spec.onReady?.();
      if (this.host.autorun && this.host.isConnected) void this.host.runAll();
    }, 0);
  }

  hostDisconnected(): void {
    this.stop();
    this.workers?.terminate();
    this.workers = undefined;
  }

  /**
   * The demo's settings as typed, by attribute (and URL parameter) name,
   * leaving out empty fields: what an embedding page would write to get this
   * demo as it is now.
   */
  settings(): Record<string, string> {
    const host = this.host as unknown as Record<string, unknown>;
    const fields = Object.entries(this.spec.urlFields).map(([field, attribute]) => [attribute, String(host[field] ?? '').trim()]);
    const all: Record<string, string> = { ...Object.fromEntries(fields), ...this.spec.moreSettings?.() };
    return Object.fromEntries(Object.entries(all).filter(([, value]) => value !== ''));
  }

  /** The demo's workers, started when a run first needs them. */
  get pool(): WorkerPool {
    this.workers ??= new WorkerPool(spawnBrowserWorker, 1);
    return this.workers;
  }

  /** True while a session is going. */
  get busy(): boolean {
    return this.controller !== undefined;
  }

  /** Runs `variants` in order as one session; stops at the first that is stopped or fails. */
  runAll(variants: readonly V[], finished: string): Promise<boolean> {
    if (this.busy || !this.spec.params()) return Promise.resolve(false);
    return this.session(async (signal) => {
      for (const variant of variants) {
        if (!(await this.runVariant(variant, signal))) return false;
        await this.spec.between?.();
        if (signal.aborted) {
          this.say(this.spec.stopped(null));
          return false;
        }
      }
      this.say(finished);
      return true;
    });
  }

  /** Runs one variant as a session of its own. */
  run(variant: V): Promise<boolean> {
    if (this.busy || !this.spec.params()) return Promise.resolve(false);
    return this.session((signal) => this.runVariant(variant, signal));
  }

  /**
   * Runs one variant within a session, with the parameters as typed (or
   * `options.params`): announces it, reports progress, keeps and announces
   * its result, and says whether it was verified. Resolves false when it was
   * stopped, failed or gave a wrong result.
   */
  async runVariant(variant: V, signal: AbortSignal, options: VariantOptions<P, R> = {}): Promise<boolean> {
    const params = options.params ?? this.spec.params();
    if (!params) return false;
    const result = await this.step(variant, this.spec.running(variant, params), (onProgress) =>
      this.spec.run(variant, params, { pool: this.pool, signal, onProgress }),
    );
    if (!result) return false;
    // Stop pressed once the work was done but before the run was wrapped up (its frames, its memory): the visitor
    // asked for nothing more, so nothing more is reported.
    if (signal.aborted) {
      this.say(this.spec.stopped(variant));
      return false;
    }
    if (options.keep) options.keep(result);
    else this.results = { ...this.results, [variant]: result };
    this.announce(result);
    if (!result.verified && !this.spec.unverifiedIsDone) {
      this.fail(this.spec.wrong(result));
      return false;
    }
    this.say(this.spec.done(result));
    return true;
  }

  /**
   * Runs `work` as the step of `variant`: shows `message`, reports progress,
   * and turns a stop or an error into the status line (resolving undefined).
   */
  async step<T>(
    variant: V,
    message: string,
    work: (onProgress: (fraction: number) => void) => Promise<T>,
  ): Promise<T | undefined> {
    this.running = variant;
    this.progress = 0;
    this.say(message);
    try {
      return await work(this.onProgress);
    } catch (error) {
      if (isAbortError(error)) this.say(this.spec.stopped(variant));
      else this.fail(`${this.spec.label(variant)} failed: ${errorText(error)}`);
      return undefined;
    } finally {
      this.running = null;
      this.host.requestUpdate();
    }
  }

  /** Runs `body` as a session, unless one is going already; resolves with its outcome, false when it did not start. */
  async session(body: (signal: AbortSignal) => Promise<boolean>): Promise<boolean> {
    if (this.controller) return false;
    const controller = new AbortController();
    this.controller = controller;
    this.host.requestUpdate();
    this.keepFocus('button.stop');
    try {
      return await body(controller.signal);
    } finally {
      this.controller = undefined;
      this.running = null;
      this.host.requestUpdate();
      this.keepFocus('button[type="submit"]');
    }
  }

  /** Stops the session at once and shuts the workers down; the next run starts fresh ones. */
  stop(): void {
    if (!this.controller) return;
    this.controller.abort(abortError());
    this.workers?.terminate(abortError());
  }

  /** Keeps a finished run as the latest and tells the page about it (`pl-run-complete`). */
  announce(result: R): void {
    this.latest = result;
    dispatchRunComplete(this.host, result);
  }

  say(status: string): void {
    this.status = status;
    this.failed = false;
    this.host.requestUpdate();
  }

  fail(status: string): void {
    this.status = status;
    this.failed = true;
    this.host.requestUpdate();
  }

  /** The progress bar and the status line, announced politely to screen readers. */
  renderStatus(label: string) {
    return html`<div aria-live="polite">
      <progress max="1" .value=${this.progress} ?hidden=${!this.busy} aria-label=${label}></progress>
      <p class="status ${this.failed ? 'failed' : ''}" data-field="status">${this.status}</p>
    </div>`;
  }

  /** At most a hundred repaints per run: drawing costs main-thread time that some runs are measuring. */
  private onProgress = (fraction: number): void => {
    if (fraction === 1 || fraction - this.progress >= 0.01) {
      this.progress = fraction;
      this.host.requestUpdate();
    }
  };

  /**
   * The button just pressed is disabled by the update (Run when a run starts,
   * Stop when it ends), and the browser drops its focus to the page: hand it
   * to the button that now matters, so keyboard users keep their place.
   */
  private keepFocus(selector: string): void {
    const root = this.host.shadowRoot;
    if (!root?.activeElement) return;
    void this.host.updateComplete.then(() => {
      const focused = root.activeElement as HTMLButtonElement | null;
      if (!focused || focused.disabled) root.querySelector<HTMLElement>(selector)?.focus();
    });
  }
}
