import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { missingEngine } from '../../scripts/engines.mjs';
import { parseResultsFile } from '../../src/core/results-file';
import { test, expect } from './fixtures';

const matrixScript = fileURLToPath(new URL('../../scripts/matrix.mjs', import.meta.url));
/** The site these tests serve (playwright.config.ts): the matrix runs on the same build. */
const dist = process.env.PL_DIST ?? 'dist';

/** Runs the matrix runner as `npm run matrix` does (through tsx); resolves with its exit code and its tables. */
function matrix(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', matrixScript, ...args], (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, output: `${stdout}\n${stderr}` });
    });
  });
}

test('the file the matrix runner writes is imported by Compare and shown per browser and core limit', async ({ page }) => {
  // Firefox takes ~20 s to start; each browser runs the demo twice, on 1 core and on 2.
  test.setTimeout(300_000);
  const dir = await mkdtemp(join(tmpdir(), 'pl-matrix-'));
  const out = join(dir, 'matrix.json');
  try {
    const args = [
      '--browsers',
      'chromium,firefox',
      '--cores',
      '1,2',
      '--demos',
      'locks',
      '--quick',
      '--dist',
      dist,
      '--out',
      out,
    ];
    const { code, output } = await matrix(args);
    expect(code, output).toBe(0);
    const read = parseResultsFile(await readFile(out, 'utf8'));
    if (!read.ok) throw new Error(read.message);
    const runs = read.file.runs;
    // A browser that is not installed is left out, and said; Chromium is always there (the suite runs in it).
    const browsers = missingEngine('firefox') ? ['Blink'] : ['Blink', 'Gecko'];
    expect([...new Set(runs.map((r) => r.environment.engine))]).toEqual(browsers);
    expect([...new Set(runs.map((r) => r.environment.coreLimit))]).toEqual([1, 2]);
    expect(runs.every((r) => r.demo === 'locks' && r.verified)).toBe(true);

    await page.goto('./?demo=compare');
    const compare = page.locator('pl-compare');
    await compare.locator('#files').setInputFiles(out);
    await expect(compare.getByRole('status')).toHaveText(`Added ${runs.length} runs from matrix.json.`);
    // One column per browser and core limit, in the order the matrix ran them.
    const machines = [...new Set(runs.map((r) => `${r.environment.browser} ${r.environment.browserVersion}`))];
    await expect(compare.locator('thead th')).toHaveText([
      'Variant',
      ...machines.flatMap((m) => [`${m} · 1 core (limit)`, `${m} · 2 cores (limit)`]),
    ]);
    // Every variant of the demo has a time in every column.
    const variants = [...new Set(runs.map((r) => r.variant))];
    await expect(compare.locator('tbody tr')).toHaveCount(variants.length);
    for (const variant of variants) {
      await expect(compare.locator(`tr[data-variant="${variant}"] [data-ms]`)).toHaveCount(machines.length * 2);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
