/**
 * The API of the planner worker (`workers/planner.worker.ts`), shared by the worker, which `implements` it, and
 * its caller (`src/app/planner/client.ts`), which holds a comlink `Remote<PlannerApi>`: a renamed method or a
 * changed signature fails to compile on both sides instead of failing at run time.
 *
 * Requests and results are typed arrays; the caller transfers the request's buffers (they are detached on its
 * side afterwards) and the worker transfers the result's buffers back.
 */
import type { PlanRequest, PlanResult } from './plan-types';
import type { Progress } from './types';
import { uniqueBuffers } from './transfer';

/** Operations of the planner worker. */
export interface PlannerApi {
  /**
   * Runs `runPlan(request)`: the same code and result as `npm run plan` for the same inputs and seed.
   * One plan at a time per worker; a second call while one runs is rejected.
   *
   * @param request demand, candidates, optional matrix, model and parameters
   * @param onProgress called now and then with the share done and the current objective (a comlink proxy)
   * @param stopFlag optional Int32Array on a SharedArrayBuffer (when the page is cross-origin isolated): the caller
   *   sets element 0 to 1 to stop; read with Atomics, so it works even while a solver never yields
   * @returns the plan; rejects with the error message when the plan fails
   */
  plan(request: PlanRequest, onProgress?: (progress: Progress) => void, stopFlag?: Int32Array): Promise<PlanResult>;

  /**
   * Asks the running plan to stop: the solver sees it at its next `shouldStop` check (after the worker's event loop
   * gets a turn) and the plan resolves with its best solution so far. No effect when nothing runs.
   */
  cancel(): void;

  /** True while a plan runs. */
  busy(): boolean;
}

/** The ArrayBuffers under a request's typed arrays, each once, for `Comlink.transfer`. */
export function requestBuffers(request: PlanRequest): ArrayBuffer[] {
  const { demand, candidates, matrix, centerCandidates, centerMatrix } = request;
  return uniqueBuffers([
    demand.lon,
    demand.lat,
    demand.weight,
    candidates.lon,
    candidates.lat,
    candidates.status,
    matrix?.values,
    centerCandidates,
    centerMatrix?.values,
  ]);
}

/** The ArrayBuffers under a result's typed arrays, each once. */
export function resultBuffers(result: PlanResult): ArrayBuffer[] {
  const { solution, roles, metrics } = result;
  return uniqueBuffers([solution.selected, roles, metrics.siteCoveredWeight, metrics.siteMarginalWeight]);
}
