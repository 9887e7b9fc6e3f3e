import type { DemoId } from '../core/run-result';

/** The demos the app shell offers, in the order of the lesson. Each entry's tag is a self-contained element. */
export const DEMOS: ReadonlyArray<{ id: DemoId; tag: string; title: string; summary: string }> = [
  { id: 'cpu', tag: 'pl-cpu-demo', title: 'Computing', summary: 'CPU-bound work: threads vs workers' },
  { id: 'io', tag: 'pl-io-demo', title: 'Waiting', summary: 'Fetching pages: in series, at once, from workers' },
  { id: 'locks', tag: 'pl-locks-demo', title: 'Locks', summary: 'A shared counter: races, atomics and a mutex' },
];

export function isDemoId(value: string | null): value is DemoId {
  return DEMOS.some((d) => d.id === value);
}
