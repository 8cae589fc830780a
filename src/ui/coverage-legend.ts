/**
 * The legend of the plan's layers: the county coverage-share steps (from the same d3 scale as the map), the
 * village colours (covered, uncovered, or classes of distance to the nearest station), the site symbols, and
 * during a comparison the villages gained and lost. Entries from src/ui/legend-items.ts, as the exported picture.
 */
import { currentOutcome } from '../app/routes/state';
import type { AppState } from '../app/store';
import { el } from './dom';
import { t } from './i18n';
import { coverageItems, distanceItems, legendList, planPointItems, roadItems, routeItems } from './legend-items';

/** Renders the legend, or empties the container when the plan has no sites and counties show density. */
export function renderCoverageLegend(container: HTMLElement, state: AppState): void {
  if (state.countyColour !== 'coverage' && state.plan.sites.count === 0) {
    const roads = roadsLegend(state);
    container.hidden = roads.length === 0;
    container.replaceChildren(...roads);
    return;
  }
  container.hidden = false;
  container.replaceChildren(
    el('h2', {}, t('coverageLegendTitle')),
    ...(state.countyColour === 'coverage' ? [legendList(coverageItems(), { class: 'legend-steps' })] : []),
    ...(state.villageColour === 'distance'
      ? [
          el('h3', {}, t('distanceLegendTitle')),
          legendList(distanceItems(), { class: 'legend-steps', 'data-testid': 'distance-legend' }),
        ]
      : []),
    legendList(planPointItems(state), { class: 'legend-points' }),
    ...runsLegend(state),
    ...roadsLegend(state),
  );
}

/** The legend line of the road network while the map draws it. */
function roadsLegend(state: AppState): HTMLElement[] {
  const { lines, shown, file } = state.roads;
  if (lines === null || !shown || file === null) return [];
  return [legendList(roadItems(file.name), { class: 'legend-steps', 'data-testid': 'roads-legend' })];
}

/** The legend line of the delivery runs while the current plan's runs are drawn (van colours up to the most vans). */
function runsLegend(state: AppState): HTMLElement[] {
  const outcome = currentOutcome(state);
  if (outcome === null) return [];
  const vans = Math.max(0, ...outcome.answer.result.centers.map((c) => c.routes.length));
  const items = routeItems(vans);
  return items.length === 0 ? [] : [legendList(items, { class: 'legend-steps', 'data-testid': 'routes-legend' })];
}
