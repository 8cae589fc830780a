/**
 * The one entry of the planning engine that every shell calls (the `npm run plan` CLI, the planner worker), so
 * that they give the same plan for the same inputs and seed: check the request, run the model's solver, and
 * measure the coverage of its sites.
 */
import { assignmentMetrics, coverageMetrics } from './plan-metrics';
import { solveModel, stationCoverage } from './plan-solvers';
import { checkPlanRequest } from './plan-check';
import type { PlanMetrics, PlanRequest, PlanResult } from './plan-types';
import type { SolveOptions } from './types';

/**
 * Runs one plan.
 *
 * Reach: with `request.matrix`, site j reaches demand i when `matrix[i][j] <= radius` (the matrix's unit);
 * without, when the great-circle distance is at most `radius` km. Coverage figures: for mclp, lscp and two-tier,
 * the weight within reach of an open site (two-tier: of a station its center serves); for pmedian and pcenter,
 * the same when `params.radius` is given, else the weight assigned to each site (every reachable point counts).
 * With `params.capacity` the figures are the weight each site serves under the solver's assignment.
 *
 * @param request demand, candidates (with statuses), optional matrix, model and parameters
 * @param options progress callback and stop flag; `params.seed` and `params.timeLimitSec` take precedence over
 *   the options' seed and time limit
 * @returns the solution, the role of each selected site and the coverage figures
 * @throws PlanRequestError when the request is inconsistent (sizes, missing or impossible parameters)
 * @example
 * const plan = await runPlan({ demand, candidates, params: { model: 'mclp', p: 20, radius: 3 } });
 * plan.metrics.coverage; // share of the weight within 3 km of one of the 20 sites
 */
export async function runPlan(request: PlanRequest, options: SolveOptions = {}): Promise<PlanResult> {
  checkPlanRequest(request);
  const { params } = request;
  const solveOptions: SolveOptions = {
    ...options,
    seed: params.seed ?? options.seed ?? 1,
    timeLimitSec: params.timeLimitSec ?? options.timeLimitSec,
  };
  const solved = await solveModel(request, solveOptions);
  const { solution } = solved;
  const { assignment } = solved;
  const byAssignment = assignment !== undefined && (params.radius === undefined || params.capacity !== undefined);
  const metrics: PlanMetrics = byAssignment
    ? assignmentMetrics(request.demand.weight, solution.selected, assignment, request.matrix)
    : coverageMetrics(
        solved.coverage ?? stationCoverage(request),
        request.demand.weight,
        solution.selected,
        solved.served,
      );
  return { params: { ...params }, solution, roles: solved.roles, metrics };
}
