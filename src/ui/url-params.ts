import type { DemoId } from '../core/run-result';

/**
 * The URL parameters meant for a demo: all of them when the URL names that
 * demo (`?demo=cpu&numbers=…`) or names none; nothing when it names another,
 * so an embedded demo is not set by parameters meant for its neighbour.
 */
export function urlParamsFor(demo: DemoId, search = location.search): URLSearchParams {
  const params = new URLSearchParams(search);
  const named = params.get('demo');
  return named === null || named === demo ? params : new URLSearchParams();
}

/** True when `autorun=1` (or `true`) is among the parameters. */
export function wantsAutorun(params: URLSearchParams): boolean {
  return ['1', 'true'].includes(params.get('autorun') ?? '');
}

/**
 * Sets each of the host's text fields from the URL parameter named after its
 * attribute (or after the field itself), and returns the demo's parameters
 * for anything else it reads from them.
 */
export function applyUrlParams<F extends string>(
  host: Record<NoInfer<F>, string | number>,
  demo: DemoId,
  attributes: Readonly<Record<F, string>>,
  search = location.search,
): URLSearchParams {
  const params = urlParamsFor(demo, search);
  for (const field of Object.keys(attributes) as F[]) {
    const value = params.get(attributes[field]) ?? params.get(field);
    if (value !== null) host[field] = value;
  }
  return params;
}
