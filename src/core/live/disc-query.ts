/**
 * "Which demand points lie within r km of this point?" for one moving site at a time: the query behind live
 * coverage while a planner drags a station. Points sit in the latitude-strip index of `coverage/strips.ts`
 * (strip height = half the angular radius, as in `reach/radius.ts`); a query scans the strips its spherical cap
 * crosses, over the cap's exact longitude half-width, and keeps a point when
 * `haversineKm(siteLon, siteLat, lon, lat) <= radiusKm`: the same inclusive test, with the same argument order, as
 * `coverageByRadius`, so live figures equal the planning engine's figures exactly.
 */
import { IndexBuffer } from '../coverage/csr';
import { buildStripIndex, lowerBound, stripRange, type StripIndex } from '../coverage/strips';
import { EARTH_RADIUS_KM, haversineKm } from '../distance/haversine';

const RAD = Math.PI / 180;

/** Demand points indexed for disc queries of one radius. */
export interface DiscIndex {
  index: StripIndex;
  lon: Float64Array;
  lat: Float64Array;
  /** Reach in kilometres the index was built for. */
  radiusKm: number;
  /** Angular radius in degrees. */
  thetaDeg: number;
}

/**
 * Builds the strip index of the points for queries of radius `radiusKm`. O(n log n).
 * @param lon longitudes in degrees
 * @param lat latitudes in degrees
 * @param radiusKm reach in kilometres (finite, >= 0)
 * @example
 * const index = buildDiscIndex(demand.lon, demand.lat, 3);
 * const hits = new IndexBuffer();
 * queryDisc(index, 120.15, 30.28, hits); // hits.data[0..hits.length) = villages within 3 km
 */
export function buildDiscIndex(lon: Float64Array, lat: Float64Array, radiusKm: number): DiscIndex {
  if (!(radiusKm >= 0) || !Number.isFinite(radiusKm)) {
    throw new Error(`radiusKm must be a finite number >= 0, got ${radiusKm}.`);
  }
  const theta = Math.min(Math.PI, radiusKm / EARTH_RADIUS_KM);
  const thetaDeg = theta / RAD;
  const index = buildStripIndex(lat, lon, Math.max(thetaDeg / 2, 1e-7));
  return { index, lon, lat, radiusKm, thetaDeg };
}

/** Longitude half-width in degrees of a spherical cap of angular radius thetaDeg centred at latitude latDeg. */
function capHalfWidthDeg(latDeg: number, thetaDeg: number): number {
  const latRad = latDeg * RAD;
  const theta = thetaDeg * RAD;
  const c = Math.cos(latRad);
  if (Math.abs(latRad) + theta >= Math.PI / 2 || Math.sin(theta) >= c) return 360;
  return Math.asin(Math.sin(theta) / c) / RAD + 1e-9;
}

/**
 * Appends to `out` (after clearing it) the indices of the points within `index.radiusKm` of (lon, lat), in strip
 * order (not sorted).
 * @returns the number of points found (= out.length)
 */
export function queryDisc(index: DiscIndex, lon: number, lat: number, out: IndexBuffer): number {
  out.length = 0;
  const { index: strips, thetaDeg, radiusKm } = index;
  const half = capHalfWidthDeg(lat, thetaDeg);
  const [first, last] = stripRange(strips, lat - thetaDeg - 1e-9, lat + thetaDeg + 1e-9);
  // One longitude window, or two when it crosses the antimeridian; everything when the cap holds a pole.
  const windows: [number, number][] =
    half >= 180
      ? [[-Infinity, Infinity]]
      : lon - half < -180
        ? [
            [lon - half, lon + half],
            [lon - half + 360, Infinity],
          ]
        : lon + half > 180
          ? [
              [lon - half, lon + half],
              [-Infinity, lon + half - 360],
            ]
          : [[lon - half, lon + half]];
  for (let strip = first; strip <= last; strip++) {
    const start = strips.stripOffsets[strip];
    const end = strips.stripOffsets[strip + 1];
    for (const [lo, hi] of windows) {
      for (let k = lowerBound(strips.col, start, end, lo); k < end && strips.col[k] <= hi; k++) {
        const i = strips.order[k];
        if (haversineKm(lon, lat, index.lon[i], index.lat[i]) <= radiusKm) out.push(i);
      }
    }
  }
  return out.length;
}
