/**
 * Generators of benchmark instances in the style of three published families, so the solvers are measured on
 * instances they were never tuned on (benchmark and test code only; nothing here is committed as data):
 *
 * - `pmedGraph`: OR-Library p-median style (J.E. Beasley, "A note on solving large p-median problems", EJOR 21
 *   (1985) 270-273; OR-Library, JORS 41 (1990) 1069-1072): a random spanning tree for connectivity, then random
 *   extra edges up to m = n^2 / 50 edges (the pmed ratio, e.g. n = 900, m = 16,200), integer edge lengths uniform
 *   in [1, 100], all-pairs shortest paths. Every vertex is a demand of weight 1 and a candidate.
 * - `sjcPoints`: Sao Jose dos Campos style (Lorena & Pereira 2002: SJC324 .. SJC818, points of one city in UTM
 *   metres, heavy-tailed integer demands): clustered points over a 5 x 4 km area (assumption: of the order of the
 *   published set-cover sizes, e.g. 7 sites at 1,200 m for SJC818), demand 1 + floor(e^(5u)) with u uniform (assumption mimicking SJC324's 1..654 range).
 * - `cityPoints`: real-city style (the 2,700-7,700-node instances of Maximo, Cordeau & Nascimento 2023): clustered
 *   weighted nodes over a 30 x 30 km area (assumption), demand as above.
 *
 * All deterministic for a seed (mulberry32 of src/core/random.ts).
 */
import { createRandom } from '../../src/core/random';
import { floydWarshall } from '../../src/core/distance/shortest-paths';
import { coverageFromMatrix } from '../../src/core/reach/matrix';
import { coverageByPlanarRadius } from '../../src/core/reach/planar';
import type { CoverageProblem } from '../../src/core/solve/max-coverage/state';
import { SITE_STATUS, type CoverageSets, type DistanceMatrix } from '../../src/core/types';
import type { OrLibInstance } from './orlib';

/**
 * A Beasley-style p-median graph: spanning tree plus random edges (m = n^2 / 50), lengths uniform in 1..100,
 * shortest-path matrix (a repeated pair keeps the last length drawn, as OR-Library's reader does).
 * @param n vertices
 * @param p medians
 * @param seed generator seed
 */
export function pmedGraph(n: number, p: number, seed: number): OrLibInstance {
  const rand = createRandom(seed);
  const values = new Float64Array(n * n).fill(Infinity);
  for (let i = 0; i < n; i++) values[i * n + i] = 0;
  const set = (i: number, j: number): void => {
    const cost = 1 + Math.floor(rand() * 100);
    values[i * n + j] = cost;
    values[j * n + i] = cost;
  };
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const k = Math.floor(rand() * (i + 1));
    [order[i], order[k]] = [order[k], order[i]];
  }
  for (let k = 1; k < n; k++) set(order[k], order[Math.floor(rand() * k)]);
  const m = Math.round((n * n) / 50);
  for (let e = n - 1; e < m; e++) {
    const i = Math.floor(rand() * n);
    let j = Math.floor(rand() * (n - 1));
    if (j >= i) j++;
    set(i, j);
  }
  const matrix = floydWarshall({ rows: n, cols: n, values });
  const empty = new Float64Array(0);
  return {
    name: `G${n}-s${seed}`,
    n,
    p,
    matrix,
    demand: { count: n, lon: empty, lat: empty, weight: new Float64Array(n).fill(1) },
    candidates: { count: n, lon: empty, lat: empty, status: new Uint8Array(n).fill(SITE_STATUS.proposed) },
  };
}

/** Planar weighted points (x, y in metres). */
export interface WeightedPoints {
  count: number;
  x: Float64Array;
  y: Float64Array;
  weight: Float64Array;
}

/**
 * Clustered points: cluster centres uniform in the box, each point near a random centre (normal offsets of the
 * cluster's spread) or, for a share `background`, uniform in the box; integer demand 1 + floor(e^(5u)).
 * @param count points
 * @param width box width, metres
 * @param height box height, metres
 * @param clusters number of clusters
 * @param spread standard deviation of a cluster, metres
 * @param seed generator seed
 */
export function clusteredPoints(
  count: number,
  width: number,
  height: number,
  clusters: number,
  spread: number,
  seed: number,
): WeightedPoints {
  const rand = createRandom(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const cx = Array.from({ length: clusters }, () => rand() * width);
  const cy = Array.from({ length: clusters }, () => rand() * height);
  const cs = Array.from({ length: clusters }, () => spread * (0.5 + rand()));
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  const weight = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    if (rand() < 0.2) {
      x[i] = rand() * width;
      y[i] = rand() * height;
    } else {
      const c = Math.floor(rand() * clusters);
      x[i] = Math.min(width, Math.max(0, cx[c] + cs[c] * normal()));
      y[i] = Math.min(height, Math.max(0, cy[c] + cs[c] * normal()));
    }
    weight[i] = 1 + Math.floor(Math.exp(5 * rand()));
  }
  return { count, x, y, weight };
}

/** SJC-style points: `count` (400-818) clustered points over 5 x 4 km. */
export function sjcPoints(count: number, seed: number): WeightedPoints {
  return clusteredPoints(count, 5_000, 4_000, 10, 400, seed);
}

/** City-style nodes: `count` (2,700-7,700) clustered points over 30 x 30 km. */
export function cityPoints(count: number, seed: number): WeightedPoints {
  return clusteredPoints(count, 30_000, 30_000, 40, 1_500, seed);
}

/** Coverage problem of points at a radius, every point a demand and a candidate. */
export function pointsProblem(points: WeightedPoints, radius: number): CoverageProblem {
  return { coverage: coverageByPlanarRadius(points, points, radius), weight: points.weight };
}

/** Coverage problem of a graph at a radius (shortest-path length <= radius), weight 1 per vertex. */
export function graphProblem(matrix: DistanceMatrix, radius: number): CoverageProblem {
  return { coverage: coverageFromMatrix(matrix, radius), weight: new Float64Array(matrix.rows).fill(1) };
}

/** Covered weight of a selection, recomputed from the coverage sets (independent of any solver state). */
export function coveredWeight(coverage: CoverageSets, weight: Float64Array, selected: ArrayLike<number>): number {
  const hit = new Uint8Array(coverage.demandCount);
  for (let k = 0; k < selected.length; k++) {
    const j = selected[k];
    for (let q = coverage.siteOffsets[j]; q < coverage.siteOffsets[j + 1]; q++) hit[coverage.siteDemands[q]] = 1;
  }
  let total = 0;
  for (let i = 0; i < hit.length; i++) if (hit[i]) total += weight[i];
  return total;
}

/** p-median objective of a selection recomputed from the matrix (sum of weight x nearest selected distance). */
export function pMedianCost(matrix: DistanceMatrix, weight: Float64Array, selected: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < matrix.rows; i++) {
    let best = Infinity;
    for (let k = 0; k < selected.length; k++) best = Math.min(best, matrix.values[i * matrix.cols + selected[k]]);
    total += weight[i] * best;
  }
  return total;
}
