/**
 * Per demand point, its nearest candidate sites sorted by distance, in CSR form: the sparse stand-in for a dense
 * demand x candidate matrix when that would be too big (20,000 villages x 20,000 sites = 3.2 GB of doubles).
 */
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { haversineKm } from './haversine';
import type { Candidates, Demand, DistanceMatrix } from '../types';

/**
 * Demand i's nearest candidates are `sites[offsets[i] .. offsets[i+1])` at `distances[...]`, ascending
 * (ties by candidate index). Only finite distances are stored.
 */
export interface NearestLists {
  demandCount: number;
  siteCount: number;
  offsets: Uint32Array;
  sites: Uint32Array;
  distances: Float64Array;
  /**
   * True when every list holds all candidates at finite distance, so a candidate missing from a list is
   * unreachable. When false, a missing candidate is at least as far as the last distance of the list.
   */
  complete: boolean;
}

/**
 * Sorted nearest-candidate lists from a dense matrix (rows = demand, cols = candidates; Infinity = unreachable).
 *
 * @param matrix the distances, any unit
 * @param k keep at most k nearest per demand point (default: all finite entries, giving `complete` lists)
 * @example
 * const lists = nearestListsFromMatrix({ rows: 1, cols: 3, values: Float64Array.of(5, 1, Infinity) });
 * lists.sites; // Uint32Array [1, 0]
 */
export function nearestListsFromMatrix(matrix: DistanceMatrix, k = Infinity): NearestLists {
  const { rows, cols, values } = matrix;
  if (values.length !== rows * cols) {
    throw new Error(`Distance matrix has ${values.length} values, expected ${rows} x ${cols} = ${rows * cols}.`);
  }
  const keep = Math.min(cols, Math.max(1, Math.floor(k)));
  const offsets = new Uint32Array(rows + 1);
  const sitesTmp: Uint32Array[] = [];
  const order = new Uint32Array(cols);
  let total = 0;
  let complete = true;
  for (let i = 0; i < rows; i++) {
    const row = values.subarray(i * cols, (i + 1) * cols);
    let finite = 0;
    for (let j = 0; j < cols; j++) {
      const d = row[j];
      if (Number.isNaN(d) || d < 0) throw new Error(`Distance [${i}, ${j}] is ${d}, expected >= 0 or Infinity.`);
      if (d !== Infinity) order[finite++] = j;
    }
    const part = order.subarray(0, finite);
    part.sort((a, b) => row[a] - row[b] || a - b);
    const n = Math.min(finite, keep);
    if (n < finite) complete = false;
    sitesTmp.push(part.slice(0, n));
    total += n;
    offsets[i + 1] = total;
  }
  const sites = new Uint32Array(total);
  const distances = new Float64Array(total);
  for (let i = 0; i < rows; i++) {
    sites.set(sitesTmp[i], offsets[i]);
    for (let t = offsets[i]; t < offsets[i + 1]; t++) distances[t] = values[i * cols + sites[t]];
  }
  return { demandCount: rows, siteCount: cols, offsets, sites, distances, complete };
}

/** A kdbush index of the candidates' [lon, lat], for geokdbush nearest-neighbour queries. */
export function indexCandidates(candidates: Candidates): KDBush {
  const index = new KDBush(Math.max(1, candidates.count));
  for (let j = 0; j < candidates.count; j++) index.add(candidates.lon[j], candidates.lat[j]);
  if (candidates.count === 0) index.add(0, 0);
  index.finish();
  return index;
}

/**
 * Sorted lists of each demand point's k nearest candidates by great-circle distance in km (haversine), found
 * with a kd-tree (kdbush, V. Agafonkin) and geokdbush's best-first search (V. Agafonkin, after Hjaltason &
 * Samet, "Distance browsing in spatial databases", ACM TODS 24 (1999) 265).
 *
 * @param demand demand points with lon/lat
 * @param candidates candidate sites with lon/lat
 * @param k neighbours per demand point (e.g. 50); lists are `complete` when k >= candidates.count
 * @param index a prebuilt `indexCandidates(candidates)` to reuse (optional)
 * @example
 * const lists = nearestListsFromPoints(villages, sites, 30);
 */
export function nearestListsFromPoints(
  demand: Demand,
  candidates: Candidates,
  k: number,
  index: KDBush = indexCandidates(candidates),
): NearestLists {
  if (demand.lon.length < demand.count || candidates.lon.length < candidates.count) {
    throw new Error('Nearest lists from points need lon/lat for every demand point and candidate.');
  }
  const keep = Math.min(candidates.count, Math.max(1, Math.floor(k)));
  const offsets = new Uint32Array(demand.count + 1);
  const sites = new Uint32Array(demand.count * keep);
  const distances = new Float64Array(demand.count * keep);
  let t = 0;
  for (let i = 0; i < demand.count; i++) {
    const lon = demand.lon[i];
    const lat = demand.lat[i];
    const found = candidates.count === 0 ? [] : around(index, lon, lat, keep);
    const start = t;
    for (const j of found) {
      sites[t] = j;
      distances[t] = haversineKm(lon, lat, candidates.lon[j], candidates.lat[j]);
      t++;
    }
    sortSegment(sites, distances, start, t);
    offsets[i + 1] = t;
  }
  return {
    demandCount: demand.count,
    siteCount: candidates.count,
    offsets,
    sites: sites.subarray(0, t),
    distances: distances.subarray(0, t),
    complete: keep >= candidates.count,
  };
}

/**
 * Insertion sort of one short list segment by (distance, index): geokdbush's order uses a 6371 km sphere, ours
 * 6371.0088 km, and exact ties need the candidate index order for determinism.
 */
function sortSegment(sites: Uint32Array, distances: Float64Array, start: number, end: number): void {
  for (let a = start + 1; a < end; a++) {
    const s = sites[a];
    const d = distances[a];
    let b = a - 1;
    while (b >= start && (distances[b] > d || (distances[b] === d && sites[b] > s))) {
      sites[b + 1] = sites[b];
      distances[b + 1] = distances[b];
      b--;
    }
    sites[b + 1] = s;
    distances[b + 1] = d;
  }
}

/** The transpose of nearest lists: for each site j, the demand points having j in their list. */
export interface InverseLists {
  /** Site j's entries are `demand[offsets[j] .. offsets[j+1])` at `distances[...]`, sorted by (distance, demand). */
  offsets: Uint32Array;
  demand: Uint32Array;
  distances: Float64Array;
}

/**
 * Inverts nearest lists (counting sort by site), each site's entries sorted by distance so that a scan of
 * "demand points within r of site j" stops at the first farther one.
 */
export function inverseLists(lists: NearestLists): InverseLists {
  const m = lists.siteCount;
  const offsets = new Uint32Array(m + 1);
  for (let t = 0; t < lists.sites.length; t++) offsets[lists.sites[t] + 1]++;
  for (let j = 0; j < m; j++) offsets[j + 1] += offsets[j];
  const fill = offsets.slice(0, m);
  const demand = new Uint32Array(lists.sites.length);
  const distances = new Float64Array(lists.sites.length);
  for (let i = 0; i < lists.demandCount; i++) {
    for (let t = lists.offsets[i]; t < lists.offsets[i + 1]; t++) {
      const k = fill[lists.sites[t]]++;
      demand[k] = i;
      distances[k] = lists.distances[t];
    }
  }
  const order: number[] = [];
  for (let j = 0; j < m; j++) {
    order.length = 0;
    for (let k = offsets[j]; k < offsets[j + 1]; k++) order.push(k);
    order.sort((x, y) => distances[x] - distances[y] || demand[x] - demand[y]);
    const d = order.map((k) => demand[k]);
    const r = order.map((k) => distances[k]);
    demand.set(d, offsets[j]);
    distances.set(r, offsets[j]);
  }
  return { offsets, demand, distances };
}

/**
 * Distance of the last entry of each demand point's list: every unlisted candidate is at least that far.
 * Infinity for complete lists (an unlisted candidate is unreachable), 0 for an empty truncated list.
 */
export function lastListDistances(lists: NearestLists): Float64Array {
  const last = new Float64Array(lists.demandCount);
  for (let i = 0; i < lists.demandCount; i++) {
    const end = lists.offsets[i + 1];
    last[i] = lists.complete ? Infinity : end > lists.offsets[i] ? lists.distances[end - 1] : 0;
  }
  return last;
}
