/** The code shown beside the I/O demo: the lesson's Python, and the JavaScript this page runs, shortened but with the same APIs. */

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
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const onStop = () => controller.abort();
  stop.signal.addEventListener('abort', onStop, { once: true });
  try {
    const response = await fetch(url, {
      mode: 'cors', credentials: 'omit', cache: 'no-store',
      signal: controller.signal,
    });
    // read the body to its last byte, counting it, keeping none
    const reader = response.body.getReader();
    let bytes = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return bytes;
      bytes += value.byteLength;
    }
  } finally {
    clearTimeout(timer);
    stop.signal.removeEventListener('abort', onStop);
  }
}

// 1. serial: await each fetch in turn
for (const url of urls) await fetchPage(url);

// 2. concurrent on the main thread, no thread at all:
//    K runners, each sending the next request as soon as
//    its last one ends (K = 1 is serial; K = urls.length,
//    every request at once)
let next = 0;
async function runner() {
  while (next < urls.length && !stop.signal.aborted) {
    await fetchPage(urls[next++]);
  }
}
await Promise.all(Array.from({ length: K }, runner));

// 3. W workers, each fetching its next page when its last
//    one is done; Stop terminates them, requests and all
await pool.map(urls.length, (worker, i) => worker.fetchPage(urls[i]));`;
