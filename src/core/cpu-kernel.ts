import { checkIn, type ControlPart } from './control-block';

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
  control?: ControlPart,
): number {
  if (!control) return sumOfWork(input, start, end, rounds);
  const slice = sliceSize(rounds);
  let sum = 0;
  let from = start;
  for (; from < end && !checkIn(control, from - start); from += slice) {
    sum += sumOfWork(input, from, Math.min(from + slice, end), rounds);
  }
  // Finished, or stopped at a check-in: either way, record what was done.
  checkIn(control, Math.min(from, end) - start);
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
