import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build, defineConfig, type Plugin, type Rollup } from 'vite';

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

/** Cross-origin isolation (for SharedArrayBuffer) and no caching, on every response. */
export const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  // An isolated course page on another site may frame the lab only if the lab's files allow it.
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Cache-Control': 'no-store',
};

const serviceWorkerEntry = 'src/runtime/service-worker.ts';

/**
 * Builds the service worker on its own, as one classic script at the site's
 * root (`sw.js`), so its scope is the whole site and every browser runs it.
 * In dev, `/sw.js` is the same file compiled on request.
 */
export function serviceWorker(): Plugin {
  let outDir = 'dist';
  let building = false;
  return {
    name: 'parallel-lab-service-worker',
    configResolved(config) {
      outDir = config.build.outDir;
      building = config.command === 'build';
    },
    configureServer(server) {
      server.middlewares.use('/sw.js', (_req, res, next) => {
        server
          .transformRequest(`/${serviceWorkerEntry}`)
          .then((result) => {
            res.setHeader('Content-Type', 'text/javascript');
            res.end(result?.code ?? '');
          })
          .catch(next);
      });
    },
    async closeBundle() {
      if (!building) return;
      await build({
        configFile: false,
        publicDir: false,
        logLevel: 'warn',
        build: {
          outDir,
          emptyOutDir: false,
          target: 'es2022',
          lib: { entry: serviceWorkerEntry, formats: ['iife'], name: 'parallelLabServiceWorker', fileName: () => 'sw.js' },
        },
      });
    },
  };
}

/**
 * The one inline script of a built page, first in its head, allowed by its hash. At `/lab` without its slash (a
 * plain host that does not redirect), every relative address would point above the lab, and the browser's
 * look-ahead would fetch a `<script src>` from there before any script ran; so the page loads its code from here,
 * once it is sure to be at `/lab/`, and otherwise goes there and reads no further. It asks for every module the
 * page will run before its first Run at once (`data-preload`, see `preloads`), rather than each once the one
 * importing it has arrived. The addresses are read from the data attributes, so the script, and its hash, stay the
 * same from build to build.
 */
function loadTheLab(script: HTMLScriptElement) {
  if (!/(\/|\.html)$/.test(location.pathname)) {
    location.replace(`${location.pathname}/${location.search}${location.hash}`);
    document.write('<!--');
  } else {
    const { common = [], demos = {}, fallback = '' } = JSON.parse(script.dataset.preload ?? '{}') as Partial<Preloads>;
    // Own keys only: `?demo=__proto__` names no demo.
    const demo = new URLSearchParams(location.search).get('demo') ?? fallback;
    const files = [...common, ...(Object.hasOwn(demos, demo) ? demos[demo] : (demos[fallback] ?? []))];
    document.head.append(...files.map((href) => Object.assign(document.createElement('link'), { rel: 'modulepreload', href })));
    // As a module script in the page would: run once the page is parsed.
    addEventListener('DOMContentLoaded', () =>
      document.head.append(Object.assign(document.createElement('script'), { type: 'module', src: script.dataset.entry })),
    );
  }
}
const LOADER = `(${loadTheLab.toString()})(document.currentScript);`;

/** The modules a page runs before its first Run: its own, and the demo's named by `?demo=` (or else `fallback`'s). */
interface Preloads {
  common: string[];
  demos: Record<string, string[]>;
  fallback: string;
}

/** The page the lab shows when its address names none it knows: the first of `DEMOS`, by the folder it loads from. */
function firstDemo(root: string): string {
  const source = readFileSync(join(root, 'src/ui/demos.ts'), 'utf8');
  const first = /import\('\.\/([^/]+)\//.exec(source)?.[1];
  if (!first) throw new Error('src/ui/demos.ts loads no demo');
  return first;
}

/**
 * What a built page preloads: its entry with every module that imports statically, and the modules it imports
 * at once (the lab's frame); then, for each page it can show, that page's modules. The lab's page shows any page
 * of the lab (a chunk `src/ui/<id>/pl-*.ts`), and the first demo when its address names none it knows; the embed
 * page only a demo (`src/ui/<id>/pl-<id>-demo.ts`), and otherwise none.
 */
function preloads(bundle: OutputBundle, entry: OutputChunk, page: 'lab' | 'embed', root: string): Preloads {
  const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk');
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const withImports = (file: string, into = new Set<string>()): Set<string> => {
    if (into.has(file)) return into;
    into.add(file);
    for (const imported of byFile.get(file)?.imports ?? []) withImports(imported, into);
    return into;
  };
  const common = withImports(entry.fileName);
  for (const file of entry.dynamicImports) withImports(file, common);
  const shown = page === 'lab' ? /\/src\/ui\/([^/]+)\/pl-[^/]+\.ts$/ : /\/src\/ui\/([^/]+)\/pl-\1-demo\.ts$/;
  const demos: Record<string, string[]> = {};
  for (const chunk of chunks) {
    const id = shown.exec(chunk.facadeModuleId ?? '')?.[1];
    if (id && chunk.isDynamicEntry) {
      demos[id] = [...withImports(chunk.fileName)].filter((file) => !common.has(file)).map((file) => `./${file}`);
    }
  }
  return { common: [...common].map((file) => `./${file}`), demos, fallback: page === 'lab' ? firstDemo(root) : '' };
}

/** The placeholder in the built `_headers` and `nginx.conf.example` (from public/) that the build fills in. */
const POLICY_PLACEHOLDER = '%CONTENT_SECURITY_POLICY%';

interface InlineHashes {
  script: string[];
  style: string[];
}

/** The CSP hash sources of a page's inline `<script>` and `<style>` elements, as the browser computes them. */
function inlineHashes(html: string): InlineHashes {
  const of = (tag: string) =>
    [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, 'g'))]
      .filter(([, attributes]) => !/\bsrc=/.test(attributes))
      .map(([, , text]) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`);
  return { script: of('script'), style: of('style') };
}

/**
 * The built site's Content-Security-Policy: no inline script but the loader, allowed by its hash; no eval; inline
 * styles only the pages' own `<style>`, by hash (the elements style themselves with constructed style sheets and
 * the CSSOM). Workers and the service worker come from the site itself. `connect-src` allows any web address on
 * purpose: the I/O demo fetches the addresses a visitor types, on any origin; a host that narrows it gets each
 * refused request named in the demo as blocked by this policy. No `frame-ancestors`: course pages on any site
 * frame the lab (and a `<meta>` policy could not say it anyway).
 */
function contentSecurityPolicy({ script, style }: InlineHashes): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...script].join(' '),
    ["style-src 'self'", ...style].join(' '),
    "worker-src 'self'",
    "connect-src 'self' https: http:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * Ships the Content-Security-Policy with the built pages: as a `<meta>` in each page (for hosts that cannot send
 * headers), and in the `_headers` and `nginx.conf.example` copied from public/, with the hashes of both pages.
 * The pages' entry `<script src>` and `<link rel="modulepreload">` give way to the loader (see `LOADER`).
 */
function strictContentSecurityPolicy(): Plugin {
  const hashes = { script: new Set<string>(), style: new Set<string>() };
  let outDir = 'dist';
  let root = '.';
  const afterCharset = (html: string, tag: string) => {
    if (!html.includes('<meta charset="utf-8" />')) throw new Error('A page without <meta charset="utf-8" />');
    return html.replace('<meta charset="utf-8" />', () => `<meta charset="utf-8" />\n    ${tag}`);
  };
  return {
    name: 'parallel-lab-content-security-policy',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle, chunk, filename }) {
        const entry = /\s*<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(html);
        if (!entry || !bundle || !chunk) throw new Error('A page without its entry <script type="module" src>');
        const preload = JSON.stringify(preloads(bundle, chunk, filename.endsWith('index.html') ? 'lab' : 'embed', root));
        const page = afterCharset(
          html.replace(entry[0], '').replace(/\s*<link rel="modulepreload" crossorigin href="[^"]+">/g, ''),
          `<script data-entry="${entry[1]}" data-preload='${preload}'>${LOADER}</script>`,
        );
        const own = inlineHashes(page);
        own.script.forEach((hash) => hashes.script.add(hash));
        own.style.forEach((hash) => hashes.style.add(hash));
        return afterCharset(page, `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(own)}" />`);
      },
    },
    async writeBundle() {
      const policy = contentSecurityPolicy({ script: [...hashes.script], style: [...hashes.style] });
      for (const name of ['_headers', 'nginx.conf.example']) {
        const file = join(outDir, name);
        const text = await readFile(file, 'utf8');
        if (!text.includes(POLICY_PLACEHOLDER)) throw new Error(`${name} has no ${POLICY_PLACEHOLDER} to fill in`);
        await writeFile(file, text.replaceAll(POLICY_PLACEHOLDER, policy));
      }
    },
  };
}

export default defineConfig({
  plugins: [serviceWorker(), strictContentSecurityPolicy()],
  // Relative base: the built site works from any sub-path of any static host.
  base: './',
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // PL_DIST builds elsewhere, to test two builds side by side (see playwright.config.ts).
    outDir: process.env.PL_DIST ?? 'dist',
    // The lab's page, and the page a course site frames to show one demo.
    rollupOptions: {
      input: { main: 'index.html', embed: 'embed.html' },
      // Every module that two or more chunks import goes into one chunk, `shared`: a page then asks for four files
      // rather than thirty, and on a busy machine each wave of requests costs more than the few KB it would save.
      output: { codeSplitting: { groups: [{ name: 'shared', minShareCount: 2 }] } },
    },
  },
});
