/**
 * The legend of the plan's layers: the county coverage-share steps (from the same d3 scale as the map), the
 * village colours (covered, uncovered), the site symbols, and during a comparison the villages gained and lost.
 */
import type { AppState } from '../app/store';
import { coverageScale } from '../map/layers/county-coverage';
import { COVERAGE_COLOURS } from '../map/layers/coverage-villages';
import { CENTER_COLOUR, SITE_COLOURS } from '../map/layers/stations';
import { SITE_STATUS } from '../core/types';
import { el } from './dom';
import { distanceScale } from '../map/distance-scale';
import { formatNumber, formatPercent, t, type StringKey } from './i18n';

const rgba = (c: readonly number[]) => `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${(c[3] ?? 255) / 255})`;

function swatch(colour: string, round = false): HTMLSpanElement {
  const node = el('span', { class: round ? 'swatch dot' : 'swatch' });
  node.style.background = colour;
  return node;
}

/** Renders the legend, or empties the container when the plan has no sites and counties show density. */
export function renderCoverageLegend(container: HTMLElement, state: AppState): void {
  if (state.countyColour !== 'coverage' && state.plan.sites.count === 0) {
    container.hidden = true;
    container.replaceChildren();
    return;
  }
  container.hidden = false;
  const scale = coverageScale();
  const thresholds = scale.domain();
  const steps = scale.range().map((colour, i) => {
    const low = i === 0 ? 0 : thresholds[i - 1];
    const high = i < thresholds.length ? thresholds[i] : 1;
    return el('li', {}, swatch(colour), `${formatPercent(low, 0)}–${formatPercent(high, 0)}`);
  });
  const distance = distanceScale();
  const distanceSteps = distance.range().map((colour, i) => {
    const bounds = distance.domain();
    const text =
      i === 0
        ? `< ${formatNumber(bounds[0], 0)}`
        : i < bounds.length
          ? `${formatNumber(bounds[i - 1], 0)}–${formatNumber(bounds[i], 0)}`
          : t('distanceFar', { km: formatNumber(bounds[i - 1], 0) });
    return el('li', {}, swatch(colour, true), text);
  });
  const byDistance = state.villageColour === 'distance';
  const item = (colour: readonly number[], key: StringKey) => el('li', {}, swatch(rgba(colour), true), t(key));
  const points = [
    ...(byDistance
      ? []
      : [item(COVERAGE_COLOURS.covered, 'coveredVillage'), item(COVERAGE_COLOURS.uncovered, 'uncoveredVillage')]),
    item(SITE_COLOURS[SITE_STATUS.proposed], 'stationLegend'),
    item(CENTER_COLOUR, 'centerLegend'),
    item(SITE_COLOURS[SITE_STATUS.excluded], 'excludedLegend'),
  ];
  if (state.comparison !== null)
    points.push(item(COVERAGE_COLOURS.gained, 'gained'), item(COVERAGE_COLOURS.lost, 'lost'));
  container.replaceChildren(
    el('h2', {}, t('coverageLegendTitle')),
    ...(state.countyColour === 'coverage' ? [el('ul', { class: 'legend-steps' }, ...steps)] : []),
    ...(byDistance
      ? [
          el('h3', {}, t('distanceLegendTitle')),
          el('ul', { class: 'legend-steps', 'data-testid': 'distance-legend' }, ...distanceSteps),
        ]
      : []),
    el('ul', { class: 'legend-points' }, ...points),
  );
}
