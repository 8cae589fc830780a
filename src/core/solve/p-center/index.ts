/**
 * Vertex p-center: open p candidate sites minimising the largest distance from a demand point to its nearest
 * open site (S.L. Hakimi 1964, 1965). The planner's "nobody farther than X" suggestion. Demand weights only
 * select which points count (weight > 0); the objective is unweighted.
 */
import { createRandom } from '../../random';
import { createDistanceSource, type LocationInput } from '../../distance/distance-source';
import type { SolveOptions } from '../../types';
import { CenterSearch, shake } from './search';
import { distinctRadii, packingLowerBound, radiusContext } from './radius';
import { pCenterExact } from './exact';
import { coverWithin } from './descent';
import { assignedSolution, openIndices, servableDemand, siteRoles, type AssignedSolution } from '../p-median/sites';

/** Options of `solvePCenter`. */
export interface PCenterOptions extends SolveOptions {
  /** Number of open sites, existing and locked ones included (p >= existing + locked). */
  p: number;
  /**
   * `heuristic` (default): farthest-first + interchange (Mladenović et al. 2003) with VNS shakes, plus a packing
   * lower bound. `exact`: then a binary search over the candidate radii with HiGHS proving each step, within
   * `timeLimitSec`; needs every distance (a matrix, or demand x candidates <= 4,000,000 for coordinates).
   */
  mode?: 'heuristic' | 'exact';
  /** Interchange searches after the first: shakes of the best solution and fresh random starts (default 10). */
  restarts?: number;
  /** Nearest candidates kept per demand point (default: all when demand x candidates <= 4,000,000, else 64). */
  neighbours?: number;
  /** Covering local search steps per radius of the descent (default 20,000). */
  coverSteps?: number;
}

function nowSec(): number {
  return performance.now() / 1000;
}

/**
 * Solves the vertex p-center problem.
 *
 * Distances: the input matrix (its unit) or great-circle km. Existing and locked candidates are always open and
 * count toward p; excluded ones never open. Demand points no allowed candidate reaches are left out and counted
 * in `unreachable`. Deterministic for a given seed unless the time limit or `shouldStop` cuts the search.
 *
 * @param input demand, candidates (statuses), optional matrix
 * @param options p, mode, seed, timeLimitSec (default 60), restarts, onProgress, shouldStop
 * @returns open sites, the largest distance (objective), a proven lower bound, gap, optimality, assignment
 * @example
 * const plan = await solvePCenter({ demand: villages, candidates: sites }, { p: 40 });
 * plan.objective; // km from the worst-served village to its nearest site
 */
export async function solvePCenter(input: LocationInput, options: PCenterOptions): Promise<AssignedSolution> {
  const t0 = nowSec();
  const deadline = t0 + (options.timeLimitSec ?? 60);
  const exact = options.mode === 'exact';
  const { p } = options;
  const roles = siteRoles(input.candidates, p);
  const source = createDistanceSource(input, { neighbours: options.neighbours, complete: exact });
  const servable = servableDemand(source, roles);
  const search = new CenterSearch(source, roles, servable);
  const random = createRandom(options.seed ?? 1);
  const heuristicDeadline = exact ? t0 + (deadline - t0) * 0.25 : deadline;
  const limits = { deadlineSec: heuristicDeadline, shouldStop: options.shouldStop };
  const restarts = Math.max(0, options.restarts ?? 10);

  search.construct(p);
  search.localSearch(limits);
  let best: Uint8Array = search.state.open.slice();
  let bestValue = search.value();
  for (let k = 0; k < restarts && nowSec() < heuristicDeadline && !options.shouldStop?.(); k++) {
    if (k % 3 === 2) {
      // A fresh farthest-first start from a random allowed site.
      let first = Math.floor(random() * source.siteCount);
      while (!roles.allowed[first]) first = (first + 1) % source.siteCount;
      search.construct(p, first);
    } else {
      search.state.reset(openIndices(best));
      shake(search.state, roles, 1 + (k % 3), random);
    }
    search.localSearch(limits);
    const value = search.value();
    if (value.radius < bestValue.radius || (value.radius === bestValue.radius && value.count < bestValue.count)) {
      best = search.state.open.slice();
      bestValue = value;
    }
    options.onProgress?.({ share: (k + 1) / (restarts + 1), objective: bestValue.radius });
  }
  search.state.reset(openIndices(best));
  let objective = search.radius();
  const ctx = radiusContext(search.state, source, roles);
  const radii = distinctRadii(source, objective);
  let bound = packingLowerBound(ctx, radii, p);
  // Radius descent: cover within the next smaller candidate radius by weighted covering local search.
  const descent = {
    deadlineSec: heuristicDeadline,
    shouldStop: options.shouldStop,
    random,
    maxSteps: options.coverSteps,
  };
  for (let idx = radii.length - 1; idx > 0 && radii[idx - 1] >= bound && nowSec() < heuristicDeadline;) {
    const cover = coverWithin(ctx, radii[idx - 1], best, descent);
    if (!cover || options.shouldStop?.()) break;
    search.state.reset(openIndices(cover));
    best = cover;
    objective = search.radius();
    while (idx > 0 && radii[idx] > objective) idx--;
  }
  let optimal = objective <= bound;
  let solver =
    'farthest-first + interchange (Mladenović et al. 2003) + radius descent (weighted covering search) + packing bound';
  let open = best;
  if (exact && !optimal && Number.isFinite(objective)) {
    const result = await pCenterExact(ctx, radii, p, best, objective, bound, deadline, options.shouldStop);
    solver = `radius search with HiGHS set-cover checks (${result.mipCalls} MIP), from the heuristic`;
    search.state.reset(openIndices(result.open));
    search.state.greedyFill(p);
    if (search.radius() < objective) {
      objective = search.radius();
      open = search.state.open.slice();
    }
    bound = Math.max(bound, result.bound);
    optimal = objective <= bound;
  }
  return assignedSolution(source, open, servable, { objective, bound, optimal, solver, startedSec: t0 });
}
