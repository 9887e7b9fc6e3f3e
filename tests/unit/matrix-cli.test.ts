import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../scripts/matrix.mjs', import.meta.url));

/** Runs the matrix runner as `npm run matrix` does (through tsx), and resolves with what it printed and its exit code. */
function matrix(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', script, ...args], (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

describe('the matrix runner’s command line', () => {
  it('refuses wrong arguments before starting anything: a message, the usage, exit code 2', async () => {
    const { code, stdout, stderr } = await matrix(['--cores', '0', '--out', 'never-written.json']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^--cores takes whole numbers of cores from 1/);
    expect(stderr).toContain('Usage: npm run matrix -- [options] --out FILE');
    expect(stdout).toBe('');
  });

  it('refuses a --dist that holds no built site, saying how to build one', async () => {
    const { code, stderr } = await matrix(['--dist', 'no-such-dist', '--out', 'never-written.json']);
    expect(code).toBe(2);
    expect(stderr).toContain('PL_DIST=');
    expect(stderr).toContain('npm run build');
  });

  it('prints its usage on --help, and exits 0', async () => {
    const { code, stdout } = await matrix(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--repeats N');
    expect(stdout).toContain('130 stopped with Ctrl-C');
  });
});
