import { isolationReport } from './isolation';
import { measureTimerResolution } from './clock';

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
