/**
 * Heuristic vertex p-center: farthest-first construction (T.F. Gonzalez, "Clustering to minimize the maximum
 * intercluster distance", Theor. Comp. Sci. 38 (1985) 293) then the interchange local search of N. Mladenović,
 * M. Labbé & P. Hansen ("Solving the p-center problem with tabu search and variable neighborhood search",
 * Networks 42 (2003) 48), restarted with random shakes of the best solution (variable neighbourhood search).
 *
 * Interchange: let i* be a critical demand point (largest distance to its nearest open site). Only a site f
 * closer to i* than the current radius can help; for each such f, the best site r to close is found for all r
 * at once from the nearest / second-nearest bookkeeping (as in the p-median fast swap): after adding f and
 * closing r, point u is at min(d2(u), d(u,f)) when phi1(u) = r, else at min(d1(u), d(u,f)). A move is taken
 * when it lowers (radius, number of points at the radius) lexicographically, which lets the search cross
 * plateaus where the radius stays but fewer points are critical.
 */
import type { DistanceSource } from '../../distance/distance-source';
import type { SiteRoles } from '../p-median/sites';
import { SwapSearch, type SearchLimits } from '../p-median/swap';

/** Radius and number of demand points at that radius: the p-center objective, lexicographically. */
interface CenterValue {
  radius: number;
  count: number;
}

function less(a: CenterValue, b: CenterValue): boolean {
  return a.radius < b.radius || (a.radius === b.radius && a.count < b.count);
}

/** Interchange local search for the p-center, on top of SwapSearch's nearest-site bookkeeping. */
export class CenterSearch {
  readonly state: SwapSearch;
  private readonly n: number;
  private readonly m: number;
  /** Per-site maxima for the interchange evaluation (index m = points with no open site). */
  private readonly maxA: Float64Array;
  private readonly countA: Uint32Array;
  private readonly maxB: Float64Array;
  private readonly countB: Uint32Array;
  private readonly fd: Float64Array;

  constructor(
    private readonly source: DistanceSource,
    private readonly roles: SiteRoles,
    servable: Uint8Array,
  ) {
    this.state = new SwapSearch(source, roles, servable);
    this.n = source.demandCount;
    this.m = source.siteCount;
    this.maxA = new Float64Array(this.m + 1);
    this.countA = new Uint32Array(this.m + 1);
    this.maxB = new Float64Array(this.m + 1);
    this.countB = new Uint32Array(this.m + 1);
    this.fd = new Float64Array(this.n).fill(Infinity);
  }

  /** Current (radius, count at radius) over demand points of positive weight. */
  value(): CenterValue {
    const { w, d1 } = this.state;
    let radius = -Infinity;
    let count = 0;
    for (let u = 0; u < this.n; u++) {
      if (w[u] === 0) continue;
      if (d1[u] > radius) {
        radius = d1[u];
        count = 1;
      } else if (d1[u] === radius) count++;
    }
    return { radius: radius === -Infinity ? 0 : radius, count };
  }

  /** Largest distance to the nearest open site (Infinity when a point has none). */
  radius(): number {
    const { radius } = this.value();
    return radius >= this.state.penalty ? Infinity : radius;
  }

  /** First demand point of positive weight at the current radius. */
  private critical(): number {
    const { w, d1 } = this.state;
    let best = -1;
    for (let u = 0; u < this.n; u++) if (w[u] > 0 && (best < 0 || d1[u] > d1[best])) best = u;
    return best;
  }

  /** Nearest closed allowed site of demand point u (list first, then the exact fallback), or -1. */
  private nearestClosed(u: number): number {
    const { lists } = this.source;
    const open = this.state.open;
    for (let t = lists.offsets[u]; t < lists.offsets[u + 1]; t++) {
      const j = lists.sites[t];
      if (!open[j] && this.roles.allowed[j]) return j;
    }
    return lists.complete ? -1 : this.source.nearest(u, (j) => !open[j] && this.roles.allowed[j] === 1);
  }

  /**
   * Farthest-first construction from the fixed sites: open `first` (or, without it and without fixed sites, the
   * 1-median, the site of largest p-median gain), then repeatedly the nearest closed site of a critical point.
   */
  construct(p: number, first = -1): void {
    const s = this.state;
    s.reset();
    if (s.openCount === 0) {
      if (first < 0) {
        for (let j = 0; j < this.m; j++) {
          if (this.roles.allowed[j] && (first < 0 || s.gain[j] > s.gain[first])) first = j;
        }
      }
      if (first >= 0) s.move(-1, first);
    }
    while (s.openCount < p) {
      const u = this.critical();
      const f = u >= 0 ? this.nearestClosed(u) : -1;
      if (f < 0) {
        s.greedyFill(p);
        return;
      }
      s.move(-1, f);
    }
  }

  /** Best (close r, open f) for one candidate f: the lexicographically smallest resulting value. */
  private evaluate(f: number, best: { value: CenterValue; out: number; in: number }): void {
    const { n, m, maxA, countA, maxB, countB, fd } = this;
    const s = this.state;
    const { w, phi1, d1, d2, open, invOffsets, invUsers, invDist, lastDist } = s;
    const touched: number[] = [];
    for (let k = invOffsets[f]; k < invOffsets[f + 1]; k++) fd[invUsers[k]] = invDist[k];
    if (!this.source.lists.complete) {
      for (let u = 0; u < n; u++) {
        if (w[u] > 0 && d2[u] > lastDist[u] && fd[u] === Infinity) {
          fd[u] = this.source.distance(u, f);
          touched.push(u);
        }
      }
    }
    maxA.fill(-Infinity);
    maxB.fill(-Infinity);
    for (let u = 0; u < n; u++) {
      if (w[u] === 0) continue;
      const site = phi1[u] < 0 ? m : phi1[u];
      const a = Math.min(d1[u], fd[u]);
      const b = Math.min(d2[u], fd[u]);
      if (a > maxA[site]) {
        maxA[site] = a;
        countA[site] = 1;
      } else if (a === maxA[site]) countA[site]++;
      if (b > maxB[site]) {
        maxB[site] = b;
        countB[site] = 1;
      } else if (b === maxB[site]) countB[site]++;
    }
    for (let k = invOffsets[f]; k < invOffsets[f + 1]; k++) fd[invUsers[k]] = Infinity;
    for (const u of touched) fd[u] = Infinity;
    // Top two distinct values of maxA over sites, the number of sites at the top, and point counts at each.
    let top1 = -Infinity;
    let top2 = -Infinity;
    let sitesAtTop1 = 0;
    let count1 = 0;
    let count2 = 0;
    for (let site = 0; site <= m; site++) {
      const v = maxA[site];
      if (v === -Infinity) continue;
      if (v > top1) {
        top2 = top1;
        count2 = count1;
        top1 = v;
        sitesAtTop1 = 1;
        count1 = countA[site];
      } else if (v === top1) {
        sitesAtTop1++;
        count1 += countA[site];
      } else if (v > top2) {
        top2 = v;
        count2 = countA[site];
      } else if (v === top2) count2 += countA[site];
    }
    const fixed = this.roles.fixed;
    for (let r = 0; r < m; r++) {
      if (!open[r] || fixed[r]) continue;
      const others = maxA[r] === top1 && sitesAtTop1 === 1 ? top2 : top1;
      const othersCount =
        others === top1 ? count1 - (maxA[r] === top1 ? countA[r] : 0) : count2 - (maxA[r] === top2 ? countA[r] : 0);
      const radius = Math.max(others, maxB[r]);
      const count = (others === radius ? othersCount : 0) + (maxB[r] === radius ? countB[r] : 0);
      const value = { radius, count };
      if (less(value, best.value)) Object.assign(best, { value, out: r, in: f });
    }
  }

  /**
   * Interchange local search until no move improves (radius, count) or a limit is reached.
   * @returns moves made
   */
  localSearch(limits: SearchLimits): number {
    const { lists } = this.source;
    const s = this.state;
    let moves = 0;
    let current = this.value();
    const maxMoves = limits.maxMoves ?? Infinity;
    while (moves < maxMoves && performance.now() / 1000 < limits.deadlineSec && !limits.shouldStop?.()) {
      const u = this.critical();
      if (u < 0) break;
      const best = { value: current, out: -1, in: -1 };
      let listed = 0;
      for (let t = lists.offsets[u]; t < lists.offsets[u + 1] && lists.distances[t] < s.d1[u]; t++) {
        const f = lists.sites[t];
        if (!s.open[f] && this.roles.allowed[f]) this.evaluate(f, best);
        listed++;
      }
      if (!lists.complete && listed === lists.offsets[u + 1] - lists.offsets[u]) {
        const f = this.nearestClosed(u);
        if (f >= 0 && this.source.distance(u, f) < s.d1[u]) this.evaluate(f, best);
      }
      if (best.out < 0) break;
      s.move(best.out, best.in);
      const next = this.value();
      if (!less(next, current)) {
        s.move(best.in, best.out);
        break;
      }
      current = next;
      moves++;
    }
    return moves;
  }
}

/** Swaps k random open non-fixed sites for random closed allowed ones (the VNS "shake"). */
export function shake(search: SwapSearch, roles: SiteRoles, k: number, random: () => number): void {
  const openFree: number[] = [];
  const closed: number[] = [];
  for (let j = 0; j < search.open.length; j++) {
    if (search.open[j] && !roles.fixed[j]) openFree.push(j);
    else if (!search.open[j] && roles.allowed[j]) closed.push(j);
  }
  for (let t = 0; t < k && openFree.length > 0 && closed.length > 0; t++) {
    const a = Math.floor(random() * openFree.length);
    const b = Math.floor(random() * closed.length);
    search.move(openFree[a], closed[b]);
    [openFree[a], closed[b]] = [closed[b], openFree[a]];
  }
}
