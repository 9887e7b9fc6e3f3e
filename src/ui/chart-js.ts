/**
 * Chart.js with only the parts the lab's charts use. It is most of the lab's
 * code, and no page needs it before its first Run: the chart controller loads
 * this module when a chart is first drawn, after a run has results.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  Tooltip,
} from 'chart.js';
import ChartDataLabels from 'chartjs-plugin-datalabels';

// Bars (plain and floating) and lines, on category, linear and logarithmic scales, with tooltips. The legend and the
// value labels stay unregistered: a chart that wants one names it in its own config, so the others do not get it.
Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  LogarithmicScale,
  Tooltip,
);

export { Chart, ChartDataLabels, Legend };
