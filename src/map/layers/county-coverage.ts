import { scaleThreshold, type ScaleThreshold } from 'd3-scale';
import { interpolateCividis } from 'd3-scale-chromatic';
import type { ExpressionSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { BOUNDARY_SOURCE, COUNTY_LAYER, countyFeature, featureStateSteps } from '../boundary-source';

/**
 * County choropleth of coverage share: ten steps of 10 %, coloured with cividis (Nuñez, Anderton & Renslow 2018,
 * a blue-to-yellow scale designed to read the same with red-green colour-vision deficiency), mixed 35 % with white
 * so the black and vermillion village dots stay readable on every step. The same d3 scale drives the map (a
 * MapLibre `step` expression) and the legend, so they cannot disagree.
 */
export const COVERAGE_THRESHOLDS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

function lighten(css: string, amount: number): string {
  const m = /rgb\((\d+), (\d+), (\d+)\)/.exec(css);
  if (!m) return css;
  const mix = (v: string) => Math.round(Number(v) + (255 - Number(v)) * amount);
  return `rgb(${mix(m[1])}, ${mix(m[2])}, ${mix(m[3])})`;
}

const COLOURS = Array.from({ length: COVERAGE_THRESHOLDS.length + 1 }, (_, i) =>
  lighten(interpolateCividis(i / COVERAGE_THRESHOLDS.length), 0.35),
);

/** Coverage share in [0, 1] -> fill colour. */
export function coverageScale(): ScaleThreshold<number, string> {
  return scaleThreshold<number, string>().domain(COVERAGE_THRESHOLDS).range(COLOURS);
}

/** The scale as a MapLibre expression over the feature state `coverage` (transparent when it is not set). */
export function coverageFillExpression(): ExpressionSpecification {
  return featureStateSteps(coverageScale(), 'coverage');
}

/** The coverage fill layer, over the county fill and below the county outlines. */
const COVERAGE_LAYER = 'county-coverage';

/** Adds the coverage fill layer (hidden) below the county outlines; call once the style is loaded. */
export function addCountyCoverageLayers(map: MapLibreMap): void {
  if (map.getLayer(COVERAGE_LAYER) || !map.getSource(BOUNDARY_SOURCE)) return;
  map.addLayer(
    {
      id: COVERAGE_LAYER,
      type: 'fill',
      source: BOUNDARY_SOURCE,
      'source-layer': COUNTY_LAYER,
      layout: { visibility: 'none' },
      paint: { 'fill-color': coverageFillExpression(), 'fill-opacity': 1, 'fill-antialias': false },
    },
    map.getLayer('county-line') ? 'county-line' : undefined,
  );
}

/** Coverage share per county code (counties with no demand are left out). */
export function countyShares(
  codes: readonly string[],
  covered: Float64Array,
  total: Float64Array,
): Map<string, number> {
  const shares = new Map<string, number>();
  codes.forEach((code, c) => {
    if (total[c] > 0) shares.set(code, covered[c] / total[c]);
  });
  return shares;
}

/**
 * Shows the coverage fill with these shares (or hides it when `shares` is null). Feature states are keyed by the
 * county code (the boundary tiles' feature id); only the counties whose share changed since `previous` are touched, and
 * states of counties no longer shown are removed, so a drag that changes a few counties costs a few calls even
 * with every county of the country shown.
 * @param previous the shares shown before (as returned by the last call), or null
 * @returns the shares now shown
 */
export function showCountyCoverage(
  map: MapLibreMap,
  shares: Map<string, number> | null,
  previous: ReadonlyMap<string, number> | null,
): Map<string, number> | null {
  if (!map.getLayer(COVERAGE_LAYER)) return shares;
  if (previous !== null) {
    for (const code of previous.keys()) {
      // Only the `coverage` key: the same feature state holds the county's `density` (county-scale.ts).
      if (shares === null || !shares.has(code)) map.removeFeatureState(countyFeature(code), 'coverage');
    }
  }
  if (shares !== null) {
    for (const [code, share] of shares) {
      if (previous?.get(code) !== share) map.setFeatureState(countyFeature(code), { coverage: share });
    }
  }
  map.setLayoutProperty(COVERAGE_LAYER, 'visibility', shares === null ? 'none' : 'visible');
  return shares;
}
