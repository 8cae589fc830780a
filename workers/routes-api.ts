/**
 * What the routes worker (workers/routes.worker.ts) answers: the daily delivery runs of a plan (`planRuns`,
 * src/core/route/plan-runs.ts) for the page, with the county of each center. Types only, so the page's shells may
 * import them.
 */
import type { RunParams } from '../src/core/route/run-params';
import type { RunsResult } from '../src/core/route/plan-runs';
import type { Progress } from '../src/core/types';

/** One request: the plan's open sites, the demand villages and the run parameters. */
export interface RoutesRequest {
  /** Demand villages (the coverage worker's, `RunsDemand`), lon/lat degrees, with each one's county code. */
  villages: { count: number; lon: Float64Array; lat: Float64Array };
  /** County code of each village (the county of a center is that of its nearest village). */
  villageCounty: readonly string[];
  /** Factor of each village on the per-village parcels and pickups (weight / mean weight); absent = 1 each. */
  villageFactor?: Float64Array;
  /** The plan's open sites: positions, SITE_ROLE code and id. */
  sites: { count: number; lon: Float64Array; lat: Float64Array; role: Uint8Array; id: readonly string[] };
  /** Station reach and center reach, great-circle km (the plan's). */
  stationReachKm: number;
  centerReachKm: number;
  params: Partial<RunParams>;
  /** Seed and time budget of the whole plan's search (seconds). */
  seed: number;
  timeBudgetSec: number;
}

/** The answer: `planRuns`'s result and the county code of each center of `result.centers` ("" when unknown). */
export interface RoutesAnswer {
  result: RunsResult;
  centerCounty: string[];
}

/** The routes worker's operations. */
export interface RoutesApi {
  /**
   * Plans the runs of every center; one call at a time.
   * @param onProgress share of stations done (at most every 50 ms)
   * @param stopFlag a shared flag the page raises to cancel (the best runs so far are returned)
   * @throws RunParamsError's message when a parameter is unusable
   */
  plan(request: RoutesRequest, onProgress?: (progress: Progress) => void, stopFlag?: Int32Array): Promise<RoutesAnswer>;
  /** Asks a running call to stop (without a shared flag, seen only when the call yields). */
  cancel(): void;
}
