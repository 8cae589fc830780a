/**
 * Whether Suggest can use the user's travel matrix (an OSRM `table` response), and with which reach. The matrix is
 * matched by order: its rows are the user's villages (kept rows, file order), its columns the imported candidate
 * sites (file order). It drives the reach of Suggest only when that order is the plan's: Suggest uses the
 * imported candidates, the demand of the plan is exactly the user's villages (the area = the counties they
 * replaced; embedded villages have no row), and every existing or locked station stands at a candidate (others have
 * no column). Otherwise Suggest uses the straight-line reach and one message says why, with both sizes. The coverage
 * worker checks the same when it builds the request (`CoverageApi.userPlanRequest`). Pure: state in, answer out.
 */
import { SITE_ROLE, type PlanParams } from '../../core/plan-types';
import { SITE_STATUS } from '../../core/types';
import { formatNumber, formatPercent, t } from '../../ui/i18n';
import type { PlanSettings, SuggestionInfo } from '../planner/state';
import type { AppState } from '../store';

/** How Suggest uses the matrix. */
export type TableUse =
  /** No matrix. */
  | { kind: 'none' }
  /** A matrix that is not used: why (a message for the page), e.g. the sizes differ. */
  | { kind: 'unused'; message: string }
  /**
   * Used: station reach `value` in `unit` (minutes for durations, road km for distances), which is `radius` in the
   * matrix's own unit (seconds or metres) for `PlanParams.radius`.
   */
  | { kind: 'used'; file: string; unit: 'min' | 'km'; value: number; radius: number };

/** The station reach by a matrix in its display unit: minutes for durations (seconds), km for distances (metres). */
export function tableReach(
  settings: PlanSettings,
  matrixUnit: 's' | 'm',
): { unit: 'min' | 'km'; value: number; radius: number } {
  return matrixUnit === 's'
    ? { unit: 'min', value: settings.tableReachMin, radius: settings.tableReachMin * 60 }
    : { unit: 'km', value: settings.tableReachKm, radius: settings.tableReachKm * 1000 };
}

/** "30 min" or "5 km" in the current language. */
export function reachText(value: number, unit: 'min' | 'km'): string {
  return t(unit === 'min' ? 'reachMin' : 'reachKm', { n: formatNumber(value, 1) });
}

/** Whether and how Suggest uses the user's matrix in this state. */
export function tableUse(state: AppState): TableUse {
  const { matrix, villages, candidates } = state.userData;
  if (matrix === null) return { kind: 'none' };
  const unused = (message: string): TableUse => ({ kind: 'unused', message });
  const file = matrix.file;
  if (!state.settings.importedCandidates || candidates === null) return unused(t('tableNeedsCandidates', { file }));
  const province = state.province;
  if (villages === null || province === null) return unused(t('tableNeedsVillages', { file }));
  const userDemand = province.userVillages?.demand ?? 0;
  const sizes = () =>
    unused(
      t('tableSizes', {
        file,
        rows: matrix.rows,
        cols: matrix.cols,
        demand: province.demandCount,
        sites: candidates.count,
      }),
    );
  if (matrix.cols !== candidates.count || matrix.rows !== villages.count) return sizes();
  if (province.demandCount > userDemand) {
    return unused(t('tableEmbeddedDemand', { file, n: province.demandCount - userDemand, villages: villages.file }));
  }
  if (userDemand !== matrix.rows) return sizes();
  const at = new Set<string>();
  for (let j = 0; j < candidates.count; j++) at.add(`${candidates.lon[j]},${candidates.lat[j]}`);
  const sites = state.plan.sites;
  let off = 0;
  for (let k = 0; k < sites.count; k++) {
    const fixed = sites.status[k] === SITE_STATUS.existing || sites.status[k] === SITE_STATUS.locked;
    if (fixed && sites.role[k] === SITE_ROLE.station && !at.has(`${sites.lon[k]},${sites.lat[k]}`)) off++;
  }
  if (off > 0) return unused(t('tableStationsOff', { file, n: off }));
  return { kind: 'used', file, ...tableReach(state.settings, matrix.unit) };
}

/** The line about the table's use (data card and plan card), or null without a matrix. */
export function tableUseLine(use: TableUse): string | null {
  if (use.kind === 'none') return null;
  if (use.kind === 'unused') return use.message;
  return t('tableUsed', { file: use.file, reach: reachText(use.value, use.unit) });
}

/**
 * Which reach a suggestion used, e.g. "Suggested with travel times from table.json, 30 min" or "Suggested with
 * straight-line reach, 3 km" (plans made before the reach was recorded: straight line, `params.radius` km), or null
 * when the plan does not say.
 */
export function suggestionReachText(info: SuggestionInfo): string | null {
  // Plan files of version 1 keep no parameters with their suggestion.
  const params = info.params as Partial<PlanParams> | undefined;
  const reach = info.reach ?? { kind: 'line', radiusKm: params?.radius ?? NaN };
  if (reach.kind === 'line') {
    return Number.isFinite(reach.radiusKm) ? t('suggestedWithLine', { reach: reachText(reach.radiusKm, 'km') }) : null;
  }
  if (reach.kind === 'road') {
    const line = t('suggestedWithRoads', { file: reach.roads.name, reach: reachText(reach.minutes, 'min') });
    if (reach.centerMinutes === undefined) return line;
    return `${line}; ${t('roadsCenterReach', { reach: reachText(reach.centerMinutes, 'min') })}`;
  }
  const key = reach.unit === 'min' ? 'suggestedWithTimes' : 'suggestedWithDistances';
  return t(key, { file: reach.file, reach: reachText(reach.value, reach.unit) });
}

/** The engine's own figures of a suggestion, e.g. "Engine: covered weight 240 of 300 (80.0 %)", or null. */
export function engineFiguresText(info: SuggestionInfo): string | null {
  const total = info.totalWeight ?? (info.coverage > 0 ? info.coveredWeight / info.coverage : NaN);
  if (!Number.isFinite(total) || !Number.isFinite(info.coveredWeight)) return null;
  return t('engineFigures', {
    covered: formatNumber(info.coveredWeight, 2),
    total: formatNumber(total, 2),
    share: formatPercent(info.coverage, 1),
  });
}
