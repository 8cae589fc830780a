/**
 * Runs the solver of each planning model on a checked request, and brings their conventions to one:
 * - budget: `params.p` counts the **new** sites, on top of existing and locked ones (the convention of
 *   `solve/max-coverage.ts`); the p-median and p-center solvers count every open site, so they get p + fixed;
 * - reach: `params.radius` in the matrix's unit with a matrix, else great-circle km;
 * - roles: every selected site is a station except two-tier centers (see plan-two-tier.ts).
 */
import { coverageByRadius } from './reach/radius';
import { coverageFromMatrix } from './reach/matrix';
import { solveMaxCoverage } from './solve/max-coverage';
import { solveSetCover } from './solve/set-cover';
import { solveTwoTierPlan } from './plan-two-tier';
import { solvePMedian } from './solve/p-median';
import { solvePCenter } from './solve/p-center';
import { PlanRequestError } from './plan-check';
import type { PlanRequest } from './plan-types';
import { SITE_STATUS, type CoverageSets, type Solution, type SolveOptions } from './types';

/** What a model's solver gave, in the plan's terms. */
export interface SolvedModel {
  solution: Solution;
  /** SITE_ROLE code of each selected site, aligned with `solution.selected`. */
  roles: Uint8Array;
  /** The station coverage sets, when the solver used them (reused for the metrics). */
  coverage?: CoverageSets;
  /** Selected sites that serve demand (two-tier: stations a center reaches), aligned with `selected`. */
  served?: Uint8Array;
  /** Open site serving each demand point (-1 when none), when the solver assigns demand to sites. */
  assignment?: Int32Array;
}

/** Coverage sets of the station reach `params.radius` (matrix units, or km on the sphere). */
export function stationCoverage(request: PlanRequest, radius = request.params.radius ?? Infinity): CoverageSets {
  if (request.matrix !== undefined) return coverageFromMatrix(request.matrix, radius);
  return coverageByRadius(request.demand, request.candidates, radius);
}

/** Number of existing and locked candidates (always open). */
export function fixedSiteCount(status: Uint8Array): number {
  let fixed = 0;
  for (const s of status) if (s === SITE_STATUS.existing || s === SITE_STATUS.locked) fixed++;
  return fixed;
}

/**
 * Solves the request's model.
 * @param request a request that passed `checkPlanRequest`
 * @param options seed, time limit, progress and stop flag, passed to the solver as they are
 */
export async function solveModel(request: PlanRequest, options: SolveOptions): Promise<SolvedModel> {
  const { params, demand, candidates, matrix } = request;
  const mode = params.exact ? 'exact' : 'heuristic';
  const stations = (solution: Solution): Uint8Array => new Uint8Array(solution.selected.length);
  const p = params.p ?? 0;
  switch (params.model) {
    case 'mclp': {
      const coverage = stationCoverage(request);
      const solution = await solveMaxCoverage(
        { coverage, weight: demand.weight, status: candidates.status },
        { ...options, p, mode, capacity: params.capacity },
      );
      return { solution, roles: stations(solution), coverage, assignment: solution.assignment };
    }
    case 'lscp': {
      const coverage = stationCoverage(request);
      const solution = await solveSetCover(
        { coverage, weight: demand.weight, status: candidates.status },
        { ...options, share: params.targetShare, mode },
      );
      return { solution, roles: stations(solution), coverage };
    }
    case 'pmedian': {
      const total = p + fixedSiteCount(candidates.status);
      const capacity =
        params.capacity === undefined ? undefined : new Float64Array(candidates.count).fill(params.capacity);
      const solution = await solvePMedian({ demand, candidates, matrix }, { ...options, p: total, mode, capacity });
      return { solution, roles: stations(solution), assignment: solution.assignment };
    }
    case 'pcenter': {
      const total = p + fixedSiteCount(candidates.status);
      const solution = await solvePCenter({ demand, candidates, matrix }, { ...options, p: total, mode });
      return { solution, roles: stations(solution), assignment: solution.assignment };
    }
    case 'two-tier': {
      const coverage = stationCoverage(request);
      const { plan, solution } = await solveTwoTierPlan(request, coverage, options);
      return { solution: { ...solution, selected: plan.selected }, roles: plan.roles, served: plan.served, coverage };
    }
    default:
      throw new PlanRequestError(`unknown model ${String(params.model)}`);
  }
}
