import { amdahl } from '../../core/scaling';
import type { CurvePoint, ScalingCurveRun } from '../../experiments/scaling-rules';
import type { LineSeries } from '../pl-line-chart';

/** What the speed-up chart is drawn from. */
export interface SpeedupChartInput {
  /** The points of the sweep so far (or of the last one). */
  points: readonly CurvePoint[];
  /** The finished sweep's curve; undefined while it runs or when it was stopped. */
  curve?: ScalingCurveRun;
  /** The most workers of the sweep shown. */
  maxWorkers: number;
  reportedCores: number;
}

/** The Amdahl curve is drawn this finely between whole numbers of workers, so it bends rather than zigzags. */
const STEPS_PER_WORKER = 4;

/**
 * The chart's lines: the ideal min(W, reported cores), the Amdahl curve
 * fitted by the finished sweep (on the cores it could use, flat past them),
 * the reported core count as a vertical mark, and the measured speed-ups.
 */
export function speedupSeries(o: SpeedupChartInput): LineSeries[] {
  const { points, curve, maxWorkers, reportedCores } = o;
  const workers = Array.from({ length: maxWorkers }, (_, i) => i + 1);
  const series: LineSeries[] = [
    {
      label: `Ideal: min(workers, ${reportedCores} reported cores)`,
      points: workers.map((w) => ({ x: w, y: Math.min(w, reportedCores) })),
      style: 'model',
      color: 'muted',
    },
  ];
  if (curve && curve.usableCores > 1) {
    const { serialFraction } = curve.amdahl;
    const xs = Array.from({ length: (maxWorkers - 1) * STEPS_PER_WORKER + 1 }, (_, i) => 1 + i / STEPS_PER_WORKER);
    series.push({
      label: `Amdahl's law: serial fraction ${(serialFraction * 100).toFixed(1)}%, on ${curve.usableCores} cores`,
      points: xs.map((x) => ({ x, y: amdahl(serialFraction, Math.min(x, curve.usableCores)) })),
      style: 'model',
      color: 1,
    });
  }
  if (reportedCores <= maxWorkers) {
    const top = Math.max(reportedCores, ...points.map((p) => p.speedup));
    series.push({
      label: `Reported cores (${reportedCores})`,
      points: [
        { x: reportedCores, y: 0 },
        { x: reportedCores, y: top },
      ],
      style: 'mark',
      color: 2,
    });
  }
  series.push({ label: 'Measured', points: points.map((p) => ({ x: p.workers, y: p.speedup })), style: 'measured', color: 0 });
  return series;
}
