import { LitElement, html, nothing } from 'lit';
import { runLocksVariant } from '../../experiments/locks';
import {
  LESSON_PARAMS,
  LOCKS_DEFAULTS,
  LOCKS_LIMITS,
  LOCKS_VARIANT_FACTS,
  LOCKS_VARIANTS,
  locksVariantsFor,
  parseLocksParams,
  type LocksParams,
  type LocksRunResult,
  type LocksVariant,
} from '../../experiments/locks-rules';
import { reportedCores } from '../../runtime/environment';
import { nextPaint } from '../../runtime/frame-monitor';
import { canShareMemory } from '../../runtime/isolation';
import { DemoController } from '../demo-controller';
import { define } from '../define';
import { fieldGrid } from '../shared/fields';
import { isolationNotice } from '../shared/isolation-notice';
import { resultsTable } from '../shared/results-table';
import { settingsPanel } from '../shared/run-controls';
import { storyList } from '../shared/story';
import { demoStyles, isolationStyles } from '../shared/styles';
import { timelinePicker } from '../shared/timeline-picker';
import type { BarDatum } from '../pl-bar-chart';
import '../pl-bar-chart';
import {
  LOCKS_ISOLATION,
  LOCKS_STATUS,
  locksCode,
  locksExpectations,
  locksHints,
  locksIntro,
  locksResultsNote,
  whyPython,
} from './locks-copy';
import { LOCKS_COLUMNS, lessonSizeMeasure, locksStory, type LocksResults } from './locks-story';

const label = (v: LocksVariant): string => LOCKS_VARIANT_FACTS[v].label;
const FIELDS = ['workers', 'increments', 'widen'] as const;

/**
 * The shared-counter demo: the lesson's "4 processes add 1 to a shared
 * `Value`" with Web Workers on one `SharedArrayBuffer`: without a lock, with
 * `Atomics.add`, with a futex mutex around each increment and around the whole
 * loop; and, needing no shared memory, the same race between async tasks on
 * the page's own thread, fixed by an async mutex. Every count is read back
 * and checked against workers × increments.
 *
 * Attributes (and, with `url-params`, when the page's URL names this demo or none, URL
 * parameters of the same names: `?demo=locks&workers=4&increments=1000000&widen=0&autorun=1`)
 * set the starting values.
 *
 * @fires pl-run-complete - after each run; `detail` is the LocksRunResult.
 * @attr url-params - read the settings, and autorun, from the page's address as well (the lab's own pages set it; a course page's address is left alone without it).
 * @csspart panel - every section of the demo, with one of the names below.
 * @csspart intro - the title, the lesson and what to expect.
 * @csspart notice - why the worker variants are off, on a page without shared memory.
 * @csspart settings - the fields, the buttons and the status.
 * @csspart results - the table, the story, the charts and the timeline.
 * @csspart explanation - why CPython loses updates at the lesson's size and a browser rarely does.
 * @csspart code - the lesson's Python beside the JavaScript that runs.
 * @cssproperty --pl-accent - and every other `--pl-*` property of the lab's theme, listed in src/ui/shared/theme.ts.
 */
export class PlLocksDemo extends LitElement {
  static override get properties() {
    return {
      workers: { type: String },
      increments: { type: String },
      widen: { type: String },
      autorun: { type: Boolean },
      compact: { type: Boolean, reflect: true },
      timelineVariant: { state: true },
    };
  }

  /** Workers (or async tasks) counting at once (default 4, as in the lesson). */
  workers = String(LOCKS_DEFAULTS.workers);
  /** Increments each one makes (default 1,000,000: enough that the unlocked race shows on every run). */
  increments = String(LOCKS_DEFAULTS.increments);
  /** Arithmetic steps between the read and the write (default 0). */
  widen = String(LOCKS_DEFAULTS.widen);
  /** Press Run all once the demo is ready. */
  autorun = false;
  /** Hide the longer explanations and the advanced settings, for a page that embeds the demo. */
  compact = false;

  private timelineVariant: LocksVariant = 'mutex-whole-loop';
  /** Fixed for the page's life: isolation is decided when the document loads. */
  private readonly shared = canShareMemory();
  private readonly demo = new DemoController<LocksVariant, LocksParams, LocksRunResult>(this, {
    demo: 'locks',
    urlFields: { workers: 'workers', increments: 'increments', widen: 'widen' },
    params: () => this.parsed().params,
    run: async (variant, params, context) => {
      const result = await runLocksVariant(variant, params, context);
      // The whole-loop lock's turns are the timeline worth seeing; otherwise keep the visitor's choice while it has a run.
      if (variant === 'mutex-whole-loop' || !this.demo.results[this.timelineVariant]) this.timelineVariant = variant;
      return result;
    },
    ...LOCKS_STATUS,
    label,
    between: nextPaint,
  });

  static override styles = [demoStyles, isolationStyles];

  /** The variants this page can run: all six when it is cross-origin isolated, else the two on the main thread. */
  get availableVariants(): readonly LocksVariant[] {
    return locksVariantsFor(this.shared);
  }

  private parsed() {
    return parseLocksParams({ workers: this.workers, increments: this.increments, widen: this.widen });
  }

  /** Runs every variant this page can run, in order; stops at the first that is stopped or fails. */
  runAll(): Promise<boolean> {
    return this.demo.runAll(this.availableVariants, LOCKS_STATUS.finished(this.shared));
  }

  /** Runs one variant; resolves false when it was stopped, refused or failed. */
  run(variant: LocksVariant): Promise<boolean> {
    if (!this.availableVariants.includes(variant)) return Promise.resolve(false);
    return this.demo.run(variant);
  }

  /** Stops the current run at once and shuts its workers down. */
  stop(): void {
    this.demo.stop();
  }

  /** The settings as typed, by attribute name: what a page would write to show this demo as it is. */
  get settings(): Record<string, string> {
    return this.demo.settings();
  }

  private useLessonNumbers(): void {
    this.workers = String(LESSON_PARAMS.workers);
    this.increments = String(LESSON_PARAMS.increments);
    this.widen = String(LESSON_PARAMS.widen);
  }

  override render() {
    const { params, messages, combined } = this.parsed();
    const busy = this.demo.busy;
    const hints = locksHints(reportedCores());
    const fields = fieldGrid(
      FIELDS.map((id) => ({
        id,
        label: LOCKS_LIMITS[id].label,
        value: this[id],
        message: messages[id],
        hint: hints[id],
        kind: 'number' as const,
        advanced: id === 'widen',
        onInput: (v: string) => (this[id] = v),
      })),
      busy,
      [{ id: 'combined', label: 'Workers × increments × (1 + window)', message: combined }],
    );
    return html`
      <section part="panel intro" aria-labelledby="locks-title">${locksIntro()} ${locksExpectations()}</section>
      ${settingsPanel({
        id: 'locks',
        state: this.demo,
        fields,
        notes: combined ? html`<p class="error" data-field="combined-error">${combined}</p>` : nothing,
        variants: LOCKS_VARIANTS.map((v) => ({
          value: v,
          label: label(v),
          unavailable: this.availableVariants.includes(v)
            ? undefined
            : 'Needs shared memory, which this page does not have: see the note below the settings.',
        })),
        invalid: !params,
        runAllLabel: this.shared ? 'Run all' : 'Run both main-thread variants',
        extraButtons: html`<button type="button" data-action="lesson" ?disabled=${busy} @click=${this.useLessonNumbers}>
          Use the lesson's numbers (4 × 10,000)
        </button>`,
        onRunAll: () => void this.runAll(),
        onRun: (v) => void this.run(v),
        onStop: () => this.stop(),
      })}
      ${this.shared ? nothing : isolationNotice(LOCKS_ISOLATION)} ${this.renderResults()}
      ${whyPython(lessonSizeMeasure(this.demo.results))} ${locksCode()}
    `;
  }

  private renderResults() {
    const results = this.demo.results;
    const done = LOCKS_VARIANTS.filter((v) => results[v]);
    if (done.length === 0) return nothing;
    const { lostBars, timeBars } = this.chartData(results, done);
    const timeline = results[this.timelineVariant] ?? results[done[done.length - 1]]!;
    return html`<section part="panel results" aria-labelledby="locks-results">
      <h3 id="locks-results">Results</h3>
      ${resultsTable(
        done.map((v) => ({ key: v, row: results[v]! })),
        LOCKS_COLUMNS,
      )}
      ${locksResultsNote()} ${storyList(locksStory(results))}
      <div class="charts">
        <pl-bar-chart heading="Lost updates per variant" unit="updates lost" .bars=${lostBars}></pl-bar-chart>
        <pl-bar-chart heading="Time per variant" unit="ms" .bars=${timeBars}></pl-bar-chart>
      </div>
      ${timelinePicker({
        options: done.map((v) => ({ value: v, label: label(v) })),
        selected: timeline.variant,
        onChange: (v) => (this.timelineVariant = v),
        heading: `Timeline: ${label(timeline.variant)} (when each one counted)`,
        trace: timeline.trace,
      })}
    </section>`;
  }

  private charts?: { results: LocksResults; lostBars: BarDatum[]; timeBars: BarDatum[] };

  /**
   * The bars, rebuilt only when the results change: new arrays would redraw
   * the charts on every progress tick, taking main-thread time from the async
   * variants being measured.
   */
  private chartData(results: LocksResults, done: LocksVariant[]): { lostBars: BarDatum[]; timeBars: BarDatum[] } {
    if (this.charts?.results !== results) {
      this.charts = {
        results,
        lostBars: done.map((v) => ({ label: label(v), value: results[v]!.lost })),
        timeBars: done.map((v) => ({ label: label(v), value: results[v]!.wallMs })),
      };
    }
    return this.charts;
  }
}

define('pl-locks-demo', PlLocksDemo);

declare global {
  interface HTMLElementTagNameMap {
    'pl-locks-demo': PlLocksDemo;
  }
}
