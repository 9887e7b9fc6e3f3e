import { html, nothing, type TemplateResult } from 'lit';
import { html as staticHtml, literal } from 'lit/static-html.js';

export interface FieldOptions {
  id: string;
  label: string;
  /** What the field holds: text, or a number set from script (shown as its text). */
  value: string | number;
  /** The specific message for what was typed, or '' when it is fine. */
  message: string;
  hint?: string;
  /** `number`: a whole number, typed as text so every bad input reaches the validator; `list`: a text area over the whole row. */
  kind?: 'text' | 'number' | 'list';
  /** True for settings a `compact` demo hides. */
  advanced?: boolean;
  onInput: (value: string) => void;
}

/**
 * The settings' fields in a grid: each labelled, with its hint and, when
 * what was typed is refused, the reason right below it, announced to screen
 * readers. All are disabled while `disabled` (a run is going).
 */
export function fieldGrid(fields: ReadonlyArray<FieldOptions | false>, disabled: boolean): TemplateResult {
  return html`<div class="fields">${fields.map((f) => (f ? field(f, disabled) : nothing))}</div>`;
}

function field(o: FieldOptions, disabled: boolean): TemplateResult {
  const describedBy = [o.hint ? `${o.id}-hint` : '', o.message ? `${o.id}-error` : ''].filter(Boolean).join(' ');
  // One template for both: a list is a text area over the whole row, anything else a one-line input.
  const tag = o.kind === 'list' ? literal`textarea` : literal`input`;
  return html`<div class="field ${o.kind === 'list' ? 'wide' : ''} ${o.advanced ? 'advanced' : ''}">
    <label for=${o.id}>${o.label}</label>
    ${staticHtml`<${tag}
      id=${o.id}
      name=${o.id}
      inputmode=${o.kind === 'number' ? 'numeric' : 'text'}
      autocomplete="off"
      spellcheck="false"
      .value=${String(o.value)}
      ?disabled=${disabled}
      aria-invalid=${o.message ? 'true' : 'false'}
      aria-describedby=${describedBy || nothing}
      @input=${(e: Event) => o.onInput((e.target as HTMLInputElement | HTMLTextAreaElement).value)}
    ></${tag}>`}
    ${o.hint ? html`<small id="${o.id}-hint" class="hint">${o.hint}</small>` : nothing}
    ${o.message ? html`<small id="${o.id}-error" class="error" role="alert">${o.message}</small>` : nothing}
  </div>`;
}

/** A row of radio buttons choosing one of `options`, such as the run a timeline shows. */
export function radioGroup<T extends string>(
  label: string,
  name: string,
  options: ReadonlyArray<{ value: T; label: string }>,
  selected: T,
  onChange: (value: T) => void,
): TemplateResult {
  return html`<div class="buttons" role="radiogroup" aria-label=${label}>
    ${options.map(
      (o) =>
        html`<label
          ><input type="radio" name=${name} .checked=${o.value === selected} @change=${() => onChange(o.value)} />
          ${o.label}</label
        >`,
    )}
  </div>`;
}
