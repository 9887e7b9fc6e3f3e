/** The code shown beside the locks demo: the lesson's Python and the JavaScript this page runs. */

export const LOCKS_PYTHON = `from multiprocessing import Process, Value, Lock

def add(counter, n):
    for _ in range(n):
        # get (locked), add, set (locked):
        # another process may set in between
        counter.value += 1

def add_locked_each(counter, lock, n):
    for _ in range(n):
        lock.acquire()
        counter.value += 1
        lock.release()

def add_locked_all(counter, lock, n):
    with lock:   # one process counts at a time
        for _ in range(n):
            counter.value += 1

counter, lock = Value('i', 0), Lock()
procs = [Process(target=add, args=(counter, 10_000))
         for _ in range(4)]
for p in procs: p.start()
for p in procs: p.join()
print(counter.value)  # 31,572–32,841, not 40,000
# add_locked_each or add_locked_all: 40,000`;

export const LOCKS_JAVASCRIPT = `// An Int32Array on a SharedArrayBuffer, seen by all workers.
const view = new Int32Array(new SharedArrayBuffer(bytes));
// Each worker waits at a start barrier, then counts:

// 1. no lock: each step is atomic, the pair is not
const value = Atomics.load(view, COUNTER);
Atomics.store(view, COUNTER, value + 1);

// 2. one indivisible read-add-write, no lock at all
Atomics.add(view, COUNTER, 1);

// 3. a mutex around each increment
lock(view, LOCK);            // Atomics.compareExchange / wait
const v = Atomics.load(view, COUNTER);
Atomics.store(view, COUNTER, v + 1);
unlock(view, LOCK);          // Atomics.sub / store / notify

// 4. a mutex around the whole loop (Python's \`with lock:\`)
lock(view, LOCK);
for (let i = 0; i < n; i++) { /* 1. without a lock */ }
unlock(view, LOCK);`;

export const ASYNC_PYTHON = `import asyncio

counter = 0

async def add(n):
    global counter
    for _ in range(n):
        value = counter
        await asyncio.sleep(0)    # another task runs here
        counter = value + 1

async def add_locked(lock, n):  # lock = asyncio.Lock()
    global counter
    for _ in range(n):
        async with lock:
            value = counter
            await asyncio.sleep(0)
            counter = value + 1

async def main():
    await asyncio.gather(*(add(10_000) for _ in range(4)))
    print(counter)             # 10,000, not 40,000`;

export const ASYNC_JAVASCRIPT = `// Four async tasks on the page's one thread: no workers,
// no shared memory, and still a lost update.
const counter = { value: 0 };

async function add(n) {
  for (let i = 0; i < n; i++) {
    const value = counter.value;
    await undefined;             // the other tasks run here
    counter.value = value + 1;
  }
}

async function addLocked(mutex, n) {
  for (let i = 0; i < n; i++) {
    await mutex.lock();          // a queue of promises
    const value = counter.value;
    await undefined;
    counter.value = value + 1;
    mutex.unlock();
  }
}

await Promise.all([1, 2, 3, 4].map(() => add(n)));`;

/** What CPython runs for `counter.value += 1` (Python 3.11, `dis.dis`), trimmed. */
export const PYTHON_BYTECODE = `LOAD_FAST      counter
COPY           1
LOAD_ATTR      value     # Value.get: lock, read, unlock
LOAD_CONST     1
BINARY_OP      +=
SWAP           2
STORE_ATTR     value     # Value.set: lock, write, unlock`;
