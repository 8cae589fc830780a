/**
 * An individual of the genetic search: a giant tour (all customers, no depot) cut into consecutive routes, with its
 * cost, excess load and excess duration (Vidal et al., "A hybrid genetic algorithm for multidepot and periodic
 * vehicle routing problems", Operations Research 60(3) (2012) 611-624; HGS-CVRP Individual.cpp).
 */
import type { Instance } from './instance';

/** A solution of the search. Routes are the slices `tour[routeStart[r] .. routeStart[r + 1])`. */
export class Individual {
  /** Giant tour: the customers 1..n in visiting order, routes one after the other. */
  readonly tour: Int32Array;
  /** Route boundaries in `tour`, length nbRoutes + 1 used. */
  readonly routeStart: Int32Array;
  nbRoutes = 0;
  /** Successor and predecessor of each customer (0 = the depot), for the broken-pairs distance. */
  readonly succ: Int32Array;
  readonly pred: Int32Array;
  distance = 0;
  /** Sum over routes of the load above capacity, and of the minutes above the shift. */
  capacityExcess = 0;
  durationExcess = 0;
  penalizedCost = 0;
  feasible = false;
  biasedFitness = 0;
  /** Other individuals of the same subpopulation by increasing broken-pairs distance. */
  proximity: { distance: number; other: Individual }[] = [];

  constructor(n: number) {
    this.tour = new Int32Array(n);
    this.routeStart = new Int32Array(n + 2);
    this.succ = new Int32Array(n + 1);
    this.pred = new Int32Array(n + 1);
  }

  /** Copies another individual's solution (not its proximity list). */
  copyFrom(other: Individual): void {
    this.tour.set(other.tour);
    this.routeStart.set(other.routeStart);
    this.nbRoutes = other.nbRoutes;
    this.succ.set(other.succ);
    this.pred.set(other.pred);
    this.distance = other.distance;
    this.capacityExcess = other.capacityExcess;
    this.durationExcess = other.durationExcess;
    this.penalizedCost = other.penalizedCost;
    this.feasible = other.feasible;
  }

  /** The routes as arrays of customers. */
  routes(): number[][] {
    const out: number[][] = [];
    for (let r = 0; r < this.nbRoutes; r++) {
      out.push(Array.from(this.tour.subarray(this.routeStart[r], this.routeStart[r + 1])));
    }
    return out;
  }
}

/** Excess over capacity counted as feasible (float noise of summed loads). */
export const EPSILON = 1e-6;

/**
 * Recomputes distance, excesses, penalised cost, feasibility and the successor lists from the tour and routes.
 * Load along a route follows the simultaneous pickup-and-delivery rule: the van leaves with the route's deliveries
 * and at each stop its load changes by pickup - delivery.
 */
export function evaluateIndividual(
  inst: Instance,
  ind: Individual,
  penaltyCapacity: number,
  penaltyDuration: number,
): void {
  const { dist, time, service, delivery, pickup, nodeLoad, stride, capacity, maxDurationMin } = inst;
  let distance = 0;
  let capacityExcess = 0;
  let durationExcess = 0;
  for (let r = 0; r < ind.nbRoutes; r++) {
    const from = ind.routeStart[r];
    const to = ind.routeStart[r + 1];
    let prev = 0;
    let p = 0;
    let l = 0;
    let routeTime = 0;
    for (let k = from; k < to; k++) {
      const c = ind.tour[k];
      distance += dist[prev * stride + c];
      if (time) routeTime += time[prev * stride + c] + service[c];
      l = Math.max(l + delivery[c], nodeLoad[c] + p);
      p += pickup[c];
      ind.pred[c] = prev;
      if (k > from) ind.succ[prev] = c;
      prev = c;
    }
    if (to > from) {
      ind.succ[prev] = 0;
      distance += dist[prev * stride];
      if (time) routeTime += time[prev * stride];
    }
    if (l > capacity + EPSILON) capacityExcess += l - capacity;
    if (routeTime > maxDurationMin + EPSILON) durationExcess += routeTime - maxDurationMin;
  }
  ind.distance = distance;
  ind.capacityExcess = capacityExcess;
  ind.durationExcess = durationExcess;
  ind.penalizedCost = distance + penaltyCapacity * capacityExcess + penaltyDuration * durationExcess;
  ind.feasible = capacityExcess === 0 && durationExcess === 0;
}

/**
 * Broken-pairs distance (Prins 2009; Vidal et al. 2012, section 4.4): the share of customers whose successor or
 * predecessor link in `a` is absent from `b`, in [0, 1].
 */
export function brokenPairsDistance(a: Individual, b: Individual, n: number): number {
  let differences = 0;
  for (let j = 1; j <= n; j++) {
    const s = a.succ[j];
    if (s !== b.succ[j] && s !== b.pred[j]) differences++;
    if (a.pred[j] === 0 && b.pred[j] !== 0 && b.succ[j] !== 0) differences++;
  }
  return differences / n;
}
