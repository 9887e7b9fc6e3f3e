import type { DemoId } from '../core/run-result';
import { echo } from '../core/echo';

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

/** The edits (insert, delete, replace one character) that turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (const [i, x] of [...a].entries()) {
    const next = [i + 1];
    for (const [j, y] of [...b].entries()) next.push(Math.min(row[j + 1] + 1, next[j] + 1, row[j] + (x === y ? 0 : 1)));
    row = next;
  }
  return row[b.length];
}

/**
 * What to say of a `?demo=` that names none of `names`: the name as typed
 * (shortened and made safe: a link may carry anything) and, when it is close
 * to one (`CPU`, `lock`), that one: 'There is no demo called "CPU". Did you
 * mean cpu?'. An empty name is said to be empty.
 */
export function unknownDemoMessage(requested: string, names: readonly string[]): string {
  const typed = requested.trim().toLowerCase();
  if (typed === '') return 'The address names no demo: its ?demo= is empty.';
  // At most one edit in three letters away: a typo or another case, not another word.
  const near = names
    .map((name) => ({ name, edits: typed.length > 20 ? Infinity : editDistance(typed, name) }))
    .filter((n) => n.edits <= Math.max(1, Math.floor(n.name.length / 3)))
    .sort((a, b) => a.edits - b.edits)[0];
  return `There is no demo called "${echo(requested)}".${near ? ` Did you mean ${near.name}?` : ''}`;
}

/**
 * What the lab's page says when its `?demo=` names none of `names` ('' when
 * it names one, or none is given): that, the demo shown instead (`shown`, its
 * title), and the address's other settings, which were meant for a demo and
 * so were not applied; `kept` are the whole page's own.
 */
export function unknownDemoNotice(
  shown: string,
  names: readonly string[],
  kept: readonly string[],
  search = location.search,
): string {
  const params = new URLSearchParams(search);
  const requested = params.get('demo');
  if (requested === null || names.includes(requested)) return '';
  const ignored = [...new Set(params.keys())].filter((name) => name !== 'demo' && !kept.includes(name));
  const settings = ignored.length ? `; the address's other settings (${echo(ignored.join(', '))}) were not applied` : '';
  return `${unknownDemoMessage(requested, names)} Here is ${shown}${settings}.`;
}
