import { html, nothing, type TemplateResult } from 'lit';

/** "What happened here": the story of the runs so far, one point per line, written from the measured numbers. */
export function storyList(lines: ReadonlyArray<TemplateResult>): TemplateResult | typeof nothing {
  if (lines.length === 0) return nothing;
  return html`<h3>What happened here</h3>
    <ul data-field="story">
      ${lines}
    </ul>`;
}
