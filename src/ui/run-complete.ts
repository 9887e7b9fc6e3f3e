import type { DemoId, RunResultBase } from '../core/run-result';

export type AnyRunResult = RunResultBase<DemoId, string, unknown>;

/** Announces a finished run: the `pl-run-complete` event bubbles out of shadow roots and carries the result. */
export function dispatchRunComplete(host: HTMLElement, result: AnyRunResult): void {
  host.dispatchEvent(new CustomEvent('pl-run-complete', { detail: result, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'pl-run-complete': CustomEvent<AnyRunResult>;
  }
}
