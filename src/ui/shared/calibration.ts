import type { ReactiveControllerHost } from 'lit';
import { parseWholeNumber, type ParsedFields, type WholeNumberRule } from '../../core/validate';
import { calibrateRounds, type Calibration } from '../../experiments/cpu';

/** A demo with the CPU kernel's two fields: how many numbers, and the work on each. */
export interface CalibratedHost extends ReactiveControllerHost {
  numbers: string | number;
  rounds: string | number;
}

/**
 * The work per number of a demo that runs the CPU kernel (the CPU and
 * scaling demos): chosen so one runner takes about a second here when the
 * visitor gives none, chosen again on request, and forgotten (with the note
 * that speaks of it) once the numbers or the rounds change. An empty work
 * per number is no error: it is chosen just after the page is drawn, or by
 * Run when that comes first, so Run is ready before the measuring is done.
 */
export class CalibrationController {
  /** What the last calibration chose, while the fields still hold it. */
  calibration?: Calibration;

  constructor(
    private readonly host: CalibratedHost,
    private readonly numbersRule: WholeNumberRule,
    private readonly busy: () => boolean,
  ) {}

  /** Picks the work per number for the numbers as typed, unless they are refused or a run is going. */
  calibrate(): void {
    const numbers = parseWholeNumber(this.host.numbers, this.numbersRule);
    if (!numbers.ok || this.busy()) return;
    this.calibration = calibrateRounds(numbers.value);
    this.host.rounds = String(this.calibration.rounds);
    this.host.requestUpdate();
  }

  /** Calibrates when no work per number is chosen yet. */
  calibrateIfUnset(): void {
    if (String(this.host.rounds).trim() === '') this.calibrate();
  }

  /** The parameters for a run: the work per number is chosen first when none is given. */
  paramsForRun<P>(parse: () => ParsedFields<P>): P | undefined {
    this.calibrateIfUnset();
    return parse().params;
  }

  /** After `field` changed: the note no longer holds, and new numbers with no rounds get rounds at once. */
  fieldChanged(field: string): void {
    if (field === 'rounds' || field === 'numbers') this.calibration = undefined;
    if (field === 'numbers') this.calibrateIfUnset();
  }
}
