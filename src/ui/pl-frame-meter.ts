import { LitElement, css, html } from 'lit';
import { frameVerdict, type FrameVerdict } from '../experiments/verdicts';
import { FrameMonitor } from '../runtime/frame-monitor';
import { define } from './define';
import { cssomStyle } from './shared/cssom-style';
import { theme } from './shared/theme';

/** The scale of the bar: a gap this long fills it. */
const FULL_SCALE_MS = 1000;

/** What the meter shows once a run is over: that run's own figures. */
export interface FrameReading {
  /** The run it reads, as the page names it. */
  label: string;
  gapMs: number;
  blockMs: number | null;
}

/** The reading of the run that finished last, if any, named as the page names it. */
export function readingOf<R extends { longestFrameGapMs: number; longestBlockMs: number | null }>(
  run: R | undefined,
  label: (run: R) => string,
): FrameReading | undefined {
  return run && { label: label(run), gapMs: run.longestFrameGapMs, blockMs: run.longestBlockMs };
}

const VERDICTS: Record<FrameVerdict, string> = {
  smooth: 'the page stayed smooth',
  froze: 'the page froze: the run held its thread',
  stuttered: 'the page stuttered: the run held its thread now and then',
  'busy machine': "frames came late, though the page's thread was free: the machine was busy with something else",
  'unknown cause': 'this browser cannot tell whether the run or a busy machine held the page',
};

/**
 * The main thread's responsiveness. While `running`, it watches animation
 * frames and shows the longest gap so far; once a run is over, it shows that
 * run's own `reading` (its gap during the measured work, the same figure as
 * in the results) and what it means: a gap is a freeze only when the run's
 * own work held the page's thread.
 *
 * @cssproperty --pl-meter-color - colour of the bar when the page stayed smooth.
 */
export class PlFrameMeter extends LitElement {
  static override get properties() {
    return {
      running: { type: Boolean },
      reading: { attribute: false },
      liveMs: { state: true },
      beat: { state: true },
    };
  }

  /** Watch frames while true. */
  running = false;
  /** The last finished run's figures, shown when not running. */
  reading?: FrameReading;
  private liveMs = 0;
  private beat = 0;
  private monitor = new FrameMonitor();
  private handle = 0;

  static override styles = [
    theme,
    css`
      :host {
        display: block;
      }
      .row {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        flex-wrap: wrap;
      }
      .track {
        flex: 1 1 12rem;
        height: 0.9rem;
        background: var(--_pl-border);
        border-radius: 4px;
        overflow: hidden;
      }
      .bar {
        height: 100%;
        background: var(--pl-meter-color, var(--_pl-good));
      }
      .bar.stuttered,
      .bar.busy {
        background: var(--_pl-warn);
      }
      .bar.froze {
        background: var(--_pl-bad);
      }
      .pulse {
        width: 0.9rem;
        height: 0.9rem;
        border-radius: 50%;
        background: var(--_pl-accent);
        transition: none;
      }
    `,
  ];

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (!changed.has('running')) return;
    if (this.running) {
      this.monitor.start();
      this.liveMs = 0;
      const tick = () => {
        this.liveMs = this.monitor.longestGapMs;
        this.beat++;
        this.handle = requestAnimationFrame(tick);
      };
      this.handle = requestAnimationFrame(tick);
    } else if (changed.get('running')) {
      cancelAnimationFrame(this.handle);
      this.monitor.stop();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelAnimationFrame(this.handle);
    this.monitor.stop();
  }

  override render() {
    const reading = this.running ? undefined : this.reading;
    const gapMs = reading ? reading.gapMs : this.liveMs;
    const verdict = reading ? frameVerdict(reading.gapMs, reading.blockMs) : undefined;
    const width = Math.min(100, (gapMs / FULL_SCALE_MS) * 100);
    const barClass =
      verdict === 'froze' ? 'froze' : verdict === 'stuttered' ? 'stuttered' : verdict === 'busy machine' ? 'busy' : '';
    return html`<div class="row" role="group" aria-label="Main-thread responsiveness">
      <span
        class="pulse"
        ${cssomStyle({ opacity: String(this.running ? (this.beat % 30) / 30 : 0.2) })}
        aria-hidden="true"
      ></span>
      <span data-field="meter-text"
        >${reading ? `Longest pause during ${reading.label}: ` : this.running ? 'Longest pause so far: ' : 'Longest pause: '}
        <strong data-field="longest-gap">${Math.round(gapMs)} ms</strong>
        ${verdict ? html`(<span data-field="verdict">${VERDICTS[verdict]}</span>)` : ''}</span
      >
      <div class="track" aria-hidden="true">
        <div class="bar ${barClass}" ${cssomStyle({ width: `${width}%` })}></div>
      </div>
    </div>`;
  }
}

define('pl-frame-meter', PlFrameMeter);

declare global {
  interface HTMLElementTagNameMap {
    'pl-frame-meter': PlFrameMeter;
  }
}
