/**
 * Straight-line reach: a candidate site covers a demand point when their great-circle distance is at most
 * `radiusKm` (inclusive), with the distance of `haversineKm` (sphere of radius 6371.0088 km).
 */
import { coverageFromQueries, IndexBuffer } from '../coverage/csr';
import { buildStripIndex, lowerBound, stripRange, type StripIndex } from '../coverage/strips';
import { EARTH_RADIUS_KM, haversineKm } from '../distance/haversine';
import type { CoverageSets } from '../types';

/** Points given by longitude and latitude in degrees (a `Demand` or `Candidates` fits). */
export interface LonLatPoints {
  count: number;
  lon: Float64Array;
  lat: Float64Array;
}

const RAD = Math.PI / 180;
/** Relative width of the band around the threshold where the chord test defers to `haversineKm` itself. */
const TIE_BAND = 1e-9;
/**
 * Absolute width of that band, in squared unit-sphere chord: unit vectors carry ~1e-16 rounding per component, so a
 * squared chord below ~1e-30 is noise (two points 1e-14 degrees apart can come out at 0). 1e-20 (a chord of
 * 1e-10, about 0.6 mm on the Earth) sends every such pair to the haversine test.
 */
const TIE_BAND_ABSOLUTE = 1e-20;

/** Unit vectors (x, y, z) of points on the sphere, in the given order, in one array of 3n numbers. */
function unitVectors(points: LonLatPoints, order: Uint32Array): Float64Array {
  const xyz = new Float64Array(points.count * 3);
  for (let k = 0; k < points.count; k++) {
    const i = order[k];
    const lon = points.lon[i] * RAD;
    const lat = points.lat[i] * RAD;
    const c = Math.cos(lat);
    xyz[3 * k] = c * Math.cos(lon);
    xyz[3 * k + 1] = c * Math.sin(lon);
    xyz[3 * k + 2] = Math.sin(lat);
  }
  return xyz;
}

function checkPoints(points: LonLatPoints, what: string): void {
  if (points.lon.length !== points.count || points.lat.length !== points.count) {
    throw new Error(
      `Expected ${points.count} ${what} longitudes and latitudes, got ${points.lon.length} and ${points.lat.length}.`,
    );
  }
}

/**
 * Coverage sets of a straight-line radius: site j covers demand i when
 * `haversineKm(siteLon, siteLat, demandLon, demandLat) <= radiusKm`.
 *
 * Method: demand points go into a latitude-strip index (`coverage/strips.ts`, strip height = half the angular
 * radius); for each site the strips within the radius are scanned over the exact longitude half-width of a
 * spherical cap, asin(sin(theta) / cos(lat)) for angular radius theta, and each point is tested by its chord
 * length between unit vectors: d <= r  <=>  |u - v|^2 <= 4 sin^2(r / 2R), three multiply-adds instead of the
 * trigonometry of the haversine. Pairs within 1e-9 (relative) of the threshold are decided by `haversineKm`
 * itself so the result equals the brute-force definition exactly.
 *
 * @param demand demand points, lon/lat in degrees
 * @param sites candidate sites, lon/lat in degrees
 * @param radiusKm reach in kilometres (>= 0)
 * @returns coverage sets in CSR form, both directions, indices ascending
 * @example
 * const cov = coverageByRadius(villages, candidates, 3); // 3 km village stations
 * cov.siteOffsets[1] - cov.siteOffsets[0]; // villages within 3 km of candidate 0
 */
export function coverageByRadius(demand: LonLatPoints, sites: LonLatPoints, radiusKm: number): CoverageSets {
  checkPoints(demand, 'demand');
  checkPoints(sites, 'site');
  if (!(radiusKm >= 0) || !Number.isFinite(radiusKm)) {
    throw new Error(`radiusKm must be a finite number >= 0, got ${radiusKm}.`);
  }
  const theta = Math.min(Math.PI, radiusKm / EARTH_RADIUS_KM);
  const stripDeg = Math.max(theta / RAD / 2, 1e-7);
  const index = buildStripIndex(demand.lat, demand.lon, stripDeg);
  // Unit vectors in the index's slot order, so a query reads contiguous memory.
  const demandXyz = unitVectors(demand, index.order);
  // Sites are queried in the same strip-and-longitude order: consecutive queries touch neighbouring slots,
  // which keeps the scans in cache (about 3x faster than querying in input order at national scale). When the
  // sites are the demand points themselves (every village a candidate), the index and unit vectors are reused.
  const sameSet = sites.lon === demand.lon && sites.lat === demand.lat;
  const siteOrder = sameSet ? index.order : buildStripIndex(sites.lat, sites.lon, stripDeg).order;
  const siteXyz = sameSet ? demandXyz : unitVectors(sites, siteOrder);
  const s = Math.sin(theta / 2);
  const query: Query = { index, demand, demandXyz, radiusKm, theta, chord2: 4 * s * s };
  const queryOffsets = new Uint32Array(sites.count + 1);
  const buffer = new IndexBuffer(Math.max(1024, sites.count * 8));
  for (let k = 0; k < sites.count; k++) {
    const j = siteOrder[k];
    querySite(query, sites.lon[j], sites.lat[j], siteXyz, 3 * k, buffer);
    queryOffsets[k + 1] = buffer.length;
  }
  return coverageFromQueries(demand.count, siteOrder, queryOffsets, buffer.data);
}

/** What every site query of one coverage build shares. */
interface Query {
  index: StripIndex;
  demand: LonLatPoints;
  /** Unit vectors of the demand points in slot order (3 numbers per slot). */
  demandXyz: Float64Array;
  radiusKm: number;
  /** Angular radius, radians. */
  theta: number;
  /** Squared chord length of the angular radius on the unit sphere. */
  chord2: number;
}

/** Longitude half-width in degrees of a spherical cap of angular radius theta centred at latitude latRad. */
function capHalfWidthDeg(latRad: number, theta: number): number {
  const c = Math.cos(latRad);
  if (Math.abs(latRad) + theta >= Math.PI / 2 || Math.sin(theta) >= c) return 360;
  return Math.asin(Math.sin(theta) / c) / RAD + 1e-9;
}

/** Appends to `out` the demand points within reach of the site at (lon, lat) whose unit vector is xyz[at..at+3). */
function querySite(query: Query, lon: number, lat: number, xyz: Float64Array, at: number, out: IndexBuffer): void {
  const { index, demand, demandXyz, radiusKm, theta, chord2 } = query;
  const order = index.order;
  const col = index.col;
  const latRad = lat * RAD;
  const x = xyz[at];
  const y = xyz[at + 1];
  const z = xyz[at + 2];
  const thetaDeg = theta / RAD;
  const half = capHalfWidthDeg(latRad, theta);
  const [first, last] = stripRange(index, lat - thetaDeg - 1e-9, lat + thetaDeg + 1e-9);
  // Longitude windows: one, or two when the window crosses the antimeridian; all when the cap holds a pole.
  let lo1 = lon - half;
  let hi1 = lon + half;
  let lo2 = Infinity;
  let hi2 = -Infinity;
  if (half >= 180) {
    lo1 = -Infinity;
    hi1 = Infinity;
  } else if (lo1 < -180) {
    lo2 = lo1 + 360;
    hi2 = Infinity;
  } else if (hi1 > 180) {
    lo2 = -Infinity;
    hi2 = hi1 - 360;
  }
  const low = chord2 * (1 - TIE_BAND) - TIE_BAND_ABSOLUTE;
  const high = chord2 * (1 + TIE_BAND) + TIE_BAND_ABSOLUTE;
  for (let strip = first; strip <= last; strip++) {
    const start = index.stripOffsets[strip];
    const end = index.stripOffsets[strip + 1];
    for (let w = 0; w < 2; w++) {
      const loLon = w === 0 ? lo1 : lo2;
      const hiLon = w === 0 ? hi1 : hi2;
      if (loLon > hiLon || start === end) continue;
      for (let k = lowerBound(col, start, end, loLon); k < end && col[k] <= hiLon; k++) {
        const dx = demandXyz[3 * k] - x;
        const dy = demandXyz[3 * k + 1] - y;
        const dz = demandXyz[3 * k + 2] - z;
        const d2 = dx * dx + dy * dy + dz * dz;
        if (d2 > high) continue;
        const i = order[k];
        if (d2 < low || haversineKm(lon, lat, demand.lon[i], demand.lat[i]) <= radiusKm) out.push(i);
      }
    }
  }
}
