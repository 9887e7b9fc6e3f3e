export type EngineName = 'chromium' | 'firefox' | 'webkit';

export const ENGINES: EngineName[];
export const INSTALL_COMMANDS: Record<EngineName, string>;

/** What the lookups read instead of the real environment and file system (for the unit tests). */
export interface Lookup {
  env?: Record<string, string | undefined>;
  exists?: (path: string) => boolean;
  /** Where `npx playwright install chromium` puts its Chromium. */
  downloaded?: string;
  /** Where WebKitGTK's MiniBrowser may be. */
  miniBrowsers?: string[];
}

export function pickChromium(lookup?: Lookup): string;
export function chromiumPath(): string;
export const chromiumArgs: string[];
export function firefoxPath(lookup?: Lookup): string;
export function webkitPaths(lookup?: Lookup): { driver?: string; browser?: string; xvfb?: string; display?: string };
export function missingEngineMessage(name: string, lookup?: Lookup): string;
export function missingBrowsersMessage(): string;
