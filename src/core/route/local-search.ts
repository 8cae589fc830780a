/**
 * Granular local search of the Hybrid Genetic Search (Vidal 2022, section 3; HGS-CVRP LocalSearch.cpp): every
 * customer u is tried against its granular neighbours v (Toth & Vigo 2003) with RELOCATE of 1 or 2 nodes (also
 * reversed), SWAP 1-1, 2-1 and 2-2, 2-OPT and 2-OPT* (./local-search-moves.ts), then SWAP* between route pairs whose
 * polar sectors overlap (./swap-star.ts), first improvement, until no move improves the penalised cost.
 *
 * The state is a doubly linked list over typed arrays. Node ids: customers 1..n, the start depot of route r is
 * n + 1 + r and its end depot 2n + 1 + r. Each node keeps its prefix and suffix data so moves are evaluated in O(1):
 * distance, time, and the load segment (D = deliveries, P = pickups, L = largest load inside when it enters with D
 * on board) of depot..node, node..depot and of both reversed; segments concatenate as
 * D = D1 + D2, P = P1 + P2, L = max(L1 + D2, L2 + P1) (Vidal, Crainic, Gendreau, Prins, "A unified solution
 * framework for multi-attribute vehicle routing problems", EJOR 234 (2014) 658-673). Only intra-route moves with
 * pickups re-walk the route, since the order inside a route then changes its load profile.
 */
import { HGS_PARAMS, positiveMod, type Instance } from './instance';
import type { Individual } from './individual';
import { tryNeighbourMoves, tryEmptyRouteMoves } from './local-search-moves';
import { swapStar } from './swap-star';

/** A move must gain more than this to be applied. */
export const MOVE_EPSILON = 1e-5;

/** L of s1 then s2 given L1, D2, L2, P1. */
export function catLoad(l1: number, d2: number, l2: number, p1: number): number {
  const a = l1 + d2;
  const b = l2 + p1;
  return a > b ? a : b;
}

/** The local search and its reusable state. */
export class LocalSearch {
  readonly n: number;
  readonly stride: number;
  readonly dist: Float64Array;
  readonly time: Float64Array | null;
  readonly service: Float64Array;
  readonly del: Float64Array;
  readonly pick: Float64Array;
  readonly nodeLoad: Float64Array;
  readonly capacity: number;
  readonly maxDuration: number;
  readonly hasPickup: boolean;
  /** City (0 = depot) of each node id. */
  readonly city: Int32Array;
  readonly next: Int32Array;
  readonly prev: Int32Array;
  readonly route: Int32Array;
  readonly position: Int32Array;
  readonly cumDist: Float64Array;
  readonly cumTime: Float64Array;
  readonly pD: Float64Array;
  readonly pP: Float64Array;
  readonly pL: Float64Array;
  readonly sD: Float64Array;
  readonly sP: Float64Array;
  readonly sL: Float64Array;
  /** L of the reversed prefix (node, its predecessor, ..., first) and of the reversed suffix (last, ..., node). */
  readonly rpL: Float64Array;
  readonly rsL: Float64Array;
  readonly whenTested: Int32Array;
  readonly order: Int32Array;
  readonly neighbours: Int32Array;
  readonly neighbourStart: Int32Array;
  readonly seqA: Int32Array;
  readonly seqB: Int32Array;
  /** Route data, sized by `ensureRoutes`. */
  nbRoutes = 0;
  rDist = new Float64Array(0);
  rTime = new Float64Array(0);
  rD = new Float64Array(0);
  rP = new Float64Array(0);
  rL = new Float64Array(0);
  rPenalty = new Float64Array(0);
  rAngle = new Float64Array(0);
  rCount = new Int32Array(0);
  rModified = new Int32Array(0);
  rTestedSwapStar = new Int32Array(0);
  sectorStart = new Int32Array(0);
  sectorEnd = new Int32Array(0);
  routeOrder = new Int32Array(0);
  /** SWAP* caches: three best insertions of each customer in each route. */
  insertCost = new Float64Array(0);
  insertAt = new Int32Array(0);
  insertWhen = new Int32Array(0);
  deltaRemoval: Float64Array;
  penaltyCapacity = 1;
  penaltyDuration = 1;
  nbMoves = 0;
  searchCompleted = false;
  loopId = 0;
  /** Current pair: u, its predecessor and successors; v and its neighbours; their cities and routes. */
  u = 0;
  pu = 0;
  x = 0;
  xn = 0;
  v = 0;
  pv = 0;
  y = 0;
  yn = 0;
  cu = 0;
  cpu = 0;
  cx = 0;
  cxn = 0;
  cv = 0;
  cpv = 0;
  cy = 0;
  cyn = 0;
  rU = 0;
  rV = 0;
  /** Results of `evalSequence`. */
  evDist = 0;
  evTime = 0;
  evLoad = 0;

  constructor(
    readonly inst: Instance,
    private readonly random: () => number,
  ) {
    const n = inst.n;
    this.n = n;
    this.stride = inst.stride;
    this.dist = inst.dist;
    this.time = inst.time;
    this.service = inst.service;
    this.del = inst.delivery;
    this.pick = inst.pickup;
    this.nodeLoad = inst.nodeLoad;
    this.capacity = inst.capacity;
    this.maxDuration = inst.maxDurationMin;
    this.hasPickup = inst.hasPickup;
    const size = 3 * n + 2;
    this.city = new Int32Array(size);
    for (let i = 1; i <= n; i++) this.city[i] = i;
    this.next = new Int32Array(size);
    this.prev = new Int32Array(size);
    this.route = new Int32Array(size);
    this.position = new Int32Array(size);
    this.cumDist = new Float64Array(size);
    this.cumTime = new Float64Array(size);
    this.pD = new Float64Array(size);
    this.pP = new Float64Array(size);
    this.pL = new Float64Array(size);
    this.sD = new Float64Array(size);
    this.sP = new Float64Array(size);
    this.sL = new Float64Array(size);
    this.rpL = new Float64Array(size);
    this.rsL = new Float64Array(size);
    this.whenTested = new Int32Array(n + 1);
    this.order = new Int32Array(n);
    for (let i = 0; i < n; i++) this.order[i] = i + 1;
    this.neighbours = inst.neighbours.slice();
    this.neighbourStart = inst.neighbourStart;
    this.seqA = new Int32Array(n + 2);
    this.seqB = new Int32Array(n + 2);
    this.deltaRemoval = new Float64Array(n + 1);
  }

  /** Start and end depot node ids of route r. */
  start(r: number): number {
    return this.n + 1 + r;
  }
  end(r: number): number {
    return 2 * this.n + 1 + r;
  }

  penLoad(load: number): number {
    return load > this.capacity ? (load - this.capacity) * this.penaltyCapacity : 0;
  }
  penTime(duration: number): number {
    return duration > this.maxDuration ? (duration - this.maxDuration) * this.penaltyDuration : 0;
  }

  /**
   * Improves `ind` in place; the caller then evaluates it with the population's penalties.
   * @param deadline performance.now() value after which the search returns its current solution
   */
  run(ind: Individual, penaltyCapacity: number, penaltyDuration: number, deadline: number): void {
    this.penaltyCapacity = penaltyCapacity;
    this.penaltyDuration = penaltyDuration;
    this.load(ind);
    shuffle(this.order, this.order.length, this.random);
    shuffle(this.routeOrder, this.nbRoutes, this.random);
    for (let i = 1; i <= this.n; i++) {
      if (Math.floor(this.random() * HGS_PARAMS.nbGranular) === 0) {
        const from = this.neighbourStart[i];
        shuffle(
          this.neighbours.subarray(from, this.neighbourStart[i + 1]),
          this.neighbourStart[i + 1] - from,
          this.random,
        );
      }
    }
    this.searchCompleted = false;
    for (this.loopId = 0; !this.searchCompleted; this.loopId++) {
      if (this.loopId > 1) this.searchCompleted = true;
      if (performance.now() > deadline) break;
      for (let k = 0; k < this.n; k++) {
        const u = this.order[k];
        const lastTested = this.whenTested[u];
        this.whenTested[u] = this.nbMoves;
        tryNeighbourMoves(this, u, lastTested);
        if (this.loopId > 0) tryEmptyRouteMoves(this, u);
      }
      this.swapStarPass();
    }
    this.export(ind);
  }

  /** SWAP* on every pair of non-empty routes whose sectors overlap and one of which changed since last tried. */
  private swapStarPass(): void {
    const polar = this.inst.polar !== null;
    for (let a = 0; a < this.nbRoutes; a++) {
      const rU = this.routeOrder[a];
      const lastTested = this.rTestedSwapStar[rU];
      this.rTestedSwapStar[rU] = this.nbMoves;
      for (let b = 0; b < this.nbRoutes; b++) {
        const rV = this.routeOrder[b];
        if (this.rCount[rU] === 0 || this.rCount[rV] === 0 || rU >= rV) continue;
        if (this.loopId > 0 && Math.max(this.rModified[rU], this.rModified[rV]) <= lastTested) continue;
        if (polar && !this.sectorsOverlap(rU, rV)) continue;
        swapStar(this, rU, rV);
      }
    }
  }

  private sectorsOverlap(a: number, b: number): boolean {
    const sa = this.sectorStart[a];
    const sb = this.sectorStart[b];
    return (
      positiveMod(sb - sa) <= positiveMod(this.sectorEnd[a] - sa) ||
      positiveMod(sa - sb) <= positiveMod(this.sectorEnd[b] - sb)
    );
  }

  /** Sizes the route arrays for `count` routes. */
  private ensureRoutes(count: number): void {
    if (this.rDist.length >= count) return;
    const size = Math.max(count, 2 * this.rDist.length);
    this.rDist = new Float64Array(size);
    this.rTime = new Float64Array(size);
    this.rD = new Float64Array(size);
    this.rP = new Float64Array(size);
    this.rL = new Float64Array(size);
    this.rPenalty = new Float64Array(size);
    this.rAngle = new Float64Array(size);
    this.rCount = new Int32Array(size);
    this.rModified = new Int32Array(size);
    this.rTestedSwapStar = new Int32Array(size);
    this.sectorStart = new Int32Array(size);
    this.sectorEnd = new Int32Array(size);
    this.routeOrder = new Int32Array(size);
    this.insertCost = new Float64Array(size * (this.n + 1) * 3);
    this.insertAt = new Int32Array(size * (this.n + 1) * 3);
    this.insertWhen = new Int32Array(size * (this.n + 1));
  }

  /** Loads the routes of `ind` into the linked lists, with empty routes up to the number of slots. */
  private load(ind: Individual): void {
    const { n, inst } = this;
    const fleet = Number.isFinite(inst.maxVehicles) ? Math.min(inst.maxVehicles, n) : inst.defaultVehicles;
    const slots = Math.min(n, Math.max(fleet, ind.nbRoutes));
    this.ensureRoutes(slots);
    this.nbRoutes = slots;
    this.nbMoves = 0;
    for (let r = 0; r < slots; r++) {
      const from = r < ind.nbRoutes ? ind.routeStart[r] : 0;
      const to = r < ind.nbRoutes ? ind.routeStart[r + 1] : 0;
      this.relink(r, ind.tour, from, to);
      this.updateRoute(r);
      this.rTestedSwapStar[r] = -1;
      this.routeOrder[r] = r;
    }
    this.insertWhen.fill(-1, 0, slots * (n + 1));
    this.whenTested.fill(-1);
  }

  /** Makes route r visit `seq[from .. to)`; the caller then runs `updateRoute`. */
  relink(r: number, seq: Int32Array, from: number, to: number): void {
    let last = this.start(r);
    for (let k = from; k < to; k++) {
      const c = seq[k];
      this.next[last] = c;
      this.prev[c] = last;
      this.route[c] = r;
      last = c;
    }
    const end = this.end(r);
    this.next[last] = end;
    this.prev[end] = last;
    this.route[this.start(r)] = r;
    this.route[end] = r;
  }

  /** Moves node a after node b (HGS insertNode). */
  insertNode(a: number, b: number): void {
    const { next, prev } = this;
    next[prev[a]] = next[a];
    prev[next[a]] = prev[a];
    prev[next[b]] = a;
    prev[a] = b;
    next[a] = next[b];
    next[b] = a;
    this.route[a] = this.route[b];
  }

  /** Exchanges nodes a and b (HGS swapNode). */
  swapNode(a: number, b: number): void {
    const { next, prev, route } = this;
    const pa = prev[a];
    const na = next[a];
    const pb = prev[b];
    const nb = next[b];
    const ra = route[a];
    next[pa] = b;
    prev[na] = b;
    next[pb] = a;
    prev[nb] = a;
    prev[a] = pb;
    next[a] = nb;
    prev[b] = pa;
    next[b] = na;
    route[a] = route[b];
    route[b] = ra;
  }

  /** Recomputes the prefix, suffix and route data of route r after a change. */
  updateRoute(r: number): void {
    const { city, next, prev, dist, time, service, del, pick, nodeLoad, stride } = this;
    const { cumDist, cumTime, pD, pP, pL, sD, sP, sL, rpL, rsL } = this;
    const start = this.start(r);
    const end = this.end(r);
    cumDist[start] = cumTime[start] = pD[start] = pP[start] = pL[start] = rpL[start] = 0;
    this.position[start] = 0;
    const polar = this.inst.polar;
    let count = 0;
    let sumX = 0;
    let sumY = 0;
    let node = start;
    while (node !== end) {
      const c = next[node];
      const cc = city[c];
      const cn = city[node];
      this.position[c] = this.position[node] + 1;
      cumDist[c] = cumDist[node] + dist[cn * stride + cc];
      cumTime[c] = time === null ? 0 : cumTime[node] + time[cn * stride + cc] + service[cc];
      pD[c] = pD[node] + del[cc];
      pP[c] = pP[node] + pick[cc];
      pL[c] = catLoad(pL[node], del[cc], nodeLoad[cc], pP[node]);
      rpL[c] = catLoad(nodeLoad[cc], pD[node], rpL[node], pick[cc]);
      if (c !== end) {
        if (polar !== null) {
          if (count === 0) {
            this.sectorStart[r] = this.sectorEnd[r] = polar[cc];
          } else this.extendSector(r, polar[cc]);
          sumX += (this.inst.x as Float64Array)[cc];
          sumY += (this.inst.y as Float64Array)[cc];
        }
        count++;
      }
      node = c;
    }
    sD[end] = sP[end] = sL[end] = rsL[end] = 0;
    node = end;
    while (node !== start) {
      const c = prev[node];
      const cc = city[c];
      sD[c] = sD[node] + del[cc];
      sP[c] = sP[node] + pick[cc];
      sL[c] = catLoad(nodeLoad[cc], sD[node], sL[node], pick[cc]);
      rsL[c] = catLoad(rsL[node], del[cc], nodeLoad[cc], sP[node]);
      node = c;
    }
    this.rDist[r] = cumDist[end];
    this.rTime[r] = cumTime[end];
    this.rD[r] = pD[end];
    this.rP[r] = pP[end];
    this.rL[r] = pL[end];
    this.rPenalty[r] = this.penLoad(pL[end]) + this.penTime(cumTime[end]);
    this.rCount[r] = count;
    this.rModified[r] = this.nbMoves;
    const x = this.inst.x;
    const y = this.inst.y;
    this.rAngle[r] =
      count === 0 ? 1e30 : x === null || y === null ? r : Math.atan2(sumY / count - y[0], sumX / count - x[0]);
  }

  /** Extends the circle sector of route r to hold `angle` (HGS CircleSector::extend). */
  private extendSector(r: number, angle: number): void {
    const start = this.sectorStart[r];
    const end = this.sectorEnd[r];
    if (positiveMod(angle - start) <= positiveMod(end - start)) return;
    if (positiveMod(angle - end) <= positiveMod(start - angle)) this.sectorEnd[r] = angle;
    else this.sectorStart[r] = angle;
  }

  /** Exact distance, time and largest load of the customer sequence `seq[0 .. len)` as one route. */
  evalSequence(seq: Int32Array, len: number): void {
    const { dist, time, service, del, pick, nodeLoad, stride } = this;
    let prev = 0;
    let distance = 0;
    let duration = 0;
    let p = 0;
    let l = 0;
    for (let k = 0; k < len; k++) {
      const c = seq[k];
      distance += dist[prev * stride + c];
      if (time !== null) duration += time[prev * stride + c] + service[c];
      l = catLoad(l, del[c], nodeLoad[c], p);
      p += pick[c];
      prev = c;
    }
    distance += dist[prev * stride];
    if (time !== null) duration += time[prev * stride];
    this.evDist = distance;
    this.evTime = duration;
    this.evLoad = l;
  }

  /** Writes the routes back into `ind`, ordered by the polar angle of their barycentre (HGS exportIndividual). */
  private export(ind: Individual): void {
    const order = Array.from({ length: this.nbRoutes }, (_, r) => r);
    order.sort((a, b) => this.rAngle[a] - this.rAngle[b] || a - b);
    let pos = 0;
    let routes = 0;
    for (const r of order) {
      if (this.rCount[r] === 0) continue;
      ind.routeStart[routes++] = pos;
      for (let node = this.next[this.start(r)]; node !== this.end(r); node = this.next[node]) ind.tour[pos++] = node;
    }
    ind.routeStart[routes] = pos;
    ind.nbRoutes = routes;
  }
}

/** Fisher-Yates shuffle of the first `length` entries. */
export function shuffle(a: Int32Array, length: number, random: () => number): void {
  for (let i = length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
