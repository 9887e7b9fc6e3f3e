/** The code shown beside the I/O demo: the lesson's Python and the JavaScript this page runs. */

export const IO_PYTHON = `import threading, time
from urllib.request import urlopen

urls = ["https://example.org/1", "https://example.org/2",
        "https://example.org/3", "https://example.org/4"]

def fetch(url):
    with urlopen(url, timeout=10) as page:
        return len(page.read())

# 1. serial: each page waits for the one before
start = time.perf_counter()
for url in urls:
    fetch(url)
print("serial", time.perf_counter() - start)

# 2. four threads: while one waits, the others wait too
#    (a waiting thread lets go of the GIL)
start = time.perf_counter()
threads = [threading.Thread(target=fetch, args=(u,)) for u in urls]
for t in threads: t.start()
for t in threads: t.join()
print("threads", time.perf_counter() - start)`;

export const IO_JAVASCRIPT = `// One request: CORS, no credentials, a timeout, and Stop.
async function fetchPage(url) {
  const response = await fetch(url, {
    mode: 'cors', credentials: 'omit', cache: 'no-store',
    signal: AbortSignal.any([stop.signal, AbortSignal.timeout(timeoutMs)]),
  });
  return (await response.arrayBuffer()).byteLength;
}

// 1. serial: await each fetch in turn
for (const url of urls) await fetchPage(url);

// 2. concurrent on the main thread, no thread at all:
//    every request waits at once...
await Promise.all(urls.map(fetchPage));
//    ...or at most K at a time (K = 1 is serial again)
await runLimited(urls.length, K, (i) => fetchPage(urls[i]));

// 3. W workers, each fetching its next page when its last
//    one is done; Stop terminates them, requests and all
await pool.map(urls.length, (worker, i) => worker.fetchPage(urls[i]));`;
