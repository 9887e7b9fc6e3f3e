import { LitElement, css, html } from 'lit';
import { environmentReport, type EnvironmentReport } from '../runtime/environment';
import type { ServiceWorkerStatus } from '../runtime/service-worker-client';
import { define } from './define';
import { theme } from './shared/theme';

/**
 * What this browser offers the experiments: its name and version, the cores
 * it reports, whether the page is cross-origin isolated (and so has
 * SharedArrayBuffer), and how fine its clock is.
 *
 * @csspart panel - the panel's box.
 */
export class PlEnvironmentPanel extends LitElement {
  static override get properties() {
    return {
      serviceWorker: { attribute: false },
      report: { state: true },
    };
  }

  serviceWorker?: ServiceWorkerStatus;
  private report?: EnvironmentReport;

  static override styles = [
    theme,
    css`
      :host {
        display: block;
        margin-top: 1.5rem;
      }
      section {
        background: var(--_pl-surface);
        border: 1px solid var(--_pl-border);
        border-radius: 8px;
        padding: 0.75rem 1rem;
      }
      h2 {
        font-size: 1.1rem;
        margin: 0 0 0.5rem;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.25rem 1rem;
        margin: 0;
      }
      dt {
        color: var(--_pl-muted);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .no {
        color: var(--_pl-bad);
      }
      .yes {
        color: var(--_pl-good);
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    this.report = environmentReport();
  }

  override render() {
    const r = this.report;
    if (!r) return html``;
    const yesNo = (v: boolean) => html`<span class=${v ? 'yes' : 'no'}>${v ? 'yes' : 'no'}</span>`;
    const resolution =
      r.timerResolutionMs < 1 ? `${(r.timerResolutionMs * 1000).toFixed(0)} µs` : `${r.timerResolutionMs.toFixed(1)} ms`;
    return html`<section part="panel" aria-labelledby="env-title">
      <h2 id="env-title">This browser</h2>
      <dl>
        <dt>Browser</dt>
        <dd data-field="browser">${r.browser} ${r.browserVersion}</dd>
        <dt>Reported cores</dt>
        <dd data-field="cores">${r.reportedCores} <small>(browsers may round or cap this number)</small></dd>
        <dt>Cross-origin isolated</dt>
        <dd data-field="isolated">${yesNo(r.crossOriginIsolated)}</dd>
        <dt>SharedArrayBuffer</dt>
        <dd data-field="sab">${yesNo(r.sharedArrayBuffer)}</dd>
        <dt>Timer resolution</dt>
        <dd data-field="timer">${resolution}</dd>
        <dt>Service worker</dt>
        <dd data-field="service-worker">
          ${this.serviceWorker?.state ?? 'starting'}${this.serviceWorker?.detail ? html` — ${this.serviceWorker.detail}` : ''}
        </dd>
      </dl>
    </section>`;
  }
}

define('pl-environment-panel', PlEnvironmentPanel);

declare global {
  interface HTMLElementTagNameMap {
    'pl-environment-panel': PlEnvironmentPanel;
  }
}
