import { html, type TemplateResult } from 'lit';
import { countOf, formatCount, formatMs as ms, formatPercent, formatTimes as times } from '../../core/format';
import type { CoreCount } from '../../core/scaling';
import { efficiency, speedup } from '../../core/stats';
import { CPU_VARIANT_FACTS, pythonChunkSize, type CpuRunResult, type CpuVariant } from '../../experiments/cpu-rules';
import { SPEEDUP } from '../../experiments/verdicts';
import { noSharedMemoryClause } from '../../runtime/isolation';
import { coresSource } from './cpu-copy';

export type CpuResults = Partial<Record<CpuVariant, CpuRunResult>>;

/** True when two runs did the same work (the same numbers and rounds), so their times compare. */
export function sameWork(a: CpuRunResult, b: CpuRunResult): boolean {
  return a.params.rounds === b.params.rounds && a.params.numbers === b.params.numbers;
}

/** The speed-up of `run` over the serial run, when both were verified and did the same work. */
export function speedupOverSerial(results: CpuResults, run: CpuRunResult): number | undefined {
  const serial = results.serial;
  return serial?.verified && run.verified && sameWork(serial, run) ? speedup(serial.wallMs, run.wallMs) : undefined;
}

/**
 * The threads a variant could use at once: the main thread is one, however
 * many tasks take turns on it; workers are at most as many as the cores.
 */
export function usableThreads(run: CpuRunResult, cores: number): number {
  return CPU_VARIANT_FACTS[run.variant].runsOn === 'main thread' ? 1 : Math.max(1, Math.min(run.workers, cores));
}

/** Speed-up ÷ the threads the variant could use. */
export function cpuEfficiency(s: number, run: CpuRunResult, cores: number): number {
  return efficiency(s, usableThreads(run, cores), cores);
}

/** What happened on this device, in words, from the measured numbers: one line per verified variant. */
export function cpuStory(results: CpuResults, cores: CoreCount): TemplateResult[] {
  const { serial, 'main-thread-tasks': tasks, 'pool-map': pool, workers } = results;
  const lines: TemplateResult[] = [];
  if (serial?.verified) {
    lines.push(
      html`<li>
        The serial run took <strong>${ms(serial.wallMs)}</strong> and the page could not draw a single frame for
        ${ms(serial.longestFrameGapMs)}. It is the baseline every speed-up here is measured against: one thread, the page's own,
        which it also shares with the page's drawing.
      </li>`,
    );
  }
  if (tasks?.verified) lines.push(tasksLine(tasks, speedupOverSerial(results, tasks)));
  if (pool?.verified) lines.push(poolLine(pool, speedupOverSerial(results, pool), workers));
  if (workers?.verified) lines.push(workersLine(workers, speedupOverSerial(results, workers), cores));
  return lines;
}

function tasksLine(tasks: CpuRunResult, s: number | undefined): TemplateResult {
  const pace = s === undefined ? '' : ` — ${times(s)} the serial speed`;
  const verdict =
    s !== undefined && s > SPEEDUP
      ? html`. That is faster than the serial run, which it cannot really be: both did the same work on the same one thread. The
        difference is noise: the machine was busier during one of the two runs. Run both again.`
      : html`: no faster, because only one of them runs at a time.`;
  return html`<li>
    ${countOf(tasks.workers, 'task')} taking turns took <strong>${ms(tasks.wallMs)}</strong>${pace}${verdict} They did give the
    page a turn between slices, so its longest pause was ${ms(tasks.longestFrameGapMs)}.
  </li>`;
}

function poolLine(pool: CpuRunResult, s: number | undefined, workers: CpuRunResult | undefined): TemplateResult {
  const { chunkSize, numbers } = pool.params;
  const messages = Math.ceil(numbers / chunkSize);
  const perMessageUs = (pool.sampleWallMs * 1000) / Math.ceil(pool.sampleSize / chunkSize);
  const python = chunkSize === pythonChunkSize(numbers, pool.params.workers);
  const measured = pool.projected
    ? html`, projected from ${countOf(pool.sampleSize, 'number')} measured (one message every ${perMessageUs.toFixed(1)} µs)`
    : '';
  const againstWorkers =
    workers?.verified && sameWork(pool, workers) ? html` The workers with one part each took ${ms(workers.wallMs)}.` : '';
  const advice =
    chunkSize === 1
      ? 'One number per message is the extreme: each message costs far more than the arithmetic it carries, so the workers mostly wait for mail. Leave "numbers per message" empty for the chunks Python would use.'
      : python
        ? 'These are the chunks Python itself would use. In a browser a chunked pool runs in parallel, because there is no interpreter lock; set "numbers per message" to 1 to see a pool drown in messages instead.'
        : 'Fewer, bigger messages cost less; one number per message is the extreme.';
  return html`<li>
    The pool sent ${countOf(messages, 'message')} of ${countOf(chunkSize, 'number')}${python ? ' (Python’s own rule)' : ''} and
    took
    <strong>${ms(pool.wallMs)}</strong>${s === undefined ? '' : ` (${times(s)} the serial speed)`}${measured}.${againstWorkers}
    ${advice}
  </li>`;
}

function workersLine(workers: CpuRunResult, s: number | undefined, cores: CoreCount): TemplateResult {
  const usable = usableThreads(workers, cores.cores);
  const e = s === undefined ? undefined : cpuEfficiency(s, workers, cores.cores);
  const start = workers.coldStartMs.length
    ? ` Starting them took ${ms(Math.max(...workers.coldStartMs))} more, not counted.`
    : ' They were already warm.';
  return html`<li>
    ${countOf(workers.workers, 'worker')} took <strong>${ms(workers.wallMs)}</strong>${
      s === undefined || e === undefined
        ? ''
        : html`: <strong>${times(s)}</strong> the serial speed, ${formatPercent(e)} of the ${countOf(usable, 'core')} they could
            use ${coresSource(cores)}`
    },
    while the page's longest pause was ${ms(workers.longestFrameGapMs)}.${start}
    ${
      workers.dataTransfer === 'shared'
        ? 'The numbers were shared, not copied.'
        : `Each worker was sent its own part of the numbers, as ${noSharedMemoryClause()}.`
    }
    ${s !== undefined && e !== undefined ? workersVerdict(workers, s, e) : ''}
  </li>`;
}

/** What to make of a workers' result that goes against the lesson. */
function workersVerdict(workers: CpuRunResult, s: number, e: number): string {
  if (s < 1) {
    return `That is slower than serial: with ${formatCount(workers.params.numbers)} numbers of ${formatCount(workers.params.rounds)} rounds the work is too small to pay for handing it out, or the machine was busy with something else. Try more work per number.`;
  }
  if (e > 1) {
    return workers.workers === 1
      ? 'One worker beat the page’s own thread at the same work: a worker has its thread to itself, while the page’s thread also draws the page. A worker is the fairer baseline for one runner.'
      : 'That is more than the cores alone can explain: the serial run was slowed (it shares its thread with the page’s drawing) or the machine was busier during it. Run both again.';
  }
  return '';
}
