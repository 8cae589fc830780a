/**
 * The phasing as an edit of the plan: every site's phase set from the coverage worker's years in one undoable
 * step (`commitPlan`), the suggestion's figures kept (phases change no position, so they still describe the plan).
 */
import { siteTable, type SiteTable } from '../../core/live/sites';
import type { PhaseResult } from '../../core/phase/phase-types';
import { commitPlan } from '../planner/actions';
import type { PhaseParams } from './state';
import type { AppState } from '../store';

/** The sites with each site's phase replaced by `year` (same ids, positions, statuses and roles). */
export function withPhases(sites: SiteTable, year: Uint8Array): SiteTable {
  if (year.length !== sites.count) throw new Error(`Expected ${sites.count} years, got ${year.length}.`);
  return siteTable(sites.lon, sites.lat, sites.status, sites.role, sites.id, Uint8Array.from(year));
}

/**
 * Applies a phasing computed for `phased` (the plan's sites when it was asked): one undoable edit, and the
 * figures for the card. Null when the plan changed meanwhile (the years would belong to other sites).
 */
export function applyPhasing(
  state: AppState,
  phased: SiteTable,
  params: PhaseParams,
  result: PhaseResult,
): Partial<AppState> | null {
  if (state.plan.sites !== phased || result.year.length !== phased.count) return null;
  const sites = withPhases(phased, result.year);
  return {
    ...commitPlan(state, { ...state.plan, sites }),
    phase: {
      ...state.phase,
      running: false,
      error: null,
      outcome: {
        sites,
        params,
        years: result.years,
        unaffordable: result.unaffordable.length,
        demandVillages: result.demandVillages,
      },
    },
  };
}
