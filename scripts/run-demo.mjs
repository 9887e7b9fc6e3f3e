// Runs one demo's Run all in an engine session (scripts/engines.mjs), as a
// visitor would: opens the demo with its settings in the address, waits until
// it is ready, presses Run all, and waits until the session is over. Used by
// the engine tests and the matrix runner.

/** Small sizes per demo, so that every demo's Run all takes seconds even in the slower engines. */
export const QUICK_PARAMS = {
  cpu: { numbers: '200000', rounds: '5', workers: '2' },
  scaling: { numbers: '200000', rounds: '5', 'max-workers': '2', repeats: '1' },
  data: { numbers: '100000' },
  io: { latencies: '100,150,200', sizes: '2000', workers: '3', 'max-in-flight': '3' },
  locks: { workers: '2', increments: '20000' },
};

/** The demo's address on the site at `baseUrl`, with the quick sizes when asked. */
export function demoUrl(baseUrl, demo, { quick = false } = {}) {
  const url = new URL(baseUrl);
  url.searchParams.set('demo', demo);
  if (quick) for (const [name, value] of Object.entries(QUICK_PARAMS[demo])) url.searchParams.set(name, value);
  return url.href;
}

/**
 * Runs in the page (self-contained: it is sent as text). `step`:
 *  - 'ready': true once the demo's Run all button can be pressed;
 *  - 'press': keeps every finished run from now on (its trace left out, as
 *    the history keeps it) and presses Run all;
 *  - 'outcome': once the session is over (Stop disabled, a status said),
 *    whether it failed, the status, and its runs: as the page's history keeps
 *    them (with their environment), or as they were announced where the page
 *    keeps no history (storage refused); null before.
 */
function runAllStep({ demo, step }) {
  const page = window;
  const find = (root, selector) => {
    const found = root.querySelector(selector);
    if (found) return found;
    for (const host of root.querySelectorAll('*')) {
      const inner = host.shadowRoot && find(host.shadowRoot, selector);
      if (inner) return inner;
    }
    return null;
  };
  const root = document.querySelector('parallel-lab')?.shadowRoot?.querySelector(`#panel-${demo} > *`)?.shadowRoot;
  const runAll = root && find(root, 'button[type="submit"]');
  const stop = root && find(root, 'button.stop');
  const status = root && find(root, '[data-field="status"]');
  if (!runAll || !stop || !status) return null;
  if (step === 'ready') return !runAll.disabled;
  if (step === 'press') {
    page.__plEngineRuns = [];
    page.addEventListener('pl-run-complete', (event) =>
      page.__plEngineRuns.push({ ...event.detail, trace: [], traceLength: event.detail.trace.length }),
    );
    runAll.click();
    return true;
  }
  const said = status.textContent.trim();
  if (!stop.disabled || !said) return null;
  let history = [];
  try {
    history = JSON.parse(localStorage.getItem('parallel-lab:history') ?? '{}').runs ?? [];
  } catch {
    // No history to read: the announced runs stand.
  }
  const announced = page.__plEngineRuns;
  const kept = announced.map((run) =>
    history.find((saved) => saved.demo === run.demo && saved.variant === run.variant && saved.startedAt === run.startedAt),
  );
  return { failed: status.classList.contains('failed'), status: said, runs: kept.every(Boolean) ? kept : announced };
}

/**
 * Opens `demo` on the site at `baseUrl` (with the quick sizes when asked),
 * presses Run all once it is ready, and resolves with the runs it completed.
 * Rejects when the demo does not finish within `timeoutMs`, when the session
 * ends in failure, or when a run was not verified; the error's `runs` holds
 * the runs completed.
 */
export async function runDemoOnce(session, baseUrl, demo, { quick = false, timeoutMs = 300_000, between } = {}) {
  const failure = (problem, runs) => Object.assign(new Error(`${session.name}, ${demo}: ${problem}`), { runs });
  await session.goto(demoUrl(baseUrl, demo, { quick }));
  await session.waitFor(runAllStep, { demo, step: 'ready' }, { timeoutMs: 60_000 }).catch((error) => {
    throw failure(`Run all never became ready: ${error.message}`, []);
  });
  await session.evaluate(runAllStep, { demo, step: 'press' });
  const outcome = await session.waitFor(runAllStep, { demo, step: 'outcome' }, { timeoutMs, between }).catch(async (error) => {
    const announced = await session.evaluate(() => window.__plEngineRuns ?? []).catch(() => []);
    throw failure(`Run all did not finish: ${error.message}`, announced);
  });
  const unverified = outcome.runs.filter((run) => !run.verified).map((run) => run.variant);
  const problem = unverified.length
    ? `not verified: ${unverified.join(', ')} (${outcome.status})`
    : outcome.failed
      ? `Run all failed: ${outcome.status}`
      : outcome.runs.length === 0
        ? `Run all finished without a run: ${outcome.status}`
        : '';
  if (problem) throw failure(problem, outcome.runs);
  return outcome.runs;
}
