import { echo } from '../core/echo';
import { countOf } from '../core/format';
import type { DemoId, RunResultBase } from '../core/run-result';
import { parseResultsFile, resultsFile, savedRun, type RunEnvironment, type SavedRun } from '../core/results-file';
import { runEnvironment } from './environment';

/** Where the history lives: a `parallel-lab/results@1` file, which the matrix runner reads too. */
export const HISTORY_KEY = 'parallel-lab:history';

/** The most runs kept; the oldest go first. */
export const HISTORY_LIMIT = 500;

/** The browser's way of saying it has no room left (Firefox's older name included). */
function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && ['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED'].includes(error.name);
}

function nameOf(error: unknown): string {
  return echo(error instanceof Error ? error.name : String(error));
}

/**
 * Every finished run of this browser, kept in its local storage so that it
 * survives a reload: the runs' traces are left out and the count is capped at
 * `HISTORY_LIMIT`. Storage can fail: disabled by the visitor (reading
 * `localStorage` then throws), full, or holding something unreadable. The
 * history then says so in `problem`, keeps this visit's runs in memory, and
 * the lab goes on working. Listeners hear `change` after every add or clear.
 */
export class RunHistory extends EventTarget {
  /** The runs read from storage, oldest first. */
  private stored: SavedRun[] = [];
  /** This visit's runs that storage refused, oldest first. */
  private unsaved: SavedRun[] = [];
  /** What went wrong with storage, for the visitor; '' when nothing did. */
  problem = '';

  constructor(
    private readonly storage: () => Storage = () => localStorage,
    private readonly environment: () => RunEnvironment = runEnvironment,
  ) {
    super();
    this.stored = this.read() ?? [];
  }

  /** The runs kept, oldest first. */
  get runs(): readonly SavedRun[] {
    return [...this.stored, ...this.unsaved].slice(-HISTORY_LIMIT);
  }

  /** Keeps `run` with this page's environment; what another tab saved meanwhile is kept too. */
  add(run: RunResultBase<DemoId, string, unknown>): void {
    const stored = this.read() ?? this.stored;
    const unsaved = [...this.unsaved, savedRun(run, this.environment())].slice(-HISTORY_LIMIT);
    const all = [...stored, ...unsaved].slice(-HISTORY_LIMIT);
    if (this.write(all, unsaved.length)) {
      this.stored = all;
      this.unsaved = [];
    } else {
      this.stored = stored;
      this.unsaved = unsaved;
    }
    this.dispatchEvent(new Event('change'));
  }

  /** Forgets every run, stored or not. */
  clear(): void {
    this.stored = [];
    this.unsaved = [];
    this.problem = '';
    try {
      this.storage().removeItem(HISTORY_KEY);
    } catch (error) {
      this.problem = this.unavailable(error);
    }
    this.dispatchEvent(new Event('change'));
  }

  /** The stored runs, or undefined when storage cannot be read (`problem` says why). */
  private read(): SavedRun[] | undefined {
    let text: string | null;
    try {
      text = this.storage().getItem(HISTORY_KEY);
    } catch (error) {
      this.problem = this.unavailable(error);
      return undefined;
    }
    if (text === null) return [];
    const parsed = parseResultsFile(text);
    if (parsed.ok) return parsed.file.runs;
    this.problem = `The run history saved in this browser could not be read, so it starts again from the next run. ${parsed.message}`;
    return [];
  }

  /** Saves `runs`, the last `fresh` of them this visit's; false when storage refused them (`problem` says why). */
  private write(runs: SavedRun[], fresh: number): boolean {
    try {
      this.storage().setItem(HISTORY_KEY, JSON.stringify(resultsFile(runs)));
      this.problem = '';
      return true;
    } catch (error) {
      const unsaved = countOf(fresh, 'run');
      this.problem = isQuotaError(error)
        ? `This browser's storage for the lab is full (${nameOf(error)}): ${unsaved} of this visit will be gone after a reload. Export the history to keep them, then clear it to make room.`
        : this.unavailable(error);
      return false;
    }
  }

  private unavailable(error: unknown): string {
    return `Run history is off: this browser does not let the lab keep data (${nameOf(error)}). This visit's runs are kept until the page is closed, and can still be exported.`;
  }
}

let shared: RunHistory | undefined;

/** The page's one history, shared by every lab on it and the Compare view. */
export function pageHistory(): RunHistory {
  return (shared ??= new RunHistory());
}
