/** The code shown beside the data-moving demo: the lesson's way of handing a process its numbers, and this page's four. */

export const DATA_PYTHON = `from multiprocessing import Process, shared_memory

x = [10] * 10_000_000

# 1. a copy: the argument is pickled into bytes, sent down
#    a pipe, and unpickled into a list of the process's own
p = Process(target=squareList, args=(x,))
p.start(); p.join()

# multiprocessing has no transfer: what is sent is a copy.

# 2. shared memory: one block both processes see
shm = shared_memory.SharedMemory(create=True, size=8 * len(x))
p = Process(target=squareShared, args=(shm.name, len(x)))
p.start(); p.join()`;

export const DATA_JAVASCRIPT = `// Built before the timing: the lesson's tens
const list = [];
for (let i = 0; i < n; i++) list.push(10);
const numbers = new Float64Array(n).fill(10);
const shared = new Float64Array(new SharedArrayBuffer(8 * n)).fill(10);

// The timing ends when the worker says it has them
// 1. copy-array: cloned number by number (the browser's pickling)
await worker.holdNumbers(list);
// 2. copy-typed: cloned as one block of bytes
await worker.holdNumbers(numbers);
// 3. transfer: the block changes owner; numbers.length is 0 after
await worker.holdNumbers(Comlink.transfer(numbers, [numbers.buffer]));
// 4. shared: one block, seen by both (isolated pages only)
await worker.holdNumbers(shared);

// Then the worker checks what it got: the sum of the squares
const checksum = await worker.checksumHeld(); // must be 100 × n`;
