import { describe, expect, it } from 'vitest';
import { firefoxPath, missingEngineMessage, pickChromium, webkitPaths } from '../../scripts/browsers.mjs';
import { cpuList, limitProblem, parseCpuList } from '../../scripts/core-limit.mjs';
import { demoUrl, QUICK_PARAMS } from '../../scripts/run-demo.mjs';

const DOWNLOADED = '/home/me/.cache/ms-playwright/chromium-1/chrome-linux64/chrome';
const existing =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);
const WEBKIT = {
  miniBrowsers: ['/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser'],
  env: { PATH: '/usr/local/bin:/usr/bin' },
};

describe('Finding the browsers', () => {
  it('takes CHROMIUM_PATH first, then a system Chromium or Chrome, then Playwright’s download', () => {
    const all = existing('/usr/bin/chromium', '/usr/bin/google-chrome', DOWNLOADED, '/opt/chrome');
    expect(pickChromium({ env: { CHROMIUM_PATH: '/opt/chrome' }, exists: all, downloaded: DOWNLOADED })).toBe('/opt/chrome');
    expect(pickChromium({ env: {}, exists: all, downloaded: DOWNLOADED })).toBe('/usr/bin/chromium');
    expect(pickChromium({ env: {}, exists: existing('/usr/bin/google-chrome', DOWNLOADED), downloaded: DOWNLOADED })).toBe(
      '/usr/bin/google-chrome',
    );
    expect(pickChromium({ env: {}, exists: existing(DOWNLOADED), downloaded: DOWNLOADED })).toBe(DOWNLOADED);
  });

  it('says exactly how to get a missing Chromium, and names the CHROMIUM_PATH that holds none', () => {
    const none = { env: {}, exists: existing(), downloaded: DOWNLOADED };
    const message = missingEngineMessage('chromium', none);
    expect(message).toContain('sudo apt-get install -y chromium');
    expect(message).toContain('npx playwright install chromium');
    expect(missingEngineMessage('chromium', { ...none, env: { CHROMIUM_PATH: '/opt/nothing' } })).toContain(
      'No Chromium at /opt/nothing',
    );
    expect(missingEngineMessage('chromium', { ...none, exists: existing(DOWNLOADED) })).toBe('');
  });

  it('finds Firefox ESR or Firefox, and says how to install it when neither is there', () => {
    expect(firefoxPath({ env: {}, exists: existing('/usr/bin/firefox') })).toBe('/usr/bin/firefox');
    expect(firefoxPath({ env: { FIREFOX_PATH: '/opt/ff' }, exists: existing('/usr/bin/firefox') })).toBe('/opt/ff');
    expect(missingEngineMessage('firefox', { env: {}, exists: existing('/usr/bin/firefox-esr') })).toBe('');
    expect(missingEngineMessage('firefox', { env: {}, exists: existing() })).toContain('sudo apt-get install -y firefox-esr');
  });

  it('needs WebKitWebDriver, MiniBrowser, and Xvfb unless there is a display', () => {
    const all = existing('/usr/bin/WebKitWebDriver', '/usr/bin/Xvfb', ...WEBKIT.miniBrowsers);
    expect(webkitPaths({ ...WEBKIT, exists: all })).toEqual({
      driver: '/usr/bin/WebKitWebDriver',
      browser: WEBKIT.miniBrowsers[0],
      xvfb: '/usr/bin/Xvfb',
      display: undefined,
    });
    expect(missingEngineMessage('webkit', { ...WEBKIT, exists: all })).toBe('');
    const noXvfb = existing('/usr/bin/WebKitWebDriver', ...WEBKIT.miniBrowsers);
    expect(missingEngineMessage('webkit', { ...WEBKIT, exists: noXvfb })).toContain('Xvfb (or a DISPLAY) missing');
    expect(missingEngineMessage('webkit', { ...WEBKIT, env: { ...WEBKIT.env, DISPLAY: ':1' }, exists: noXvfb })).toBe('');
    const elsewhere = { ...WEBKIT.env, WEBKIT_DRIVER_PATH: '/opt/WebKitWebDriver' };
    expect(missingEngineMessage('webkit', { ...WEBKIT, env: elsewhere, exists: all })).toContain(
      'WebKitWebDriver (at /opt/WebKitWebDriver) missing',
    );
    expect(missingEngineMessage('webkit', { ...WEBKIT, exists: existing() })).toBe(
      'No WebKitGTK here: WebKitWebDriver, MiniBrowser, Xvfb (or a DISPLAY) missing. Install it with:\n' +
        '  sudo apt-get update && sudo apt-get install -y webkit2gtk-driver xvfb',
    );
  });

  it('refuses a browser it does not know, naming the ones it does', () => {
    expect(missingEngineMessage('safari')).toBe('Unknown browser "safari"; the lab is tested in chromium, firefox, webkit.');
  });
});

describe('Core limits', () => {
  it('reads a kernel CPU list', () => {
    expect(parseCpuList('0-1\n')).toEqual([0, 1]);
    expect(parseCpuList('0,2-4,7')).toEqual([0, 2, 3, 4, 7]);
  });

  it('gives taskset the first N cores this process may use, as ranges', () => {
    expect(cpuList([0, 1, 2, 3], 2)).toBe('0-1');
    expect(cpuList([0, 2, 3, 4, 7], 4)).toBe('0,2-4');
    expect(cpuList([5], 1)).toBe('5');
  });

  it('says why a limit cannot be had: another system, no taskset, too few cores, not a count', () => {
    const linux = { platform: 'linux', hasTaskset: true, allowed: [0, 1] };
    expect(limitProblem(2, linux)).toBe('');
    expect(limitProblem(3, linux)).toBe('This machine lets the browser use 2 cores, not 3.');
    expect(limitProblem(1, { ...linux, hasTaskset: false })).toContain('apt-get install -y util-linux');
    expect(limitProblem(1, { ...linux, platform: 'darwin' })).toContain('this is darwin, so the limit is unavailable');
    expect(limitProblem(0, linux)).toContain('1 or more');
  });
});

describe('Opening a demo for one Run all', () => {
  it('puts the demo and, when quick, its small sizes in the address, keeping the site’s folder', () => {
    expect(demoUrl('http://127.0.0.1:4173/lab/', 'locks')).toBe('http://127.0.0.1:4173/lab/?demo=locks');
    const quick = new URL(demoUrl('http://127.0.0.1:4173/', 'io', { quick: true }));
    expect(Object.fromEntries(quick.searchParams)).toEqual({ demo: 'io', ...QUICK_PARAMS.io });
  });
});
