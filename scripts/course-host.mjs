// A course site for the embedding tests: another origin than the lab's, on loopback, serving the page
// each test writes. `GET /page?html=<the page>&isolate=1` answers that HTML, with the headers that make
// it cross-origin isolated when `isolate=1`. Tests reach it as http://localhost:PORT (a secure context).
//
// Usage: node scripts/course-host.mjs [port]   (default: PL_PORT + 4, or 4177)
import http from 'node:http';

const port = Number(process.argv[2] ?? Number(process.env.PL_PORT ?? 4173) + 4);

function handle(req, res) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/health') return res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
  if (url.pathname !== '/page') return res.writeHead(404, { 'Content-Type': 'text/plain' }).end('no such page');
  const isolation =
    url.searchParams.get('isolate') === '1'
      ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' }
      : {};
  res
    .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...isolation })
    .end(url.searchParams.get('html') ?? '');
}

// localhost may resolve to either loopback address: answer on both.
for (const host of ['127.0.0.1', '::1']) {
  http
    .createServer(handle)
    .on('error', (error) => console.error(`course host on ${host}: ${error.message}`))
    .listen(port, host, () => console.log(`Course host on http://localhost:${port}/ (${host})`));
}
