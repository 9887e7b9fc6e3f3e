// Stops the browser tests early, with instructions, when no browser is installed.
import { missingBrowsersMessage } from './browsers.mjs';

const message = missingBrowsersMessage();
if (message) {
  console.error(message);
  process.exit(1);
}
