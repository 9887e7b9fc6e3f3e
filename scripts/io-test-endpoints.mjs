// Endpoints for the I/O demo's browser tests: another origin than the lab's,
// with one address per way a request can fail, and one that works.
//
//   /ok?latency=MS&bytes=N  waits, then answers N bytes, with CORS and CORP: passes an isolated page's checks
//   /no-cors                answers without CORS but with CORP: cross-origin, so only CORS refuses it
//   /no-opt-in              answers with neither CORS nor CORP: an isolated page's policy blocks even a no-cors request
//   /hang                   with CORS, never answers (until the client goes away)
//   /status/500             with CORS and CORP, answers 500
//   /drop                   cuts the connection without an answer: a network failure
//   /stats                  JSON: how many /hang requests are open and how many the client has closed
//   /health                 200, for the test runner to know the server is up
//
// Usage: node scripts/io-test-endpoints.mjs [port]   (default: PL_PORT + 2, or 4175)
import http from 'node:http';
import { pathToFileURL } from 'node:url';

const CORS = { 'Access-Control-Allow-Origin': '*' };
const CORP = { 'Cross-Origin-Resource-Policy': 'cross-origin' };

/** A server with the endpoints above, not yet listening; `hang` counts the /hang requests. */
export function createEndpointServer() {
  const hang = { open: 0, closedByClient: 0 };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const plain = { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' };
    switch (url.pathname) {
      case '/health':
        res.writeHead(200, plain).end('ok');
        return;
      case '/ok': {
        const latency = Math.min(10_000, Number(url.searchParams.get('latency') ?? 0) || 0);
        const bytes = Math.min(10_000_000, Number(url.searchParams.get('bytes') ?? 100) || 0);
        const timer = setTimeout(() => res.writeHead(200, { ...plain, ...CORS, ...CORP }).end(Buffer.alloc(bytes, 46)), latency);
        res.on('close', () => clearTimeout(timer));
        return;
      }
      case '/no-cors':
        res.writeHead(200, { ...plain, ...CORP }).end('you may embed me, but not read me');
        return;
      case '/no-opt-in':
        res.writeHead(200, plain).end('neither readable nor embeddable');
        return;
      case '/hang':
        hang.open++;
        res.on('close', () => {
          hang.open--;
          if (!res.writableEnded) hang.closedByClient++;
        });
        return;
      case '/status/500':
        res.writeHead(500, { ...plain, ...CORS, ...CORP }).end('something broke');
        return;
      case '/drop':
        req.socket.destroy();
        return;
      case '/stats':
        res.writeHead(200, { ...plain, ...CORS, 'Content-Type': 'application/json' }).end(JSON.stringify(hang));
        return;
      case '/stats/reset':
        hang.closedByClient = 0;
        res.writeHead(200, { ...plain, ...CORS }).end('ok');
        return;
      default:
        res.writeHead(404, plain).end('no such endpoint');
    }
  });
  return { server, hang };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.argv[2] ?? Number(process.env.PL_PORT ?? 4173) + 2);
  const { server } = createEndpointServer();
  server.listen(port, '127.0.0.1', () => console.log(`I/O test endpoints on http://127.0.0.1:${port}/`));
}
