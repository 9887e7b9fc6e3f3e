// A plain static file server, as a host that cannot send headers would be:
// no Cross-Origin-Opener-Policy or -Embedder-Policy, so the page is not
// cross-origin isolated unless the lab's service worker makes it so. It does
// send `Cache-Control: no-store`, so no browser revalidates into a 304
// without the headers a service worker added.
//
//   node scripts/static-server.mjs --port 4174 --dir dist [--prefix /lab] [--headers]
//
// With --prefix, the folder is served below that path only (/lab/… is dist/…), as a site in a sub-folder.
// With --headers, it sends what the site's own `_headers` file gives every path (`/*`), as Netlify or
// Cloudflare Pages would: isolation and the Content-Security-Policy.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4174' },
    host: { type: 'string', default: '127.0.0.1' },
    dir: { type: 'string', default: 'dist' },
    prefix: { type: 'string', default: '' },
    headers: { type: 'boolean', default: false },
  },
});
const root = resolve(values.dir);

/** The headers a `_headers` file gives every path: the indented `Name: value` lines under `/*`. */
function headersForEveryPath(text) {
  const headers = {};
  let everyPath = false;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) everyPath = line.trim() === '/*';
    else if (everyPath) headers[line.slice(0, line.indexOf(':')).trim()] = line.slice(line.indexOf(':') + 1).trim();
  }
  return headers;
}
const siteHeaders = values.headers ? headersForEveryPath(await readFile(join(root, '_headers'), 'utf8')) : {};

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

const prefix = values.prefix.replace(/\/$/, '');

/** The file a URL path names inside the root, or undefined if it would leave it (or lie outside the prefix). */
function fileOf(pathname) {
  if (prefix && pathname !== prefix && !pathname.startsWith(`${prefix}/`)) return undefined;
  const path = normalize(join(root, decodeURIComponent(pathname.slice(prefix.length))));
  return path === root || path.startsWith(root + sep) ? path : undefined;
}

const server = createServer(async (request, response) => {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  let path;
  try {
    path = fileOf(pathname);
  } catch (error) {
    // A malformed escape such as /%E0%A4%A makes decodeURIComponent throw: the client's mistake, not a crash.
    if (!(error instanceof URIError)) throw error;
    response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(`Bad request: malformed percent-escape in ${pathname}\n`);
    return;
  }
  try {
    if (!path) throw new Error('outside the root');
    if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
    // A plain host serves a folder's index at its name without the slash, too (and does not redirect).
    const body = await readFile(path);
    response.writeHead(200, {
      ...siteHeaders,
      'Content-Type': types[extname(path)] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  } catch {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(`Not found: ${pathname}\n`);
  }
});

// `--port 0` picks a free port; the line below says which.
server.listen(Number(values.port), values.host, () => {
  console.log(
    `Serving ${root} ${values.headers ? 'with its _headers' : 'without isolation headers'} at http://${values.host}:${server.address().port}/`,
  );
});
