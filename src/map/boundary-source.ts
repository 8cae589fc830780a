import type { ScaleThreshold } from 'd3-scale';
import type { ExpressionSpecification } from 'maplibre-gl';

/**
 * Names of the vector source of the county and province boundaries (`boundaries.pmtiles`, built by
 * data/tiles.ts) and of its layers. Feature ids are the codes as integers; `code` is also a property.
 */
export const BOUNDARY_SOURCE = 'boundaries';
export const COUNTY_LAYER = 'counties';
export const PROVINCE_LAYER = 'provinces';

/** The feature of a county in the boundary source, for `setFeatureState`. */
export function countyFeature(code: string): { source: string; sourceLayer: string; id: number } {
  return { source: BOUNDARY_SOURCE, sourceLayer: COUNTY_LAYER, id: Number(code) };
}

/**
 * A threshold scale as a MapLibre `step` expression over a county's feature state `key`, transparent while the
 * state is not set, so the map and the legend (same scale) cannot disagree. `coalesce`, not `to-number`:
 * to-number turns a missing state (null) into 0, which would paint every county.
 */
export function featureStateSteps(scale: ScaleThreshold<number, string>, key: string): ExpressionSpecification {
  const range = scale.range();
  const stops: (number | string)[] = [0, range[0]];
  scale.domain().forEach((threshold, i) => stops.push(threshold, range[i + 1]));
  return ['step', ['coalesce', ['feature-state', key], -1], 'rgba(0, 0, 0, 0)', ...stops] as ExpressionSpecification;
}
