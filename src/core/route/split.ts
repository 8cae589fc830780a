/**
 * Split: the optimal cut of a giant tour into routes (C. Prins, "A simple and effective evolutionary algorithm for
 * the vehicle routing problem", Computers & OR 31 (2004) 1985-2002; Bellman's shortest path on the auxiliary
 * acyclic graph). Route costs are penalised: distance + capacity and duration penalties, so infeasible cuts are
 * allowed (Vidal et al. 2012). With simultaneous pickup and delivery the load of a segment is not a difference of
 * prefix sums, so the O(n) linear Split of Vidal 2016 does not apply; this Bellman version extends each route while
 * its load stays under 1.5 x capacity (as HGS-CVRP's own Bellman split does), O(n x route length). With a fleet
 * limit K a layered version finds the best cut into at most K routes (O(K n^2) without the length bound).
 */
import { HGS_PARAMS, type Instance } from './instance';
import type { Individual } from './individual';

/** Reusable buffers of Split. */
export class Splitter {
  private readonly potential: Float64Array;
  private readonly predecessor: Int32Array;
  private readonly layered: Float64Array;
  private readonly layeredPred: Int32Array;

  constructor(private readonly inst: Instance) {
    const n = inst.n;
    this.potential = new Float64Array(n + 1);
    this.predecessor = new Int32Array(n + 1);
    const k = Number.isFinite(inst.maxVehicles) ? Math.min(inst.maxVehicles, n) : 0;
    this.layered = new Float64Array((k + 1) * (n + 1));
    this.layeredPred = new Int32Array((k + 1) * (n + 1));
  }

  /**
   * Cuts `ind.tour` into routes, writing `ind.routeStart` and `ind.nbRoutes`.
   * @param penaltyCapacity cost per unit of load over capacity
   * @param penaltyDuration cost per minute over the shift
   */
  split(ind: Individual, penaltyCapacity: number, penaltyDuration: number): void {
    const { n, maxVehicles } = this.inst;
    const unlimited = this.unlimited(ind, penaltyCapacity, penaltyDuration);
    if (!Number.isFinite(maxVehicles) || unlimited <= maxVehicles) return;
    this.limited(ind, Math.min(maxVehicles, n), penaltyCapacity, penaltyDuration);
  }

  /** Bellman split with any number of routes; returns the number of routes. */
  private unlimited(ind: Individual, penaltyCapacity: number, penaltyDuration: number): number {
    const { n } = this.inst;
    const pot = this.potential;
    const pred = this.predecessor;
    pot.fill(Infinity);
    pot[0] = 0;
    for (let i = 0; i < n; i++) this.relax(ind.tour, i, pot, 0, pred, 0, penaltyCapacity, penaltyDuration, true);
    let routes = 0;
    for (let j = n; j > 0; j = pred[j]) routes++;
    ind.nbRoutes = routes;
    let r = routes;
    ind.routeStart[routes] = n;
    for (let j = n; j > 0; j = pred[j]) ind.routeStart[--r] = pred[j];
    return routes;
  }

  /** Layered Bellman split with at most `k` routes. */
  private limited(ind: Individual, k: number, penaltyCapacity: number, penaltyDuration: number): void {
    const { n } = this.inst;
    const stride = n + 1;
    const pot = this.layered;
    const pred = this.layeredPred;
    pot.fill(Infinity);
    pot[0] = 0;
    const bounded = k * n * n > 5e7;
    for (let layer = 0; layer < k; layer++) {
      for (let i = layer; i < n; i++) {
        this.relax(
          ind.tour,
          i,
          pot,
          layer * stride,
          pred,
          (layer + 1) * stride,
          penaltyCapacity,
          penaltyDuration,
          bounded,
        );
      }
    }
    let best = 1;
    for (let layer = 2; layer <= k; layer++) if (pot[layer * stride + n] < pot[best * stride + n]) best = layer;
    ind.nbRoutes = best;
    ind.routeStart[best] = n;
    let j = n;
    for (let layer = best; layer > 0; layer--) {
      j = pred[layer * stride + j];
      ind.routeStart[layer - 1] = j;
    }
  }

  /** Relaxes every arc (i, j] out of node i of the auxiliary graph. */
  private relax(
    tour: Int32Array,
    i: number,
    pot: Float64Array,
    fromOffset: number,
    pred: Int32Array,
    toOffset: number,
    penaltyCapacity: number,
    penaltyDuration: number,
    bounded: boolean,
  ): void {
    const start = pot[fromOffset + i];
    if (start === Infinity) return;
    const { n, dist, time, service, delivery, pickup, nodeLoad, stride, capacity, maxDurationMin } = this.inst;
    const loadBound = HGS_PARAMS.splitLoadFactor * capacity;
    const durationBound = HGS_PARAMS.splitLoadFactor * maxDurationMin;
    let p = 0;
    let l = 0;
    let distance = 0;
    let duration = 0;
    let prev = 0;
    for (let j = i; j < n; j++) {
      const c = tour[j];
      l = Math.max(l + delivery[c], nodeLoad[c] + p);
      p += pickup[c];
      distance += dist[prev * stride + c];
      let cost = distance + dist[c * stride];
      if (l > capacity) cost += penaltyCapacity * (l - capacity);
      if (time) {
        duration += time[prev * stride + c] + service[c];
        const total = duration + time[c * stride];
        if (total > maxDurationMin) cost += penaltyDuration * (total - maxDurationMin);
      }
      if (start + cost < pot[toOffset + j + 1]) {
        pot[toOffset + j + 1] = start + cost;
        pred[toOffset + j + 1] = i;
      }
      prev = c;
      if (bounded && (l > loadBound || duration > durationBound)) break;
    }
  }
}
