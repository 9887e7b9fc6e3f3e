import type { EngineName } from './browsers.mjs';

export { ENGINES } from './browsers.mjs';
export { coreLimitProblem } from './core-limit.mjs';

export function missingEngine(name: string): string;

export interface EngineSession {
  name: EngineName;
  version: string;
  /** The cores the browser was limited to, or null for none. */
  coreLimit: number | null;
  /** The process started: the browser (Chromium, Firefox) or WebKitWebDriver (WebKit). */
  pid: number;
  goto(url: string): Promise<void>;
  /** Runs `fn`, a self-contained function sent as text, in the page with `arg`, and resolves with its (awaited) result. */
  evaluate<A, R>(fn: (arg: A) => R, arg?: A): Promise<Awaited<R>>;
  /**
   * Evaluates `fn` until it gives something truthy, and resolves with that; `between` is awaited between two
   * tries, the place to evaluate something else meanwhile (two commands at once hang WebKitWebDriver).
   */
  waitFor<A, R>(
    fn: (arg: A) => R,
    arg?: A,
    options?: { timeoutMs?: number; between?: () => Promise<void> },
  ): Promise<NonNullable<Awaited<R>>>;
  /** The page's uncaught errors and console errors so far (WebKit: from each document's first evaluation on). */
  errors(): Promise<string[]>;
  close(): Promise<void>;
}

export function openEngine(
  name: EngineName,
  options?: { coreLimit?: number | null; sharedArrayBuffer?: boolean },
): Promise<EngineSession>;
