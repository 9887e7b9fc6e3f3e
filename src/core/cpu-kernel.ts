/**
 * The CPU demo's work. Round 1 is the lesson's `num ** 2`. Each further round
 * is one step of the logistic map, an arithmetic loop the JIT cannot shorten,
 * because plain squaring is bound by memory in JavaScript and finishes in
 * milliseconds. Every number's result is a whole number and the checksum is
 * their sum, so it is exact whatever order or split the work was done in, and
 * it is returned, so the JIT cannot delete the work as unused.
 */

/** The lesson squares a list of tens. */
export const INPUT_VALUE = 10;

/** The result for one number after `rounds` rounds of work (a whole number). */
export function workOn(x: number, rounds: number): number {
  const squared = x * x;
  let v = 1 / (1 + squared);
  for (let r = 1; r < rounds; r++) v = 3.9 * v * (1 - v);
  return rounds === 1 ? squared : squared + Math.floor(v * 1024);
}

/** Numbers per slice so that one slice is a few milliseconds of work (about two million rounds). */
export function sliceSize(rounds: number): number {
  return Math.max(1, Math.floor(2_000_000 / rounds));
}

/**
 * A run's control block: an `Int32Array` on a `SharedArrayBuffer` that the
 * page and every worker of the run see. The page sets the stop slot to end
 * the work early: a browser may let a worker that is busy in a loop run on
 * for seconds after `terminate()` (Chromium: about 2 s), taking a core from
 * whatever runs next. Each part's worker stores how many of its numbers are
 * done, so the page can show progress inside a part. Each slot sits on its
 * own 64-byte cache line.
 */
export interface KernelControl {
  view: Int32Array;
  /** Which part of the run this call works on, 0-based: where it stores its progress. */
  part: number;
}

const CONTROL_STOP = 0;
const CONTROL_STRIDE = 16;

/** Bytes of shared memory the control block of a run in `parts` parts needs. */
export function controlBytes(parts: number): number {
  return CONTROL_STRIDE * (parts + 1) * Int32Array.BYTES_PER_ELEMENT;
}

/** Asks every part working with this control block to stop after its current slice. */
export function requestStop(view: Int32Array): void {
  Atomics.store(view, CONTROL_STOP, 1);
}

/** Numbers done so far over all `parts` (read from any thread while they work). */
export function numbersDone(view: Int32Array, parts: number): number {
  let done = 0;
  for (let part = 0; part < parts; part++) done += Atomics.load(view, CONTROL_STRIDE * (part + 1));
  return done;
}

/**
 * Sum of `workOn` over `input[start..end)`. With a control block, the work
 * goes slice by slice; between two slices it stores its progress, and it
 * returns early once asked to stop (with the sum so far, which a stopped run
 * throws away).
 */
export function checksumRange(
  input: ArrayLike<number>,
  start: number,
  end: number,
  rounds: number,
  control?: KernelControl,
): number {
  if (!control) return sumOfWork(input, start, end, rounds);
  const { view, part } = control;
  const progress = CONTROL_STRIDE * (part + 1);
  const slice = sliceSize(rounds);
  let sum = 0;
  for (let from = start; from < end && Atomics.load(view, CONTROL_STOP) === 0; from += slice) {
    const to = Math.min(from + slice, end);
    sum += sumOfWork(input, from, to, rounds);
    Atomics.store(view, progress, to - start);
  }
  return sum;
}

function sumOfWork(input: ArrayLike<number>, start: number, end: number, rounds: number): number {
  let sum = 0;
  for (let i = start; i < end; i++) sum += workOn(input[i], rounds);
  return sum;
}

/** The input of the lesson: `count` tens. */
export function makeInput(count: number, buffer?: ArrayBufferLike): Float64Array {
  const input = buffer ? new Float64Array(buffer, 0, count) : new Float64Array(count);
  input.fill(INPUT_VALUE);
  return input;
}

/** The checksum a correct run over `count` tens must give, computed without the loop. */
export function expectedChecksum(count: number, rounds: number): number {
  return count * workOn(INPUT_VALUE, rounds);
}
