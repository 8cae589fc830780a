import { scaleThreshold, type ScaleThreshold } from 'd3-scale';
import { interpolateBlues } from 'd3-scale-chromatic';
import type { ExpressionSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { CountyInfoEntry } from '../data/county-info';
import { countyFeature, featureStateSteps } from './boundary-source';

/**
 * The county choropleth metric for now: villages per 100 km² (village-level units of the registry divided by
 * the county polygon's geodesic area). Thresholds are round numbers spanning China's range, from the sparse
 * west (< 1) to dense plains and suburbs (> 100).
 */
export const DENSITY_THRESHOLDS = [1, 2, 5, 10, 20, 50, 100];

/**
 * A single-hue sequential scale (ColorBrewer Blues): ordered by lightness, so it reads the same with the common
 * colour-vision deficiencies, and it leaves the orange/purple pair free for the village points on top.
 */
const COLOURS = Array.from({ length: DENSITY_THRESHOLDS.length + 1 }, (_, i) =>
  interpolateBlues(0.1 + (0.85 * i) / DENSITY_THRESHOLDS.length),
);

export function densityScale(): ScaleThreshold<number, string> {
  return scaleThreshold<number, string>().domain(DENSITY_THRESHOLDS).range(COLOURS);
}

/**
 * The metric of one county, villages per 100 km².
 * @param areaKm2 geodesic area; areas under 0.001 km² count as 0.001
 */
export function countyDensity(villages: number, areaKm2: number): number {
  return (100 * villages) / Math.max(areaKm2, 0.001);
}

/**
 * The scale as a MapLibre `step` expression over the feature state `density` (the vector tiles carry only the
 * code; showCountyDensity sets it), transparent until it is set, so the map and the legend cannot disagree.
 */
export function densityFillExpression(): ExpressionSpecification {
  return featureStateSteps(densityScale(), 'density');
}

/**
 * Sets every county's density as feature state of the boundary tiles (feature id = the code as an integer).
 * Call once the style is loaded; MapLibre keeps the states for tiles loaded later.
 */
export function showCountyDensity(map: MapLibreMap, counties: readonly CountyInfoEntry[]): void {
  for (const c of counties) {
    map.setFeatureState(countyFeature(c.code), { density: countyDensity(c.villages, c.areaKm2) });
  }
}
