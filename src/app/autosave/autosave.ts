/**
 * The autosave layout of the planner's serialisable state (settings, the current plan and the saved scenarios) as
 * versioned JSON; src/io/plan-file.ts reads it as plan file version 0. Version 1; a newer app reads older
 * versions, and anything unreadable is ignored rather than breaking the page. Where it is kept and when it is
 * written: autosave/bind.ts (IndexedDB, autosave/idb.ts; `AUTOSAVE_KEY` is the old localStorage key, migrated once).
 */
import {
  siteTable,
  sitesFromRows,
  sitesToRows,
  uniqueSiteIds,
  type SiteRow,
  type SiteTable,
} from '../../core/live/sites';
import {
  DEFAULT_SETTINGS,
  type PlanSettings,
  type PlanSnapshot,
  type Scenario,
  type SuggestionInfo,
} from '../planner/state';
import { decodeRolloutParams, encodeRolloutParams } from '../rollout/link';
import { restoreRoutes, type SavedRoutes } from '../routes/saved';
import type { AppState } from '../store';

/** The localStorage key of the autosave before it moved to IndexedDB; read once, then removed. */
export const AUTOSAVE_KEY = 'ruralreach.planner';
export const PLANNER_FILE_VERSION = 1;

interface SavedSnapshot {
  /** One `[lon, lat, status, role, id, phase]` row per site (`[lon, lat, status, role]` before site ids). */
  sites: (SiteRow | number[])[];
  suggestion: SuggestionInfo | null;
}

/** The saved planner, as JSON. */
export interface SavedPlanner {
  version: number;
  provinceCode: string;
  settings: PlanSettings;
  plan: SavedSnapshot;
  scenarios: (Omit<Scenario, 'plan'> & { plan: SavedSnapshot })[];
  /** The rollout's parameters as in a government link (`encodeRolloutParams`); absent in older saves. */
  rollout?: string;
  /** The delivery runs' settings (the runs themselves only in IndexedDB); absent in older saves. */
  routes?: SavedRoutes;
}

const saveSnapshot = (plan: PlanSnapshot): SavedSnapshot => ({
  sites: sitesToRows(plan.sites),
  suggestion: plan.suggestion,
});

/** JSON turns NaN into null; the figures of a suggestion get their NaN back. */
function readSuggestion(value: SuggestionInfo | null): SuggestionInfo | null {
  if (value === null || typeof value !== 'object') return null;
  const number = (v: unknown) => (typeof v === 'number' ? v : NaN);
  return { ...value, bound: number(value.bound), gap: number(value.gap), objective: number(value.objective) };
}

function readSnapshot(value: SavedSnapshot): PlanSnapshot {
  if (
    !Array.isArray(value?.sites) ||
    !value.sites.every((r) => Array.isArray(r) && (r.length === 4 || r.length === 6))
  ) {
    throw new Error('plan.sites must be rows of [lon, lat, status, role, id, phase]');
  }
  return { sites: sitesFromRows(value.sites), suggestion: readSuggestion(value.suggestion) };
}

/**
 * The planner's part of the state as structured-clone data, for IndexedDB: the state's own objects and typed
 * arrays, not copied (IndexedDB clones them when it writes, a memory copy rather than a JSON text).
 */
export interface PlannerData {
  version: number;
  provinceCode: string;
  settings: PlanSettings;
  plan: PlanSnapshot;
  scenarios: Scenario[];
  /** The rollout's parameters, encoded as in a government link (its result is recomputed, never saved). */
  rollout?: string;
  /** The delivery runs: settings and the last runs with the sites they were planned for (absent in older saves). */
  routes?: SavedRoutes;
}

/** The planner's part of the state, for {@link restorePlannerData}. */
export function plannerData(state: AppState): PlannerData {
  return {
    version: PLANNER_FILE_VERSION,
    provinceCode: state.provinceCode,
    settings: state.settings,
    plan: state.plan,
    scenarios: state.scenarios,
    rollout: encodeRolloutParams(state.rollout.params),
    routes: { settings: state.routes.settings, outcome: state.routes.outcome },
  };
}

/** Planner data as the JSON text of the autosave layout (sites as `[lon, lat, status, role, id, phase]` rows). */
export function serialisePlannerData(data: PlannerData): string {
  const saved: SavedPlanner = {
    ...data,
    plan: saveSnapshot(data.plan),
    scenarios: data.scenarios.map((s) => ({ ...s, plan: saveSnapshot(s.plan) })),
    // The text layout keeps the runs' settings only (the runs hold typed arrays; they are planned again).
    ...(data.routes !== undefined && { routes: { settings: data.routes.settings, outcome: null } }),
  };
  return JSON.stringify(saved);
}

/** The planner's part of the state as JSON text. */
export function serialisePlanner(state: AppState): string {
  return serialisePlannerData(plannerData(state));
}

/**
 * A site table read back from storage: typed arrays of `count` entries each, or an error. Tables saved before site
 * ids and phases get fresh `S<n>` ids and no phase.
 */
function checkSites(value: unknown): SiteTable {
  const t = value as Partial<SiteTable> | null;
  const n = t?.count;
  const ok =
    typeof n === 'number' &&
    Number.isInteger(n) &&
    n >= 0 &&
    t?.lon instanceof Float64Array &&
    t.lon.length === n &&
    t.lat instanceof Float64Array &&
    t.lat.length === n &&
    t.status instanceof Uint8Array &&
    t.status.length === n &&
    t.role instanceof Uint8Array &&
    t.role.length === n;
  if (!ok) throw new Error('plan.sites must be a site table');
  const table = t as SiteTable;
  const saved: unknown[] = Array.isArray(table.id) && table.id.length === n ? table.id : Array<string>(n).fill('');
  const ids = uniqueSiteIds(saved.map((x) => (typeof x === 'string' ? x : '')));
  const phase = table.phase instanceof Uint8Array && table.phase.length === n ? table.phase : new Uint8Array(n);
  return siteTable(table.lon, table.lat, table.status, table.role, ids, phase);
}

function checkSnapshot(value: PlanSnapshot): PlanSnapshot {
  return { sites: checkSites(value?.sites), suggestion: value?.suggestion ?? null };
}

/**
 * The state patch of saved planner data: settings and scenarios always, the plan only when it was made on the
 * province now shown. Null when the data is not a planner this version can read.
 */
export function restorePlannerData(data: unknown, state: AppState): Partial<AppState> | null {
  try {
    const saved = data as PlannerData;
    if (typeof saved !== 'object' || saved === null || !(saved.version >= 1 && saved.version <= PLANNER_FILE_VERSION)) {
      return null;
    }
    const sameProvince = saved.provinceCode === state.provinceCode;
    // An area is a list of one province's counties.
    const settings = { ...DEFAULT_SETTINGS, ...saved.settings, area: sameProvince ? (saved.settings?.area ?? []) : [] };
    const scenarios: Scenario[] = (saved.scenarios ?? []).map((s) => ({ ...s, plan: checkSnapshot(s.plan) }));
    const patch: Partial<AppState> = { settings, scenarios };
    if (sameProvince) patch.plan = checkSnapshot(saved.plan);
    // Rollout parameters that no longer pass the checks are dropped (the defaults stay), never half applied.
    const rollout = typeof saved.rollout === 'string' ? decodeRolloutParams(saved.rollout) : null;
    if (rollout !== null && rollout.problems.length === 0) {
      patch.rollout = { ...state.rollout, params: rollout.params };
    }
    const routes = restoreRoutes(saved.routes, patch.plan?.sites ?? null, state.routes);
    if (routes !== null) patch.routes = routes;
    return patch;
  } catch {
    return null;
  }
}

/**
 * The state patch of a saved planner text (autosave layout), as {@link restorePlannerData}.
 * Null when the text is not a planner this version can read.
 */
export function restorePlanner(text: string, state: AppState): Partial<AppState> | null {
  try {
    const saved = JSON.parse(text) as SavedPlanner;
    if (typeof saved !== 'object' || saved === null) return null;
    const plan = readSnapshot(saved.plan);
    const scenarios = (saved.scenarios ?? []).map((s) => ({ ...s, plan: readSnapshot(s.plan) }));
    return restorePlannerData({ ...saved, plan, scenarios }, state);
  } catch {
    return null;
  }
}
