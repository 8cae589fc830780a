/**
 * Figures of one run on the problem's own (possibly asymmetric) matrices: cost, minutes, loads. The load rule is
 * simultaneous pickup and delivery: the van leaves the depot with every delivery of the run, and at each stop its
 * load changes by pickup - delivery; `loadMax` is the largest load on board anywhere on the run.
 */
import type { RouteProblem } from './types';

/** Figures of one run (depot -> stations -> depot). */
export interface RouteStats {
  /** Sum of `cost` along the run. */
  cost: number;
  /** Travel plus stop minutes (0 without a duration matrix). */
  durationMin: number;
  /** Parcels dropped and produce collected on the run. */
  delivery: number;
  pickup: number;
  /** Largest load on board, and the load leaving the depot then after each stop (length stations + 1). */
  loadMax: number;
  loads: number[];
}

/**
 * Figures of one run.
 * @param problem the problem
 * @param route station node numbers in visiting order
 */
export function routeStats(problem: RouteProblem, route: readonly number[]): RouteStats {
  const stride = problem.n + 1;
  const { cost, durationMin, serviceMin } = problem;
  let total = 0;
  let minutes = 0;
  let delivery = 0;
  let pickup = 0;
  let prev = 0;
  for (const node of route) {
    total += cost[prev * stride + node];
    if (durationMin) minutes += durationMin[prev * stride + node] + (serviceMin?.[node] ?? 0);
    delivery += problem.delivery[node];
    pickup += problem.pickup[node];
    prev = node;
  }
  if (route.length > 0) {
    total += cost[prev * stride];
    if (durationMin) minutes += durationMin[prev * stride];
  }
  const loads = [delivery];
  let load = delivery;
  let loadMax = delivery;
  for (const node of route) {
    load += problem.pickup[node] - problem.delivery[node];
    loads.push(load);
    if (load > loadMax) loadMax = load;
  }
  return { cost: total, durationMin: minutes, delivery, pickup, loadMax, loads };
}

/** Total cost of the runs on the problem's cost matrix. */
export function solutionCost(problem: RouteProblem, routes: readonly (readonly number[])[]): number {
  let total = 0;
  for (const route of routes) total += routeStats(problem, route).cost;
  return total;
}

/** Tolerance of the capacity and shift checks (float sums of loads and minutes). */
export const CHECK_EPSILON = 1e-6;

/**
 * What is wrong with a set of runs: unknown or repeated stations, a run over capacity anywhere or over the shift,
 * more runs than vans. Empty when the runs are feasible.
 * @param problem the problem
 * @param routes runs of station node numbers
 */
export function routeViolations(problem: RouteProblem, routes: readonly (readonly number[])[]): string[] {
  const out: string[] = [];
  const seen = new Set<number>();
  const maxDuration = problem.maxDurationMin ?? Infinity;
  routes.forEach((route, r) => {
    for (const node of route) {
      if (!Number.isInteger(node) || node < 1 || node > problem.n) out.push(`run ${r + 1}: node ${node} is no station`);
      else if (seen.has(node)) out.push(`run ${r + 1}: station ${node} is visited twice`);
      seen.add(node);
    }
    const stats = routeStats(problem, route);
    if (stats.loadMax > problem.capacity + CHECK_EPSILON) {
      out.push(`run ${r + 1}: load ${stats.loadMax} on board exceeds the capacity ${problem.capacity}`);
    }
    if (stats.durationMin > maxDuration + CHECK_EPSILON) {
      out.push(`run ${r + 1}: ${stats.durationMin} minutes exceed the shift of ${maxDuration}`);
    }
  });
  const maxVehicles = problem.maxVehicles ?? Infinity;
  const used = routes.filter((route) => route.length > 0).length;
  if (used > maxVehicles) out.push(`${used} runs but only ${maxVehicles} vans`);
  return out;
}
