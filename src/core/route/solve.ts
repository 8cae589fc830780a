/**
 * `solveRoutes`: the daily runs from one depot. Stations no run can serve alone are set aside with their reason
 * (validate.ts); up to 8 stations are solved exactly (brute-force.ts); larger problems by the Hybrid Genetic Search
 * with SWAP* (T. Vidal, "Hybrid genetic search for the CVRP: Open-source implementation and SWAP* neighborhood",
 * Computers & OR 140 (2022) 105643; Vidal, Crainic, Gendreau, Lahrichi, Rei, Operations Research 60(3) (2012)
 * 611-624), extended to simultaneous pickup and delivery by load segments (Vidal et al., EJOR 234 (2014) 658-673).
 * Then the runs are made feasible on the problem's own matrices (repair.ts).
 */
import { createRandom } from '../random';
import { BRUTE_FORCE_MAX, bruteForceRoutes } from './brute-force';
import { solutionCost, routeViolations } from './evaluate';
import { runHgs } from './hgs';
import { buildInstance } from './instance';
import { finalizeRoutes } from './repair';
import type { RouteOptions, RouteProblem, RouteSolution, UnroutedReason, UnroutedStation } from './types';
import { checkProblem, screenStations, subProblem } from './validate';

/** Name of the method in `RouteSolution.solver`. */
export const HGS_SOLVER = 'HGS (Vidal 2022) with SWAP*, simultaneous pickup and delivery';
export const EXACT_SOLVER = 'exact enumeration (at most 8 stations)';

/** Default time budget in seconds. */
export const DEFAULT_TIME_LIMIT_SEC = 10;
/** Default idle iterations before stopping (HGS-CVRP nbIter). */
export const DEFAULT_MAX_ITER_NO_IMPROVEMENT = 20000;

/**
 * Plans the runs of one depot.
 * @param problem depot, stations, loads, capacity, shift, fleet and travel costs
 * @param options seed, time budget, progress and cancel
 * @returns the runs (station node numbers), their total cost, and the stations left out with why
 * @throws RouteProblemError when the problem as a whole is unusable (capacity not positive, arrays too short)
 * @example
 * const solution = solveRoutes(problem, { seed: 1, timeLimitSec: 2 });
 * solution.routes; // [[3, 1, 2], [4, 5]]
 */
export function solveRoutes(problem: RouteProblem, options: RouteOptions = {}): RouteSolution {
  const startedAt = performance.now();
  checkProblem(problem);
  const { keep, unrouted } = screenStations(problem);
  const sub = subProblem(problem, keep);
  let routes: number[][];
  let solver = EXACT_SOLVER;
  const exact = keep.length <= BRUTE_FORCE_MAX ? bruteForceRoutes(sub) : null;
  if (exact !== null) routes = exact.routes;
  else if (keep.length <= 1) routes = keep.length === 1 ? [[1]] : [];
  else {
    solver = HGS_SOLVER;
    const timeLimitSec = options.timeLimitSec ?? DEFAULT_TIME_LIMIT_SEC;
    const result = runHgs(buildInstance(sub), {
      random: createRandom(options.seed ?? 1),
      deadline: startedAt + 1000 * timeLimitSec,
      maxIterNoImprovement: options.maxIterNoImprovement ?? DEFAULT_MAX_ITER_NO_IMPROVEMENT,
      untilTimeLimit: options.untilTimeLimit ?? false,
      shouldStop: options.shouldStop,
      onProgress: options.onProgress,
      startedAt,
    });
    routes = result.routes;
  }
  const final = finalizeRoutes(sub, routes);
  const fleetShort: UnroutedStation[] = final.dropped.map((i) => ({ node: keep[i - 1], reason: 'fleet-too-small' }));
  const all = [...unrouted, ...fleetShort].sort((a, b) => a.node - b.node);
  const cost = solutionCost(sub, final.routes);
  options.onProgress?.(1, cost);
  return {
    routes: final.routes.map((route) => route.map((i) => keep[i - 1])),
    cost,
    feasible: routeViolations(sub, final.routes).length === 0,
    unrouted: all,
    solver,
    seconds: (performance.now() - startedAt) / 1000,
  };
}

/** English explanation of each reason, for messages naming the station (the shells translate by code). */
export const UNROUTED_TEXT: Record<UnroutedReason, string> = {
  'load-over-capacity': 'its delivery or its pickup alone is more than the van capacity',
  'shift-too-short': 'the shift is too short to drive there and back with the stop',
  unreachable: 'it has no finite travel cost or time to or from the depot',
  'fleet-too-small': 'every van allowed by the fleet limit is full',
  'bad-load': 'its delivery or pickup is not a number >= 0',
};

/**
 * One-line message for a station left out, e.g. "station Xiaocun (12) not routed: the shift is too short ...".
 * @param station the unrouted station
 * @param name how to name it (default its node number)
 */
export function describeUnrouted(station: UnroutedStation, name?: string): string {
  const label = name === undefined ? `station ${station.node}` : `station ${name} (${station.node})`;
  return `${label} not routed: ${UNROUTED_TEXT[station.reason]}`;
}
