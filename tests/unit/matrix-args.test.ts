import { describe, expect, it } from 'vitest';
import { parseMatrixArgs, type ParseContext } from '../../scripts/matrix-args';
import { DEMO_IDS } from '../../src/core/run-result';

const context: ParseContext = {
  engines: ['chromium', 'firefox', 'webkit'],
  demos: DEMO_IDS,
  defaultCores: [1, 2],
  defaultDist: 'dist',
};

function parsed(argv: string[]) {
  const result = parseMatrixArgs(argv, context);
  if (!result.ok) throw new Error(result.message);
  return result.options;
}

function refusal(argv: string[]): string {
  const result = parseMatrixArgs(argv, context);
  if (result.ok) throw new Error(`accepted ${argv.join(' ')}`);
  return result.message;
}

describe('the matrix runner’s arguments', () => {
  it('reads the issue’s full command', () => {
    const options = parsed(
      '--browsers chromium,firefox,webkit --cores 1,2 --demos cpu,locks,io,scaling,data --quick --out m.json --repeats 3'.split(
        ' ',
      ),
    );
    expect(options).toEqual({
      browsers: ['chromium', 'firefox', 'webkit'],
      cores: [1, 2],
      demos: ['cpu', 'locks', 'io', 'scaling', 'data'],
      quick: true,
      repeats: 3,
      out: 'm.json',
      dist: 'dist',
      distAsIs: false,
      port: 0,
    });
  });

  it('defaults to every browser, every demo, each core count of the machine, one Run all, the lab’s sizes and a free port', () => {
    expect(parsed(['--out', 'm.json'])).toMatchObject({
      browsers: ['chromium', 'firefox', 'webkit'],
      cores: [1, 2],
      demos: [...DEMO_IDS],
      quick: false,
      repeats: 1,
      port: 0,
    });
  });

  it('takes --flag=value as well as --flag value, and "all" as no core limit', () => {
    expect(parsed(['--out=m.json', '--cores=all,1', '--dist=dist-x', '--port=4350'])).toMatchObject({
      out: 'm.json',
      cores: [null, 1],
      dist: 'dist-x',
      distAsIs: true,
      port: 4350,
    });
  });

  it('refuses wrong arguments with a message that names them', () => {
    expect(refusal(['--quick'])).toMatch(/--out FILE is required/);
    expect(refusal(['--out', 'm.json', '--browsers', 'chromium,safari'])).toMatch(
      /unknown "safari"; choose from chromium, firefox, webkit/,
    );
    expect(refusal(['--out', 'm.json', '--demos', 'cpu,,io'])).toMatch(/without empty items/);
    expect(refusal(['--out', 'm.json', '--demos', 'cpu,cpu'])).toMatch(/twice/);
    expect(refusal(['--out', 'm.json', '--cores', '0'])).toMatch(/"0" is neither/);
    expect(refusal(['--out', 'm.json', '--cores', '1.5'])).toMatch(/"1.5" is neither/);
    expect(refusal(['--out', 'm.json', '--cores', '2,2'])).toMatch(/twice/);
    expect(refusal(['--out', 'm.json', '--repeats', '0'])).toMatch(/--repeats takes a whole number from 1 to 99, got "0"/);
    expect(refusal(['--out', 'm.json', '--repeats'])).toMatch(/--repeats needs a value/);
    expect(refusal(['--out', '--quick'])).toMatch(/--out needs a value/);
    expect(refusal(['--out', 'm.json', '--fast'])).toMatch(/Unknown argument "--fast"/);
    expect(refusal(['--out', 'a', '--out', 'b'])).toMatch(/given twice/);
  });

  it('asks for the usage on --help', () => {
    expect(parseMatrixArgs(['--out', 'm.json', '--help'], context)).toEqual({ ok: false, help: true, message: '' });
  });
});
