import type { DemoId } from '../core/run-result';

/** A page of the lab: a demo, the summary of them all, or the comparison of saved results. */
export type PageId = DemoId | 'summary' | 'compare';

export interface DemoEntry {
  id: PageId;
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
    id: 'scaling',
    tag: 'pl-scaling-demo',
    title: 'Scaling',
    summary: 'Speed-up by number of workers',
    load: () => import('./scaling/pl-scaling-demo'),
  },
  {
    id: 'data',
    tag: 'pl-data-demo',
    title: 'Moving data',
    summary: 'Copy, transfer or share: what handing numbers to a worker costs',
    load: () => import('./data/pl-data-demo'),
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
  {
    id: 'summary',
    tag: 'pl-summary',
    title: 'Summary',
    summary: 'What this machine showed',
    load: () => import('./summary/pl-summary'),
  },
  {
    id: 'compare',
    tag: 'pl-compare',
    title: 'Compare',
    summary: 'Results from other browsers and machines, side by side',
    load: () => import('./compare/pl-compare'),
  },
];

export function isPageId(value: unknown): value is PageId {
  return DEMOS.some((d) => d.id === value);
}
