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

/** Sum of `workOn` over `input[start..end)`. */
export function checksumRange(input: ArrayLike<number>, start: number, end: number, rounds: number): number {
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
