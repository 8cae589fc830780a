/**
 * Edits of the plan as pure functions of the state: each returns the patch to apply (`store.set(patch)`), so the
 * same edit gives the same state in the app and in a unit test. Every change of the plan's sites goes through
 * `commitPlan`, which puts the old plan on the undo stack.
 */
import {
  addSite,
  moveSite,
  removeSite,
  setSitePhase,
  setSiteRole as withSiteRole,
  setSiteStatus,
  type SiteTable,
} from '../../core/live/sites';
import { SITE_ROLE } from '../../core/plan-types';
import { SITE_STATUS } from '../../core/types';
import { commit, emptyHistory, redo, undo } from '../history';
import { EMPTY_PLAN, type PlanSnapshot } from './state';
import type { AppState } from '../store';

/** Makes `plan` the current plan (undoable). */
export function commitPlan(state: AppState, plan: PlanSnapshot): Partial<AppState> {
  const { history, present } = commit(state.history, state.plan, plan);
  const selectedSite = state.selectedSite !== null && state.selectedSite < plan.sites.count ? state.selectedSite : null;
  return { history, plan: present, selectedSite, drag: null };
}

/** An edit by hand keeps the sites and forgets the suggestion's figures (they no longer describe the plan). */
function edited(state: AppState, sites: SiteTable): Partial<AppState> {
  return commitPlan(state, { sites, suggestion: null });
}

export function undoPlan(state: AppState): Partial<AppState> | null {
  const step = undo(state.history, state.plan);
  return step && { history: step.history, plan: step.present, selectedSite: null, drag: null };
}

export function redoPlan(state: AppState): Partial<AppState> | null {
  const step = redo(state.history, state.plan);
  return step && { history: step.history, plan: step.present, selectedSite: null, drag: null };
}

/** Adds a proposed station at [lon, lat] and selects it. */
export function addStation(state: AppState, lon: number, lat: number): Partial<AppState> {
  const sites = addSite(state.plan.sites, lon, lat, SITE_STATUS.proposed, SITE_ROLE.station);
  return { ...edited(state, sites), selectedSite: sites.count - 1 };
}

/** Drops site k at [lon, lat] (the end of a drag). */
export function dropSite(state: AppState, k: number, lon: number, lat: number): Partial<AppState> {
  return { ...edited(state, moveSite(state.plan.sites, k, lon, lat)), selectedSite: k };
}

export function deleteSite(state: AppState, k: number): Partial<AppState> {
  return { ...edited(state, removeSite(state.plan.sites, k)), selectedSite: null };
}

/** Marks site k proposed, existing, locked or excluded (a SITE_STATUS code). */
export function markSite(state: AppState, k: number, status: number): Partial<AppState> {
  return { ...edited(state, setSiteStatus(state.plan.sites, k, status)), selectedSite: k };
}

/** Makes site k a station or a county center (a SITE_ROLE code). */
export function setSiteRole(state: AppState, k: number, role: number): Partial<AppState> {
  return { ...edited(state, withSiteRole(state.plan.sites, k, role)), selectedSite: k };
}

/** Sets site k's rollout phase: year 1 to 5, or 0 for none (one undoable edit). */
export function phaseSite(state: AppState, k: number, phase: number): Partial<AppState> {
  return { ...edited(state, setSitePhase(state.plan.sites, k, phase)), selectedSite: k };
}

/** A new province starts from an empty plan and an empty history (sites belong to the villages they cover). */
export function switchProvince(state: AppState, provinceCode: string): Partial<AppState> {
  return {
    provinceCode,
    settings: { ...state.settings, area: [] },
    selectedCounty: null,
    plan: EMPTY_PLAN,
    history: emptyHistory(),
    selectedSite: null,
    drag: null,
    province: null,
    metrics: null,
    comparison: null,
    countyColour: state.countyColour,
  };
}
