import { html, nothing, type TemplateResult } from 'lit';
import { Directive, directive } from 'lit/directive.js';
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

/** What a form's live region announces of a field, or of the fields together: its name, and what is wrong ('' when fine). */
export interface Refusal {
  id: string;
  label: string;
  message: string;
}

/**
 * What a form's live region says: the message of a field just refused, or
 * that a refused field is accepted again. It changes only when a field turns
 * invalid or valid, not each time the message's wording follows what is typed
 * ("1x" is not a number, then "1xy"…), so a screen reader reads an error once.
 */
class RefusalAnnouncer extends Directive {
  private refused = new Set<string>();
  private said = '';

  render(refusals: ReadonlyArray<Refusal>): string {
    const changes = refusals.flatMap((r) => {
      if (r.message && !this.refused.has(r.id)) return [r.message];
      if (!r.message && this.refused.has(r.id)) return [`${r.label}: accepted.`];
      return [];
    });
    this.refused = new Set(refusals.filter((r) => r.message).map((r) => r.id));
    if (changes.length > 0) this.said = changes.join(' ');
    return this.said;
  }
}

const announceRefusals = directive(RefusalAnnouncer);

/**
 * The settings' fields in a grid: each labelled, with its hint and, when
 * what was typed is refused, the reason right below it. One polite live
 * region per grid (so per form) tells screen readers when a field is refused
 * or accepted again; `together` are messages about the fields together,
 * announced the same way. All are disabled while `disabled` (a run is going).
 */
export function fieldGrid(
  fields: ReadonlyArray<FieldOptions | false>,
  disabled: boolean,
  together: ReadonlyArray<Refusal> = [],
): TemplateResult {
  const shown = fields.filter((f): f is FieldOptions => f !== false);
  return html`<div class="fields">${shown.map((f) => field(f, disabled))}</div>
    <p class="visually-hidden" aria-live="polite" data-field="announcement">${announceRefusals([...shown, ...together])}</p>`;
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
    ${o.message ? html`<small id="${o.id}-error" class="error">${o.message}</small>` : nothing}
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
