import { describe, expect, it } from 'vitest';
import {
  RESULTS_MAX_BYTES,
  RESULTS_SCHEMA,
  parseResultsFile,
  resultsFile,
  savedRun,
  toCsv,
  toMarkdown,
  tooLarge,
  type RunEnvironment,
  type SavedRun,
} from '../../src/core/results-file';
import type { DemoId, RunResultBase } from '../../src/core/run-result';
import { browserOf, engineOf, osOf } from '../../src/runtime/environment';

const environment: RunEnvironment = {
  browser: 'Chromium',
  browserVersion: '156.0.1',
  engine: 'Blink',
  os: 'Linux',
  reportedCores: 2,
  crossOriginIsolated: true,
  timerResolutionMs: 0.005,
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.1',
};

const run = (over: Partial<RunResultBase<DemoId, string, unknown>> = {}): RunResultBase<DemoId, string, unknown> => ({
  schema: 'parallel-lab/run@2',
  demo: 'cpu',
  variant: 'workers',
  params: { numbers: 100_000, rounds: 5 },
  wallMs: 12.345678,
  workers: 2,
  verified: true,
  startedAt: '2026-01-01T00:00:00.000Z',
  longestFrameGapMs: 16.7,
  longestBlockMs: null,
  trace: Array.from({ length: 300 }, (_, i) => ({ lane: 'worker 1', chunk: i, startMs: i, endMs: i + 1 })),
  ...over,
});

const file = (runs: SavedRun[] = [savedRun(run(), environment)]) => resultsFile(runs, new Date('2026-02-03T04:05:06.789Z'));

/** A valid file's JSON, edited by `edit` (which may break it). */
type Editable = Record<string, unknown> & { runs?: Array<Record<string, unknown>> };

function edited(edit: (data: Editable & { runs: Array<Record<string, unknown>> }) => void): string {
  const data = JSON.parse(JSON.stringify(file())) as Editable & { runs: Array<Record<string, unknown>> };
  edit(data);
  return JSON.stringify(data);
}

function refusal(text: string): string {
  const parsed = parseResultsFile(text);
  expect(parsed.ok).toBe(false);
  return parsed.ok ? '' : parsed.message;
}

describe('a results file', () => {
  it('keeps a run without its trace, saying how long the trace was, with the environment it ran in', () => {
    const saved = savedRun(run(), environment);
    expect(saved.trace).toEqual([]);
    expect(saved.traceLength).toBe(300);
    expect(saved.environment).toEqual(environment);
    expect(saved.wallMs).toBe(12.345678);
    // A run already slimmed keeps the length of its full trace.
    expect(savedRun({ ...run(), traceLength: 20_000 }, environment).traceLength).toBe(20_000);
  });

  it('names its schema and the time it was written', () => {
    expect(file()).toMatchObject({ schema: RESULTS_SCHEMA, exportedAt: '2026-02-03T04:05:06.789Z' });
    expect(RESULTS_SCHEMA).toBe('parallel-lab/results@1');
  });

  it('reads back exactly what it wrote, demo fields and core limit included', () => {
    const runs = [
      savedRun(run({ demo: 'locks', variant: 'mutex', wallMs: 0.1 + 0.2 }), { ...environment, coreLimit: 1 }),
      { ...savedRun(run(), environment), checksum: 123.456, coldStartMs: [20.5, 31.25] },
    ];
    const written = file(runs);
    const parsed = parseResultsFile(JSON.stringify(written));
    expect(parsed).toEqual({ ok: true, file: written });
  });

  it('refuses what is not JSON, saying so', () => {
    expect(refusal('{"schema": "parallel-lab/results@1",')).toMatch(/^This is not a results file: it is not JSON/);
    expect(refusal('')).toMatch(/not JSON/);
    expect(refusal('[1, 2]')).toBe('This is not a results file: it holds a list, not an object.');
  });

  it('refuses another schema, and another version of this one by its version', () => {
    expect(refusal(edited((d) => (d.schema = 'parallel-lab/results@2')))).toBe(
      'This results file is version "parallel-lab/results@2"; this lab reads "parallel-lab/results@1" only.',
    );
    expect(refusal(edited((d) => (d.schema = 'something/else')))).toMatch(/not a Parallel Lab results file.*"something\/else"/);
    expect(refusal(edited((d) => delete d.schema))).toMatch(/its schema must be "parallel-lab\/results@1", but it is missing/);
  });

  it('refuses a file over 10 MB, saying how large it is', () => {
    expect(refusal(' '.repeat(RESULTS_MAX_BYTES + 1))).toBe(tooLarge(RESULTS_MAX_BYTES + 1));
    expect(tooLarge(12_500_000)).toBe(
      'This file has 12,500,000 bytes: more than the 10,000,000 (10 MB) a results file may have.',
    );
  });

  it('refuses missing fields, naming the run and the field', () => {
    expect(refusal(edited((d) => delete (d as Editable).runs))).toBe('runs must be a list of runs, but it is missing.');
    expect(refusal(edited((d) => (d.runs = [])))).toBe('The file holds no runs.');
    expect(refusal(edited((d) => delete d.runs[0].wallMs))).toBe(
      'Run 1: wallMs must be a number of milliseconds (0 or more), but it is missing.',
    );
    expect(refusal(edited((d) => delete d.runs[0].environment))).toBe('Run 1: environment must be an object, but it is missing.');
    expect(refusal(edited((d) => delete (d.runs[0].environment as Record<string, unknown>).browser))).toBe(
      "Run 1's environment: browser must be text, but it is missing.",
    );
    expect(refusal(edited((d) => delete d.exportedAt))).toMatch(/^exportedAt must be a date and time/);
  });

  it('refuses fields of the wrong type, naming the value', () => {
    expect(refusal(edited((d) => (d.runs[0].wallMs = '12')))).toBe(
      'Run 1: wallMs must be a number of milliseconds (0 or more), but it is the text "12".',
    );
    expect(refusal(edited((d) => (d.runs[0].verified = 1)))).toBe('Run 1: verified must be true or false, but it is 1.');
    expect(refusal(edited((d) => (d.runs[0].demo = 'gpu')))).toMatch(/^Run 1: demo must be one of the demos/);
    expect(refusal(edited((d) => (d.runs[0].schema = 'parallel-lab/run@1')))).toMatch(
      /^Run 1: schema must be "parallel-lab\/run@2"/,
    );
    expect(refusal(edited((d) => (d.runs[0].workers = 1.5)))).toMatch(/^Run 1: workers must be a whole number/);
    expect(refusal(edited((d) => (d.runs[0].trace = [{ lane: 1 }])))).toMatch(/^Run 1: trace must be a list of/);
    expect(refusal(edited((d) => (d.runs[0].startedAt = 'yesterday')))).toMatch(/^Run 1: startedAt must be a date/);
    expect(refusal(edited((d) => ((d.runs[0].environment as Record<string, unknown>).engine = 'Trident')))).toMatch(
      /engine must be one of Blink, Gecko, WebKit, unknown/,
    );
    expect(refusal(edited((d) => ((d.runs[0].environment as Record<string, unknown>).coreLimit = 0)))).toMatch(
      /coreLimit must be/,
    );
    expect(refusal(edited((d) => d.runs.push(null as unknown as Record<string, unknown>)))).toBe('Run 2 is not an object.');
  });

  it('quotes a hostile value safely: short, its invisible characters shown, and as text', () => {
    const hostile = `<img src=x onerror=alert(1)>\u202e${'A'.repeat(100_000)}`;
    const message = refusal(edited((d) => (d.runs[0].wallMs = hostile)));
    expect(message.length).toBeLessThan(200);
    expect(message).toContain('"<img src=x onerror=alert(1)>[U+202E]AAA…".');
    expect(message).not.toContain('\u202e');
    expect(refusal(edited((d) => (d.schema = 'parallel-lab/results@\n9')))).toContain('results@⏎9');
  });

  it('writes CSV with one line per run, quoting and defusing what a spreadsheet would misread', () => {
    const csv = toCsv(file([savedRun(run({ variant: '=HYPERLINK("x"), 2' }), { ...environment, coreLimit: 2 })]));
    const [header, line, end] = csv.split('\r\n');
    expect(header.split(',').slice(0, 4)).toEqual(['demo', 'variant', 'wallMs', 'workers']);
    expect(line).toMatch(/^cpu,"'=HYPERLINK\(""x""\), 2",12\.345678,2,true,2026-01-01T00:00:00\.000Z,/);
    expect(header.split(',')[header.split(',').indexOf('coreLimit')]).toBe('coreLimit');
    expect(end).toBe('');
  });

  it('writes a Markdown table whose cells cannot break the table or carry markup', () => {
    const markdown = toMarkdown(file([savedRun(run({ variant: 'a|b <script>\n*x*' }), environment)]));
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('Parallel Lab results (parallel-lab/results@1), exported 2026-02-03T04:05:06.789Z');
    expect(lines[2]).toMatch(/^\| demo \| variant \| wallMs \|/);
    expect(lines[3]).toMatch(/^\| --- \| --- \|/);
    expect(lines[4]).toContain('| cpu | a\\|b \\<script\\> \\*x\\* | 12.345678 | 2 | true |');
    expect(lines).toHaveLength(6);
  });
});

describe('the environment a run names', () => {
  it('tells the engine from the user agent', () => {
    expect(engineOf('Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0')).toBe('Gecko');
    expect(
      engineOf('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0 Safari/537.36'),
    ).toBe('Blink');
    expect(
      engineOf('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15'),
    ).toBe('WebKit');
    expect(engineOf('curl/8.0')).toBe('unknown');
  });

  it('names WebKitGTK on Linux, not Safari, and claims no version its user agent does not give', () => {
    const webkitGtk = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/60.5 Safari/605.1.15';
    expect(browserOf(webkitGtk)).toEqual({ name: 'WebKitGTK', version: '' });
    const safari =
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15';
    expect(browserOf(safari)).toEqual({ name: 'Safari', version: '18.0' });
    const chromeLinux = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
    expect(browserOf(chromeLinux)).toEqual({ name: 'Chrome', version: '156.0.0.0' });
  });

  it('tells the operating system from the user agent', () => {
    expect(osOf('Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/120 Mobile')).toBe('Android');
    expect(osOf('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15')).toBe('iOS');
    expect(osOf('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15')).toBe('macOS');
    expect(osOf('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36')).toBe('Windows');
    expect(osOf('Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36')).toBe('ChromeOS');
    expect(osOf('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36')).toBe('Linux');
    expect(osOf('')).toBe('unknown');
  });
});
