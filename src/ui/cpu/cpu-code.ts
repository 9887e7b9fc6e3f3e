/** The code shown beside the CPU demo: the lesson's Python and the JavaScript this page runs. */

export const CPU_PYTHON = `# The lesson's code, without its timing and print lines.
import threading, multiprocessing
from multiprocessing.pool import ThreadPool

def squared(num):
    num**2                # computed, not returned

def squareList(nums):
    for num in nums:
        squared(num)

x = [10] * 10_000_000
parts = [x[i::4] for i in range(4)]   # written here as slices

# 1. serial
squareList(x)

# 2. four threads: the GIL lets one run Python at a time
threads = [threading.Thread(target=squareList, args=(p,)) for p in parts]
for t in threads: t.start()
for t in threads: t.join()

# 3. a thread pool: map cuts x into 16 chunks of 625,000
#    (4 per thread) and collects ten million results (None)
pool = ThreadPool(4)
pool.map(squared, x)

# 4. four processes, each with its own interpreter
procs = [multiprocessing.Process(target=squareList, args=(p,)) for p in parts]
for p in procs: p.start()
for p in procs: p.join()`;

/** The lesson's work on one number, beside the JavaScript kernel that keeps its result (so the JIT cannot drop it). */
export const CPU_KERNEL_PYTHON = `def squared(num):
    num**2   # the lesson discards the result`;

export const CPU_JAVASCRIPT = `// Every variant sums workOn(x, rounds) (shown below) over
// the numbers and checks the sum against the expected one.

// 1. serial, on the main thread: the page cannot repaint
let sum = checksumRange(input, 0, input.length, rounds);

// 2. four async tasks taking turns on the main thread
await Promise.all(parts.map(async (part, t) => {
  for (let i = part.start; i < part.end; i += slice) {
    await yieldToEventLoop();            // let the others run
    sums[t] += checksumRange(input, i, i + slice, rounds);
  }
}));

// 3. a worker pool: one message per chunk of numbers,
//    by default 4 chunks per worker, as Python's Pool.map
await pool.map(count / chunk, (worker, i) =>
  worker.workOnItems(input.slice(i * chunk, (i + 1) * chunk), rounds));

// 4. W workers, one part each; the input is shared
//    (SharedArrayBuffer) or each part is transferred
await pool.map(W, (worker, i) =>
  worker.checksum(input, parts[i].start, parts[i].end, rounds));`;
