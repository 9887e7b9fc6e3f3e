import { css, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Chart, ChartConfiguration, ChartOptions, ChartType, DefaultDataPoint } from 'chart.js';
import { CHART_LOCALE, formatChartNumber } from './chart-model';
import { theme } from './shared/theme';

/** Chart.js and the plugins a chart may name in its config (see chart-js.ts). */
export type ChartJs = typeof import('./chart-js');

let chartJs: ChartJs | undefined;
let loading: Promise<ChartJs> | undefined;

/** Loads Chart.js once, for every chart on the page; a failed load is tried again by the next chart drawn. */
function loadChartJs(): Promise<ChartJs> {
  loading ??= import('./chart-js').then(
    (loaded) => (chartJs = loaded),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * The theme's colours as a canvas needs them: Chart.js draws on a canvas,
 * which cannot read CSS custom properties, so the controller reads the
 * element's computed `--_pl-*` tokens before every draw.
 */
export interface ChartTheme {
  text: string;
  muted: string;
  border: string;
  surface: string;
  /** One colour per series or lane; the first is the theme's accent. */
  series: readonly string[];
}

/** Series colours distinct for common colour blindness: dark enough for a light surface... */
const LIGHT_SERIES = ['#1d4ed8', '#ea580c', '#15803d', '#9333ea', '#0891b2', '#be123c', '#4d7c0f', '#a16207'];
/** ...and the same hues light enough for a dark one. */
const DARK_SERIES = ['#93c5fd', '#fdba74', '#86efac', '#d8b4fe', '#67e8f9', '#fda4af', '#bef264', '#fde047'];

/**
 * Owns one Chart.js chart (a bar chart unless `TType` says otherwise) for a Lit element: creates it after the first
 * render that has a canvas (loading Chart.js first if no chart on the page has yet: until then the canvas, already
 * its final size, stays blank), updates it without animation after each render,
 * destroys it on disconnect, and re-creates it on reconnect. The chart takes
 * its colours from the element's theme, and is redrawn when the visitor's
 * colour scheme changes.
 */
export class ChartController<TData = DefaultDataPoint<'bar'>, TType extends ChartType = 'bar'> implements ReactiveController {
  private drawn?: Chart<TType, TData>;
  private readonly scheme = matchMedia('(prefers-color-scheme: dark)');
  private readonly redraw = (): void => this.host.requestUpdate();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly canvas: () => HTMLCanvasElement | null | undefined,
    private readonly config: (theme: ChartTheme, chartJs: ChartJs) => ChartConfiguration<TType, TData>,
  ) {
    host.addController(this);
  }

  /** The chart drawn, once the host has rendered its canvas and Chart.js has loaded. */
  get chart(): Chart<TType, TData> | undefined {
    return this.drawn;
  }

  hostUpdated(): void {
    const canvas = this.canvas();
    if (!canvas) return;
    if (!chartJs) {
      void loadChartJs().then(() => {
        // A host that left meanwhile draws when it comes back (see hostConnected).
        if (this.host.isConnected) this.host.requestUpdate();
      });
      return;
    }
    const colors = readTheme(this.host);
    const config = this.config(colors, chartJs);
    // The theme sets only what every chart type's options share (axes, text colour, tooltip), so a bar chart's do.
    const options = themed((config.options ?? {}) as ChartOptions<'bar'>, colors) as ChartOptions<TType>;
    if (!this.drawn || this.drawn.canvas !== canvas) {
      this.drawn?.destroy();
      this.drawn = new chartJs.Chart(canvas, { ...config, options });
      return;
    }
    this.drawn.data = config.data;
    this.drawn.options = options;
    this.drawn.update('none');
  }

  hostDisconnected(): void {
    this.scheme.removeEventListener('change', this.redraw);
    this.drawn?.destroy();
    this.drawn = undefined;
  }

  hostConnected(): void {
    // The theme's tokens switch with the scheme; the canvas keeps the old colours until redrawn.
    this.scheme.addEventListener('change', this.redraw);
    // The chart is re-created by the update this triggers.
    this.host.requestUpdate();
  }
}

/** The chart's options in the theme's colours; a colour the element set itself wins. */
function themed(options: ChartOptions<'bar'>, colors: ChartTheme): ChartOptions<'bar'> {
  // Both axes of a bar chart, whether or not the element configured them.
  const ids = new Set(['x', 'y', ...Object.keys(options.scales ?? {})]);
  const scales = Object.fromEntries(
    [...ids].map((id) => {
      const scale = options.scales?.[id];
      const axis = {
        ...scale,
        ticks: { color: colors.text, ...scale?.ticks },
        title: { color: colors.text, ...(scale && 'title' in scale ? scale.title : {}) },
        grid: { color: colors.border, ...scale?.grid },
        border: { color: colors.border, ...(scale && 'border' in scale ? scale.border : {}) },
      };
      return [id, axis];
    }),
  );
  return {
    animation: false,
    color: colors.text,
    // Chart.js's own numbers (a tooltip's title, a default tick) in the lab's locale, not the browser's.
    locale: CHART_LOCALE,
    ...options,
    scales,
    plugins: {
      ...options.plugins,
      tooltip: {
        backgroundColor: colors.surface,
        titleColor: colors.text,
        bodyColor: colors.text,
        borderColor: colors.border,
        borderWidth: 1,
        ...options.plugins?.tooltip,
      },
    },
  };
}

/** Reads the element's theme tokens, as computed for the colour scheme in force. */
function readTheme(element: HTMLElement): ChartTheme {
  const style = getComputedStyle(element);
  const token = (name: string) => style.getPropertyValue(`--_pl-${name}`).trim();
  const surface = token('surface');
  const series = isDark(surface) ? DARK_SERIES : LIGHT_SERIES;
  return {
    text: token('text'),
    muted: token('muted'),
    border: token('border'),
    surface,
    series: [token('accent'), ...series.slice(1)],
  };
}

const darkness = new Map<string, boolean>();
let probe: CanvasRenderingContext2D | null | undefined;

/**
 * True when `color` is dark, whatever CSS syntax the page wrote it in: the
 * canvas parses it, so a page that themes the lab dark through `--pl-surface`
 * gets the dark series without a media query.
 */
function isDark(color: string): boolean {
  let dark = darkness.get(color);
  if (dark === undefined) {
    probe ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    if (!probe) return false;
    probe.fillStyle = '#ffffff';
    probe.fillStyle = color;
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
    dark = 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
    darkness.set(color, dark);
  }
  return dark;
}

/** Numbers on a chart's value axis, with thousands separators in every browser (WebKit's default prints none). */
export const numberTicks = { callback: (value: number | string) => formatChartNumber(Number(value), 2), maxRotation: 0 };

/** The frame every chart element shares: the theme's tokens, a heading, and a positioned area Chart.js sizes its canvas to. */
export const chartStyles = [
  theme,
  css`
    :host {
      display: block;
    }
    figure {
      margin: 0;
    }
    h3 {
      font-size: 1rem;
      margin: 0 0 0.25rem;
    }
    .area {
      position: relative;
    }
    .sr-only {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
  `,
];
