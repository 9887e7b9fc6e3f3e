import { html, nothing, type TemplateResult } from 'lit';

/** One column of a results table. */
export interface Column<R> {
  label: string;
  /** Right-aligned figures. */
  numeric?: boolean;
  /** The cell's `data-field`, for tests and styling. */
  field?: string;
  cell: (row: R) => unknown;
  /** A class for the cell, such as `good` or `bad`. */
  className?: (row: R) => string;
}

/**
 * A table with one row per run, each row keyed by its variant
 * (`data-variant`). Every cell carries its column's label, so on a narrow
 * screen each row stacks into label–value lines instead of scrolling sideways
 * (see `demoStyles`). Where it does scroll, the keyboard can scroll it: the
 * wrapper is a focusable region, named apart from the Results section around it.
 */
export function resultsTable<R>(
  rows: ReadonlyArray<{ key: string; row: R }>,
  columns: ReadonlyArray<Column<R>>,
  field?: string,
): TemplateResult {
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label="Table of results">
    <table class="results" data-field=${field ?? nothing}>
      <thead>
        <tr>
          ${columns.map((c) => html`<th class=${c.numeric ? 'num' : ''}>${c.label}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          ({ key, row }) =>
            html`<tr data-variant=${key}>
              ${columns.map(
                (c) =>
                  html`<td
                    class="${c.numeric ? 'num' : ''} ${c.className?.(row) ?? ''}"
                    data-field=${c.field ?? nothing}
                    data-label=${c.label}
                  >
                    ${c.cell(row)}
                  </td>`,
              )}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
