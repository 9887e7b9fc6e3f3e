import { LitElement, css, html } from 'lit';
import { FrameMonitor } from '../runtime/frame-monitor';
import { define } from './define';
import { theme } from './shared/theme';

/** Above this gap between frames, people notice the page stutter. */
const SMOOTH_MS = 50;
/** Above this gap, the page stops answering: clicks and typing wait. */
const FROZEN_MS = 200;
/** The scale of the bar: a gap this long fills it. */
const FULL_SCALE_MS = 1000;

/**
 * The main thread's responsiveness: while `running`, it watches animation
 * frames and shows the longest gap between two of them. A smooth page paints
 * every 16 ms or so; a frozen one paints nothing until it is free again, so
 * the meter itself stops moving, then jumps.
 *
 * @cssproperty --pl-meter-color - colour of the bar when the page stayed smooth.
 */
export class PlFrameMeter extends LitElement {
  static override get properties() {
    return {
      running: { type: Boolean },
      longestMs: { state: true },
      beat: { state: true },
    };
  }

  /** Watch frames while true; keep showing the last result when false. */
  running = false;
  private longestMs = 0;
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
        background: #e2e8f0;
        border-radius: 4px;
        overflow: hidden;
      }
      .bar {
        height: 100%;
        background: var(--pl-meter-color, var(--_pl-good));
      }
      .bar.stuttered {
        background: var(--_pl-warn);
      }
      .bar.frozen {
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
      this.longestMs = 0;
      const tick = () => {
        this.longestMs = this.monitor.longestGapMs;
        this.beat++;
        this.handle = requestAnimationFrame(tick);
      };
      this.handle = requestAnimationFrame(tick);
    } else if (changed.get('running')) {
      cancelAnimationFrame(this.handle);
      this.longestMs = this.monitor.stop();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelAnimationFrame(this.handle);
    this.monitor.stop();
  }

  override render() {
    const frozen = this.longestMs > FROZEN_MS;
    const width = Math.min(100, (this.longestMs / FULL_SCALE_MS) * 100);
    const verdict =
      this.longestMs === 0
        ? ''
        : frozen
          ? 'the page froze'
          : this.longestMs > SMOOTH_MS
            ? 'the page stuttered'
            : 'the page stayed smooth';
    return html`<div class="row" role="group" aria-label="Main-thread responsiveness">
      <span class="pulse" style="opacity:${this.running ? (this.beat % 30) / 30 : 0.2}" aria-hidden="true"></span>
      <span
        >Longest frame gap:
        <strong data-field="longest-gap">${Math.round(this.longestMs)} ms</strong> ${verdict ? html`(${verdict})` : ''}</span
      >
      <div class="track" aria-hidden="true">
        <div class="bar ${frozen ? 'frozen' : this.longestMs > SMOOTH_MS ? 'stuttered' : ''}" style="width:${width}%"></div>
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
