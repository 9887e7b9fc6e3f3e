/**
 * What a demo's variants are, as data the page, the stories and the tests
 * read: where each runs, whether it takes a lock, whether it needs shared
 * memory. One table per demo, next to the code that runs the variants.
 */

export type RunsOn = 'main thread' | 'workers';

export interface VariantFacts {
  /** The variant's name on its button, in tables, charts and messages. */
  label: string;
  runsOn: RunsOn;
  /** True when it guards the shared data with a lock. */
  usesLock: boolean;
  /** True when it cannot run without a `SharedArrayBuffer` (a cross-origin isolated page). */
  needsSharedMemory: boolean;
}

/** The variants, in their table's order, that a page can run with (`shared`) or without shared memory. */
export function runnableVariants<V extends string>(facts: Readonly<Record<V, VariantFacts>>, shared: boolean): V[] {
  return (Object.keys(facts) as V[]).filter((v) => shared || !facts[v].needsSharedMemory);
}
