/**
 * The planner's state as a plan file (src/io/plan-file.ts, `ruralreach-plan` version 2): settings, the current
 * plan, the saved scenarios and the delivery runs, sites with readable status and role names. Pure; cheap (one row per site).
 */
import { siteTable, uniqueSiteIds, type SiteTable } from '../../core/live/sites';
import { SITE_ROLE, SITE_ROLE_NAMES } from '../../core/plan-types';
import { SITE_STATUS, SITE_STATUS_NAMES } from '../../core/types';
import { writePlanFile, type JsonObject, type PlanFilePlan, type PlanFileSite } from '../../io/plan-file';
import type { PlanSnapshot } from './state';
import type { AppState } from '../store';
import { planFileRoads } from '../roads/use';
import { planFileData } from '../user-data/user-data';
import { runsPlanFile } from '../routes/request';

/** A value as a JSON object (NaN and Infinity become null, as JSON has them). */
const asJson = (value: object | null): JsonObject | null =>
  value === null ? null : (JSON.parse(JSON.stringify(value)) as JsonObject);

function planOf(plan: PlanSnapshot): PlanFilePlan {
  const sites: SiteTable = plan.sites;
  return {
    sites: Array.from({ length: sites.count }, (_, k) => ({
      id: sites.id[k],
      lon: sites.lon[k],
      lat: sites.lat[k],
      status: SITE_STATUS_NAMES[sites.status[k]],
      role: SITE_ROLE_NAMES[sites.role[k]],
      ...(sites.phase[k] > 0 && { phase: sites.phase[k] }),
    })),
    suggestion: asJson(plan.suggestion),
  };
}

/**
 * The plan file text of the state.
 * @example readPlanFile(planFileOfState(state)).plan.sites.length === state.plan.sites.count
 */
export function planFileOfState(state: AppState): string {
  const roads = planFileRoads(state);
  return writePlanFile({
    provinceCode: state.provinceCode,
    settings: asJson(state.settings)!,
    plan: planOf(state.plan),
    scenarios: state.scenarios.map((s) => ({
      id: s.id,
      name: s.name,
      provinceCode: s.provinceCode,
      settings: asJson(s.settings)!,
      plan: planOf(s.plan),
    })),
    data: planFileData(state.provinceCode, state.userData),
    rollout: asJson(state.rollout.params)!,
    ...(roads !== undefined && { roads }),
    runs: runsPlanFile(state),
  });
}

/**
 * The site table of a plan file's sites (as read by `readPlanFile`): ids kept (blank or repeated ones get fresh
 * `S<n>` ids), phases kept (absent = 0, none; years above 255 are clamped to 255).
 */
export function sitesOfPlanFile(sites: readonly PlanFileSite[]): SiteTable {
  return siteTable(
    Float64Array.from(sites, (s) => s.lon),
    Float64Array.from(sites, (s) => s.lat),
    Uint8Array.from(sites, (s) => SITE_STATUS[s.status]),
    Uint8Array.from(sites, (s) => SITE_ROLE[s.role]),
    uniqueSiteIds(sites.map((s) => s.id)),
    Uint8Array.from(sites, (s) => Math.min(255, s.phase ?? 0)),
  );
}
