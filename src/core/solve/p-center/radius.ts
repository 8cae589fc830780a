/**
 * Feasibility tests for "can p sites put every demand point within radius r of an open site", the decision
 * version of the vertex p-center (O. Kariv & S.L. Hakimi, "An algorithmic approach to network location
 * problems. I: The p-centers", SIAM J. Appl. Math. 37 (1979) 513; the radius search of Minieka 1970):
 * - `greedyCoverAtRadius`: a cover by greedy set cover (Chvátal 1979); p or fewer sites proves feasibility.
 * - `packingAtRadius`: demand points no two of which any single allowed site reaches within r; more such
 *   points than free sites proves infeasibility (each needs its own site), a cheap lower-bound certificate.
 * Both work on sorted nearest lists; with truncated lists a point whose list ends before r is not used by the
 * packing (its sites within r are not all known) and the cover only uses listed sites (still a valid cover).
 */
import type { DistanceSource } from '../../distance/distance-source';
import type { SiteRoles } from '../p-median/sites';
import type { SwapSearch } from '../p-median/swap';

/** Demand points that need cover (positive weight and reachable) and the sites' inverse lists. */
export interface RadiusContext {
  source: DistanceSource;
  roles: SiteRoles;
  /** Demand weights in the search (0 = ignored); SwapSearch.w. */
  w: Float64Array;
  invOffsets: Uint32Array;
  invUsers: Uint32Array;
  invDist: Float64Array;
  lastDist: Float64Array;
}

/** The radius context of a SwapSearch (shares its inverse lists). */
export function radiusContext(search: SwapSearch, source: DistanceSource, roles: SiteRoles): RadiusContext {
  const { w, invOffsets, invUsers, invDist, lastDist } = search;
  return { source, roles, w, invOffsets, invUsers, invDist, lastDist };
}

/** Points already within r of a fixed site (1) or not (0). */
function coveredByFixed(ctx: RadiusContext, radius: number): Uint8Array {
  const { lists } = ctx.source;
  const covered = new Uint8Array(ctx.source.demandCount);
  for (let u = 0; u < covered.length; u++) {
    for (let t = lists.offsets[u]; t < lists.offsets[u + 1] && lists.distances[t] <= radius; t++) {
      if (ctx.roles.fixed[lists.sites[t]]) {
        covered[u] = 1;
        break;
      }
    }
  }
  return covered;
}

/**
 * Greedy set cover at radius r: from the fixed sites, repeatedly open the allowed site within r of the most
 * uncovered points (ties: lowest index) until all are covered or `maxSites` are open.
 * @returns the open sites (fixed included) when every point is covered within `maxSites`, else undefined
 */
export function greedyCoverAtRadius(ctx: RadiusContext, radius: number, maxSites: number): Uint8Array | undefined {
  const { source, roles, w, invOffsets, invUsers, invDist } = ctx;
  const { lists } = source;
  const m = source.siteCount;
  const covered = coveredByFixed(ctx, radius);
  const open = roles.fixed.slice();
  let openCount = roles.fixedCount;
  const count = new Int32Array(m);
  let uncovered = 0;
  for (let u = 0; u < source.demandCount; u++) {
    if (w[u] === 0 || covered[u]) continue;
    uncovered++;
    for (let t = lists.offsets[u]; t < lists.offsets[u + 1] && lists.distances[t] <= radius; t++) {
      if (roles.allowed[lists.sites[t]]) count[lists.sites[t]]++;
    }
  }
  while (uncovered > 0 && openCount < maxSites) {
    let best = -1;
    for (let j = 0; j < m; j++) if (!open[j] && count[j] > 0 && (best < 0 || count[j] > count[best])) best = j;
    if (best < 0) return undefined;
    open[best] = 1;
    openCount++;
    for (let k = invOffsets[best]; k < invOffsets[best + 1] && invDist[k] <= radius; k++) {
      const u = invUsers[k];
      if (covered[u] || w[u] === 0) continue;
      covered[u] = 1;
      uncovered--;
      for (let t = lists.offsets[u]; t < lists.offsets[u + 1] && lists.distances[t] <= radius; t++) {
        if (roles.allowed[lists.sites[t]]) count[lists.sites[t]]--;
      }
    }
  }
  return uncovered === 0 ? open : undefined;
}

/**
 * Greedy packing at radius r: demand points (fewest sites within r first) such that no allowed site is within r
 * of two of them, and none is within r of a fixed site. Each needs a distinct free site.
 * @returns the packing size (Infinity when some point has no allowed site within r)
 */
export function packingAtRadius(ctx: RadiusContext, radius: number): number {
  const { source, roles, w, invOffsets, invUsers, invDist, lastDist } = ctx;
  const { lists } = source;
  const n = source.demandCount;
  const covered = coveredByFixed(ctx, radius);
  const options = new Int32Array(n);
  const eligible: number[] = [];
  for (let u = 0; u < n; u++) {
    if (w[u] === 0 || covered[u] || !(lists.complete || lastDist[u] > radius)) continue;
    for (let t = lists.offsets[u]; t < lists.offsets[u + 1] && lists.distances[t] <= radius; t++) {
      if (roles.allowed[lists.sites[t]]) options[u]++;
    }
    if (options[u] === 0) return Infinity;
    eligible.push(u);
  }
  eligible.sort((a, b) => options[a] - options[b] || a - b);
  const blocked = new Uint8Array(n);
  let size = 0;
  for (const u of eligible) {
    if (blocked[u]) continue;
    size++;
    for (let t = lists.offsets[u]; t < lists.offsets[u + 1] && lists.distances[t] <= radius; t++) {
      const j = lists.sites[t];
      if (!roles.allowed[j]) continue;
      for (let k = invOffsets[j]; k < invOffsets[j + 1] && invDist[k] <= radius; k++) blocked[invUsers[k]] = 1;
    }
  }
  return size;
}

/** Sorted distinct listed distances up to `max` (the candidate radii: the optimum is one of them). */
export function distinctRadii(source: DistanceSource, max: number): Float64Array {
  const d = source.lists.distances.filter((x) => x <= max);
  d.sort();
  let k = 0;
  for (let t = 0; t < d.length; t++) if (t === 0 || d[t] !== d[k - 1]) d[k++] = d[t];
  return d.slice(0, k);
}

/**
 * Lower bound on the optimal radius from packings: a binary search over the candidate radii up to `upper`
 * for the largest radius r at which a packing larger than the free sites exists, so the optimum is > r; the bound
 * is the next candidate radius (complete lists) or r itself (truncated lists, where radii may be unlisted).
 */
export function packingLowerBound(ctx: RadiusContext, radii: Float64Array, p: number): number {
  const free = p - ctx.roles.fixedCount;
  let lo = 0;
  let hi = radii.length - 1;
  let proven = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (packingAtRadius(ctx, radii[mid]) > free) {
      proven = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (proven < 0) return radii.length > 0 ? (ctx.source.lists.complete ? radii[0] : 0) : 0;
  if (!ctx.source.lists.complete) return radii[proven];
  return proven + 1 < radii.length ? radii[proven + 1] : radii[proven];
}
