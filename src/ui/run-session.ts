import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { abortError } from '../runtime/pool';

export interface RunSessionOptions<V extends string> {
  /** What Stop must do beyond aborting the signal, such as terminating the demo's workers. */
  onStop: () => void;
  /** The status shown when a run of `variant` was stopped. */
  stoppedMessage: (variant: V | null) => string;
}

/**
 * The run state every demo shares: whether a session (one variant, Run all,
 * a sweep) is going, which variant runs now, its progress and the status
 * line. A session owns one AbortController: Stop aborts it at once, also
 * between the variants of Run all, so no further variant starts.
 */
export class RunSession<V extends string> implements ReactiveController {
  /** The variant running now, or null between variants and sessions. */
  running: V | null = null;
  /** The running variant's progress, 0 to 1. */
  progress = 0;
  /** The status line: what runs, what finished, what went wrong. */
  status = '';
  /** True when the status reports a failure. */
  failed = false;
  private controller?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: RunSessionOptions<V>,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** True while a session is going. */
  get busy(): boolean {
    return this.controller !== undefined;
  }

  /** Runs `body` as a session, unless one is going already; resolves with its outcome, false when it did not start. */
  async start(body: (signal: AbortSignal) => Promise<boolean>): Promise<boolean> {
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

  /**
   * Runs `steps` in order as one session, stopping at the first that fails or
   * at Stop, even when it comes between two steps; `between` runs after each.
   */
  sequence(
    steps: Array<(signal: AbortSignal) => Promise<boolean>>,
    finished: string,
    between?: () => Promise<void>,
  ): Promise<boolean> {
    return this.start(async (signal) => {
      for (const step of steps) {
        if (!(await step(signal))) return false;
        await between?.();
        if (signal.aborted) {
          this.say(this.options.stoppedMessage(null));
          return false;
        }
      }
      this.say(finished);
      return true;
    });
  }

  /**
   * Runs one variant inside a session: shows `startMessage`, reports progress,
   * and turns a stop or an error into the status line (resolving undefined).
   */
  async step<R>(
    variant: V,
    name: string,
    startMessage: string,
    work: (onProgress: (fraction: number) => void) => Promise<R>,
  ): Promise<R | undefined> {
    this.running = variant;
    this.progress = 0;
    this.say(startMessage);
    try {
      return await work(this.onProgress);
    } catch (error) {
      const e = error as Error;
      if (e.name === 'AbortError') this.say(this.options.stoppedMessage(variant));
      else this.fail(`${name} failed: ${e.message}`);
      return undefined;
    } finally {
      this.running = null;
      this.host.requestUpdate();
    }
  }

  /** Stops the session at once. */
  stop(): void {
    if (!this.controller) return;
    this.controller.abort(abortError());
    this.options.onStop();
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

  /** At most a hundred repaints per run: drawing costs main-thread time that some runs are measuring. */
  private onProgress = (fraction: number): void => {
    if (fraction === 1 || fraction - this.progress >= 0.01) {
      this.progress = fraction;
      this.host.requestUpdate();
    }
  };

  /** The progress bar and the status line, announced politely to screen readers. */
  renderStatus(label: string) {
    return html`<div aria-live="polite">
      <progress max="1" .value=${this.progress} ?hidden=${!this.busy} aria-label=${label}></progress>
      <p class="status ${this.failed ? 'failed' : ''}" data-field="status">${this.status}</p>
    </div>`;
  }
}
