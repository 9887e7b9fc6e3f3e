import type { DemoId } from '../core/run-result';

export interface DemoEntry {
  id: DemoId;
  /** The demo's self-contained element. */
  tag: string;
  title: string;
  summary: string;
  /** Loads the element's module (which defines the tag), so a page loads only the demos it shows. */
  load: () => Promise<unknown>;
}

/** The demos the lab offers, in the order of the lesson. */
export const DEMOS: readonly DemoEntry[] = [
  {
    id: 'cpu',
    tag: 'pl-cpu-demo',
    title: 'Computing',
    summary: 'CPU-bound work: threads vs workers',
    load: () => import('./cpu/pl-cpu-demo'),
  },
  {
    id: 'io',
    tag: 'pl-io-demo',
    title: 'Waiting',
    summary: 'Fetching pages: in series, at once, from workers',
    load: () => import('./io/pl-io-demo'),
  },
  {
    id: 'locks',
    tag: 'pl-locks-demo',
    title: 'Locks',
    summary: 'A shared counter: races, atomics and a mutex',
    load: () => import('./locks/pl-locks-demo'),
  },
];
