/** The code shown beside the CPU demo: the lesson's Python and the JavaScript this page runs. */

export const CPU_PYTHON = `import threading, multiprocessing
from multiprocessing.pool import ThreadPool

def squared(x):
    return x ** 2

def square_part(part):
    return [squared(x) for x in part]

numbers = [10] * 10_000_000
parts = [numbers[i::4] for i in range(4)]

# 1. serial
result = square_part(numbers)

# 2. four threads: the GIL lets one run Python at a time
threads = [threading.Thread(target=square_part, args=(p,)) for p in parts]
for t in threads: t.start()
for t in threads: t.join()

# 3. a thread pool, one task per number
with ThreadPool(4) as pool:
    result = pool.map(squared, numbers)

# 4. four processes, each with its own interpreter
procs = [multiprocessing.Process(target=square_part, args=(p,)) for p in parts]
for p in procs: p.start()
for p in procs: p.join()`;

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

// 3. a worker pool, one message per number (or per chunk)
await pool.map(count / chunk, (worker, i) =>
  worker.workOnItems(numbers.slice(i * chunk, (i + 1) * chunk), rounds));

// 4. W workers, one part each; the input is shared
//    (SharedArrayBuffer) or each part is transferred
await pool.map(W, (worker, i) =>
  worker.checksum(input, parts[i].start, parts[i].end, rounds));`;
