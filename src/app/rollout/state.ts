/**
 * The rollout's part of the application state: which mode the page is in, the parameters of the next rollout, the
 * run's progress, the last result (recomputed from the parameters in the worker, never autosaved) and what the
 * timeline and the breakdown table show.
 */
import { defaultRolloutParams } from '../../core/rollout/defaults';
import type { RolloutCountyRow, RolloutParams, RolloutResult } from '../../core/rollout/rollout-types';

/** The page's modes: the interactive planner or the national rollout. */
export type AppMode = 'planner' | 'rollout';

/** Columns of the breakdown table. */
export type BreakdownKey = 'name' | 'centers' | 'stations' | 'villagesCovered' | 'share' | 'spendYuan' | 'year';
export const BREAKDOWN_KEYS: readonly BreakdownKey[] = [
  'name',
  'centers',
  'stations',
  'villagesCovered',
  'share',
  'spendYuan',
  'year',
];

/** Progress of a rollout run. */
export interface RolloutRun {
  status: 'idle' | 'running' | 'cancelling';
  /** Share done in [0, 1]. */
  share: number;
  /** Message of the last failure, or null. */
  error: string | null;
}

export interface RolloutState {
  mode: AppMode;
  params: RolloutParams;
  run: RolloutRun;
  result: RolloutResult | null;
  /** Seconds from Run to the result on the page (the worker's own compute time is `result.seconds`). */
  wallSeconds: number | null;
  /** Year shown on the map, 1..years of the result. */
  year: number;
  playing: boolean;
  sort: { key: BreakdownKey; descending: boolean };
  /** Province whose counties the breakdown lists, or null for the per-province table. */
  breakdownProvince: string | null;
}

export const IDLE_ROLLOUT_RUN: RolloutRun = { status: 'idle', share: 0, error: null };

/** A fresh rollout part: planner mode, the programme's default parameters, no result. */
export function initialRolloutState(): RolloutState {
  return {
    mode: 'planner',
    params: defaultRolloutParams(),
    run: IDLE_ROLLOUT_RUN,
    result: null,
    wallSeconds: null,
    year: 1,
    playing: false,
    sort: { key: 'villagesCovered', descending: true },
    breakdownProvince: null,
  };
}

/** The next sort of the breakdown after a click on column `key` (a second click reverses; names ascend first). */
export function nextSort(current: RolloutState['sort'], key: BreakdownKey): RolloutState['sort'] {
  return { key, descending: current.key === key ? !current.descending : key !== 'name' };
}

/** Chinese collation of names, made once. */
const NAME_ORDER = new Intl.Collator('zh-CN');

/** Breakdown rows sorted by a column (ties by code); a new array. */
export function sortedRows(rows: readonly RolloutCountyRow[], sort: RolloutState['sort']): RolloutCountyRow[] {
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const order = sort.key === 'name' ? NAME_ORDER.compare(a.name, b.name) : a[sort.key] - b[sort.key];
    return sign * order || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  });
}

/** The year after `year` on a playing timeline: 1..years, then back to 1. */
export function nextYear(year: number, years: number): number {
  return year >= years ? 1 : year + 1;
}
