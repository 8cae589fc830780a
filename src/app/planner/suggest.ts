/**
 * Suggest: runs the engine on the loaded province in the planner worker and makes its plan the current one
 * (undoable). The request is built by the coverage worker, which holds the villages, and only passes through the
 * page as transferred buffers; the result's candidate indices are turned back into sites there too. The candidates
 * are villages, or the user's imported candidate sites (whose ids the suggested sites keep); with a matching travel
 * matrix (src/app/user-data/travel-matrix.ts) the request carries it and the station reach in its unit; with a
 * loaded road network in use (src/app/roads/use.ts) the road worker's travel table takes the matrix's place.
 */
import type * as Comlink from 'comlink';
import type { CoverageApi } from '../../core/live/coverage-api';
import type { PlanParams, PlanRequest, PlanResult } from '../../core/plan-types';
import { centerPoints } from '../../core/plan-two-tier';
import { SITE_STATUS } from '../../core/types';
import { commitPlan } from './actions';
import { IDLE_RUN, planParams, type CoverageCurve, type SuggestionInfo } from './state';
import type { PlannerClient } from './client';
import type { AppState, Store } from '../store';
import { splitIds } from '../user-data/user-data';
import { tableUse } from '../user-data/travel-matrix';
import type { RoadTables } from '../roads/tables';
import { roadUse } from '../roads/use';

/** The greedy curve of a max-coverage result (its solution carries `greedyOrder` and `greedyCumulative`). */
export function coverageCurve(result: PlanResult, fixedSites: number): CoverageCurve | null {
  const solution = result.solution as Partial<{ greedyCumulative: Float64Array }>;
  const cumulative = solution.greedyCumulative;
  const total = result.metrics.totalWeight;
  if (!(cumulative instanceof Float64Array) || cumulative.length === 0 || !(total > 0)) return null;
  const stations = Array.from(cumulative, (_, k) => fixedSites + k + 1);
  const share = Array.from(cumulative, (weight) => weight / total);
  return { stations, share };
}

/** The figures of a result that the plan keeps. */
export function suggestionInfo(result: PlanResult, fixedSites: number, cancelled: boolean): SuggestionInfo {
  const { solution, metrics } = result;
  return {
    params: result.params,
    objective: solution.objective,
    bound: solution.bound,
    gap: solution.gap,
    optimal: solution.optimal,
    solver: solution.solver,
    seconds: solution.seconds,
    coveredWeight: metrics.coveredWeight,
    totalWeight: metrics.totalWeight,
    coverage: metrics.coverage,
    cancelled,
    curve: coverageCurve(result, fixedSites),
  };
}

/** The request builders of the coverage worker (promises), or of a `LiveSession` in a test. */
export interface RequestBuilder {
  planRequest(...args: Parameters<CoverageApi['planRequest']>): PlanRequest | Promise<PlanRequest>;
  userPlanRequest(...args: Parameters<CoverageApi['userPlanRequest']>): PlanRequest | Promise<PlanRequest>;
}

/** What a suggestion records about its inputs besides the engine's figures. */
type SuggestionInputs = Pick<SuggestionInfo, 'reach' | 'candidatesFile'>;

/**
 * The parameters and the coverage worker call of a suggestion: village candidates, or the imported candidate sites
 * (with the travel matrix and the reach in its unit when `tableUse` says it fits).
 */
export function requestPlan(
  state: AppState,
  roads?: RoadTables,
): {
  params: PlanParams;
  call: (coverage: RequestBuilder) => Promise<PlanRequest> | PlanRequest;
  inputs: SuggestionInputs;
} {
  const { settings, plan, userData } = state;
  const params = planParams(settings);
  const c = userData.candidates;
  const line: SuggestionInputs = { reach: { kind: 'line', radiusKm: settings.radiusKm } };
  if (!settings.importedCandidates || c === null) {
    return { params, call: (coverage) => coverage.planRequest(params, plan.sites, settings.candidates), inputs: line };
  }
  const sites = { lon: c.lon, lat: c.lat, ids: splitIds(c.ids, c.count), ...(c.status && { status: c.status }) };
  const road = roadUse(state);
  const v = userData.villages;
  if (road.kind === 'used' && roads !== undefined && v !== null) {
    const { centerMinutes } = road;
    const roadParams = {
      ...params,
      radius: road.radius,
      ...(centerMinutes !== undefined && { centerRadius: centerMinutes * 60 }),
    };
    return {
      params: roadParams,
      call: async (coverage) => {
        const matrix = await roads.table({ lon: v.lon, lat: v.lat }, { lon: c.lon, lat: c.lat }, road.radius);
        const request = await coverage.userPlanRequest(roadParams, plan.sites, sites, matrix);
        return centerMinutes === undefined ? request : withCenterTimes(request, roads, centerMinutes * 60);
      },
      inputs: {
        reach: {
          kind: 'road',
          roads: road.roads,
          minutes: road.minutes,
          ...(centerMinutes !== undefined && { centerMinutes }),
        },
        candidatesFile: c.file,
      },
    };
  }
  const use = tableUse(state);
  const m = userData.matrix;
  if (use.kind !== 'used' || m === null) {
    return {
      params,
      call: (coverage) => coverage.userPlanRequest(params, plan.sites, sites, null),
      inputs: { ...line, candidatesFile: c.file },
    };
  }
  const tableParams = { ...params, radius: use.radius };
  const matrix = { rows: m.rows, cols: m.cols, values: m.values };
  return {
    params: tableParams,
    call: (coverage) => coverage.userPlanRequest(tableParams, plan.sites, sites, matrix),
    inputs: {
      reach: { kind: 'table', file: use.file, value: use.value, unit: use.unit },
      candidatesFile: c.file,
    },
  };
}

/** A two-tier request with its center -> candidate times by road (`PlanRequest.centerMatrix`), cut at `seconds`. */
async function withCenterTimes(request: PlanRequest, roads: RoadTables, seconds: number): Promise<PlanRequest> {
  const { lon, lat } = request.candidates;
  return { ...request, centerMatrix: await roads.table(centerPoints(request), { lon, lat }, seconds) };
}

async function buildRequest(
  state: AppState,
  coverage: Comlink.Remote<CoverageApi>,
  roads?: RoadTables,
): Promise<{ request: PlanRequest; reach: SuggestionInputs }> {
  const { call, inputs } = requestPlan(state, roads);
  return { request: await call(coverage), reach: inputs };
}

/**
 * Runs one suggestion with the current settings; progress and errors go to `state.run`.
 * @returns once the plan is in the state (or the run failed)
 */
export async function suggest(
  store: Store,
  coverage: Comlink.Remote<CoverageApi>,
  planner: PlannerClient,
  roads?: RoadTables,
): Promise<void> {
  const start = store.get();
  if (start.run.status !== 'idle' || start.province === null) return;
  store.set({ run: { status: 'running', share: 0, error: null } });
  try {
    const { plan } = start;
    const { request, reach } = await buildRequest(start, coverage, roads);
    let fixed = 0;
    for (const s of request.candidates.status) if (s === SITE_STATUS.existing || s === SITE_STATUS.locked) fixed++;
    const result = await planner.plan(request, {
      onProgress: (progress) => {
        const run = store.get().run;
        if (run.status !== 'idle') store.set({ run: { ...run, share: Math.max(run.share, progress.share) } });
      },
    });
    const cancelled = store.get().run.status === 'cancelling';
    const sites = await coverage.sitesOf(result.solution.selected, result.roles, plan.sites);
    const now = store.get();
    if (now.provinceCode !== start.provinceCode) {
      store.set({ run: IDLE_RUN });
      return;
    }
    store.set({
      ...commitPlan(now, { sites, suggestion: { ...suggestionInfo(result, fixed, cancelled), ...reach } }),
      run: { status: 'idle', share: 1, error: null },
      countyColour: 'coverage',
    });
  } catch (error) {
    if (store.get().run.status === 'cancelling') store.set({ run: { ...IDLE_RUN, stopped: true } });
    else store.set({ run: { ...IDLE_RUN, error: error instanceof Error ? error.message : String(error) } });
  }
}

/**
 * How long a cancelled run may take to hand back its best plan before the worker is stopped, ms. A solver sees the
 * stop request at its next check; without cross-origin isolation the request is a message, which waits until the
 * solver yields, and some phases (e.g. a p-median bound) do not yield for seconds.
 */
export const CANCEL_GRACE_MS = 1500;

/**
 * Asks the running suggestion to stop: it ends with the best plan found so far, or, when the solver does not
 * answer within {@link CANCEL_GRACE_MS}, the planner worker is stopped and the plan before the run stays.
 */
export function cancelSuggestion(store: Store, planner: PlannerClient): void {
  const run = store.get().run;
  if (run.status !== 'running') return;
  store.set({ run: { ...run, status: 'cancelling' } });
  planner.cancel();
  setTimeout(() => {
    if (store.get().run.status === 'cancelling') planner.restart('cancelled');
  }, CANCEL_GRACE_MS);
}
