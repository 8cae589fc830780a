/**
 * The planner's state as a plan file (src/io/plan-file.ts, `ruralreach-plan` version 1): settings, the current
 * plan and the saved scenarios, sites with readable status and role names. Pure; cheap (one row per site).
 */
import type { SiteTable } from '../core/live/sites';
import { SITE_ROLE_NAMES } from '../core/plan-types';
import { SITE_STATUS_NAMES } from '../core/types';
import { writePlanFile, type JsonObject, type PlanFilePlan } from '../io/plan-file';
import type { PlanSnapshot } from './plan-state';
import type { AppState } from './store';

/** A value as a JSON object (NaN and Infinity become null, as JSON has them). */
const asJson = (value: object | null): JsonObject | null =>
  value === null ? null : (JSON.parse(JSON.stringify(value)) as JsonObject);

function planOf(plan: PlanSnapshot): PlanFilePlan {
  const sites: SiteTable = plan.sites;
  return {
    sites: Array.from({ length: sites.count }, (_, k) => ({
      id: `site-${k + 1}`,
      lon: sites.lon[k],
      lat: sites.lat[k],
      status: SITE_STATUS_NAMES[sites.status[k]],
      role: SITE_ROLE_NAMES[sites.role[k]],
    })),
    suggestion: asJson(plan.suggestion),
  };
}

/**
 * The plan file text of the state.
 * @example readPlanFile(planFileOfState(state)).plan.sites.length === state.plan.sites.count
 */
export function planFileOfState(state: AppState): string {
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
    data: { demand: `embedded:${state.provinceCode}` },
  });
}
