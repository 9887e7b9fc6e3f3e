import { isolationReport } from './isolation';
import { measureTimerResolution } from './clock';
import type { RunEnvironment } from '../core/results-file';

/** What a run's numbers depend on, shown on the page and saved with each run. */
export interface EnvironmentReport {
  browser: string;
  browserVersion: string;
  userAgent: string;
  platform: string;
  /** `navigator.hardwareConcurrency`: may be clamped or spoofed by the browser. */
  reportedCores: number;
  crossOriginIsolated: boolean;
  sharedArrayBuffer: boolean;
  timerResolutionMs: number;
}

/** The cores the browser says it has (at least 1). */
export function reportedCores(): number {
  const cores = navigator.hardwareConcurrency;
  return Number.isInteger(cores) && cores > 0 ? cores : 1;
}

/** Browser name and version from the user-agent string (best effort). */
export function browserOf(userAgent: string): { name: string; version: string } {
  const rules: Array<[string, RegExp]> = [
    ['Edge', /Edg\/([\d.]+)/],
    ['Chrome (headless)', /HeadlessChrome\/([\d.]+)/],
    ['Firefox', /Firefox\/([\d.]+)/],
    ['Chromium', /Chromium\/([\d.]+)/],
    ['Chrome', /Chrome\/([\d.]+)/],
    // Safari runs only on Apple's systems; on Linux the same words come from WebKitGTK (Epiphany, MiniBrowser),
    // whose "Version/" is not its own version, so none is claimed.
    ['WebKitGTK', /X11; Linux.*AppleWebKit\/.*Safari()/],
    ['Safari', /Version\/([\d.]+).*Safari/],
    ['WebKit', /AppleWebKit\/([\d.]+)/],
  ];
  for (const [name, pattern] of rules) {
    const match = pattern.exec(userAgent);
    if (match) return { name, version: match[1] };
  }
  return { name: 'Unknown browser', version: '' };
}

export function environmentReport(): EnvironmentReport {
  const { name, version } = browserOf(navigator.userAgent);
  return {
    browser: name,
    browserVersion: version,
    userAgent: navigator.userAgent,
    platform: navigator.platform,
    reportedCores: reportedCores(),
    ...isolationReport(),
    timerResolutionMs: measureTimerResolution(),
  };
}

/** The engine behind a user-agent string: Firefox's Gecko, Chromium's Blink, or Safari's and WebKitGTK's WebKit. */
export function engineOf(userAgent: string): RunEnvironment['engine'] {
  if (/Gecko\/\d/.test(userAgent) && /Firefox\//.test(userAgent)) return 'Gecko';
  if (/Chrom(e|ium)\/|Edg\//.test(userAgent)) return 'Blink';
  if (/AppleWebKit\//.test(userAgent)) return 'WebKit';
  return 'unknown';
}

/** The operating system a user-agent string names (best effort; iPadOS may say macOS). */
export function osOf(userAgent: string): string {
  const rules: Array<[string, RegExp]> = [
    ['Android', /Android/],
    ['iOS', /iPhone|iPad|iPod/],
    ['ChromeOS', /CrOS/],
    ['Windows', /Windows/],
    ['macOS', /Mac OS X|Macintosh/],
    ['Linux', /Linux|X11/],
  ];
  return rules.find(([, pattern]) => pattern.test(userAgent))?.[0] ?? 'unknown';
}

let environment: RunEnvironment | undefined;

/**
 * Where this page's runs ran, as history and results files keep it; measured
 * once a page (nothing in it changes during a visit). The page cannot know a
 * real core limit: the matrix runner, which set it, adds `coreLimit`.
 */
export function runEnvironment(): RunEnvironment {
  if (!environment) {
    const report = environmentReport();
    environment = {
      browser: report.browser,
      browserVersion: report.browserVersion,
      engine: engineOf(report.userAgent),
      os: osOf(report.userAgent),
      reportedCores: report.reportedCores,
      crossOriginIsolated: report.crossOriginIsolated,
      timerResolutionMs: report.timerResolutionMs,
      userAgent: report.userAgent,
    };
  }
  return environment;
}
