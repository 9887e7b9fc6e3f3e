import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../scripts/static-server.mjs', import.meta.url));

describe('the plain static server', () => {
  let dir = '';
  let server: ChildProcess | undefined;
  let base = '';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pl-static-'));
    await writeFile(join(dir, 'hello.txt'), 'hello\n');
    // Port 0: the system picks a free port, and the server's first line names it.
    server = spawn(process.execPath, [script, '--port', '0', '--dir', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [line] = (await once(server.stdout!, 'data')) as [Buffer];
    base = /http:\/\/\S+\//.exec(line.toString())![0];
  });

  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill();
      await once(server, 'exit');
    }
    await rm(dir, { recursive: true, force: true });
  });

  it('answers a malformed percent-escape with 400 and keeps serving', async () => {
    const bad = await fetch(`${base}%E0%A4%A`);
    expect(bad.status).toBe(400);
    await bad.text();

    const good = await fetch(`${base}hello.txt`);
    expect(good.status).toBe(200);
    expect(await good.text()).toBe('hello\n');
    expect(server!.exitCode).toBeNull();
  });
});
