/**
 * Snapping: each point (village, site, center) goes to the nearest point of the nearest drivable segment. The
 * nearest segment is found exactly in a local equirectangular projection at the point's latitude (metres,
 * x = R dlon cos(lat), y = R dlat; error far below a metre at snap distances of a few km), found with the
 * Flatbush R-tree of the segments: the nearest few boxes bound the distance, then every segment whose box lies
 * within that bound is measured. The snap
 * leg (point to road) is counted at the network's access speed (profile `accessSpeedKmh`, default 10 km/h, an
 * assumption: an unmapped lane driven like a track).
 */
import Flatbush from 'flatbush';
import { EARTH_RADIUS_KM } from '../distance/haversine';
import type { IndexedRoadNetwork } from './graph';
import { NO_CHAIN, type SnappedPoints } from './types';

const RAD = Math.PI / 180;
const METRES_PER_DEGREE = EARTH_RADIUS_KM * 1000 * RAD;
/** Boxes read first to bound the nearest segment's distance. */
const NEAREST_BOXES = 8;

/** Options of {@link snapPoints}. */
export interface SnapOptions {
  /** Points farther than this from every segment stay unsnapped (default: no limit). */
  maxSnapMetres?: number;
}

const indexCache = new WeakMap<ArrayBuffer, Flatbush>();

function segmentIndex(network: IndexedRoadNetwork): Flatbush {
  let index = indexCache.get(network.segmentIndexData);
  if (index === undefined) {
    index = Flatbush.from(network.segmentIndexData);
    indexCache.set(network.segmentIndexData, index);
  }
  return index;
}

/**
 * Snaps points onto the network.
 * @param network the built network
 * @param lon longitudes of the points, degrees (WGS 84)
 * @param lat latitudes, degrees
 * @returns the snapped points; a point with no segment (empty network, or beyond `maxSnapMetres`) has
 *   `chain = NO_CHAIN` and Infinity seconds
 * @example
 * const sites = snapPoints(network, siteLon, siteLat);
 * sites.snapMetres[0]; // metres from site 0 to its road
 */
export function snapPoints(
  network: IndexedRoadNetwork,
  lon: ArrayLike<number>,
  lat: ArrayLike<number>,
  options: SnapOptions = {},
): SnappedPoints {
  const count = lon.length;
  const out: SnappedPoints = {
    count,
    nodeA: new Uint32Array(count),
    nodeB: new Uint32Array(count),
    secondsToA: new Float64Array(count).fill(Infinity),
    secondsToB: new Float64Array(count).fill(Infinity),
    snapMetres: new Float64Array(count).fill(Infinity),
    chain: new Uint32Array(count).fill(NO_CHAIN),
    alongSeconds: new Float64Array(count).fill(NaN),
    snapSeconds: new Float64Array(count).fill(Infinity),
    oneway: new Int8Array(count),
    roadLon: new Float64Array(count).fill(NaN),
    roadLat: new Float64Array(count).fill(NaN),
  };
  const { segments, chains, lonScale } = network;
  if (segments.count === 0) return out;
  const index = segmentIndex(network);
  const { lon0, lat0, lon1, lat1 } = segments;
  const accessMetresPerSecond = network.accessSpeedKmh / 3.6;
  const maxSnap = options.maxSnapMetres ?? Infinity;
  for (let p = 0; p < count; p++) {
    const px = lon[p];
    const py = lat[p];
    if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
    const cosLat = Math.cos(py * RAD);
    // Box distance in the index space (degrees, lon x lonScale) times `bound` is a lower bound in local metres.
    const bound = METRES_PER_DEGREE * Math.min(1, cosLat / lonScale);
    const qx = px * lonScale;
    let best = Infinity;
    let bestSeg = -1;
    let bestT = 0;
    const consider = (s: number): void => {
      // Local projection around the point, metres.
      const ax = (lon0[s] - px) * cosLat * METRES_PER_DEGREE;
      const ay = (lat0[s] - py) * METRES_PER_DEGREE;
      const bx = (lon1[s] - px) * cosLat * METRES_PER_DEGREE;
      const by = (lat1[s] - py) * METRES_PER_DEGREE;
      const ex = bx - ax;
      const ey = by - ay;
      const len2 = ex * ex + ey * ey;
      let t = len2 > 0 ? -(ax * ex + ay * ey) / len2 : 0;
      t = t < 0 ? 0 : t > 1 ? 1 : t;
      const fx = ax + t * ex;
      const fy = ay + t * ey;
      const d = Math.sqrt(fx * fx + fy * fy);
      if (d < best || (d === best && s < bestSeg)) {
        best = d;
        bestSeg = s;
        bestT = t;
      }
    };
    // The few nearest boxes give an upper bound; every segment nearer than it has its box within the bound.
    for (const s of index.neighbors(qx, py, NEAREST_BOXES)) consider(s);
    if (Number.isFinite(best)) {
      for (const s of index.neighbors(qx, py, Infinity, (best / bound) * (1 + 1e-9))) consider(s);
    }
    if (bestSeg < 0 || best > maxSnap) continue;
    const c = segments.chain[bestSeg];
    const along = segments.startSeconds[bestSeg] + bestT * segments.seconds[bestSeg];
    const snapSeconds = best / accessMetresPerSecond;
    out.chain[p] = c;
    out.nodeA[p] = chains.from[c];
    out.nodeB[p] = chains.to[c];
    out.alongSeconds[p] = along;
    out.snapSeconds[p] = snapSeconds;
    out.snapMetres[p] = best;
    out.secondsToA[p] = snapSeconds + along;
    out.secondsToB[p] = snapSeconds + Math.max(0, chains.seconds[c] - along);
    out.oneway[p] = chains.oneway[c];
    out.roadLon[p] = lon0[bestSeg] + bestT * (lon1[bestSeg] - lon0[bestSeg]);
    out.roadLat[p] = lat0[bestSeg] + bestT * (lat1[bestSeg] - lat0[bestSeg]);
  }
  return out;
}
