/**
 * One province of a national rollout as a planner's plan: the rollout's centers and stations in that province as a
 * `SiteTable` (phase = the year each opens) and the planner settings that count coverage as the rollout does
 * (two-tier, station reach `stationRadiusKm`, center reach `centerRadiusKm` in km, rural villages as demand). Pure:
 * the app's "Open in planner" (src/app/rollout/rollout.ts) applies the result as one undoable edit.
 *
 * What the planner then counts differs from the rollout's province row in one way only: the rollout counts a
 * province's rural village as covered when any built station reaches it, a station across the province border
 * included (stations.ts: "stations near a border serve the neighbours too"); the planner holds only the province's
 * own sites. The planner's covered count is therefore the row's `villagesCovered` minus the villages that only
 * stations of neighbouring provinces reach (`borderOnlyCovered`). Serving is the same on both sides: a rollout
 * station always lies within the center reach of its own county's center, which is in the same province, and the
 * planner serves a station from any open center within that reach.
 */
import type { ProvincePart } from '../../core/live/national';
import { siteTable, type SiteTable } from '../../core/live/sites';
import { SITE_ROLE } from '../../core/plan-types';
import { ROLLOUT_ROLE, type RolloutResult } from '../../core/rollout/rollout-types';
import { SITE_STATUS } from '../../core/types';
import { villageCode, type VillageTable } from '../../core/villages';
import { commitPlan, switchProvince } from '../planner/actions';
import type { PlanSettings } from '../planner/state';
import type { AppState } from '../store';

/** A rollout's province as the planner's plan. */
export interface RolloutPlan {
  /** 2-digit province code. */
  provinceCode: string;
  /** The province's built sites: centers then stations, in the rollout's order (by year, then by choice). */
  sites: SiteTable;
  /** Settings that make the live coverage count as the rollout: applied over the planner's current settings. */
  settings: Pick<
    PlanSettings,
    'model' | 'stations' | 'centers' | 'radiusKm' | 'centerRadiusKm' | 'centerReachUnit' | 'demand' | 'candidates'
  > & { importedCandidates: false };
}

/**
 * The sites of one province of a rollout, and the matching planner settings.
 *
 * A site belongs to the province when the village it stands at (`result.sites.village`, an index into the merged
 * table the rollout ran on) lies in the province file's slice `part` of that table: the province files hold the
 * villages of their own counties, so this is the site's county's province code. Sites are `proposed`, with
 * `phase` = the rollout year (1..years). Ids are those of `npm run rollout` (`center-<6-digit county code>`,
 * `station-<12-digit village code>`) when the province's own `table` is given, else stable ids made of the
 * village's index in the province file (`center-33-v1234`, `station-33-v567`), unique because a county has one
 * center and a village one station.
 *
 * @param result a rollout result
 * @param part where the province file's villages sit in the rollout's merged table (`RolloutClient.parts()`)
 * @param table the province file's decoded villages (same province and count as `part`), for the CLI's ids
 * @throws Error when `table` is not the file of `part`
 * @example
 * const plan = rolloutPlanOf(result, parts.find((p) => p.provinceCode === '33')!, zhejiangTable);
 * plan.sites.id[0]; // 'center-330122'
 */
export function rolloutPlanOf(result: RolloutResult, part: ProvincePart, table?: VillageTable): RolloutPlan {
  if (table !== undefined && (table.provinceCode !== part.provinceCode || table.count !== part.count)) {
    throw new Error(
      `Expected the villages of province ${part.provinceCode} (${part.count} villages), ` +
        `got province ${table.provinceCode} (${table.count} villages).`,
    );
  }
  const { sites } = result;
  const end = part.offset + part.count;
  const picked: number[] = [];
  for (let s = 0; s < sites.count; s++) {
    if (sites.village[s] >= part.offset && sites.village[s] < end) picked.push(s);
  }
  const code = part.provinceCode;
  const isCenter = (s: number) => sites.role[s] === ROLLOUT_ROLE.center;
  const idOf = (s: number): string => {
    const i = sites.village[s] - part.offset;
    if (table === undefined) return `${isCenter(s) ? 'center' : 'station'}-${code}-v${i}`;
    return isCenter(s) ? `center-${table.counties[table.countyIndex[i]]}` : `station-${villageCode(table, i)}`;
  };
  const plan = siteTable(
    Float64Array.from(picked, (s) => sites.lon[s]),
    Float64Array.from(picked, (s) => sites.lat[s]),
    new Uint8Array(picked.length).fill(SITE_STATUS.proposed),
    Uint8Array.from(picked, (s) => (isCenter(s) ? SITE_ROLE.center : SITE_ROLE.station)),
    picked.map(idOf),
    Uint8Array.from(picked, (s) => sites.year[s]),
  );
  const centers = picked.filter(isCenter).length;
  return {
    provinceCode: code,
    sites: plan,
    settings: {
      model: 'two-tier',
      stations: picked.length - centers,
      centers,
      radiusKm: result.params.stationRadiusKm,
      centerRadiusKm: result.params.centerRadiusKm,
      centerReachUnit: 'km',
      demand: 'rural',
      candidates: 'rural',
      importedCandidates: false,
    },
  };
}

/**
 * The state patch of "Open in planner": planner mode on the plan's province with its settings and sites. The
 * sites are one undoable edit (`commitPlan`): on the province already in view, undo brings back the plan before;
 * on another province the planner switches first as the province selector does (`switchProvince`: fresh history),
 * so undo gives the empty plan. The settings are not part of undo (they never are).
 */
export function openRolloutPlan(state: AppState, plan: RolloutPlan): Partial<AppState> {
  const switched = plan.provinceCode === state.provinceCode ? {} : switchProvince(state, plan.provinceCode);
  const base: AppState = { ...state, ...switched };
  return {
    ...switched,
    ...commitPlan(base, { sites: plan.sites, suggestion: null }),
    settings: { ...base.settings, ...plan.settings },
    rollout: { ...state.rollout, mode: 'planner', playing: false },
  };
}

/**
 * Rural villages of the province that only stations of other provinces reach (see the module comment): the
 * planner's covered count after `openRolloutPlan` is the province row's `villagesCovered` minus this.
 * @param result a rollout result
 * @param part the province's slice of the merged table
 * @param coveredByProvince for each village of the province file (file order), 1 when a station of the province
 *   itself reaches it within the station reach (e.g. the planner's `VILLAGE_STATE.covered`), else 0
 */
export function borderOnlyCovered(
  result: RolloutResult,
  part: ProvincePart,
  coveredByProvince: ArrayLike<number>,
): number {
  let n = 0;
  for (let i = 0; i < part.count; i++) if (result.villageYear[part.offset + i] > 0 && coveredByProvince[i] === 0) n++;
  return n;
}
