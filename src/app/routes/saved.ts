/**
 * The delivery runs as the autosave keeps them: the card's settings and the last runs with the sites they were
 * planned for (structured clone into IndexedDB). Read back, the settings are checked again (a bad field keeps the
 * default) and the runs are kept only when they belong to the restored plan's sites.
 */
import type { SiteTable } from '../../core/live/sites';
import { checkRunParams, DEFAULT_RUN_PARAMS, type RunParams } from '../../core/route/run-params';
import { defaultRoutesSettings, sameSites, type RoutesOutcome, type RoutesSettings, type RoutesState } from './state';

/** What the autosave holds. */
export interface SavedRoutes {
  settings: RoutesSettings;
  outcome: RoutesOutcome | null;
}

/** Settings read back: each run parameter that passes the checks, else its default; weighted and budget likewise. */
export function readRoutesSettings(value: unknown): RoutesSettings {
  const base = defaultRoutesSettings();
  if (typeof value !== 'object' || value === null) return base;
  const saved = value as Partial<RoutesSettings>;
  const params: RunParams = { ...DEFAULT_RUN_PARAMS };
  const given = (typeof saved.params === 'object' && saved.params !== null ? saved.params : {}) as Record<
    string,
    unknown
  >;
  for (const key of Object.keys(DEFAULT_RUN_PARAMS) as (keyof RunParams)[]) {
    const v = given[key];
    if (typeof v === 'number' && checkRunParams({ ...params, [key]: v }).length === 0) params[key] = v;
  }
  return {
    params,
    weighted: typeof saved.weighted === 'boolean' ? saved.weighted : base.weighted,
    budgetSec:
      typeof saved.budgetSec === 'number' && Number.isFinite(saved.budgetSec) && saved.budgetSec > 0
        ? saved.budgetSec
        : base.budgetSec,
  };
}

/**
 * The routes part restored from saved data, or null when nothing was saved.
 * @param sites the restored plan's sites (the runs are kept when planned for the same sites), or null
 */
export function restoreRoutes(saved: unknown, sites: SiteTable | null, current: RoutesState): RoutesState | null {
  if (typeof saved !== 'object' || saved === null) return null;
  const value = saved as Partial<SavedRoutes>;
  const settings = readRoutesSettings(value.settings);
  const outcome = value.outcome;
  let keep = false;
  try {
    keep =
      sites !== null &&
      typeof outcome === 'object' &&
      outcome !== null &&
      outcome.siteIndex instanceof Int32Array &&
      Array.isArray(outcome.answer?.result?.centers) &&
      sameSites(outcome.sites, sites);
  } catch {
    // Runs saved in a shape this version cannot read are dropped; the settings stay.
  }
  return { ...current, settings, outcome: keep && outcome ? { ...outcome, sites: sites! } : null };
}
