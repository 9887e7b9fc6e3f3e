import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { coreCount, type CoreCount } from '../../core/scaling';
import type { ScalingCurveRun } from '../../experiments/scaling-rules';
import { reportedCores } from '../../runtime/environment';
import type { AnyRunResult } from '../run-complete';

/** Where the last verified scaling curve of this visit flattened, and how far its sweep went. */
let curve: { usableCores: number; maxWorkers: number } | undefined;
const hosts = new Set<ReactiveControllerHost>();

function isCurve(run: AnyRunResult): run is ScalingCurveRun {
  return run.demo === 'scaling' && run.variant === 'curve' && run.verified;
}

// Every demo announces its runs to the whole page (`pl-run-complete` leaves every shadow root): the scaling demo's curve
// is kept from wherever on the page it ran. The scaling demo imports this module too, so no curve passes unheard.
addEventListener('pl-run-complete', (event) => {
  const run = (event as HTMLElementEventMap['pl-run-complete']).detail;
  if (!isCurve(run)) return;
  curve = { usableCores: run.usableCores, maxWorkers: run.params.maxWorkers };
  for (const host of hosts) host.requestUpdate();
});

/**
 * What a demo knows of this machine's cores: what the browser reports and,
 * once a scaling curve of this visit has flattened, what the work could use
 * (see `coreCount`). The demo is drawn again when a new curve comes in.
 */
export class CoresController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get count(): CoreCount {
    return coreCount(reportedCores(), curve);
  }

  hostConnected(): void {
    hosts.add(this.host);
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
  }
}
