import { describe, expect, it } from 'vitest';
import { parseResultsFile, type RunEnvironment } from '../../src/core/results-file';
import type { DemoId, RunResultBase } from '../../src/core/run-result';
import { HISTORY_KEY, HISTORY_LIMIT, RunHistory } from '../../src/runtime/history';

const environment: RunEnvironment = {
  browser: 'Firefox',
  browserVersion: '153.0',
  engine: 'Gecko',
  os: 'Linux',
  reportedCores: 2,
  crossOriginIsolated: true,
  timerResolutionMs: 0.02,
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0',
};

const run = (wallMs: number): RunResultBase<DemoId, string, unknown> => ({
  schema: 'parallel-lab/run@2',
  demo: 'locks',
  variant: 'mutex',
  params: { increments: 10_000 },
  wallMs,
  workers: 4,
  verified: true,
  startedAt: '2026-01-01T00:00:00.000Z',
  longestFrameGapMs: 16,
  longestBlockMs: 2,
  trace: [{ lane: 'worker 1', chunk: 0, startMs: 0, endMs: wallMs }],
});

/** Local storage in memory, optionally with room for only `quota` characters, as a browser's is limited. */
class MemoryStorage implements Storage {
  readonly items = new Map<string, string>();
  /** The most characters one item may hold. */
  quota = Infinity;
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    if (value.length > this.quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  }
}

const historyIn = (storage: Storage) =>
  new RunHistory(
    () => storage,
    () => environment,
  );
const disabled = () => {
  throw new DOMException('The operation is insecure.', 'SecurityError');
};

describe('the run history', () => {
  it('keeps each run slim, with its environment, as a results file under its key', () => {
    const storage = new MemoryStorage();
    historyIn(storage).add(run(12));
    const parsed = parseResultsFile(storage.getItem(HISTORY_KEY)!);
    expect(parsed.ok).toBe(true);
    const [saved] = parsed.ok ? parsed.file.runs : [];
    expect(saved).toMatchObject({ demo: 'locks', wallMs: 12, trace: [], traceLength: 1, environment });
  });

  it('survives a reload: a new history on the same storage holds the runs', () => {
    const storage = new MemoryStorage();
    const first = historyIn(storage);
    first.add(run(1));
    first.add(run(2));
    expect(historyIn(storage).runs.map((r) => r.wallMs)).toEqual([1, 2]);
  });

  it('keeps what another tab saved meanwhile', () => {
    const storage = new MemoryStorage();
    const one = historyIn(storage);
    const other = historyIn(storage);
    one.add(run(1));
    other.add(run(2));
    expect(historyIn(storage).runs.map((r) => r.wallMs)).toEqual([1, 2]);
  });

  it(`keeps at most ${HISTORY_LIMIT} runs, dropping the oldest`, () => {
    const storage = new MemoryStorage();
    const history = historyIn(storage);
    for (let i = 0; i < HISTORY_LIMIT + 3; i++) history.add(run(i));
    expect(history.runs).toHaveLength(HISTORY_LIMIT);
    expect(history.runs[0].wallMs).toBe(3);
    expect(historyIn(storage).runs.at(-1)!.wallMs).toBe(HISTORY_LIMIT + 2);
  });

  it('clears everything, in storage too, and tells its listeners', () => {
    const storage = new MemoryStorage();
    const history = historyIn(storage);
    history.add(run(1));
    let changes = 0;
    history.addEventListener('change', () => changes++);
    history.clear();
    expect(history.runs).toEqual([]);
    expect(storage.getItem(HISTORY_KEY)).toBeNull();
    expect(changes).toBe(1);
  });

  it('says when storage is full, keeps the refused runs for this visit, and saves them once there is room', () => {
    const storage = new MemoryStorage();
    const history = historyIn(storage);
    history.add(run(1));
    expect(history.problem).toBe('');
    storage.quota = storage.getItem(HISTORY_KEY)!.length;
    history.add(run(2));
    expect(history.problem).toBe(
      "This browser's storage for the lab is full (QuotaExceededError): 1 run of this visit will be gone after a reload. Export the history to keep them, then clear it to make room.",
    );
    expect(history.runs.map((r) => r.wallMs)).toEqual([1, 2]);
    expect(historyIn(storage).runs.map((r) => r.wallMs)).toEqual([1]);

    storage.quota = Infinity;
    history.add(run(3));
    expect(history.problem).toBe('');
    expect(historyIn(storage).runs.map((r) => r.wallMs)).toEqual([1, 2, 3]);
  });

  it('works in memory, saying why, when the browser refuses storage altogether', () => {
    const history = new RunHistory(disabled, () => environment);
    expect(history.problem).toMatch(/^Run history is off: this browser does not let the lab keep data \(SecurityError\)/);
    history.add(run(1));
    history.add(run(2));
    expect(history.runs.map((r) => r.wallMs)).toEqual([1, 2]);
    history.clear();
    expect(history.runs).toEqual([]);
    expect(history.problem).toMatch(/^Run history is off/);
  });

  it('starts afresh, saying so, when what is stored is not a history', () => {
    const storage = new MemoryStorage();
    storage.setItem(HISTORY_KEY, '{"schema":"other"}');
    const history = historyIn(storage);
    expect(history.runs).toEqual([]);
    expect(history.problem).toMatch(
      /^The run history saved in this browser could not be read, so it starts again from the next run\. /,
    );
    history.add(run(1));
    expect(history.problem).toBe('');
    expect(historyIn(storage).runs).toHaveLength(1);
  });
});
