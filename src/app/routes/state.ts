/**
 * The delivery runs card's part of the application state: the run parameters of the next "Plan runs" (defaults of
 * src/core/route/run-params.ts), the run's progress, and the last runs. The runs belong to the sites they were
 * planned for (`outcome.sites`, the plan's very table then): the map, the table and the export show them only while
 * that table is the current plan, so an edit or an undo hides them. The parameters and the last runs are autosaved
 * and written to the plan file (version 2).
 */
import type { SiteTable } from '../../core/live/sites';
import { DEFAULT_RUN_PARAMS, type RunParams } from '../../core/route/run-params';
import type { RoutesAnswer } from '../../../workers/routes-api';

/** What the planner chooses for the runs besides `RunParams`. */
export interface RoutesSettings {
  params: RunParams;
  /** True: each village's parcels and pickups are scaled by its weight / the mean weight (imported villages). */
  weighted: boolean;
  /** Time budget of the whole plan's search, seconds (default 3, `DEFAULT_RUNS_BUDGET_SEC`). */
  budgetSec: number;
}

/** The last planned runs. */
export interface RoutesOutcome {
  /** The plan's sites the runs were planned for. */
  sites: SiteTable;
  /** Index in `sites` of each site of the request (the open ones); the result's site indices point into this. */
  siteIndex: Int32Array;
  /** County name of each center, as shown when it was planned. */
  centerCountyName: string[];
  answer: RoutesAnswer;
  /** Seconds from the click to the result on the page. */
  wallSeconds: number;
}

/** Progress of a run. */
export interface RoutesRun {
  status: 'idle' | 'running' | 'cancelling';
  share: number;
  error: string | null;
}

export interface RoutesState {
  settings: RoutesSettings;
  run: RoutesRun;
  outcome: RoutesOutcome | null;
}

export const IDLE_ROUTES_RUN: RoutesRun = { status: 'idle', share: 0, error: null };

/** Default time budget of the app's runs in seconds ("a few seconds", as `planRuns`). */
export const DEFAULT_ROUTES_BUDGET_SEC = 3;

/** The settings of a fresh page: the defaults of run-params.ts, weighted villages, a 3 s budget. */
export function defaultRoutesSettings(): RoutesSettings {
  return { params: { ...DEFAULT_RUN_PARAMS }, weighted: true, budgetSec: DEFAULT_ROUTES_BUDGET_SEC };
}

/** A fresh routes part: default settings, no runs. */
export function initialRoutesState(): RoutesState {
  return { settings: defaultRoutesSettings(), run: IDLE_ROUTES_RUN, outcome: null };
}

/** The last runs when they belong to the current plan's sites, else null. */
export function currentOutcome(state: { routes: RoutesState; plan: { sites: SiteTable } }): RoutesOutcome | null {
  const outcome = state.routes.outcome;
  return outcome !== null && outcome.sites === state.plan.sites ? outcome : null;
}

/** True when two site tables hold the same sites (ids, positions, statuses, roles), e.g. after a reload. */
export function sameSites(a: SiteTable, b: SiteTable): boolean {
  if (a === b) return true;
  if (a.count !== b.count) return false;
  for (let k = 0; k < a.count; k++) {
    if (a.id[k] !== b.id[k] || a.lon[k] !== b.lon[k] || a.lat[k] !== b.lat[k]) return false;
    if (a.status[k] !== b.status[k] || a.role[k] !== b.role[k]) return false;
  }
  return true;
}
