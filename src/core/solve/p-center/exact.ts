/**
 * Exact vertex p-center by search over the sorted candidate radii (E. Minieka, "The m-center problem",
 * SIAM Rev. 12 (1970) 138; as in M.S. Daskin, "Network and Discrete Location", 2nd ed. 2013, ch. 5): the optimum
 * is one of the distinct demand-site distances, and "p sites cover every point within r" is monotone in r, so a
 * binary search between a proven lower bound and the heuristic's radius finds it. Each test tries, in order,
 * a greedy cover (feasible), a packing certificate (infeasible), and HiGHS on the set-cover feasibility model
 *   sum_{j: d_ij <= r} y_j >= 1 for every demand point i,  sum_j y_j <= p,  y binary (fixed sites at 1).
 */
import { LpBuilder } from '../lp-text';
import { solveMip } from '../mip';
import { greedyCoverAtRadius, packingAtRadius, type RadiusContext } from './radius';

/** Outcome of the exact radius search. */
export interface PCenterExactResult {
  /** Open sites at the best radius proven feasible. */
  open: Uint8Array;
  radius: number;
  /** Largest radius proven to be a lower bound. */
  bound: number;
  optimal: boolean;
  /** Feasibility tests decided by HiGHS. */
  mipCalls: number;
}

/** MIP feasibility of radius r: open sites when feasible, null when proven infeasible, undefined when undecided. */
async function mipAtRadius(
  ctx: RadiusContext,
  radius: number,
  p: number,
  timeLimitSec: number,
  shouldStop?: () => boolean,
): Promise<Uint8Array | null | undefined> {
  const { source, roles, w } = ctx;
  const { lists } = source;
  const lp = new LpBuilder('minimize', { checkNames: false });
  const row: string[] = [];
  for (let u = 0; u < source.demandCount; u++) {
    if (w[u] === 0) continue;
    row.length = 0;
    for (let t = lists.offsets[u]; t < lists.offsets[u + 1] && lists.distances[t] <= radius; t++) {
      if (roles.allowed[lists.sites[t]]) row.push(`y${lists.sites[t]}`);
    }
    if (row.length === 0) return null;
    lp.constraint(`c${u}`, row, 1, '>=', 1);
  }
  const ys: string[] = [];
  for (let j = 0; j < source.siteCount; j++) {
    if (!roles.allowed[j]) continue;
    ys.push(`y${j}`);
    if (roles.fixed[j]) lp.bound(`y${j}`, 1, 1);
  }
  lp.constraint('open_p', ys, 1, '<=', p);
  lp.binaries(ys);
  const mip = await solveMip(lp.toString(), { timeLimitSec, shouldStop });
  if (mip.status === 'infeasible') return null;
  if (mip.values.size === 0) return undefined;
  const open = new Uint8Array(source.siteCount);
  for (let j = 0; j < source.siteCount; j++) if ((mip.values.get(`y${j}`) ?? 0) > 0.5) open[j] = 1;
  return open;
}

/**
 * Binary search over `radii` (sorted distinct candidate radii; complete lists) from `lowerBound` to the radius
 * of the known solution `upperOpen`.
 */
export async function pCenterExact(
  ctx: RadiusContext,
  radii: Float64Array,
  p: number,
  upperOpen: Uint8Array,
  upperRadius: number,
  lowerBound: number,
  deadlineSec: number,
  shouldStop?: () => boolean,
): Promise<PCenterExactResult> {
  if (!ctx.source.lists.complete) throw new Error('The exact p-center needs every distance: complete nearest lists.');
  const free = p - ctx.roles.fixedCount;
  let lo = 0;
  while (lo < radii.length && radii[lo] < lowerBound) lo++;
  let hi = radii.length - 1;
  while (hi >= 0 && radii[hi] > upperRadius) hi--;
  // No candidate radius below the known one (e.g. no demand point counts): it is optimal.
  if (hi < 0 || upperRadius <= lowerBound) {
    return { open: upperOpen, radius: upperRadius, bound: upperRadius, optimal: true, mipCalls: 0 };
  }
  let best = upperOpen;
  let bestRadius = upperRadius;
  let decided = true;
  let mipCalls = 0;
  // Invariant: every radius below radii[lo] is infeasible; radii[hi] is feasible (the known solution).
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const r = radii[mid];
    let feasible: Uint8Array | null | undefined = greedyCoverAtRadius(ctx, r, p);
    if (!feasible && packingAtRadius(ctx, r) > free) feasible = null;
    if (feasible === undefined) {
      const left = deadlineSec - performance.now() / 1000;
      if (left <= 0 || shouldStop?.()) {
        decided = false;
        break;
      }
      mipCalls++;
      feasible = await mipAtRadius(ctx, r, p, left, shouldStop);
      if (feasible === undefined) {
        decided = false;
        break;
      }
    }
    if (feasible) {
      best = feasible;
      bestRadius = r;
      hi = mid;
    } else lo = mid + 1;
  }
  const bound = Math.max(lowerBound, radii[lo] ?? lowerBound);
  return { open: best, radius: bestRadius, bound, optimal: decided && lo === hi, mipCalls };
}
