/**
 * A small line chart of a cumulative figure by year (0 = start, 1..years) against a horizontal target line, with
 * axes, ticks and labels (d3-scale for the scales and the ticks). Used for coverage share against 1/6 and spend
 * against the budget.
 */
import { scaleLinear } from 'd3-scale';
import { svg } from './svg';

const WIDTH = 300;
const HEIGHT = 170;
const PAD = { left: 52, right: 10, top: 12, bottom: 34 };

/** What a chart shows. */
export interface YearChartSpec {
  /** Accessible name and test id. */
  title: string;
  testId: string;
  /** Cumulative value at the end of each year 1..n (the line starts at 0 at year 0). */
  values: number[];
  /** The target (or limit) drawn as a dashed line, and its label. */
  target: number;
  targetLabel: string;
  /** Axis titles. */
  xTitle: string;
  yTitle: string;
  /** Formats a y tick or value. */
  formatY: (value: number) => string;
  /** Formats a year tick. */
  formatX: (year: number) => string;
}

/** The chart as an SVG element. */
export function yearChart(spec: YearChartSpec): SVGSVGElement {
  const years = spec.values.length;
  const top = Math.max(spec.target, ...spec.values) * 1.08 || 1;
  const x = scaleLinear()
    .domain([0, Math.max(1, years)])
    .range([PAD.left, WIDTH - PAD.right]);
  const y = scaleLinear()
    .domain([0, top])
    .range([HEIGHT - PAD.bottom, PAD.top])
    .nice(4);
  const chart = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    width: WIDTH,
    height: HEIGHT,
    role: 'img',
    class: 'year-chart',
    'data-testid': spec.testId,
    'aria-label': spec.title,
  });
  chart.append(svg('title', {}, spec.title));
  const axis = { stroke: '#52606b', 'stroke-width': 1 };
  const label = (text: string, attrs: Record<string, string | number>) =>
    svg('text', { 'font-size': 10, fill: '#52606b', ...attrs }, text);
  const [y0] = y.range();
  chart.append(
    svg('line', { x1: PAD.left, y1: y0, x2: WIDTH - PAD.right, y2: y0, ...axis }),
    svg('line', { x1: PAD.left, y1: y0, x2: PAD.left, y2: PAD.top, ...axis }),
  );
  for (const tick of y.ticks(4)) {
    chart.append(
      svg('line', { x1: PAD.left - 3, y1: y(tick), x2: WIDTH - PAD.right, y2: y(tick), stroke: '#e3e8ec' }),
      label(spec.formatY(tick), { x: PAD.left - 5, y: y(tick) + 3, 'text-anchor': 'end' }),
    );
  }
  for (let year = 0; year <= years; year++) {
    chart.append(
      svg('line', { x1: x(year), y1: y0, x2: x(year), y2: y0 + 3, ...axis }),
      label(spec.formatX(year), { x: x(year), y: y0 + 13, 'text-anchor': 'middle' }),
    );
  }
  chart.append(
    label(spec.xTitle, { x: (PAD.left + WIDTH - PAD.right) / 2, y: HEIGHT - 4, 'text-anchor': 'middle' }),
    label(spec.yTitle, { x: 10, y: PAD.top - 2, 'text-anchor': 'start', class: 'axis-title' }),
  );
  // Target line, dashed, with its label (the colour is not the only cue: the label names it).
  chart.append(
    svg('line', {
      x1: PAD.left,
      y1: y(spec.target),
      x2: WIDTH - PAD.right,
      y2: y(spec.target),
      stroke: '#d55e00',
      'stroke-dasharray': '4 3',
      'stroke-width': 1.5,
      'data-role': 'target',
    }),
    label(spec.targetLabel, { x: WIDTH - PAD.right, y: y(spec.target) - 4, 'text-anchor': 'end', fill: '#a34400' }),
  );
  const points = [[x(0), y(0)], ...spec.values.map((v, k) => [x(k + 1), y(v)])];
  chart.append(
    svg('polyline', {
      points: points.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(' '),
      fill: 'none',
      stroke: '#0072b2',
      'stroke-width': 2,
      'data-role': 'series',
    }),
  );
  spec.values.forEach((v, k) => {
    const dot = svg('circle', { cx: x(k + 1), cy: y(v), r: 3, fill: '#0072b2' });
    dot.append(svg('title', {}, `${spec.formatX(k + 1)}: ${spec.formatY(v)}`));
    chart.append(dot);
  });
  return chart;
}
