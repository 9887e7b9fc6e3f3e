import { html, type TemplateResult } from 'lit';
import { countOf, formatMs as ms, formatTimes as times } from '../../core/format';
import type { IoRunResult, IoVariant } from '../../experiments/io-rules';
import { CLOSE_TO_LONGEST, compareTimes, SPEEDUP } from '../../experiments/verdicts';

export type IoResults = Partial<Record<IoVariant, IoRunResult>>;

/** Browsers open at most this many connections at a time to one server over HTTP/1.1. */
const CONNECTIONS_PER_SERVER = 6;

/** True when two runs fetched the same pages, so their times compare. */
export function samePages(a: IoRunResult, b: IoRunResult): boolean {
  const same = (x: readonly unknown[], y: readonly unknown[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return (
    a.params.source === b.params.source &&
    same(a.params.latencies, b.params.latencies) &&
    same(a.params.sizes, b.params.sizes) &&
    same(a.params.urls, b.params.urls)
  );
}

/** What happened here, in words, from the measured numbers: one line per variant, then what all runs show. */
export function ioStory(results: IoResults): TemplateResult[] {
  const { serial, concurrent, workers } = results;
  const runs = [serial, concurrent, workers].filter((r): r is IoRunResult => r !== undefined);
  const lines: TemplateResult[] = [];
  if (serial) lines.push(serialLine(serial));
  if (concurrent) lines.push(concurrentLine(concurrent, serial));
  if (workers) lines.push(workersLine(workers, concurrent));
  const failed = runs.find((r) => r.failures > 0);
  if (failed) {
    lines.push(
      html`<li>
        ${failed.failures} of ${countOf(failed.requests.length, 'request')} failed (each row says why), and the others finished
        anyway: one failing request does not stop the rest.
      </li>`,
    );
  }
  if (runs.some((r) => r.params.source === 'urls' && r.requests.length > CONNECTIONS_PER_SERVER)) {
    lines.push(
      html`<li>
        Browsers open at most six connections at a time to one server over HTTP/1.1, so more than six pages from the same server
        wait in line however many are "in flight".
      </li>`,
    );
  }
  if (runs[0]?.answeredBy === 'timers') {
    lines.push(html`<li>These pages were simulated without network: timers stood in for the waits.</li>`);
  }
  return lines;
}

function serialLine(serial: IoRunResult): TemplateResult {
  const over = serial.wallMs - serial.sumLatencyMs;
  return html`<li>
    One after another, the ${countOf(serial.requests.length, 'page')} took <strong>${ms(serial.wallMs)}</strong>: the sum of their
    waits (${ms(serial.sumLatencyMs)})${over > 1 ? html`, plus ${ms(over)} between requests` : ''}. Each request waited for the
    one before, like the lesson's loop.
  </li>`;
}

function concurrentLine(concurrent: IoRunResult, serial: IoRunResult | undefined): TemplateResult {
  const k = concurrent.params.maxInFlight;
  const pages = concurrent.requests.length;
  const { wallMs, maxLatencyMs: longest, sumLatencyMs: total, peakInFlight: peak } = concurrent;
  const base = serial && samePages(serial, concurrent) ? serial : undefined;
  const speedup = base ? base.wallMs / wallMs : 0;
  const vsSerial = !base
    ? ''
    : speedup > SPEEDUP
      ? html`, ${times(speedup)} as fast as serial`
      : html`, no faster than serial (${ms(base.wallMs)})`;
  // "About the longest wait" only when the measured wall time is that close to it.
  const against =
    wallMs >= total
      ? html`not less than the sum of the waits (${ms(total)}); the longest single wait was ${ms(longest)}`
      : wallMs <= longest * CLOSE_TO_LONGEST
        ? html`about the longest single wait (${ms(longest)}), not the sum (${ms(total)})`
        : html`more than the longest single wait (${ms(longest)}), but less than the sum (${ms(total)})`;
  const took = html`<strong>${ms(wallMs)}</strong>${vsSerial}: ${against}.`;
  if (k >= pages) {
    return html`<li>
      All at once on the main thread, the same pages took ${took}
      ${
        peak > 1
          ? html`Up to ${peak} requests were in flight together on one thread, with no worker: while a request waits, the thread
            is free for the others.`
          : ''
      }
    </li>`;
  }
  if (k === 1) {
    return html`<li>
      With at most 1 in flight, the pages took ${took} Each request was sent only when the one before had ended, so concurrent is
      serial again.
    </li>`;
  }
  return html`<li>
    With at most ${k} in flight, the pages took ${took} The page sent ${k} requests at first and then, each time one ended, sent
    the next: no request waited for a whole group to finish, and up to ${peak} were in flight together.
  </li>`;
}

function workersLine(workers: IoRunResult, concurrent: IoRunResult | undefined): TemplateResult {
  const start = workers.coldStartMs.length
    ? html` Starting them took ${ms(Math.max(...workers.coldStartMs))} more, not counted.`
    : ' They were already running.';
  const main = concurrent && samePages(workers, concurrent) ? concurrent : undefined;
  const verdict = main ? compareTimes(workers.wallMs, main.wallMs) : undefined;
  const compare =
    !main || !verdict
      ? ''
      : verdict === 'about the same'
        ? html`: about the same as the main thread alone (${ms(main.wallMs)})`
        : verdict === 'slower'
          ? html`: slower than the main thread alone (${ms(main.wallMs)})`
          : html`, against ${ms(main.wallMs)} on the main thread with at most ${main.params.maxInFlight} in flight`;
  // Held to fewer in flight than pages, the main thread lets requests wait in line that workers send at once.
  const heldTo = main && verdict === 'faster' && main.params.maxInFlight < main.requests.length ? main.params.maxInFlight : 0;
  return html`<li>
    ${countOf(workers.workers, 'worker')} took <strong>${ms(workers.wallMs)}</strong>${compare}. Each worker waited for its pages
    just as the main thread does.${start}
    ${
      heldTo
        ? `They beat the main thread only because it was held to ${heldTo} in flight: let it send every request at once and it needs no worker.`
        : 'Threads add cores for computing; for waiting, the one thread the page already has is enough.'
    }
  </li>`;
}
