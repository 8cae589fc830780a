/**
 * Vertex substitution for the p-median problem (M.B. Teitz & P. Bart, "Heuristic methods for estimating the
 * generalized vertex median of a weighted graph", Oper. Res. 16 (1968) 955) with the fast-swap bookkeeping of
 * R.A. Whitaker ("A fast algorithm for the greedy interchange for large-scale clustering and median location
 * problems", INFOR 21 (1983) 95) as refined by M.G.C. Resende & R.F. Werneck ("A fast swap-based local search
 * procedure for location problems", Ann. Oper. Res. 150 (2007) 205; tech. report 2003).
 *
 * For each demand point u we keep its nearest open site phi1(u) at d1(u) and its second nearest phi2(u) at
 * d2(u). Then, with weights w:
 *   gain(f) = sum_u w(u) max(0, d1(u) - d(u, f))            saving of opening f
 *   loss(r) = sum_{u: phi1(u) = r} w(u) (d2(u) - d1(u))      cost of closing r
 *   extra(r, f) = sum_{u: phi1(u) = r, d(u,f) < d2(u)} w(u) (d2(u) - max(d(u, f), d1(u)))
 *   profit(r, f) = gain(f) - loss(r) + extra(r, f)           exact change of swapping r out and f in.
 * gain and loss are updated incrementally: after a move only the "affected" points (whose phi1 or phi2 changes)
 * have their contributions undone and redone. The extra matrix is sparse; it is built one row r at a time from
 * the points served by r (a scratch row plus the list of touched f), so memory stays O(candidates).
 *
 * With truncated nearest lists (large coordinate instances), terms for candidates beyond a point's list are
 * missing, so profits are underestimated: every move taken still improves the exact objective (checked after
 * each move), some improving moves may be missed.
 */
import type { DistanceSource } from '../../distance/distance-source';
import { inverseLists, lastListDistances } from '../../distance/nearest-lists';
import type { SiteRoles } from './sites';
import { bestSwap, greedyFill, swapLocalSearch } from './moves';

/** Limits of a local search. */
export interface SearchLimits {
  /** performance.now() / 1000 after which the search stops. */
  deadlineSec: number;
  shouldStop?: () => boolean;
  maxMoves?: number;
}

/** A swap move and its (estimated) profit: the decrease of the objective. */
export interface SwapMove {
  profit: number;
  /** Site to close (-1: none). */
  out: number;
  /** Site to open. */
  in: number;
}

/** Incremental nearest/second-nearest state of a p-median solution, with greedy construction and swap search. */
export class SwapSearch {
  readonly open: Uint8Array;
  openCount = 0;
  /** The open sites, in order of opening (for scans while few are open). */
  private readonly openList: number[] = [];
  /** Up to this many open sites, truncated-list fallbacks scan them instead of querying the kd-tree. */
  private readonly scanLimit: number;
  readonly phi1: Int32Array;
  readonly phi2: Int32Array;
  readonly d1: Float64Array;
  readonly d2: Float64Array;
  readonly gain: Float64Array;
  readonly loss: Float64Array;
  /** Distance charged to a servable point that no open site reaches; larger than any real distance. */
  readonly penalty: number;
  readonly n: number;
  readonly m: number;
  /** Weight of each demand point in the search (0 for points no allowed site reaches). */
  readonly w: Float64Array;
  /** Sites' inverse lists: users having site j in their list, with the distance, sorted by distance. */
  readonly invOffsets: Uint32Array;
  readonly invUsers: Uint32Array;
  readonly invDist: Float64Array;
  /** Last distance of each demand point's list (Infinity for complete lists): farther sites are unlisted. */
  readonly lastDist: Float64Array;
  /** Scratch marks (size max(n, m)), all zero between calls. */
  readonly mark: Uint8Array;
  private readonly affected: Uint32Array;
  /** Scratch row of the extra matrix (size m), all zero between calls. */
  readonly extra: Float64Array;

  /**
   * @param source distances and weights
   * @param roles fixed (always open) and allowed sites
   * @param servable 1 for demand points some allowed site reaches (others are ignored)
   */
  constructor(
    readonly source: DistanceSource,
    readonly roles: SiteRoles,
    private readonly servable: Uint8Array,
  ) {
    const { lists } = source;
    this.n = source.demandCount;
    this.m = source.siteCount;
    const n = this.n;
    const m = this.m;
    this.w = new Float64Array(n);
    for (let u = 0; u < n; u++) this.w[u] = servable[u] ? source.weight[u] : 0;
    this.open = new Uint8Array(m);
    this.phi1 = new Int32Array(n);
    this.phi2 = new Int32Array(n);
    this.d1 = new Float64Array(n);
    this.d2 = new Float64Array(n);
    this.gain = new Float64Array(m);
    this.loss = new Float64Array(m);
    this.mark = new Uint8Array(Math.max(n, m));
    this.affected = new Uint32Array(n);
    this.extra = new Float64Array(m);
    this.scanLimit = Math.max(32, Math.sqrt(m));
    this.lastDist = lastListDistances(lists);
    let maxDist = 0;
    for (let t = 0; t < lists.distances.length; t++) maxDist = Math.max(maxDist, lists.distances[t]);
    this.penalty = lists.complete ? (maxDist + 1) * (n + 1) : 2 * maxDist + 1;
    const inverse = inverseLists(lists);
    this.invOffsets = inverse.offsets;
    this.invUsers = inverse.demand;
    this.invDist = inverse.distances;
  }

  /** Opens exactly the given sites (plus the fixed ones) and recomputes all state from scratch. */
  reset(openSites: ArrayLike<number> = []): void {
    this.open.set(this.roles.fixed);
    for (let k = 0; k < openSites.length; k++) this.open[openSites[k]] = 1;
    this.refresh();
  }

  /** Recomputes nearest sites, gain and loss from the current open sites (clears round-off drift). */
  refresh(): void {
    this.openList.length = 0;
    for (let j = 0; j < this.m; j++) if (this.open[j]) this.openList.push(j);
    this.openCount = this.openList.length;
    this.gain.fill(0);
    this.loss.fill(0);
    for (let u = 0; u < this.n; u++) {
      this.updateNearest(u);
      this.contribute(u, 1);
    }
  }

  /** Total weighted distance to the nearest open site; Infinity when a servable point has no open site. */
  objective(): number {
    let total = 0;
    for (let u = 0; u < this.n; u++) {
      if (this.w[u] === 0) continue;
      if (this.phi1[u] < 0) return Infinity;
      total += this.w[u] * this.d1[u];
    }
    return total;
  }

  /** The objective with `penalty` charged for each unserved point: what the local search minimises. */
  penalisedObjective(): number {
    let total = 0;
    for (let u = 0; u < this.n; u++) total += this.w[u] * this.d1[u];
    return total;
  }

  private updateNearest(u: number): void {
    const { lists } = this.source;
    let c = 0;
    this.phi1[u] = -1;
    this.phi2[u] = -1;
    this.d1[u] = this.penalty;
    this.d2[u] = this.penalty;
    for (let t = lists.offsets[u]; t < lists.offsets[u + 1] && c < 2; t++) {
      const j = lists.sites[t];
      if (!this.open[j]) continue;
      if (c++ === 0) {
        this.phi1[u] = j;
        this.d1[u] = lists.distances[t];
      } else {
        this.phi2[u] = j;
        this.d2[u] = lists.distances[t];
      }
    }
    if (c < 2 && !lists.complete && this.servable[u] && this.openCount > c) {
      if (this.openCount <= this.scanLimit) {
        this.scanNearest(u, c);
        return;
      }
      const open = this.open;
      if (c === 0) {
        const j = this.source.nearest(u, (s) => open[s] === 1);
        if (j >= 0) {
          this.phi1[u] = j;
          this.d1[u] = this.source.distance(u, j);
        }
      }
      const first = this.phi1[u];
      const j = this.source.nearest(u, (s) => open[s] === 1 && s !== first);
      if (j >= 0) {
        this.phi2[u] = j;
        this.d2[u] = this.source.distance(u, j);
      }
    }
  }

  /**
   * Nearest (when c = 0) and second-nearest open sites of u by scanning the open sites: cheaper than a filtered
   * kd-tree search while few sites are open (the search would visit about m / openCount points).
   */
  private scanNearest(u: number, c: number): void {
    const first = c === 1 ? this.phi1[u] : -1;
    let a = first;
    let da = c === 1 ? this.d1[u] : Infinity;
    let b = -1;
    let db = Infinity;
    for (const j of this.openList) {
      if (j === first) continue;
      const d = this.source.distance(u, j);
      if (c === 0 && (d < da || (d === da && j < a))) {
        b = a;
        db = da;
        a = j;
        da = d;
      } else if (d < db || (d === db && j < b)) {
        b = j;
        db = d;
      }
    }
    if (a >= 0) {
      this.phi1[u] = a;
      this.d1[u] = da;
    }
    if (b >= 0) {
      this.phi2[u] = b;
      this.d2[u] = db;
    }
  }

  /** Adds (sign 1) or removes (sign -1) point u's terms of gain and loss. */
  private contribute(u: number, sign: number): void {
    const w = this.w[u] * sign;
    if (w === 0) return;
    const d1 = this.d1[u];
    if (this.phi1[u] >= 0) this.loss[this.phi1[u]] += w * (this.d2[u] - d1);
    const { lists } = this.source;
    for (let t = lists.offsets[u]; t < lists.offsets[u + 1]; t++) {
      const d = lists.distances[t];
      if (d >= d1) break;
      this.gain[lists.sites[t]] += w * (d1 - d);
    }
  }

  /** Closes `out` (-1: none) and opens `into` (-1: none), updating only the affected points. */
  move(out: number, into: number): void {
    const { n, mark, affected } = this;
    let count = 0;
    const add = (u: number): void => {
      if (!mark[u] && this.w[u] > 0) {
        mark[u] = 1;
        affected[count++] = u;
      }
    };
    if (out >= 0) for (let u = 0; u < n; u++) if (this.phi1[u] === out || this.phi2[u] === out) add(u);
    if (into >= 0) {
      for (let k = this.invOffsets[into]; k < this.invOffsets[into + 1]; k++) {
        if (this.invDist[k] < this.d2[this.invUsers[k]]) add(this.invUsers[k]);
      }
      if (!this.source.lists.complete) {
        for (let u = 0; u < n; u++) {
          if (this.d2[u] > this.lastDist[u] && !mark[u] && this.source.distance(u, into) < this.d2[u]) add(u);
        }
      }
    }
    for (let k = 0; k < count; k++) this.contribute(affected[k], -1);
    if (out >= 0) {
      this.open[out] = 0;
      this.openCount--;
      this.openList.splice(this.openList.indexOf(out), 1);
    }
    if (into >= 0) {
      this.open[into] = 1;
      this.openCount++;
      this.openList.push(into);
    }
    for (let k = 0; k < count; k++) {
      const u = affected[k];
      mark[u] = 0;
      this.updateNearest(u);
      this.contribute(u, 1);
    }
  }

  /** Greedy fill up to p open sites (see `greedyFill` in ./p-median-moves). */
  greedyFill(p: number, random?: () => number, sample = 1): void {
    greedyFill(this, p, random, sample);
  }

  /** The most profitable swap (see `bestSwap` in ./p-median-moves). */
  bestSwap(): SwapMove {
    return bestSwap(this);
  }

  /** Best-improvement swap local search (see `swapLocalSearch` in ./p-median-moves); returns the moves made. */
  localSearch(limits: SearchLimits): number {
    return swapLocalSearch(this, limits);
  }
}
