/**
 * Last step of the solver, on the problem's own matrices: each run is driven in its cheaper feasible direction
 * (the search works on (c_ij + c_ji) / 2); a run still over capacity or shift is cut greedily into feasible runs (each
 * station alone is feasible, and load and prefix time only grow along a run); then, with a fleet limit, the smallest
 * runs are dissolved and their stations inserted at the cheapest feasible place elsewhere, and those that fit nowhere
 * are reported as 'fleet-too-small'.
 */
import { CHECK_EPSILON, routeStats } from './evaluate';
import type { RouteProblem } from './types';

function feasible(problem: RouteProblem, route: readonly number[]): boolean {
  const stats = routeStats(problem, route);
  return (
    stats.loadMax <= problem.capacity + CHECK_EPSILON &&
    stats.durationMin <= (problem.durationMin ? (problem.maxDurationMin ?? Infinity) : Infinity) + CHECK_EPSILON
  );
}

/** The run in its cheaper direction among the feasible ones (forward when tied or when neither is feasible). */
function orient(problem: RouteProblem, route: number[]): number[] {
  const reversed = [...route].reverse();
  const forwardOk = feasible(problem, route);
  const reversedOk = feasible(problem, reversed);
  if (reversedOk && (!forwardOk || routeStats(problem, reversed).cost < routeStats(problem, route).cost - 1e-9)) {
    return reversed;
  }
  return route;
}

/** Cuts an infeasible run into feasible ones, keeping the order. */
function cut(problem: RouteProblem, route: number[]): number[][] {
  if (feasible(problem, route)) return [route];
  const out: number[][] = [];
  let current: number[] = [];
  for (const node of route) {
    const candidate = [...current, node];
    if (current.length > 0 && !feasible(problem, candidate)) {
      out.push(current);
      current = [node];
    } else current = candidate;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * Feasible runs from the search's answer.
 * @param problem the (screened) problem
 * @param routes runs of station numbers
 * @returns the runs, and the stations left out for lack of vans
 */
export function finalizeRoutes(problem: RouteProblem, routes: number[][]): { routes: number[][]; dropped: number[] } {
  let out = routes
    .filter((route) => route.length > 0)
    .flatMap((route) => cut(problem, orient(problem, route)).map((run) => orient(problem, run)));
  const dropped: number[] = [];
  const maxVehicles = problem.maxVehicles ?? Infinity;
  while (out.length > maxVehicles) {
    let smallest = 0;
    for (let r = 1; r < out.length; r++) if (out[r].length < out[smallest].length) smallest = r;
    const [removed] = out.splice(smallest, 1);
    for (const node of removed) {
      if (!insertCheapest(problem, out, node)) dropped.push(node);
    }
    out = out.filter((route) => route.length > 0);
  }
  return { routes: out, dropped };
}

/** Inserts `node` at its cheapest feasible place in `routes`; false when it fits nowhere. */
function insertCheapest(problem: RouteProblem, routes: number[][], node: number): boolean {
  let best = Infinity;
  let bestRoute = -1;
  let bestAt = -1;
  routes.forEach((route, r) => {
    const before = routeStats(problem, route).cost;
    for (let at = 0; at <= route.length; at++) {
      const candidate = [...route.slice(0, at), node, ...route.slice(at)];
      if (!feasible(problem, candidate)) continue;
      const delta = routeStats(problem, candidate).cost - before;
      if (delta < best) {
        best = delta;
        bestRoute = r;
        bestAt = at;
      }
    }
  });
  if (bestRoute < 0) return false;
  routes[bestRoute].splice(bestAt, 0, node);
  return true;
}
