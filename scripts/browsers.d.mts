export function chromiumPath(): string;
export function missingBrowsersMessage(): string;
