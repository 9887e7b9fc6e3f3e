export function chromiumPath(): string;
export function missingBrowsersMessage(): string;
export const chromiumArgs: string[];
