/**
 * The entries of the map's legends as plain data (colour, label, dot or square), from the same d3 scales, colour
 * constants and strings as the map layers: the page's legend cards render them as HTML (src/ui/legend.ts,
 * src/ui/coverage-legend.ts) and an exported picture draws them with canvas calls (src/map/snapshot-legend.ts).
 */
import type { AppState } from '../app/store';
import { SITE_STATUS } from '../core/types';
import { densityScale } from '../map/county-scale';
import { distanceScale } from '../map/distance-scale';
import { coverageScale } from '../map/layers/county-coverage';
import { COVERAGE_COLOURS } from '../map/layers/coverage-villages';
import { ROAD_COLOURS } from '../map/layers/roads';
import { routeColour } from '../map/layers/routes';
import { CENTER_COLOUR, SITE_COLOURS } from '../map/layers/stations';
import type { LegendItem } from '../map/snapshot-legend';
import { VILLAGE_COLOURS } from '../map/village-colours';
import { el } from './dom';
import { formatNumber, formatPercent, t, type StringKey } from './i18n';

/** A CSS colour from an RGBA array of 0-255 channels. */
export const rgba = (c: readonly number[]): string => `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${(c[3] ?? 255) / 255})`;

const dot = (colour: readonly number[], key: StringKey): LegendItem => ({
  colour: rgba(colour),
  label: t(key),
  round: true,
});

/** County coverage-share steps: `0%–10%` ... `90%–100%`. */
export function coverageItems(): LegendItem[] {
  const scale = coverageScale();
  const thresholds = scale.domain();
  return scale.range().map((colour, i) => {
    const low = i === 0 ? 0 : thresholds[i - 1];
    const high = i < thresholds.length ? thresholds[i] : 1;
    return { colour, label: `${formatPercent(low, 0)}–${formatPercent(high, 0)}`, round: false };
  });
}

/** County village-density steps: `< a`, `a–b`, ..., `≥ z` villages per 100 km². */
export function densityItems(): LegendItem[] {
  const scale = densityScale();
  const thresholds = scale.domain();
  return scale.range().map((colour, i) => {
    const low = i === 0 ? null : thresholds[i - 1];
    const high = i < thresholds.length ? thresholds[i] : null;
    const label =
      low === null
        ? `< ${formatNumber(high!)}`
        : high === null
          ? `≥ ${formatNumber(low)}`
          : `${formatNumber(low)}–${formatNumber(high)}`;
    return { colour, label, round: false };
  });
}

/** Classes of distance to the nearest covering station, km. */
export function distanceItems(): LegendItem[] {
  const distance = distanceScale();
  const bounds = distance.domain();
  return distance.range().map((colour, i) => {
    const label =
      i === 0
        ? `< ${formatNumber(bounds[0], 0)}`
        : i < bounds.length
          ? `${formatNumber(bounds[i - 1], 0)}–${formatNumber(bounds[i], 0)}`
          : t('distanceFar', { km: formatNumber(bounds[i - 1], 0) });
    return { colour, label, round: true };
  });
}

/** Village kinds, shown while there is no plan on the map. */
export function villageKindItems(): LegendItem[] {
  return [dot(VILLAGE_COLOURS.rural, 'ruralVillage'), dot(VILLAGE_COLOURS.urban, 'urbanVillage')];
}

/** The plan's points: villages covered or not (unless coloured by distance), the site symbols, gains and losses. */
export function planPointItems(state: AppState): LegendItem[] {
  const items = [
    ...(state.villageColour === 'distance'
      ? []
      : [dot(COVERAGE_COLOURS.covered, 'coveredVillage'), dot(COVERAGE_COLOURS.uncovered, 'uncoveredVillage')]),
    dot(SITE_COLOURS[SITE_STATUS.proposed], 'stationLegend'),
    dot(CENTER_COLOUR, 'centerLegend'),
    dot(SITE_COLOURS[SITE_STATUS.excluded], 'excludedLegend'),
  ];
  if (state.comparison !== null) items.push(dot(COVERAGE_COLOURS.gained, 'gained'), dot(COVERAGE_COLOURS.lost, 'lost'));
  return items;
}

/**
 * The legend line of the delivery runs: the colour of each van up to `vans` (the palette cycles after six), labelled
 * "Van k", after one line saying what the colours and arrows mean. None without runs.
 */
export function routeItems(vans: number): LegendItem[] {
  if (vans <= 0) return [];
  const shown = Math.min(vans, 6);
  return [
    { colour: rgba(routeColour(1)), label: t('routesLegend'), round: false },
    ...Array.from({ length: shown }, (_, k) => ({
      colour: rgba(routeColour(k + 1)),
      label: t('routesLegendVan', { n: k + 1 }),
      round: false,
    })),
  ];
}

/** The legend lines of the road network: main roads and the others, in the map's colours. */
export function roadItems(file: string): LegendItem[] {
  return [
    { colour: rgba(ROAD_COLOURS.main), label: t('roadsLegend', { file }), round: false },
    { colour: rgba(ROAD_COLOURS.minor), label: t('roadsLegendMinor'), round: false },
  ];
}

/** The items as an HTML list: a swatch (a dot for points, a square for areas) and the label as text. */
export function legendList(items: readonly LegendItem[], attributes: Record<string, string>): HTMLUListElement {
  return el(
    'ul',
    attributes,
    ...items.map((item) => {
      const swatch = el('span', { class: item.round ? 'swatch dot' : 'swatch' });
      swatch.style.background = item.colour;
      return el('li', {}, swatch, item.label);
    }),
  );
}
