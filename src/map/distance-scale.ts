import { scaleThreshold, type ScaleThreshold } from 'd3-scale';
import { interpolateViridis } from 'd3-scale-chromatic';

/**
 * Village colours by distance to the nearest covering station, in km: classes bounded by round distances around
 * the programme's 3 km station reach (within reach up to 3 km, then 5, 10 and 20 km), coloured with viridis
 * (van der Walt & Smith 2015; perceptually uniform and readable with the common colour-vision deficiencies),
 * dark for near and yellow for far. Villages beyond the last threshold, or with no station at all, take the last
 * class. The same d3 scale drives the map and the legend.
 */
export const DISTANCE_THRESHOLDS_KM = [1, 2, 3, 5, 10, 20];

const COLOURS = Array.from({ length: DISTANCE_THRESHOLDS_KM.length + 1 }, (_, i) =>
  interpolateViridis(i / DISTANCE_THRESHOLDS_KM.length),
);

/** Distance in km -> CSS colour. */
export function distanceScale(): ScaleThreshold<number, string> {
  return scaleThreshold<number, string>().domain(DISTANCE_THRESHOLDS_KM).range(COLOURS);
}

/** RGBA of villages that are not demand points (the same light grey as under the coverage colours). */
const NOT_DEMAND: readonly number[] = [170, 170, 170, 120];

/**
 * RGBA per village from distances in km (NaN: not a demand point, grey; Infinity: no station, the farthest class).
 * @param distanceKm one distance per village, file order
 */
export function distanceColours(distanceKm: Float32Array): Uint8Array {
  const scale = distanceScale();
  const rgba = scale.range().map((css) => [...cssRgb(css), 235]);
  const thresholds = scale.domain();
  const out = new Uint8Array(distanceKm.length * 4);
  for (let i = 0; i < distanceKm.length; i++) {
    const d = distanceKm[i];
    if (Number.isNaN(d)) {
      out.set(NOT_DEMAND, 4 * i);
      continue;
    }
    let c = 0;
    while (c < thresholds.length && d >= thresholds[c]) c++;
    out.set(rgba[c], 4 * i);
  }
  return out;
}

/** [r, g, b] of a `#rrggbb` or `rgb(r, g, b)` colour (what d3-scale-chromatic returns). */
export function cssRgb(css: string): [number, number, number] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css);
  if (hex) return [parseInt(hex[1], 16), parseInt(hex[2], 16), parseInt(hex[3], 16)];
  const rgb = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(css);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  throw new Error(`Expected a #rrggbb or rgb() colour, got ${css}.`);
}
