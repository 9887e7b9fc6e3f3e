import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('the custom-elements manifest', () => {
  it('matches the elements as they are: run `npm run analyze` after changing one', () => {
    // The analyzer writes below the working folder whatever it is given: a folder nothing else reads.
    const out = join('node_modules', '.cache', `pl-manifest-${process.pid}`);
    try {
      execFileSync('npx', ['cem', 'analyze', '--quiet', '--outdir', out], { stdio: 'pipe' });
      // The analyzer lists the modules in whatever order it read them: compare them by path.
      const byPath = (file: string) => {
        const manifest = JSON.parse(readFileSync(file, 'utf8')) as { modules: Array<{ path: string }> };
        return { ...manifest, modules: [...manifest.modules].sort((a, b) => a.path.localeCompare(b.path)) };
      };
      expect(byPath('custom-elements.json')).toEqual(byPath(join(out, 'custom-elements.json')));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);

  it('documents every demo element with its attributes, event, parts and theme', () => {
    const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as {
      modules: Array<{ declarations?: Array<Record<string, unknown>> }>;
    };
    const elements = new Map(
      manifest.modules
        .flatMap((m) => m.declarations ?? [])
        .filter((d) => d.customElement)
        .map((d) => [d.tagName, d]),
    );
    for (const tag of ['pl-cpu-demo', 'pl-io-demo', 'pl-locks-demo', 'parallel-lab']) {
      const element = elements.get(tag) as { attributes?: Array<{ name: string }>; cssProperties?: Array<{ name: string }> };
      expect(element, tag).toBeDefined();
      expect(element.attributes?.map((a) => a.name)).toContain('url-params');
      expect(element.cssProperties?.map((p) => p.name)).toContain('--pl-accent');
    }
    const cpu = elements.get('pl-cpu-demo') as { events?: Array<{ name: string }>; cssParts?: Array<{ name: string }> };
    expect(cpu.events?.map((e) => e.name)).toEqual(['pl-run-complete']);
    expect(cpu.cssParts?.map((p) => p.name)).toEqual(expect.arrayContaining(['settings', 'results']));
    expect((elements.get('pl-cpu-demo') as { attributes: Array<{ name: string }> }).attributes.map((a) => a.name)).toEqual(
      expect.arrayContaining(['numbers', 'rounds', 'workers', 'chunk-size', 'autorun', 'compact']),
    );
  });
});
