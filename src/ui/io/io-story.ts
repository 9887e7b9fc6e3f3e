import { html, type TemplateResult } from 'lit';
import { countOf, formatMs as ms, formatTimes as times } from '../../core/format';
import type { RequestRecord } from '../../core/io-requests';
import type { IoRunResult, IoVariant } from '../../experiments/io-rules';
import { CLOSE_TO_LONGEST, compareTimes, isAbout, SPEEDUP } from '../../experiments/verdicts';

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

/**
 * How long failed requests were in flight with no answered request beside
 * them: the part of a run's time that its failures alone account for. All of
 * a serial run's failures count; a failure that overlapped answered requests
 * adds nothing.
 */
function failedAloneMs(records: readonly RequestRecord[]): number {
  return coveredMs(records) - coveredMs(records.filter((r) => r.error === undefined));
}

/** The time during which at least one of the requests was in flight. */
function coveredMs(records: readonly RequestRecord[]): number {
  let covered = 0;
  let until = -Infinity;
  for (const r of [...records].sort((a, b) => a.startMs - b.startMs)) {
    covered += Math.max(0, r.endMs - Math.max(r.startMs, until));
    until = Math.max(until, r.endMs);
  }
  return covered;
}

/**
 * True when failed requests took so much of a run's time that it measures
 * failures more than waits: without the time when only failed requests were
 * in flight, the run would not have taken about as long.
 */
function failuresWeigh(run: IoRunResult): boolean {
  return run.failures > 0 && !isAbout(run.wallMs - failedAloneMs(run.requests), run.wallMs);
}

/** True when two runs of the same pages failed the same requests. */
function sameFailures(a: IoRunResult, b: IoRunResult): boolean {
  return a.requests.every((r, i) => (r.error === undefined) === (b.requests[i]?.error === undefined));
}

/** "3 of 5 requests failed, 2 of them early (after at most 84 ms) and 1 at the timeout (1,000 ms)". */
function failuresInWords(run: IoRunResult): string {
  const failed = run.requests.filter((r) => r.error !== undefined);
  const timedOut = failed.filter((r) => r.errorKind === 'timeout').length;
  const early = failed.length - timedOut;
  const longestEarly = Math.max(0, ...failed.filter((r) => r.errorKind !== 'timeout').map((r) => r.endMs - r.startMs));
  const earlyWords = `early (after ${early > 1 ? 'at most ' : ''}${ms(longestEarly)})`;
  const timeoutWords = `at the timeout (${ms(run.params.timeoutMs)})`;
  const how = !timedOut ? earlyWords : !early ? timeoutWords : `${early} of them ${earlyWords} and ${timedOut} ${timeoutWords}`;
  return `${failed.length} of ${countOf(run.requests.length, 'request')} failed${early && timedOut ? ',' : ''} ${how}`;
}

/**
 * Why failed requests keep `run`'s time (against `base`'s, when given) from
 * telling the lesson, as a sentence to follow its numbers; '' when they do
 * not. A failure ends early or at the timeout, not when a page has come, so
 * where failures take much of the time, or the two runs failed different
 * requests, the times compare failures, not waits.
 */
function failureCaveat(run: IoRunResult, base?: { name: string; run: IoRunResult }): string {
  const weighing = failuresWeigh(run) ? run : base && failuresWeigh(base.run) ? base.run : undefined;
  if (weighing) {
    const [where, its] = weighing === run ? ['', 'these'] : [` in the ${base?.name} run`, 'its'];
    const alone = ms(failedAloneMs(weighing.requests));
    const conclusion = base ? 'the times compare failures, not waits' : 'the time measures failures, not only waits';
    return ` But${where} ${failuresInWords(weighing)}, and for ${alone} of ${its} ${ms(weighing.wallMs)} only failed requests were in flight: ${conclusion}.`;
  }
  if (base && !sameFailures(run, base.run)) {
    return ` But the ${base.name} run and this one did not fail the same requests (${base.run.failures} failed there, ${run.failures} here): the times are not of the same waits.`;
  }
  return '';
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
    one before, like the lesson's loop.${failureCaveat(serial)}
  </li>`;
}

function concurrentLine(concurrent: IoRunResult, serial: IoRunResult | undefined): TemplateResult {
  const k = concurrent.params.maxInFlight;
  const pages = concurrent.requests.length;
  const { wallMs, maxLatencyMs: longest, sumLatencyMs: total, peakInFlight: peak } = concurrent;
  const base = serial && samePages(serial, concurrent) ? serial : undefined;
  const caveat = failureCaveat(concurrent, base && { name: 'serial', run: base });
  const speedup = base ? base.wallMs / wallMs : 0;
  const vsSerial = !base
    ? ''
    : caveat
      ? html`, against ${ms(base.wallMs)} serial`
      : speedup > SPEEDUP
        ? html`, ${times(speedup)} as fast as serial`
        : html`, no faster than serial (${ms(base.wallMs)})`;
  // "About the longest wait" only when the measured wall time is that close to it, and of waits rather than failures.
  const against = failuresWeigh(concurrent)
    ? ''
    : wallMs >= total
      ? html`: not less than the sum of the waits (${ms(total)}); the longest single wait was ${ms(longest)}`
      : wallMs <= longest * CLOSE_TO_LONGEST
        ? html`: about the longest single wait (${ms(longest)}), not the sum (${ms(total)})`
        : html`: more than the longest single wait (${ms(longest)}), but less than the sum (${ms(total)})`;
  const took = html`<strong>${ms(wallMs)}</strong>${vsSerial}${against}.${caveat}`;
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
  const caveat = failureCaveat(workers, main && { name: 'main thread’s', run: main });
  const verdict = main && !caveat ? compareTimes(workers.wallMs, main.wallMs) : undefined;
  const compare = !main
    ? ''
    : !verdict
      ? html`, against ${ms(main.wallMs)} on the main thread`
      : verdict === 'about the same'
        ? html`: about the same as the main thread alone (${ms(main.wallMs)})`
        : verdict === 'slower'
          ? html`: slower than the main thread alone (${ms(main.wallMs)})`
          : html`, against ${ms(main.wallMs)} on the main thread with at most ${main.params.maxInFlight} in flight`;
  // Held to fewer in flight than pages, the main thread lets requests wait in line that workers send at once.
  const heldTo = main && verdict === 'faster' && main.params.maxInFlight < main.requests.length ? main.params.maxInFlight : 0;
  return html`<li>
    ${countOf(workers.workers, 'worker')} took <strong>${ms(workers.wallMs)}</strong>${compare}.${caveat} Each worker waited for
    its pages just as the main thread does.${start}
    ${
      heldTo
        ? `They beat the main thread only because it was held to ${heldTo} in flight: let it send every request at once and it needs no worker.`
        : 'Threads add cores for computing; for waiting, the one thread the page already has is enough.'
    }
  </li>`;
}
