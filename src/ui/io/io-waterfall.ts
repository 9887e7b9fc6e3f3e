import { css, html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { countOf, formatCount, formatMs } from '../../core/format';
import type { RequestRecord } from '../../core/io-requests';
import type { TraceEvent } from '../../core/trace';
import { IO_VARIANTS, type IoParams, type IoRunResult, type IoVariant } from '../../experiments/io-rules';
import { niceCeiling } from '../chart-model';
import { runLabel, waterfallNote } from './io-copy';
import '../pl-timeline';

/**
 * The waterfalls: one per variant, a bar per request on one time axis, and
 * under it a row per request. While a run goes on its rows say, request by
 * request, which wait for their turn, which are in flight and which are done;
 * after Stop, which were aborted and which were never sent.
 */

/** A request's row while its run is going, or after it was stopped. */
export type Row = { state: 'waiting' | 'in flight' | 'stopped' | 'not sent' } | { state: 'done'; record: RequestRecord };

export interface LiveRun {
  variant: IoVariant;
  label: string;
  /** Each page as typed (an address, or a simulated page's wait), for the rows not yet answered. */
  pages: string[];
  rows: Row[];
}

/** The rows of the run going on now, redrawn as each request is sent and answered. */
export class LiveRequests {
  run?: LiveRun;

  constructor(private readonly host: ReactiveControllerHost) {}

  /** A run of `variant` with `params` starts: every row waits. */
  start(variant: IoVariant, params: IoParams): void {
    const pages = params.source === 'urls' ? params.urls : params.latencies.map((ms) => `${formatCount(ms)} ms`);
    this.run = { variant, label: runLabel(variant, params), pages, rows: pages.map((): Row => ({ state: 'waiting' })) };
    this.host.requestUpdate();
  }

  sent(index: number): void {
    this.set(index, { state: 'in flight' });
  }

  done(index: number, record: RequestRecord): void {
    this.set(index, { state: 'done', record: { ...record } });
  }

  /** The run was stopped or failed: the requests in flight were aborted, the waiting ones never sent. */
  stopped(): void {
    if (!this.run) return;
    const rows = this.run.rows.map((r): Row =>
      r.state === 'in flight' ? { state: 'stopped' } : r.state === 'waiting' ? { state: 'not sent' } : r,
    );
    this.run = { ...this.run, rows };
    this.host.requestUpdate();
  }

  /** The run finished: its result's waterfall takes over. */
  clear(): void {
    this.run = undefined;
    this.host.requestUpdate();
  }

  private set(index: number, row: Row): void {
    if (!this.run) return;
    this.run = { ...this.run, rows: this.run.rows.map((r, i) => (i === index ? row : r)) };
    this.host.requestUpdate();
  }
}

export interface WaterfallsOptions {
  results: Partial<Record<IoVariant, IoRunResult>>;
  live?: LiveRun;
  /** The variant running now: its live rows say "Running…" rather than "Stopped". */
  running: IoVariant | null;
}

/** A waterfall for each variant with a result or a run going on, all on one time axis. */
export function waterfalls({ results, live, running }: WaterfallsOptions): TemplateResult | typeof nothing {
  const shown = IO_VARIANTS.filter((v) => results[v] || live?.variant === v);
  if (shown.length === 0) return nothing;
  const finished = IO_VARIANTS.flatMap((v) => results[v] ?? []);
  // One time axis for every waterfall, so their lengths compare at a glance.
  const axisMs = niceCeiling(Math.max(1, ...finished.map((r) => Math.max(r.wallMs, ...r.requests.map((q) => q.endMs)))));
  return html`<h3>Waterfalls</h3>
    ${waterfallNote()}
    ${shown.map((v) => (live?.variant === v ? liveWaterfall(live, running === v) : resultWaterfall(v, results[v]!, axisMs)))}`;
}

/** Each result's bars, kept so its timeline redraws only when the result changes, not as another run's rows do. */
const bars = new WeakMap<IoRunResult, { trace: TraceEvent[]; series: Array<number | 'muted'> }>();

/** A lane per request (its page), coloured by the runner that made it, grey when it failed. */
function barsOf(result: IoRunResult): { trace: TraceEvent[]; series: Array<number | 'muted'> } {
  let kept = bars.get(result);
  if (!kept) {
    const lanes = pageLabels(result);
    const runners = [...new Set(result.requests.map((r) => r.lane))];
    kept = {
      trace: result.requests.map((r, i): TraceEvent => ({ lane: lanes[i], chunk: i, startMs: r.startMs, endMs: r.endMs })),
      series: result.requests.map((r) => (r.error ? 'muted' : runners.indexOf(r.lane))),
    };
    bars.set(result, kept);
  }
  return kept;
}

function resultWaterfall(variant: IoVariant, result: IoRunResult, axisMs: number): TemplateResult {
  const { trace, series } = barsOf(result);
  return html`<div class="waterfall" data-waterfall=${variant}>
    <h4>
      ${runLabel(variant, result.params)} — wall ${formatMs(result.wallMs)}, sum of waits ${formatMs(result.sumLatencyMs)},
      longest ${formatMs(result.maxLatencyMs)}
    </h4>
    <pl-timeline
      name="Waterfall: ${runLabel(variant, result.params)}, ${countOf(result.requests.length, 'request')}"
      lane-noun="request"
      .trace=${trace}
      .maxMs=${axisMs}
      .series=${series}
    ></pl-timeline>
    ${requestTable(
      runLabel(variant, result.params),
      result.requests.map((record, i) => doneRow(record, i)),
    )}
  </div>`;
}

function liveWaterfall(live: LiveRun, running: boolean): TemplateResult {
  const rows = live.rows.map((row, i) => (row.state === 'done' ? doneRow(row.record, i) : pendingRow(row.state, live, i)));
  return html`<div class="waterfall" data-waterfall=${live.variant}>
    <h4>${live.label}</h4>
    <p><small>${running ? 'Running…' : 'Stopped before it finished.'}</small></p>
    ${requestTable(live.label, rows)}
  </div>`;
}

/** The request tables' column labels; each cell repeats its own (`data-label`) for a narrow screen's label–value lines. */
const COLUMN = {
  index: '#',
  page: 'Page',
  runner: 'Runner',
  sent: 'Sent',
  done: 'Done',
  took: 'Took',
  bytes: 'Bytes',
  status: 'Status',
  result: 'Result',
} as const;

/** A run's requests, a row each; where the table scrolls sideways, the keyboard can scroll it. */
function requestTable(run: string, rows: TemplateResult[]): TemplateResult {
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label="Requests: ${run}">
    <table data-field="requests">
      <thead>
        <tr>
          <th class="num">${COLUMN.index}</th>
          <th>${COLUMN.page}</th>
          <th>${COLUMN.runner}</th>
          <th class="num">${COLUMN.sent}</th>
          <th class="num">${COLUMN.done}</th>
          <th class="num">${COLUMN.took}</th>
          <th class="num">${COLUMN.bytes}</th>
          <th class="num">${COLUMN.status}</th>
          <th>${COLUMN.result}</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`;
}

function pendingRow(state: Exclude<Row['state'], 'done'>, live: LiveRun, index: number): TemplateResult {
  const page = live.pages[index] ?? '';
  return html`<tr data-index=${index} data-state=${state}>
    <td class="num" data-label=${COLUMN.index}>${index + 1}</td>
    <td class="address" data-label=${COLUMN.page} title=${page}>${page}</td>
    <td data-label=${COLUMN.runner}></td>
    <td class="num" data-label=${COLUMN.sent}></td>
    <td class="num" data-label=${COLUMN.done}></td>
    <td class="num" data-label=${COLUMN.took}></td>
    <td class="num" data-label=${COLUMN.bytes}></td>
    <td class="num" data-label=${COLUMN.status}></td>
    <td class="message ${state === 'stopped' ? 'bad' : ''}" data-label=${COLUMN.result} data-field="result">
      ${pendingText(state, live.variant)}
    </td>
  </tr>`;
}

function doneRow(r: RequestRecord, index: number): TemplateResult {
  const page = r.latencyMs !== undefined ? `${formatCount(r.latencyMs)} ms, ${formatCount(r.expectedBytes ?? 0)} B` : r.url;
  return html`<tr data-index=${index} data-state=${r.error ? 'failed' : 'done'} data-kind=${r.errorKind ?? 'ok'}>
    <td class="num" data-label=${COLUMN.index}>${index + 1}</td>
    <td class="address" data-label=${COLUMN.page} title=${r.url}>${page}</td>
    <td data-label=${COLUMN.runner}>${r.lane}</td>
    <td class="num" data-label=${COLUMN.sent}>${formatMs(r.startMs)}</td>
    <td class="num" data-label=${COLUMN.done}>${formatMs(r.endMs)}</td>
    <td class="num" data-label=${COLUMN.took}>${formatMs(r.endMs - r.startMs)}</td>
    <td class="num" data-label=${COLUMN.bytes}>${formatCount(r.bytes)}</td>
    <td class="num" data-label=${COLUMN.status}>${r.status || '—'}</td>
    <td class="message ${r.error || r.checked === false ? 'bad' : 'good'}" data-label=${COLUMN.result} data-field="result">
      ${r.error ?? (r.checked === false ? 'Answered, but not by the simulator or not with the size asked for.' : 'OK')}
    </td>
  </tr>`;
}

function pendingText(state: Exclude<Row['state'], 'done'>, variant: IoVariant): string {
  switch (state) {
    case 'waiting':
      return 'Waiting for its turn';
    case 'in flight':
      return 'In flight…';
    case 'stopped':
      return variant === 'workers'
        ? 'Stopped: its worker was shut down, and its request with it.'
        : 'Stopped: the request was aborted before the answer came.';
    case 'not sent':
      return 'Not sent: the run was stopped first.';
  }
}

/** A short, unique lane label per request: its number and its latency or address. */
function pageLabels(result: IoRunResult): string[] {
  return result.requests.map((r, i) => {
    if (r.latencyMs !== undefined) return `${i + 1}: ${formatCount(r.latencyMs)} ms`;
    const url = new URL(r.url);
    const text = `${url.host}${url.pathname}`;
    return `${i + 1}: ${text.length > 28 ? `${text.slice(0, 27)}…` : text}`;
  });
}

/** The waterfalls' own styles, beside the demo's. */
export const waterfallStyles = css`
  .waterfall {
    margin: 1rem 0 1.5rem;
  }
  .waterfall h4 {
    margin: 0 0 0.25rem;
    font-size: 1rem;
  }
  td.message {
    white-space: normal;
    min-width: 16rem;
  }
  td.address {
    max-width: 18rem;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  /* The key to a failed request's bar: the theme's grey, which the timeline draws it in. */
  .key {
    background: var(--_pl-muted);
    display: inline-block;
    width: 0.8rem;
    height: 0.8rem;
    border-radius: 2px;
    vertical-align: middle;
  }
`;
