import { scaleThreshold, type ScaleThreshold } from 'd3-scale';
import { interpolateBlues } from 'd3-scale-chromatic';
import type { ExpressionSpecification } from 'maplibre-gl';

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

/** The metric as a MapLibre expression over a county feature's properties `villages` and `areaKm2`. */
export const densityExpression: ExpressionSpecification = [
  '*',
  100,
  ['/', ['to-number', ['get', 'villages'], 0], ['max', ['to-number', ['get', 'areaKm2'], 1], 0.001]],
];

/** The same d3 scale as a MapLibre `step` expression, so the map and the legend cannot disagree. */
export function densityFillExpression(): ExpressionSpecification {
  const scale = densityScale();
  const range = scale.range();
  const stops: (number | string)[] = [];
  scale.domain().forEach((threshold, i) => stops.push(threshold, range[i + 1]));
  return ['step', densityExpression, range[0], ...stops] as ExpressionSpecification;
}
