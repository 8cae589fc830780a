/**
 * The routes worker's request for the current plan (pure): the plan's open sites (excluded ones left out), the
 * demand villages of the coverage worker with their weights as factors, the plan's reaches and the card's settings.
 * Also the lines the map draws from a result.
 */
import type { RunsDemand } from '../../core/live/coverage-api';
import type { SiteTable } from '../../core/live/sites';
import { villageFactors } from '../../core/route/plan-runs';
import { SITE_STATUS } from '../../core/types';
import { runProperties, type RunsExportInput } from '../../io/export-runs';
import type { JsonObject, PlanFileRuns } from '../../io/plan-file';
import type { RouteLine } from '../../map/layers/routes';
import type { RoutesAnswer, RoutesRequest } from '../../../workers/routes-api';
import { currentOutcome, type RoutesOutcome, type RoutesSettings, type RoutesState } from './state';

/** Seed of the app's runs (as the planner's suggestions). */
export const ROUTES_SEED = 1;

export { villageFactors };

/**
 * The request for `sites` and `demand`.
 * @param reach the plan's station and center reach in km (`reachOf(settings)`)
 * @returns the request and, for each of its sites, the index in `sites`
 */
export function routesRequest(
  sites: SiteTable,
  demand: RunsDemand,
  reach: { radiusKm: number; centerRadiusKm: number },
  settings: RoutesSettings,
): { request: RoutesRequest; siteIndex: Int32Array } {
  const open: number[] = [];
  for (let k = 0; k < sites.count; k++) if (sites.status[k] !== SITE_STATUS.excluded) open.push(k);
  const siteIndex = Int32Array.from(open);
  const request: RoutesRequest = {
    villages: { count: demand.count, lon: demand.lon, lat: demand.lat },
    villageCounty: demand.countyCode,
    villageFactor: settings.weighted ? villageFactors(demand.weight) : undefined,
    sites: {
      count: open.length,
      lon: Float64Array.from(open, (k) => sites.lon[k]),
      lat: Float64Array.from(open, (k) => sites.lat[k]),
      role: Uint8Array.from(open, (k) => sites.role[k]),
      id: open.map((k) => sites.id[k]),
    },
    stationReachKm: reach.radiusKm,
    centerReachKm: reach.centerRadiusKm,
    params: settings.params,
    seed: ROUTES_SEED,
    timeBudgetSec: settings.budgetSec,
  };
  return { request, siteIndex };
}

/**
 * The runs as map lines: per van the center, its stations in order and the center again, at the plan's site
 * positions (`siteIndex` maps the result's site indices to `sites`).
 */
export function routeLines(answer: RoutesAnswer, sites: SiteTable, siteIndex: Int32Array): RouteLine[] {
  const at = (j: number): [number, number] => [sites.lon[siteIndex[j]], sites.lat[siteIndex[j]]];
  return answer.result.centers.flatMap((c) =>
    c.routes.map((route) => ({
      center: sites.id[siteIndex[route.center]],
      vehicle: route.vehicle,
      path: [at(route.center), ...route.stations.map(at), at(route.center)],
    })),
  );
}

/** The export input of planned runs: the request's sites (ids and positions of the plan), county codes and names. */
export function runsExportInput(outcome: RoutesOutcome): RunsExportInput {
  const { sites, siteIndex, answer } = outcome;
  return {
    result: answer.result,
    sites: {
      id: Array.from(siteIndex, (k) => sites.id[k]),
      lon: Array.from(siteIndex, (k) => sites.lon[k]),
      lat: Array.from(siteIndex, (k) => sites.lat[k]),
    },
    centerCounty: answer.centerCounty.map((code, k) => ({ code, name: outcome.centerCountyName[k] ?? '' })),
  };
}

/** A value as a JSON object (NaN and Infinity become null, as JSON has them). */
const asJson = (value: object): JsonObject => JSON.parse(JSON.stringify(value)) as JsonObject;

/**
 * The runs of a state for the plan file (version 2): the settings (run parameters, weighting, budget) and, while
 * they belong to the current plan, the last runs: per center its id, county, stations, figures and its vans with the
 * export's properties (ids, not indices), the totals and the stations left out with their reasons.
 */
export function runsPlanFile(state: { routes: RoutesState; plan: { sites: SiteTable } }): PlanFileRuns {
  const { settings } = state.routes;
  const outcome = currentOutcome(state);
  const params = asJson({ ...settings.params, weighted: settings.weighted, budgetSec: settings.budgetSec });
  if (outcome === null) return { params, result: null };
  const { result, centerCounty } = outcome.answer;
  const ids = Array.from(outcome.siteIndex, (k) => outcome.sites.id[k]);
  return {
    params,
    result: asJson({
      seconds: result.seconds,
      stopped: result.stopped,
      totals: result.totals,
      centers: result.centers.map((c, k) => ({
        center: ids[c.center],
        county: centerCounty[k],
        stations: c.stationCount,
        figures: c.figures,
        routes: c.routes.map((route) => runProperties(route, ids)),
      })),
      unrouted: result.unrouted.map((u) => ({ station: ids[u.station], reason: u.reason, message: u.message })),
    }),
  };
}
