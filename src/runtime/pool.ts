import { wrap, transfer, type Endpoint, type Remote } from 'comlink';
import type { WorkerApi } from '../core/worker-api';
import type { TraceEvent } from '../core/trace';
import { abortError } from '../core/abort';

export { transfer };

/**
 * A worker as the pool needs it, whatever made it: a browser `Worker`, or a
 * Node `worker_threads` worker in unit tests.
 */
export interface PoolWorkerHandle {
  endpoint: Endpoint;
  terminate(): void;
  /** Registers the one listener told when the worker fails to start or throws outside a call. */
  onFailure(listener: (error: Error) => void): void;
  /**
   * Registers the one listener told when the worker is gone without an error:
   * it closed itself, or the browser (or Node) ended it. It may be told after
   * `terminate()` as well.
   */
  onGone(listener: () => void): void;
}

export type WorkerFactory = () => PoolWorkerHandle;

/** What a run rejects with when one of its workers went without a word. */
export function workerLostError(): Error {
  const error = new Error(
    'A worker stopped answering (it closed or was killed by the browser); the run was abandoned and the next run starts fresh workers.',
  );
  error.name = 'WorkerLostError';
  return error;
}

/** What every worker API must answer: the pool's readiness check. */
export interface PingApi {
  ping(): number;
}

/** One task of a `map`: `slot` is the pool's index (from 0) of the worker that runs it, for its lane in a trace. */
export type WorkerCall<R, Api = WorkerApi> = (api: Remote<Api>, task: number, slot: number) => Promise<R>;

export interface MapOptions {
  signal?: AbortSignal;
  /** Called after each finished task. */
  onProgress?: (done: number, total: number) => void;
}

export interface MapOutcome<R> {
  results: R[];
  /** One event per task, from its dispatch to its result, in ms from `originMs`. */
  trace: TraceEvent[];
  /** When the first task was dispatched, on this thread's clock. */
  originMs: number;
  /** From the first dispatch to the last result, in ms; excludes worker start. */
  wallMs: number;
}

export interface WarmReport {
  /**
   * For each worker started now, in ms from when the pool began starting them
   * until it answered (empty when all were warm): the last is how long the
   * run waited for its workers.
   */
  coldStartMs: number[];
}

interface Slot<Api> {
  index: number;
  handle: PoolWorkerHandle;
  api: Remote<Api>;
  /**
   * The reject of every call now waiting on this worker: when it dies or is
   * terminated, each is rejected. A set rather than one "gone" promise that
   * every call races: a race leaves a reaction on the never-settling promise
   * per call, which a long-lived pool would keep forever.
   */
  pending: Set<(error: Error) => void>;
  /** Why the worker is gone, once it is. */
  gone?: Error;
  kill: (error: Error) => void;
  ready: Promise<unknown>;
}

/**
 * A fixed-size pool of warm workers, driven through Comlink. Tasks are pulled
 * by whichever worker is free, and each one leaves a trace event. Aborting
 * terminates every worker and rejects every pending call at once; a worker
 * that throws or dies is replaced. Missing workers are started lazily, on the
 * next `warm` or `map`.
 *
 * A worker that goes without a word (it calls `close()`, or the browser ends
 * it) fires no event and leaves its calls pending forever. The pool learns of
 * it from its handle's `onGone`, a signal from the platform itself (Node's
 * `exit`; in the browser, a Web Lock the worker held being released, see
 * browser-worker.ts), never from a heartbeat: a worker computing a chunk runs
 * one synchronous loop for seconds and answers no message until it ends, so an
 * unanswered ping cannot tell a busy worker from a dead one. A lost worker
 * abandons its run: every worker is terminated, which ends the calls the
 * others are still making, and the next run starts fresh ones.
 */
export class WorkerPool<Api extends PingApi = WorkerApi> {
  private slots: Array<Slot<Api> | undefined> = [];
  private sizeValue: number;

  constructor(
    private readonly factory: WorkerFactory,
    size: number,
  ) {
    this.sizeValue = WorkerPool.checkSize(size);
  }

  static checkSize(size: number): number {
    if (!Number.isInteger(size) || size < 1 || size > 64) throw new RangeError(`A pool holds 1 to 64 workers, not ${size}.`);
    return size;
  }

  get size(): number {
    return this.sizeValue;
  }

  /** How many workers are running now. */
  get alive(): number {
    return this.slots.filter(Boolean).length;
  }

  /** Changes the pool size; extra workers are terminated now, missing ones start lazily. */
  resize(size: number): void {
    this.sizeValue = WorkerPool.checkSize(size);
    for (let i = size; i < this.slots.length; i++) this.slots[i]?.kill(new Error('The pool was resized.'));
    this.slots.length = Math.min(this.slots.length, size);
  }

  /**
   * Starts every missing worker, one after another, each once the last has
   * answered, and waits until all answer. Not all at once: WebKit puts only
   * the first of several workers started together from the same script under
   * the page's service worker; the others' requests bypass it.
   */
  async warm(signal?: AbortSignal): Promise<WarmReport> {
    signal?.throwIfAborted();
    const began = performance.now();
    const coldStartMs: number[] = [];
    for (let i = 0; i < this.sizeValue; i++) {
      if (this.slots[i]) continue;
      const slot = this.spawn(i);
      this.slots[i] = slot;
      await this.guard(signal, this.onSlot(slot, slot.ready));
      coldStartMs.push(performance.now() - began);
    }
    const all = this.slots.filter((s): s is Slot<Api> => Boolean(s));
    await this.guard(signal, Promise.all(all.map((s) => this.onSlot(s, s.ready))));
    return { coldStartMs };
  }

  /**
   * Runs tasks 0…count−1, each on whichever worker is free first, and
   * resolves with their results in task order. Rejects with the first error.
   */
  async map<R>(count: number, call: WorkerCall<R, Api>, options: MapOptions = {}): Promise<MapOutcome<R>> {
    const { signal, onProgress } = options;
    await this.warm(signal);
    const results: R[] = new Array(count);
    const trace: TraceEvent[] = [];
    let next = 0;
    let done = 0;
    let failed = false;
    const t0 = performance.now();

    const drain = async (slot: Slot<Api>): Promise<void> => {
      while (!failed && next < count) {
        const task = next++;
        const startMs = performance.now() - t0;
        try {
          results[task] = await this.onSlot(slot, call(slot.api, task, slot.index));
        } catch (error) {
          failed = true;
          // A worker that threw may be in any state: replace it.
          slot.kill(error instanceof Error ? error : new Error(String(error)));
          throw error;
        }
        trace.push({ lane: `worker ${slot.index + 1}`, chunk: task, startMs, endMs: performance.now() - t0 });
        onProgress?.(++done, count);
      }
    };

    const slots = this.slots.filter((s): s is Slot<Api> => Boolean(s));
    await this.guard(signal, Promise.all(slots.map(drain)));
    return { results, trace, originMs: t0, wallMs: performance.now() - t0 };
  }

  /** Calls `call` once on every worker (started first if need be), in slot order; for per-worker set-up such as clock offsets. */
  async forEachWorker<R>(call: (api: Remote<Api>, slot: number) => Promise<R>, signal?: AbortSignal): Promise<R[]> {
    await this.warm(signal);
    const slots = this.slots.filter((s): s is Slot<Api> => Boolean(s));
    return this.guard(signal, Promise.all(slots.map((slot) => this.onSlot(slot, call(slot.api, slot.index)))));
  }

  /** Terminates every worker now; pending calls reject with `reason`. */
  terminate(reason: Error = new Error('The pool was terminated.')): void {
    for (const slot of this.slots) slot?.kill(reason);
    this.slots = [];
  }

  /** Settles as `work` does, or rejects as soon as the slot's worker is gone. */
  private onSlot<T>(slot: Slot<Api>, work: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (slot.gone) return reject(slot.gone);
      slot.pending.add(reject);
      work.then(
        (value) => {
          slot.pending.delete(reject);
          resolve(value);
        },
        (error: unknown) => {
          slot.pending.delete(reject);
          reject(error);
        },
      );
    });
  }

  /** Races `work` with the signal: on abort, terminates every worker and rejects at once. */
  private async guard<T>(signal: AbortSignal | undefined, work: Promise<T>): Promise<T> {
    if (!signal) return work;
    signal.throwIfAborted();
    let onAbort: () => void = () => undefined;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => {
        const reason = abortError();
        this.terminate(reason);
        reject(reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await Promise.race([work, aborted]);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  private spawn(index: number): Slot<Api> {
    const handle = this.factory();
    const api = wrap<Api>(handle.endpoint);
    handle.onFailure((error) => slot.kill(error));
    // A worker terminated on purpose (Stop, a resize, a failure) is gone already, not lost.
    handle.onGone(() => {
      if (!slot.gone) this.terminate(workerLostError());
    });
    const slot: Slot<Api> = {
      index,
      handle,
      api,
      pending: new Set(),
      kill: (error) => {
        if (this.slots[index] === slot) this.slots[index] = undefined;
        if (slot.gone) return;
        slot.gone = error;
        handle.terminate();
        for (const reject of slot.pending) reject(error);
        slot.pending.clear();
      },
      ready: api.ping(),
    };
    slot.ready.catch(() => undefined);
    return slot;
  }
}
