/**
 * The tables of a plan export, shared by the GeoJSON and CSV writers so that both say the same thing: one row
 * per selected site, per village and per county. Property names are documented in README.md ("GeoJSON/CSV export
 * properties") and are part of the file contract: keep them stable.
 */
import { nearestOpenSiteKm } from '../core/metrics/distance';
import { SITE_ROLE_NAMES, type PlanResult, type SiteRole } from '../core/plan-types';
import { SITE_STATUS_NAMES, type Candidates, type Demand, type SiteStatus } from '../core/types';
import { countyOfPoints, type CountyFeature } from './county-assign';
import { around } from 'geokdbush';
import KDBush from 'kdbush';

/** Everything an export needs. */
export interface PlanExportInput {
  demand: Demand;
  demandIds: readonly string[];
  candidates: Candidates;
  candidateIds: readonly string[];
  result: PlanResult;
  /** Station reach in km (great circle): a village is `covered` when its nearest open site is this close. */
  radiusKm?: number;
  /** Phase (year number, 1 = first) of each candidate, 0 = none. */
  phase?: ArrayLike<number>;
  /** County boundaries for the per-county table (e.g. public/data/counties.geojson). */
  counties?: readonly CountyFeature[];
}

/** One selected site. */
export interface SiteRow {
  id: string;
  lon: number;
  lat: number;
  role: SiteRole;
  status: SiteStatus;
  /** Year of the rollout, or null when the plan has no phases. */
  phase: number | null;
  coveredWeight: number;
  marginalWeight: number;
}

/** One village (demand point). */
export interface VillageRow {
  id: string;
  lon: number;
  lat: number;
  weight: number;
  /** Within `radiusKm` of an open site; null when no reach was given. */
  covered: boolean | null;
  /** Id of the nearest open site (great circle), null when none is open. */
  nearestSiteId: string | null;
  /** Distance to it in km, 3 decimals (metres), null when none is open. */
  nearestKm: number | null;
  /** 6-digit code of the village's county, null when outside every county (or no counties given). */
  countyCode: string | null;
}

/** One county with at least one village. */
export interface CountyRow {
  code: string;
  name: string;
  villages: number;
  coveredVillages: number;
  weight: number;
  coveredWeight: number;
  /** coveredWeight / weight in [0, 1]. */
  coverage: number;
  feature: CountyFeature;
}

/** The three tables. */
export interface PlanExportTables {
  sites: SiteRow[];
  villages: VillageRow[];
  counties: CountyRow[];
}

/** Degrees rounded to 6 decimals (about 0.1 m, RFC 7946 section 11.2). */
export const roundDegrees = (value: number): number => Math.round(value * 1e6) / 1e6;

/**
 * The tables of a plan: sites in ascending candidate index (as `plan.geojson`), villages in demand order,
 * counties in the order of `counties`, those without villages left out.
 */
export function planExportTables(input: PlanExportInput): PlanExportTables {
  const { demand, candidates, result } = input;
  const selected = result.solution.selected;
  const sites: SiteRow[] = Array.from(selected, (j, k) => ({
    id: input.candidateIds[j] ?? String(j),
    lon: roundDegrees(candidates.lon[j]),
    lat: roundDegrees(candidates.lat[j]),
    role: SITE_ROLE_NAMES[result.roles[k]],
    status: SITE_STATUS_NAMES[candidates.status[j]],
    phase: input.phase && input.phase[j] > 0 ? input.phase[j] : null,
    coveredWeight: result.metrics.siteCoveredWeight[k],
    marginalWeight: result.metrics.siteMarginalWeight[k],
  }));
  const nearestKm = nearestOpenSiteKm(demand, candidates, selected);
  const nearestSite = nearestOpenSite(demand, candidates, selected);
  const county = input.counties ? countyOfPoints(demand.lon, demand.lat, input.counties) : undefined;
  const villages: VillageRow[] = [];
  for (let i = 0; i < demand.count; i++) {
    const km = nearestKm[i];
    const j = nearestSite[i];
    villages.push({
      id: input.demandIds[i] ?? String(i),
      lon: roundDegrees(demand.lon[i]),
      lat: roundDegrees(demand.lat[i]),
      weight: demand.weight[i],
      covered: input.radiusKm === undefined ? null : km <= input.radiusKm,
      nearestSiteId: j < 0 ? null : (input.candidateIds[j] ?? String(j)),
      nearestKm: Number.isFinite(km) ? Math.round(km * 1000) / 1000 : null,
      countyCode: county && county[i] >= 0 ? input.counties![county[i]].properties.code : null,
    });
  }
  return { sites, villages, counties: countyRows(villages, county, input.counties ?? []) };
}

/** Candidate index of the nearest open site of each demand point (-1 when none is open). */
function nearestOpenSite(demand: Demand, candidates: Candidates, open: ArrayLike<number>): Int32Array {
  const out = new Int32Array(demand.count).fill(-1);
  if (open.length === 0) return out;
  const index = new KDBush(open.length);
  for (let k = 0; k < open.length; k++) index.add(candidates.lon[open[k]], candidates.lat[open[k]]);
  index.finish();
  for (let i = 0; i < demand.count; i++) out[i] = open[around(index, demand.lon[i], demand.lat[i], 1)[0]];
  return out;
}

/** A county row with nothing counted yet. */
export function emptyCountyRow(feature: CountyFeature): CountyRow {
  const { code, name } = feature.properties;
  return { code, name, villages: 0, coveredVillages: 0, weight: 0, coveredWeight: 0, coverage: 0, feature };
}

function countyRows(villages: VillageRow[], county: Int32Array | undefined, counties: readonly CountyFeature[]) {
  if (county === undefined) return [];
  const rows = counties.map(emptyCountyRow);
  villages.forEach((village, i) => {
    if (county[i] < 0) return;
    const row = rows[county[i]];
    row.villages++;
    row.weight += village.weight;
    if (village.covered) {
      row.coveredVillages++;
      row.coveredWeight += village.weight;
    }
  });
  for (const row of rows) row.coverage = row.weight > 0 ? row.coveredWeight / row.weight : 0;
  return rows.filter((row) => row.villages > 0);
}
