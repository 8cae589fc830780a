/**
 * What an import does to the state, as pure functions returning the patch to apply (like planner/actions.ts):
 * imported existing sites join the plan, imported candidate sites become the candidates of Suggest, a plan file
 * replaces the planner's state, imported villages become the user's data. Each change of the plan is one undoable step (`commitPlan`); nothing here runs on a
 * failed import, so a bad file changes nothing.
 */
import { siteTable, uniqueSiteIds } from '../../core/live/sites';
import { SITE_ROLE } from '../../core/plan-types';
import { SITE_STATUS } from '../../core/types';
import { ID_SEPARATOR, type ImportedMatrix, type ImportedPoints } from '../../io/import-api';
import type { PlanFile, PlanFilePlan } from '../../io/plan-file';
import { commitPlan, switchProvince } from '../planner/actions';
import { sitesOfPlanFile } from '../planner/plan-file';
import {
  DEFAULT_SETTINGS,
  type PlanSettings,
  type PlanSnapshot,
  type Scenario,
  type SuggestionInfo,
} from '../planner/state';
import { rolloutParamsFromJson } from '../rollout/link';
import type { AppState } from '../store';
import { NO_USER_DATA, type UserCandidatesData, type UserVillagesData } from '../user-data/user-data';

/**
 * Appends imported sites to the plan as stations (one undoable step): `existing` for an existing-sites file, else
 * as the file's `status` column says (default `proposed`). File ids are kept (blank or repeated ones, or ids
 * already in the plan, get fresh `S<n>` ids). Candidate-sites files go to {@link setUserCandidates} instead.
 */
export function addImportedSites(state: AppState, points: ImportedPoints): Partial<AppState> {
  const before = state.plan.sites;
  const n = before.count + points.count;
  const join = <T extends Float64Array | Uint8Array>(a: T, b: T): T => {
    const out = new (a.constructor as new (n: number) => T)(n);
    out.set(a);
    out.set(b, a.length);
    return out;
  };
  const fileStatus =
    points.role === 'existing'
      ? new Uint8Array(points.count).fill(SITE_STATUS.existing)
      : (points.status ?? new Uint8Array(points.count).fill(SITE_STATUS.proposed));
  const fileIds = points.count === 0 ? [] : points.ids.split(ID_SEPARATOR);
  const sites = siteTable(
    join(before.lon, points.lon),
    join(before.lat, points.lat),
    join(before.status, fileStatus),
    join(before.role, new Uint8Array(points.count).fill(SITE_ROLE.station)),
    uniqueSiteIds([...before.id, ...fileIds]),
    join(before.phase, new Uint8Array(points.count)),
  );
  return commitPlan(state, { sites, suggestion: null });
}

/**
 * The user's candidate sites from an import: the candidates of Suggest from now on (the plan is not changed); a
 * travel matrix is matched to them by order (src/app/user-data/travel-matrix.ts).
 */
export function setUserCandidates(state: AppState, points: ImportedPoints): Partial<AppState> {
  const candidates: UserCandidatesData = {
    file: points.file,
    crs: points.crs,
    count: points.count,
    lon: points.lon,
    lat: points.lat,
    ids: points.ids,
    ...(points.status !== undefined && { status: points.status }),
  };
  return {
    userData: { ...state.userData, candidates },
    settings: { ...state.settings, importedCandidates: points.count > 0 },
  };
}

/** Settings of a plan file over the defaults (missing ones, e.g. from an older app, take the default). */
function settingsOf(settings: PlanFile['settings']): PlanSettings {
  const merged = { ...DEFAULT_SETTINGS, ...(settings as Partial<PlanSettings>) };
  return { ...merged, area: Array.isArray(merged.area) ? merged.area.map(String) : [] };
}

function snapshotOf(plan: PlanFilePlan): PlanSnapshot {
  const suggestion = plan.suggestion as unknown as SuggestionInfo | null;
  const number = (v: unknown) => (typeof v === 'number' ? v : NaN);
  return {
    sites: sitesOfPlanFile(plan.sites),
    // JSON wrote NaN as null: the figures get their NaN back.
    suggestion: suggestion && {
      ...suggestion,
      bound: number(suggestion.bound),
      gap: number(suggestion.gap),
      objective: number(suggestion.objective),
    },
  };
}

/**
 * The state of a plan file: its province, settings, plan and scenarios. On the same province the plan is one
 * undoable step (undo brings back the sites before it); another province starts a new history, as switching
 * province does.
 */
export function restorePlanFile(state: AppState, file: PlanFile): Partial<AppState> {
  const scenarios: Scenario[] = file.scenarios.map((s) => ({
    id: s.id,
    name: s.name,
    provinceCode: s.provinceCode,
    settings: settingsOf(s.settings),
    plan: snapshotOf(s.plan),
  }));
  const base: AppState =
    file.provinceCode === state.provinceCode ? state : { ...state, ...switchProvince(state, file.provinceCode) };
  const settings = settingsOf(file.settings);
  // The rollout's parameters pass the same checks as a government link's; unusable ones leave the current ones.
  const rollout = file.rollout === undefined ? null : rolloutParamsFromJson(file.rollout);
  return {
    ...(base === state ? {} : switchProvince(state, file.provinceCode)),
    ...commitPlan(base, snapshotOf(file.plan)),
    settings,
    scenarios,
    comparison: null,
    ...(rollout !== null && rollout.problems.length === 0 && { rollout: { ...state.rollout, params: rollout.params } }),
  };
}

/** The user's villages from an import (the worker places them in counties next). */
export function setUserVillages(state: AppState, points: ImportedPoints, weightField?: string): Partial<AppState> {
  const villages: UserVillagesData = {
    file: points.file,
    format: points.format,
    crs: points.crs,
    count: points.count,
    recordCount: points.recordCount,
    lon: points.lon,
    lat: points.lat,
    weight: points.weight,
    ids: points.ids,
    ...(weightField !== undefined && { weightField }),
  };
  return { userData: { ...state.userData, villages, placed: null } };
}

/** An OSRM matrix matched to the user's villages and candidates. */
export function setUserMatrix(state: AppState, matrix: ImportedMatrix): Partial<AppState> {
  return { userData: { ...state.userData, matrix } };
}

/** Back to the embedded villages and village candidates everywhere (the plan is kept). */
export function clearUserData(state: AppState): Partial<AppState> {
  return { userData: NO_USER_DATA, settings: { ...state.settings, importedCandidates: false } };
}
