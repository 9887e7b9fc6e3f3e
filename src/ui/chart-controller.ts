import { css, type ReactiveController, type ReactiveControllerHost } from 'lit';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  LogarithmicScale,
  Tooltip,
  type ChartConfiguration,
  type DefaultDataPoint,
} from 'chart.js';

// Only what the lab's charts use: bars (plain and floating) on category, linear and logarithmic scales.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, LogarithmicScale, Tooltip);

/**
 * Owns one Chart.js bar chart for a Lit element: creates it after the first
 * render that has a canvas, updates it without animation after each render,
 * destroys it on disconnect, and re-creates it on reconnect.
 */
export class ChartController<TData = DefaultDataPoint<'bar'>> implements ReactiveController {
  private chart?: Chart<'bar', TData>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly canvas: () => HTMLCanvasElement | null | undefined,
    private readonly config: () => ChartConfiguration<'bar', TData>,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const canvas = this.canvas();
    if (!canvas) return;
    const config = this.config();
    if (!this.chart || this.chart.canvas !== canvas) {
      this.chart?.destroy();
      this.chart = new Chart(canvas, { ...config, options: { animation: false, ...config.options } });
      return;
    }
    this.chart.data = config.data;
    if (config.options) this.chart.options = { animation: false, ...config.options };
    this.chart.update('none');
  }

  hostDisconnected(): void {
    this.chart?.destroy();
    this.chart = undefined;
  }

  hostConnected(): void {
    // The chart is re-created by the update this triggers.
    this.host.requestUpdate();
  }
}

/** Colours for series and lanes, readable on white and distinct for common colour blindness. */
export const PALETTE = ['#1d4ed8', '#ea580c', '#15803d', '#9333ea', '#0891b2', '#be123c', '#4d7c0f', '#a16207'];

/** The frame every chart element shares: a heading, and a positioned area Chart.js sizes its canvas to. */
export const chartStyles = css`
  :host {
    display: block;
  }
  h3 {
    font-size: 1rem;
    margin: 0 0 0.25rem;
  }
  .area {
    position: relative;
  }
`;
