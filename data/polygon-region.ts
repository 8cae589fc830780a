/**
 * A region made of polygons (one county, or several counties of a prefecture) that answers "is this point
 * inside?" quickly and draws uniform random points inside it. Each polygon part (outer ring plus holes) is
 * indexed by its bounding box in a flatbush R-tree; the point-in-polygon test is @turf/boolean-point-in-polygon
 * (point-in-polygon-hao, robust on edges and vertices) with points on a boundary counted as outside, so every
 * accepted point is strictly inside.
 */
import Flatbush from 'flatbush';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon, Position } from 'geojson';

const RAD = Math.PI / 180;
const KM_PER_DEGREE = 111.195;

export interface PolygonRegion {
  /** Each part as a GeoJSON Polygon with its bbox (turf checks the bbox first). */
  parts: Polygon[];
  /** Cumulative area weights of the parts (planar degrees² scaled by cos(latitude)), last = total. */
  cumulativeWeight: Float64Array;
  index: Flatbush;
  /** [west, south, east, north] of the whole region, degrees. */
  bbox: [number, number, number, number];
}

/**
 * Builds a region from one or more polygons.
 * @throws Error when the polygons have no part with a positive area
 */
export function createRegion(geometries: (Polygon | MultiPolygon)[]): PolygonRegion {
  const parts: Polygon[] = [];
  for (const g of geometries) {
    const list = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const rings of list) parts.push({ type: 'Polygon', coordinates: rings, bbox: ringBbox(rings[0]) });
  }
  const cumulativeWeight = new Float64Array(parts.length);
  let total = 0;
  parts.forEach((part, k) => {
    total += Math.max(0, partWeight(part.coordinates));
    cumulativeWeight[k] = total;
  });
  if (!(total > 0)) throw new Error('A region needs at least one polygon part with a positive area');
  const index = new Flatbush(parts.length);
  const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const part of parts) {
    const [w, s, e, n] = part.bbox as number[];
    index.add(w, s, e, n);
    bbox[0] = Math.min(bbox[0], w);
    bbox[1] = Math.min(bbox[1], s);
    bbox[2] = Math.max(bbox[2], e);
    bbox[3] = Math.max(bbox[3], n);
  }
  index.finish();
  return { parts, cumulativeWeight, index, bbox };
}

/** True when the point is strictly inside the region (not on a boundary, not in a hole). */
export function regionContains(region: PolygonRegion, lon: number, lat: number): boolean {
  const hits = region.index.search(lon, lat, lon, lat);
  for (const k of hits) {
    if (booleanPointInPolygon([lon, lat], region.parts[k], { ignoreBoundary: true })) return true;
  }
  return false;
}

/**
 * Tests a candidate after rounding it to Float32, the precision of the village files, so that the stored
 * position is the one known to be inside. Returns the rounded point or null.
 */
export function acceptFloat32(region: PolygonRegion, lon: number, lat: number): [number, number] | null {
  const x = Math.fround(lon);
  const y = Math.fround(lat);
  return regionContains(region, x, y) ? [x, y] : null;
}

/**
 * A uniform random point inside the region (Float32-rounded): a part is drawn with probability proportional to
 * its area, then points are drawn in its bounding box until one falls inside (rejection sampling).
 * @param rand uniform [0, 1) generator (e.g. createRandom from src/core/random)
 * @throws Error when 10,000 draws all fall outside (a degenerate region)
 */
export function randomPointIn(region: PolygonRegion, rand: () => number): [number, number] {
  const weights = region.cumulativeWeight;
  const total = weights[weights.length - 1];
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const target = rand() * total;
    let lo = 0;
    let hi = weights.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (weights[mid] <= target) lo = mid + 1;
      else hi = mid;
    }
    const k = lo;
    const [w, s, e, n] = region.parts[k].bbox as number[];
    const point = acceptFloat32(region, w + rand() * (e - w), s + rand() * (n - s));
    if (point) return point;
  }
  throw new Error(`No point found inside the region around [${region.bbox.join(', ')}]`);
}

/**
 * Moves `distanceKm` from [lon, lat] towards `bearingRad` (0 = north, clockwise) on a local flat-earth
 * approximation, good to well under 1 % for the few kilometres used here.
 */
export function offsetKm(lon: number, lat: number, distanceKm: number, bearingRad: number): [number, number] {
  const dLat = (distanceKm * Math.cos(bearingRad)) / KM_PER_DEGREE;
  const dLon = (distanceKm * Math.sin(bearingRad)) / (KM_PER_DEGREE * Math.max(0.01, Math.cos(lat * RAD)));
  return [lon + dLon, lat + dLat];
}

/** Bounding box of a ring, [w, s, e, n]. */
function ringBbox(ring: Position[]): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const [x, y] of ring) {
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return [w, s, e, n];
}

/** Area of a part (outer minus holes) in degrees², scaled by cos(latitude) of its first vertex (shoelace). */
function partWeight(rings: Position[][]): number {
  let area = 0;
  rings.forEach((ring, k) => {
    let sum = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
      sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
    area += k === 0 ? Math.abs(sum) / 2 : -Math.abs(sum) / 2;
  });
  return area * Math.cos((rings[0][0]?.[1] ?? 0) * RAD);
}
