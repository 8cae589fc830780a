/**
 * Whether Suggest plans on road reach, and the plan file's record of it. Suggest uses the road network as the
 * OSRM-table path uses a matrix (src/app/user-data/travel-matrix.ts): the road worker computes the table of
 * travel times from every user village (file order) to every imported candidate site (file order), cut at the
 * station reach, exactly as `npm run plan -- --roads FILE --reach-minutes M` does in Node (src/cli/plan-roads.ts),
 * so the plan is the same. That needs the same inputs: the imported candidates, and the user's villages as the
 * whole demand (the area = their counties) with every fixed station at a candidate. Pure: state in, answer out.
 */
import { SITE_ROLE } from '../../core/plan-types';
import { SITE_STATUS } from '../../core/types';
import type { PlanFileRoads } from '../../io/plan-file';
import { t } from '../../ui/i18n';
import type { AppState } from '../store';
import { reachText } from '../user-data/travel-matrix';
import type { RoadFileInfo } from './state';

/** How Suggest uses the road network. */
export type RoadUse =
  /** No network loaded, or road reach turned off. */
  | { kind: 'none' }
  /** A network that cannot be used for this plan: why. */
  | { kind: 'unused'; message: string }
  /**
   * Used: the road file and the station reach in minutes (`radius` in seconds for `PlanParams.radius`); for two
   * tiers with the center reach in minutes, that reach by road too (`centerMinutes`, driving out of the center).
   */
  | { kind: 'used'; roads: RoadFileInfo; minutes: number; radius: number; centerMinutes?: number };

/** Whether and how Suggest uses the road network in this state. */
export function roadUse(state: AppState): RoadUse {
  const { roads, settings, userData, province } = state;
  if (roads.status !== 'ready' || roads.file === null || !settings.roadReach) return { kind: 'none' };
  const unused: RoadUse = { kind: 'unused', message: t('roadsNeedData') };
  const { villages, candidates } = userData;
  if (!settings.importedCandidates || candidates === null || villages === null || province === null) return unused;
  const userDemand = province.userVillages?.demand ?? 0;
  if (province.demandCount !== userDemand || userDemand !== villages.count) return unused;
  const at = new Set<string>();
  for (let j = 0; j < candidates.count; j++) at.add(`${candidates.lon[j]},${candidates.lat[j]}`);
  const sites = state.plan.sites;
  for (let k = 0; k < sites.count; k++) {
    const fixed = sites.status[k] === SITE_STATUS.existing || sites.status[k] === SITE_STATUS.locked;
    if (fixed && sites.role[k] === SITE_ROLE.station && !at.has(`${sites.lon[k]},${sites.lat[k]}`)) return unused;
  }
  const minutes = settings.roadReachMin;
  const byRoad = settings.model === 'two-tier' && settings.centerReachUnit === 'min';
  return {
    kind: 'used',
    roads: roads.file,
    minutes,
    radius: minutes * 60,
    ...(byRoad && { centerMinutes: settings.centerDurationMin }),
  };
}

/** The line about the road network's use (plan card), or null without one. */
export function roadUseLine(use: RoadUse): string | null {
  if (use.kind === 'none') return null;
  if (use.kind === 'unused') return use.message;
  const line = t('roadsUsed', { file: use.roads.name, reach: reachText(use.minutes, 'min') });
  if (use.centerMinutes === undefined) return line;
  return `${line} ${t('roadsCenterReach', { reach: reachText(use.centerMinutes, 'min') })}`;
}

/** The plan file's `roads` field: the road file and profile of the current plan's suggestion, if it used roads. */
export function planFileRoads(state: AppState): PlanFileRoads | undefined {
  const reach = state.plan.suggestion?.reach;
  if (reach?.kind !== 'road') return undefined;
  const { name, size, sha256, profile } = reach.roads;
  return { name, size, sha256, profile };
}
