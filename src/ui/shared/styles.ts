import { css } from 'lit';
import { theme } from './theme';

/**
 * Code blocks: light text on a dark panel, scrolling sideways on narrow
 * screens. Each block is focusable (`tabindex="0"`), so a keyboard can scroll it.
 */
export const codeStyles = css`
  pre {
    margin: 0.5rem 0;
    padding: 0.75rem;
    background: var(--_pl-code-bg);
    color: var(--_pl-code-text);
    border-radius: 6px;
    overflow-x: auto;
    font-family: var(--_pl-mono);
    font-size: 0.85rem;
    line-height: 1.45;
  }
  pre:focus-visible {
    outline: 3px solid var(--_pl-accent);
    outline-offset: 2px;
  }
`;

/** Styles shared by the demos: panels, fields, buttons, results, code; `compact` hides the `.advanced` parts. */
export const demoStyles = css`
  ${theme}
  ${codeStyles}
  :host {
    display: block;
  }
  :host([compact]) .advanced {
    display: none;
  }
  a {
    color: var(--_pl-accent);
  }
  section {
    background: var(--_pl-surface);
    border: 1px solid var(--_pl-border);
    border-radius: var(--_pl-radius);
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
  section > h3:first-child {
    margin-top: 0;
  }
  p {
    margin: 0.5rem 0;
  }
  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
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
    color: inherit;
    background: var(--_pl-surface);
    padding: 0.4rem 0.5rem;
    border: 1px solid var(--_pl-border);
    border-radius: 6px;
    min-width: 0;
  }
  textarea {
    font-family: var(--_pl-mono);
    font-size: 0.9rem;
    min-height: 6rem;
    resize: vertical;
  }
  input[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--_pl-bad);
    outline-color: var(--_pl-bad);
  }
  .wide {
    grid-column: 1 / -1;
  }
  .hint {
    color: var(--_pl-muted);
  }
  /* A message may quote what was typed: a long word in it wraps anywhere rather than widen the page. */
  .error,
  .status {
    overflow-wrap: anywhere;
  }
  .error {
    color: var(--_pl-bad);
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
    border: 1px solid var(--_pl-accent);
    background: var(--_pl-surface);
    color: var(--_pl-accent);
    cursor: pointer;
  }
  button.primary {
    background: var(--_pl-accent);
    color: var(--_pl-on-accent);
  }
  button.stop {
    border-color: var(--_pl-bad);
    color: var(--_pl-bad);
  }
  button:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }
  button:focus-visible,
  input:focus-visible,
  textarea:focus-visible {
    outline: 3px solid var(--_pl-accent);
    outline-offset: 2px;
  }
  progress {
    width: 100%;
    height: 0.8rem;
  }
  .status {
    min-height: 1.5em;
    color: var(--_pl-muted);
  }
  .status.failed {
    color: var(--_pl-bad);
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
  .table-wrap:focus-visible {
    outline: 3px solid var(--_pl-accent);
    outline-offset: 2px;
  }
  th,
  td {
    text-align: left;
    padding: 0.35rem 0.5rem;
    border-bottom: 1px solid var(--_pl-border);
    white-space: nowrap;
  }
  td.num,
  th.num {
    text-align: right;
  }
  /*
   * A phone: each row becomes a block of label–value lines, the label from the cell's data-label.
   * (A container query would follow an embedding page's column, but lit-analyzer's CSS check refuses @container.)
   */
  @media (max-width: 40rem) {
    .table-wrap thead {
      display: none;
    }
    .table-wrap table,
    .table-wrap tbody,
    .table-wrap tr,
    .table-wrap td {
      display: block;
    }
    .table-wrap tr {
      padding: 0.35rem 0;
      border-bottom: 1px solid var(--_pl-border);
    }
    .table-wrap tbody td {
      border: none;
      padding: 0.1rem 0.25rem;
      min-width: 0;
      max-width: none;
      overflow: visible;
      text-align: right;
      white-space: normal;
      overflow-wrap: anywhere;
    }
    .table-wrap td::before {
      content: attr(data-label);
      float: left;
      margin-right: 1rem;
      font-weight: 600;
      color: var(--_pl-text);
    }
    .table-wrap td:first-child {
      text-align: left;
      font-weight: 600;
    }
    .table-wrap td:first-child::before,
    .table-wrap td:empty {
      display: none;
    }
  }
  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr));
    gap: 1rem;
  }
  .good {
    color: var(--_pl-good);
  }
  td.good,
  td.bad {
    font-weight: 600;
  }
  fieldset {
    border: none;
    padding: 0;
    margin: 0.5rem 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.25rem;
  }
  legend {
    font-weight: 600;
    padding: 0;
    margin-bottom: 0.25rem;
  }
  .bad {
    color: var(--_pl-bad);
  }
  /* Read by screen readers, not shown: the form's announcements of refused fields. */
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .note {
    background: var(--_pl-note-bg);
    border-left: 4px solid var(--_pl-warn);
    padding: 0.5rem 0.75rem;
  }
`;

/** The notice of a demo that cannot share memory here. */
export const isolationStyles = css`
  .isolation {
    border-left-color: var(--_pl-bad);
  }
`;
