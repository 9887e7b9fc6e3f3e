import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** What the settings panel reads of a demo's controller. */
export interface RunState<V extends string> {
  readonly busy: boolean;
  readonly running: V | null;
  renderStatus(label: string): TemplateResult;
}

export interface VariantButton<V extends string> {
  value: V;
  label: string;
  /** Why it cannot run here, when it cannot: the button is disabled and says so. */
  unavailable?: string;
}

export interface SettingsPanelOptions<V extends string> {
  /** The demo's id, for the panel's heading id. */
  id: string;
  state: RunState<V>;
  /** The fields (a `fieldGrid`, and anything above it). */
  fields: TemplateResult;
  /** Notes between the fields and the buttons: a calibration, a message about fields together. */
  notes?: TemplateResult | typeof nothing;
  variants: ReadonlyArray<VariantButton<V>>;
  /** True when a field is refused: nothing can start. */
  invalid: boolean;
  runAllLabel?: string;
  /** More buttons after Stop. */
  extraButtons?: TemplateResult;
  /** Below the status line, such as the frame meter. */
  after?: TemplateResult;
  onRunAll: () => void;
  onRun: (variant: V) => void;
  onStop: () => void;
}

/**
 * The settings panel every demo shares: the fields, then Run all (the
 * form's submit, so Enter in a field runs), a button per variant, Stop, the
 * progress bar and the status line.
 */
export function settingsPanel<V extends string>(o: SettingsPanelOptions<V>): TemplateResult {
  const { busy, running } = o.state;
  const onSubmit = (event: Event) => {
    event.preventDefault();
    o.onRunAll();
  };
  const runningLabel = o.variants.find((v) => v.value === running)?.label;
  return html`<section part="panel settings" aria-labelledby="${o.id}-settings">
    <h3 id="${o.id}-settings">Settings</h3>
    <form @submit=${onSubmit} novalidate>
      ${o.fields} ${o.notes ?? nothing}
      <div class="buttons">
        <button type="submit" class="primary" ?disabled=${busy || o.invalid}>${o.runAllLabel ?? 'Run all'}</button>
        ${o.variants.map(
          (v) =>
            html`<button
              type="button"
              data-variant=${String(v.value)}
              ?disabled=${busy || o.invalid || Boolean(v.unavailable)}
              title=${ifDefined(v.unavailable)}
              @click=${() => o.onRun(v.value)}
            >
              ${v.label}
            </button>`,
        )}
        <button type="button" class="stop" ?disabled=${!busy} @click=${o.onStop}>Stop</button>
        ${o.extraButtons ?? nothing}
      </div>
    </form>
    ${o.state.renderStatus(runningLabel ? `Progress of ${runningLabel}` : 'Progress')} ${o.after ?? nothing}
  </section>`;
}
