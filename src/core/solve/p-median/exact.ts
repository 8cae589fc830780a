/**
 * Exact p-median by the radius formulation of S. Elloumi ("A tighter formulation of the p-median problem",
 * J. Comb. Optim. 19 (2010) 69-83), solved with HiGHS.
 *
 * For demand point i, let D_i^1 < D_i^2 < ... < D_i^K be the distinct distances to the allowed candidates and
 * z_i^k = 1 when no open site lies within D_i^k. The serving distance is D_i^1 + sum_k (D_i^{k+1} - D_i^k) z_i^k:
 *   min  sum_i w_i (D_i^1 + sum_{k<K} (D_i^{k+1} - D_i^k) z_i^k)
 *   s.t. z_i^k >= 1 - sum_{j: d_ij <= D_i^k} y_j,   sum_j y_j = p,   y binary, z >= 0.
 * The covering rows are written incrementally, z_i^k - z_i^{k-1} + sum_{j: d_ij = D_i^k} y_j >= 0 (z_i^0 = 1),
 * which has the same LP relaxation with O(n m) nonzeros instead of O(n m^2). Each list is cut where an open site
 * is certain: at the first existing/locked site, or after allowedCount - p + 1 allowed sites (at most
 * allowedCount - p stay closed); the last row then forces an open site within D_i^K.
 */
import { LpBuilder } from '../lp-text';
import { solveMip, type MipResult } from '../mip';
import type { DistanceSource } from '../../distance/distance-source';
import type { SiteRoles } from './sites';

/** Options of the exact p-median solve. */
export interface PMedianExactOptions {
  timeLimitSec?: number;
  /** Open sites of a known solution (e.g. the heuristic's), given to HiGHS as the starting incumbent. */
  start?: ArrayLike<number>;
  /** Objectives are integers: stop when the gap is below 1 (proves optimality). */
  integral?: boolean;
  mipRelGap?: number;
  shouldStop?: () => boolean;
  onProgress?: (progress: { objective: number; bound: number; gap: number; seconds: number }) => void;
}

/** Result of the exact solve: open sites (when a solution was found) plus the MIP outcome, constant included. */
export interface PMedianExactResult {
  open: Uint8Array | undefined;
  mip: MipResult;
  /** Rows of the model (for reports). */
  rows: number;
}

/**
 * Builds the radius-formulation LP text (objective without the constant sum_i w_i D_i^1, returned separately).
 * Needs complete nearest lists.
 */
export function pMedianRadiusModel(
  source: DistanceSource,
  roles: SiteRoles,
  servable: Uint8Array,
  p: number,
): { lpText: string; constant: number; rows: number } {
  const { lists } = source;
  if (!lists.complete) throw new Error('The exact p-median needs every distance: complete nearest lists.');
  const lp = new LpBuilder('minimize', { checkNames: false });
  const keepAllowed = roles.allowedCount - p + 1;
  let constant = 0;
  const group: string[] = [];
  for (let i = 0; i < source.demandCount; i++) {
    const w = source.weight[i];
    if (!servable[i] || w === 0) continue;
    // Cut the list: last distance at which an open site is certain.
    let cut = Infinity;
    let seen = 0;
    for (let t = lists.offsets[i]; t < lists.offsets[i + 1]; t++) {
      const j = lists.sites[t];
      if (!roles.allowed[j]) continue;
      seen++;
      if (roles.fixed[j] || seen >= keepAllowed) {
        cut = lists.distances[t];
        break;
      }
    }
    let k = 0;
    let prevDistance = NaN;
    group.length = 0;
    const flush = (next: number): void => {
      // Row for distance level k (1-based) with sites `group`; next = D^{k+1} or NaN for the last level.
      const z = `z${i}_${k}`;
      const prev = `z${i}_${k - 1}`;
      const names = [...group];
      const coefs: number[] = names.map(() => 1);
      const last = Number.isNaN(next);
      if (!last) {
        names.push(z);
        coefs.push(1);
        lp.objective([z], w * (next - prevDistance));
      }
      if (k > 1) {
        names.push(prev);
        coefs.push(-1);
      }
      lp.constraint(`c${i}_${k}`, names, coefs, '>=', k === 1 ? 1 : 0);
    };
    for (let t = lists.offsets[i]; t < lists.offsets[i + 1]; t++) {
      const j = lists.sites[t];
      const d = lists.distances[t];
      if (d > cut) break;
      if (!roles.allowed[j]) continue;
      if (d !== prevDistance) {
        if (k > 0) flush(d);
        else constant += w * d;
        k++;
        prevDistance = d;
        group.length = 0;
      }
      group.push(`y${j}`);
    }
    if (k > 0) flush(NaN);
  }
  const ys: string[] = [];
  for (let j = 0; j < source.siteCount; j++) {
    if (!roles.allowed[j]) continue;
    ys.push(`y${j}`);
    if (roles.fixed[j]) lp.bound(`y${j}`, 1, 1);
  }
  lp.constraint('open_p', ys, 1, '=', p);
  lp.binaries(ys);
  return { lpText: lp.toString(), constant, rows: lp.rows };
}

/**
 * Solves the p-median exactly (or to the time limit) with HiGHS on the radius formulation.
 * @returns open sites of the best solution found, and the MIP result with the constant added back
 */
export async function pMedianExact(
  source: DistanceSource,
  roles: SiteRoles,
  servable: Uint8Array,
  p: number,
  options: PMedianExactOptions,
): Promise<PMedianExactResult> {
  const { lpText, constant, rows } = pMedianRadiusModel(source, roles, servable, p);
  const start = new Map<string, number>();
  if (options.start) {
    const open = new Uint8Array(source.siteCount);
    for (let k = 0; k < options.start.length; k++) open[options.start[k]] = 1;
    for (let j = 0; j < source.siteCount; j++) if (roles.allowed[j]) start.set(`y${j}`, open[j]);
  }
  const mip = await solveMip(lpText, {
    timeLimitSec: options.timeLimitSec,
    start,
    mipRelGap: options.mipRelGap ?? (options.integral ? 0 : 1e-6),
    mipAbsGap: options.integral ? 0.999 : undefined,
    shouldStop: options.shouldStop,
    onProgress: options.onProgress
      ? (q) => options.onProgress?.({ ...q, objective: q.objective + constant, bound: q.bound + constant })
      : undefined,
  });
  const result: MipResult = { ...mip, objective: mip.objective + constant, bound: mip.bound + constant };
  if (mip.values.size === 0) return { open: undefined, mip: result, rows };
  const open = new Uint8Array(source.siteCount);
  for (let j = 0; j < source.siteCount; j++) if ((mip.values.get(`y${j}`) ?? 0) > 0.5) open[j] = 1;
  return { open, mip: result, rows };
}
