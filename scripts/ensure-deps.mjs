// Runs `npm install` only when it has something to do: node_modules is missing, or
// package-lock.json changed since the last install. `npm start` and `npm test` call
// this instead of installing every time; CI installs with `npm ci` itself.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, utimesSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const lock = `${root}package-lock.json`;
const modules = `${root}node_modules`;
// npm rewrites its hidden lockfile on every install that changes node_modules: the best "installed at".
const hiddenLock = `${modules}/.package-lock.json`;
const stamp = existsSync(hiddenLock) ? hiddenLock : modules;

const mtime = (path) => statSync(path).mtimeMs;
if (existsSync(modules) && (!existsSync(lock) || mtime(stamp) >= mtime(lock))) process.exit(0);

// Inside an npm script, run the same npm that runs the script.
const npmCli = process.env.npm_execpath;
const args = ['install', '--no-audit', '--no-fund'];
const { status, error } =
  npmCli && /\.c?js$/.test(npmCli)
    ? spawnSync(process.execPath, [npmCli, ...args], { cwd: root, stdio: 'inherit' })
    : spawnSync('npm', args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (error) throw error;
if (status !== 0) process.exit(status ?? 1);

// An install with nothing to change may leave the stamp older than the lockfile: mark it done.
const now = new Date();
utimesSync(existsSync(hiddenLock) ? hiddenLock : modules, now, now);
