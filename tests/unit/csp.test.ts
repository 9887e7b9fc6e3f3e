import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The sources a policy lists for one directive. */
function sourcesOf(policy: string, directive: string): string[] {
  const found = policy.split(';').find((d) => d.trim().split(/\s+/)[0] === directive);
  return found ? found.trim().split(/\s+/).slice(1) : [];
}

/** The hash sources of a page's inline elements of one kind (`script` or `style`), as a browser computes them. */
function inlineHashes(html: string, tag: string): string[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, 'g'))]
    .filter(([, attributes]) => !attributes.includes('src='))
    .map(([, , text]) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`);
}

describe("the built site's Content-Security-Policy", () => {
  let out = '';
  const read = (name: string) => readFileSync(join(out, name), 'utf8');

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'pl-csp-'));
    execFileSync('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { stdio: 'pipe' });
  }, 120_000);

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('is the same in _headers and nginx.conf.example, and allows no unsafe inline code and no eval', () => {
    const policy = /^ {2}Content-Security-Policy: (.+)$/m.exec(read('_headers'))?.[1] ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).not.toMatch(/unsafe-|strict-dynamic|\*/);
    expect(/add_header Content-Security-Policy "(.+)" always;/.exec(read('nginx.conf.example'))?.[1]).toBe(policy);
  });

  it.each(['index.html', 'embed.html'])(
    '%s carries it in a <meta> before any script or style, and it allows exactly its one inline script and its styles',
    (page) => {
      const html = read(page);
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
      expect(meta).not.toBeNull();
      const policy = meta![1];
      expect(policy).not.toMatch(/unsafe-|strict-dynamic|\*/);
      expect(meta!.index).toBeLessThan(html.search(/<script|<style/));

      const scripts = inlineHashes(html, 'script');
      expect(scripts).toHaveLength(1);
      expect(sourcesOf(policy, 'script-src')).toEqual(["'self'", ...scripts]);
      expect(sourcesOf(policy, 'style-src')).toEqual(["'self'", ...inlineHashes(html, 'style')]);
      // The policy for every page, sent as a header, allows each page's own.
      const everyPage = /^ {2}Content-Security-Policy: (.+)$/m.exec(read('_headers'))![1];
      expect(sourcesOf(everyPage, 'script-src')).toEqual(expect.arrayContaining(scripts));
      expect(sourcesOf(everyPage, 'style-src')).toEqual(expect.arrayContaining(inlineHashes(html, 'style')));
    },
  );
});
