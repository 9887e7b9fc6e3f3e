import { LitElement, html, nothing } from 'lit';
import { isDemoId, type DemoId, type RunResultBase } from '../../core/run-result';
import { DEMOS } from '../demos';
import { define } from '../define';
import { demoStyles } from '../shared/styles';
import { findings } from './summary-story';

type AnyRun = RunResultBase<DemoId, string, unknown>;

/** A demo element as the summary drives it. */
export type RunnableDemo = HTMLElement & { runAll(): Promise<boolean>; stop(): void };

/** What the summary needs of the lab around it. */
export interface SummaryHost {
  /** The demo's element, made and loaded if it was not yet, ready to run. */
  demoElement(id: DemoId): Promise<RunnableDemo>;
  /** Shows the demo. */
  open(id: DemoId): void;
}

/**
 * "What this machine showed": the lesson's findings written from this
 * visit's verified runs, each figure linking to the demo it came from; for a
 * demo not run yet, a button to run it. "Run everything" runs every demo's
 * Run all in turn, at its current settings, with progress and Stop.
 *
 * @csspart panel - each section.
 */
export class PlSummary extends LitElement {
  static override get properties() {
    return {
      runs: { attribute: false },
      lab: { attribute: false },
      autorun: { type: Boolean },
      status: { state: true },
      step: { state: true },
    };
  }

  /** This visit's runs, oldest first. */
  runs: readonly AnyRun[] = [];
  /** The lab this summary belongs to. */
  lab?: SummaryHost;
  /** Run everything once ready. */
  autorun = false;
  private status = '';
  /** The demo running now and its place in Run everything, while it runs. */
  private step?: { index: number; demo: RunnableDemo };
  private stopped = false;

  static override styles = demoStyles;

  protected override firstUpdated(): void {
    if (this.autorun) setTimeout(() => void this.runEverything(), 0);
  }

  private get demos() {
    return DEMOS.filter((d): d is (typeof DEMOS)[number] & { id: DemoId } => isDemoId(d.id));
  }

  /** Runs every demo's Run all in turn; Stop ends the one running and the rest. */
  async runEverything(): Promise<void> {
    if (this.step || !this.lab) return;
    this.stopped = false;
    const demos = this.demos;
    let failed = 0;
    for (const [index, entry] of demos.entries()) {
      if (this.stopped) break;
      const demo = await this.lab.demoElement(entry.id);
      this.step = { index, demo };
      this.status = `Running ${index + 1} of ${demos.length}: ${entry.title}…`;
      if (!(await demo.runAll()) && !this.stopped) failed++;
    }
    this.step = undefined;
    this.status = this.stopped
      ? 'Stopped. What finished is below.'
      : `Every demo ran${failed ? `; ${failed} did not finish all their variants (open them to see why)` : ''}. Read what this machine showed below.`;
  }

  stop(): void {
    this.stopped = true;
    this.step?.demo.stop();
  }

  private async runOne(id: DemoId): Promise<void> {
    if (this.step || !this.lab) return;
    const demo = await this.lab.demoElement(id);
    this.step = { index: -1, demo };
    this.status = `Running ${DEMOS.find((d) => d.id === id)?.title}…`;
    await demo.runAll();
    this.step = undefined;
    this.status = '';
  }

  override render() {
    const found = findings(this.runs);
    const busy = Boolean(this.step);
    return html`<section part="panel" aria-labelledby="summary-title">
        <h2 id="summary-title">What this machine showed</h2>
        <p>The lesson's findings, with the numbers measured in this browser during this visit (verified runs only).</p>
        <div class="buttons">
          <button type="button" class="primary" ?disabled=${busy} @click=${() => void this.runEverything()}>
            Run everything
          </button>
          <button type="button" class="stop" ?disabled=${!busy} @click=${() => this.stop()}>Stop</button>
        </div>
        <div aria-live="polite">
          <progress
            max=${this.demos.length}
            .value=${this.step ? Math.max(0, this.step.index) : 0}
            ?hidden=${!busy || this.step?.index === -1}
            aria-label="Demos run"
          ></progress>
          <p class="status" data-field="status">${this.status}</p>
        </div>
      </section>
      <section part="panel" data-field="findings">
        ${this.demos.map(
          (entry) =>
            html`<h3>${entry.title}</h3>
              ${
                found[entry.id]
                  ? html`<ul data-demo=${entry.id}>
                      ${found[entry.id]!.map(
                        (f) =>
                          html`<li>
                            <a href="?demo=${f.demo}" @click=${(e: Event) => this.openDemo(e, f.demo)}
                              ><strong>${f.figure}</strong></a
                            >
                            ${f.text}
                          </li>`,
                      )}
                    </ul>`
                  : html`<p data-demo=${entry.id}>
                      Not run yet.
                      <button type="button" ?disabled=${busy} @click=${() => void this.runOne(entry.id)}>
                        Run ${entry.title}
                      </button>
                    </p>`
              }`,
        )}
      </section>
      <section part="panel" aria-labelledby="summary-conclusion">
        <h3 id="summary-conclusion">The lesson, for a browser</h3>
        <p>
          Wait with <code>async</code>: one thread can wait for many things at once. Compute with workers: only they run on more
          than one core. Share memory only through atomics or a lock, or updates get lost. And measure: the cores a browser
          reports, and the cost of moving data, are not what they seem until you time them.
        </p>
        <h4>A short zen of parallel code</h4>
        <ul>
          <li>Waiting is not working: do not give it a thread.</li>
          <li>Two threads on one core take turns, however politely.</li>
          <li>A copy costs what it copies; a transfer costs almost nothing; sharing costs care.</li>
          <li>If two hands can touch it, one lock must guard it.</li>
          <li>Speed-up is measured, never promised.</li>
        </ul>
      </section>
      ${nothing}`;
  }

  private openDemo(event: Event, id: DemoId): void {
    event.preventDefault();
    this.lab?.open(id);
  }
}

define('pl-summary', PlSummary);

declare global {
  interface HTMLElementTagNameMap {
    'pl-summary': PlSummary;
  }
}
