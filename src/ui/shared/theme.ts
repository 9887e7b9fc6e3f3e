import { css } from 'lit';

/**
 * The lab's theme: every colour, radius and font the elements use, as CSS
 * custom properties a page may set on the elements or any ancestor. Each
 * element reads them through private `--_pl-*` copies that fall back to the
 * lab's own light or dark values, following the visitor's colour scheme.
 *
 * | property           | what it colours or sets                  |
 * | ------------------ | ---------------------------------------- |
 * | `--pl-bg`          | the page behind the panels               |
 * | `--pl-surface`     | panels, inputs, buttons                  |
 * | `--pl-text`        | text                                     |
 * | `--pl-muted`       | hints, captions, the status line         |
 * | `--pl-border`      | borders and table rules                  |
 * | `--pl-accent`      | buttons, links, focus rings, the first series of a chart |
 * | `--pl-on-accent`   | text on the accent colour                |
 * | `--pl-good`        | verified, exact                          |
 * | `--pl-bad`         | failures, lost updates, the Stop button  |
 * | `--pl-warn`        | the edge of notes                        |
 * | `--pl-note-bg`     | the background of notes                  |
 * | `--pl-code-bg`     | code blocks                              |
 * | `--pl-code-text`   | text in code blocks                      |
 * | `--pl-radius`      | corner radius of panels                  |
 * | `--pl-font`        | text font                                |
 * | `--pl-mono`        | code font                                |
 */
export const theme = css`
  :host {
    --_pl-bg: var(--pl-bg, #f8fafc);
    --_pl-surface: var(--pl-surface, #ffffff);
    --_pl-text: var(--pl-text, #0f172a);
    --_pl-muted: var(--pl-muted, #475569);
    --_pl-border: var(--pl-border, #cbd5e1);
    --_pl-accent: var(--pl-accent, #1d4ed8);
    --_pl-on-accent: var(--pl-on-accent, #ffffff);
    --_pl-good: var(--pl-good, #15803d);
    --_pl-bad: var(--pl-bad, #b91c1c);
    --_pl-warn: var(--pl-warn, #a16207);
    --_pl-note-bg: var(--pl-note-bg, #fefce8);
    --_pl-code-bg: var(--pl-code-bg, #0f172a);
    --_pl-code-text: var(--pl-code-text, #e2e8f0);
    --_pl-radius: var(--pl-radius, 8px);
    --_pl-font: var(--pl-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_pl-mono: var(--pl-mono, ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace);
    color: var(--_pl-text);
    font-family: var(--_pl-font);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_pl-bg: var(--pl-bg, #0b1120);
      --_pl-surface: var(--pl-surface, #111827);
      --_pl-text: var(--pl-text, #e5e7eb);
      --_pl-muted: var(--pl-muted, #9ca3af);
      --_pl-border: var(--pl-border, #374151);
      --_pl-accent: var(--pl-accent, #93c5fd);
      --_pl-on-accent: var(--pl-on-accent, #0b1120);
      --_pl-good: var(--pl-good, #4ade80);
      --_pl-bad: var(--pl-bad, #f87171);
      --_pl-warn: var(--pl-warn, #facc15);
      --_pl-note-bg: var(--pl-note-bg, #2a2410);
      --_pl-code-bg: var(--pl-code-bg, #020617);
      --_pl-code-text: var(--pl-code-text, #e2e8f0);
    }
  }
`;
