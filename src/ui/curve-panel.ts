/**
 * The coverage curve: coverage share against the number of open stations, from the greedy order of the last
 * max-coverage suggestion (each greedy step opens the station that adds the most weight, so the curve shows
 * where extra stations stop paying). A click on the curve sets N to the nearest number of stations. Drawn as SVG
 * built node by node (no markup strings).
 */
import type { CoverageCurve } from '../app/planner/state';
import type { AppState } from '../app/store';
import { el } from './dom';
import { formatNumber, formatPercent, t } from './i18n';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 300;
const HEIGHT = 150;
const PAD = { left: 40, right: 8, top: 8, bottom: 24 };

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  return node;
}

/** The number of stations at x pixels from the SVG's left edge, clamped to the curve's range. */
export function stationsAtX(curve: CoverageCurve, x: number): number {
  const max = curve.stations[curve.stations.length - 1];
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const value = Math.round(((x - PAD.left) / plotWidth) * max);
  return Math.min(max, Math.max(curve.stations[0], value));
}

/** The curve's share at n stations (the last greedy step with at most n stations; 0 before the first). */
export function shareAt(curve: CoverageCurve, n: number): number {
  let share = 0;
  for (let k = 0; k < curve.stations.length && curve.stations[k] <= n; k++) share = curve.share[k];
  return share;
}

/** Renders the curve card; `onSetN` gets the number of stations clicked. */
export function renderCurve(container: HTMLElement, state: AppState, onSetN: (n: number) => void): void {
  const curve = state.plan.suggestion?.curve ?? null;
  const title = el('h2', {}, t('curveTitle'));
  if (curve === null) {
    container.replaceChildren(title, el('p', { class: 'help' }, t('curveEmpty')));
    return;
  }
  const max = curve.stations[curve.stations.length - 1];
  const x = (n: number) => PAD.left + (n / max) * (WIDTH - PAD.left - PAD.right);
  const y = (share: number) => HEIGHT - PAD.bottom - share * (HEIGHT - PAD.top - PAD.bottom);
  // At most ~600 vertices: one per pixel column is all the eye can see.
  const step = Math.max(1, Math.floor(curve.stations.length / 600));
  const points = [`${x(0)},${y(0)}`];
  for (let k = 0; k < curve.stations.length; k += step) points.push(`${x(curve.stations[k])},${y(curve.share[k])}`);
  points.push(`${x(max)},${y(curve.share[curve.share.length - 1])}`);
  const n = Math.min(max, state.settings.stations);
  const label = t('curvePoint', { n: formatNumber(n), share: formatPercent(shareAt(curve, n)) });
  const chart = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    width: WIDTH,
    height: HEIGHT,
    role: 'img',
    class: 'curve',
    'data-testid': 'coverage-curve',
    'aria-label': `${t('curveTitle')}: ${label}`,
  });
  const axis = { stroke: '#52606b', 'stroke-width': 1 };
  chart.append(
    svg('line', { x1: PAD.left, y1: y(0), x2: x(max), y2: y(0), ...axis }),
    svg('line', { x1: PAD.left, y1: y(0), x2: PAD.left, y2: y(1), ...axis }),
    svg('polyline', { points: points.join(' '), fill: 'none', stroke: '#0072b2', 'stroke-width': 2 }),
    svg('line', { x1: x(n), y1: y(0), x2: x(n), y2: y(1), stroke: '#d55e00', 'stroke-dasharray': '3 2' }),
  );
  // The plan itself: the swap search usually ends above the greedy curve at its number of stations.
  const info = state.plan.suggestion;
  const planStations = curve.stations[curve.stations.length - 1];
  const planLabel = info ? t('curvePlan', { n: formatNumber(planStations), share: formatPercent(info.coverage) }) : '';
  if (info) {
    const dot = svg('circle', {
      cx: x(planStations),
      cy: y(info.coverage),
      r: 3.5,
      fill: '#000',
      'data-testid': 'curve-plan',
    });
    const title = svg('title', {});
    title.textContent = planLabel;
    dot.append(title);
    chart.append(dot);
  }
  const text = (content: string, attrs: Record<string, string | number>) => {
    const node = svg('text', { 'font-size': 10, fill: '#52606b', ...attrs });
    node.textContent = content;
    return node;
  };
  chart.append(
    text(formatPercent(1, 0), { x: PAD.left - 4, y: y(1) + 4, 'text-anchor': 'end' }),
    text(formatPercent(0.5, 0), { x: PAD.left - 4, y: y(0.5) + 4, 'text-anchor': 'end' }),
    text(formatPercent(0, 0), { x: PAD.left - 4, y: y(0) + 4, 'text-anchor': 'end' }),
    text(formatNumber(0), { x: PAD.left, y: HEIGHT - 8, 'text-anchor': 'middle' }),
    text(formatNumber(max), { x: x(max), y: HEIGHT - 8, 'text-anchor': 'end' }),
    text(t('curveAxisX'), { x: (PAD.left + x(max)) / 2, y: HEIGHT - 8, 'text-anchor': 'middle' }),
  );
  chart.addEventListener('click', (event) => {
    const box = chart.getBoundingClientRect();
    onSetN(stationsAtX(curve, ((event.clientX - box.left) / box.width) * WIDTH));
  });
  container.replaceChildren(
    title,
    chart,
    el('p', { class: 'help' }, `${label}; ${planLabel}`),
    el('p', { class: 'help' }, t('curveHelp')),
  );
}
