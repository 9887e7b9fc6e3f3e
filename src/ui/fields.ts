import { css, html, nothing, type TemplateResult } from 'lit';

export interface FieldOptions {
  id: string;
  label: string;
  value: string;
  /** The specific message for what was typed, or '' when it is fine. */
  message: string;
  hint?: string;
  disabled?: boolean;
  /** A text area over the whole row, for lists such as addresses. */
  multiline?: boolean;
  onInput: (value: string) => void;
}

/**
 * A labelled text field (or text area), with its hint and, when what was
 * typed is refused, the reason right below it (announced to screen readers).
 */
export function textField(o: FieldOptions, inputMode: 'text' | 'numeric' = 'text'): TemplateResult {
  const describedBy = [o.hint ? `${o.id}-hint` : '', o.message ? `${o.id}-error` : ''].filter(Boolean).join(' ');
  const onInput = (e: Event) => o.onInput((e.target as HTMLInputElement | HTMLTextAreaElement).value);
  return html`<div class="field ${o.multiline ? 'wide' : ''}">
    <label for=${o.id}>${o.label}</label>
    ${
      o.multiline
        ? html`<textarea
            id=${o.id}
            name=${o.id}
            autocomplete="off"
            spellcheck="false"
            .value=${o.value}
            ?disabled=${o.disabled}
            aria-invalid=${o.message ? 'true' : 'false'}
            aria-describedby=${describedBy || nothing}
            @input=${onInput}
          ></textarea>`
        : html`<input
            id=${o.id}
            name=${o.id}
            inputmode=${inputMode}
            autocomplete="off"
            spellcheck="false"
            .value=${o.value}
            ?disabled=${o.disabled}
            aria-invalid=${o.message ? 'true' : 'false'}
            aria-describedby=${describedBy || nothing}
            @input=${onInput}
          />`
    }
    ${o.hint ? html`<small id="${o.id}-hint" class="hint">${o.hint}</small>` : nothing}
    ${o.message ? html`<small id="${o.id}-error" class="error" role="alert">${o.message}</small>` : nothing}
  </div>`;
}

/**
 * A field for a whole number. Text, not `type=number`, so every bad input
 * reaches the validator and gets its own message.
 */
export function numberField(o: FieldOptions): TemplateResult {
  return textField(o, 'numeric');
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

/** Code blocks: light text on a dark panel, scrolling sideways on narrow screens. */
export const codeStyles = css`
  pre {
    margin: 0.5rem 0;
    padding: 0.75rem;
    background: #0f172a;
    color: #e2e8f0;
    border-radius: 6px;
    overflow-x: auto;
    font-family: var(--pl-mono, monospace);
    font-size: 0.85rem;
    line-height: 1.45;
  }
`;

/** Styles shared by the demos: panels, fields, buttons, results, code. */
export const demoStyles = css`
  ${codeStyles}
  :host {
    display: block;
  }
  section {
    background: var(--pl-surface, #fff);
    border: 1px solid var(--pl-border, #cbd5e1);
    border-radius: 8px;
    padding: 1rem;
    margin-bottom: 1rem;
  }
  h2 {
    font-size: 1.3rem;
    margin: 0 0 0.5rem;
  }
  h3 {
    font-size: 1.05rem;
    margin: 1rem 0 0.5rem;
  }
  p {
    margin: 0.5rem 0;
  }
  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr));
    gap: 0.75rem 1rem;
    margin: 0.75rem 0;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
  }
  label {
    font-weight: 600;
  }
  input,
  textarea {
    font: inherit;
    padding: 0.4rem 0.5rem;
    border: 1px solid var(--pl-border, #cbd5e1);
    border-radius: 6px;
    min-width: 0;
  }
  textarea {
    font-family: var(--pl-mono, monospace);
    font-size: 0.9rem;
    min-height: 6rem;
    resize: vertical;
  }
  input[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--pl-bad, #b91c1c);
    outline-color: var(--pl-bad, #b91c1c);
  }
  .wide {
    grid-column: 1 / -1;
  }
  .hint {
    color: var(--pl-muted, #475569);
  }
  .error {
    color: var(--pl-bad, #b91c1c);
    font-weight: 600;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  button {
    font: inherit;
    padding: 0.45rem 0.9rem;
    border-radius: 6px;
    border: 1px solid var(--pl-accent, #1d4ed8);
    background: var(--pl-surface, #fff);
    color: var(--pl-accent, #1d4ed8);
    cursor: pointer;
  }
  button.primary {
    background: var(--pl-accent, #1d4ed8);
    color: #fff;
  }
  button.stop {
    border-color: var(--pl-bad, #b91c1c);
    color: var(--pl-bad, #b91c1c);
  }
  button:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }
  button:focus-visible,
  input:focus-visible,
  textarea:focus-visible {
    outline: 3px solid var(--pl-accent, #1d4ed8);
    outline-offset: 2px;
  }
  progress {
    width: 100%;
    height: 0.8rem;
  }
  .status {
    min-height: 1.5em;
    color: var(--pl-muted, #475569);
  }
  .status.failed {
    color: var(--pl-bad, #b91c1c);
    font-weight: 600;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-variant-numeric: tabular-nums;
  }
  .table-wrap {
    overflow-x: auto;
  }
  th,
  td {
    text-align: left;
    padding: 0.35rem 0.5rem;
    border-bottom: 1px solid var(--pl-border, #cbd5e1);
    white-space: nowrap;
  }
  td.num,
  th.num {
    text-align: right;
  }
  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr));
    gap: 1rem;
  }
  .good {
    color: var(--pl-good, #15803d);
  }
  .bad {
    color: var(--pl-bad, #b91c1c);
  }
  .note {
    background: #fefce8;
    border-left: 4px solid var(--pl-warn, #a16207);
    padding: 0.5rem 0.75rem;
  }
`;
