/**
 * Stopping a run. Every long call takes an `AbortSignal`; when it fires, the
 * call rejects with the error made here, so callers tell a stop from a
 * failure by its name alone, whichever layer threw it.
 */

/** The error every pending call rejects with when a run is stopped. */
export function abortError(): DOMException {
  return new DOMException('The run was stopped.', 'AbortError');
}

/** True for the error a stopped run rejects with (ours, or `fetch`'s own). */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

/** The text of anything thrown: an error's message, or the thrown value itself written out. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return String(error);
}
