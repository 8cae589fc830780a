/**
 * The figures of a scheduled rollout: the sites as typed arrays, the cumulative figures of each year, the targets,
 * the year each village is first covered, and the per-county and per-province breakdown. Coverage is counted from
 * the built stations themselves (a station only opens with or after its county's center, which reaches it), so
 * every figure describes the same plan.
 */
import type { VillageTable } from '../villages';
import { centerCost, spendFromYear, stationCost } from './costs';
import type { RolloutNetwork } from './network';
import {
  ROLLOUT_ROLE,
  type RolloutCountyRow,
  type RolloutResult,
  type RolloutParams,
  type RolloutSites,
  type RolloutTargets,
  type RolloutYear,
} from './rollout-types';
import type { Schedule } from './schedule';

/** Target share of counties with a center (the programme's "more than one third"). */
export const COUNTY_TARGET = 1 / 3;
/** Target share of rural villages covered (the programme's "more than one sixth"). */
export const VILLAGE_TARGET = 1 / 6;

/** The chosen sites and their schedule. */
export interface ScheduledPlan {
  /** Chosen counties (centers) in order of choice, and their year (0 = not built). */
  centers: readonly number[];
  /** Rural index of each chosen station in order of choice. */
  stations: Uint32Array;
  schedule: Schedule;
  /** Score of each county when ranked (NaN when not scored). */
  countyScore: Float64Array;
}

/** The report part of a `RolloutResult`. */
export type RolloutReport = Pick<
  RolloutResult,
  | 'sites'
  | 'years'
  | 'targets'
  | 'totalSpendYuan'
  | 'ruralVillages'
  | 'counties'
  | 'villageYear'
  | 'countyRows'
  | 'provinceRows'
> & { unbuilt: { centers: number; stations: number } };

/** Built sites in the order of `RolloutSites`: centers then stations, each by year then by order of choice. */
function buildSites(villages: VillageTable, net: RolloutNetwork, plan: ScheduledPlan, params: RolloutParams) {
  const { centerYear, stationYear } = plan.schedule;
  const byYear = (years: Uint8Array): number[] =>
    Array.from({ length: years.length }, (_, k) => k)
      .filter((k) => years[k] > 0)
      .sort((a, b) => years[a] - years[b] || a - b);
  const centers = byYear(centerYear);
  const stations = byYear(stationYear);
  const count = centers.length + stations.length;
  const sites: RolloutSites = {
    count,
    lon: new Float64Array(count),
    lat: new Float64Array(count),
    role: new Uint8Array(count),
    year: new Uint8Array(count),
    county: new Uint16Array(count),
    village: new Uint32Array(count),
    setupYuan: new Float64Array(count),
  };
  const put = (at: number, role: number, year: number, county: number, r: number, setupYuan: number): void => {
    sites.role[at] = role;
    sites.year[at] = year;
    sites.county[at] = county;
    sites.village[at] = net.rural[r];
    sites.lon[at] = villages.positions[2 * net.rural[r]];
    sites.lat[at] = villages.positions[2 * net.rural[r] + 1];
    sites.setupYuan[at] = setupYuan;
  };
  centers.forEach((k, at) => {
    const c = plan.centers[k];
    const cost = centerCost(params.costs, net.countyProvince[c]).setupYuan;
    put(at, ROLLOUT_ROLE.center, centerYear[k], c, net.seat[c], cost);
  });
  stations.forEach((s, at) => {
    const r = plan.stations[s];
    const c = net.county[r];
    put(
      centers.length + at,
      ROLLOUT_ROLE.station,
      stationYear[s],
      c,
      r,
      stationCost(params.costs, net.countyProvince[c]).setupYuan,
    );
  });
  return sites;
}

/** Year each village (input index) is first covered by a built station, 0 when never. */
function villageYears(villages: VillageTable, net: RolloutNetwork, plan: ScheduledPlan): Uint8Array {
  const out = new Uint8Array(villages.count);
  const { siteOffsets, siteDemands } = net.coverage;
  plan.stations.forEach((r, s) => {
    const year = plan.schedule.stationYear[s];
    if (year === 0) return;
    for (let q = siteOffsets[r]; q < siteOffsets[r + 1]; q++) {
      const i = net.rural[siteDemands[q]];
      if (out[i] === 0 || year < out[i]) out[i] = year;
    }
  });
  return out;
}

function emptyRow(code: string, name: string, provinceCode: string): RolloutCountyRow {
  const row = { code, name, provinceCode, score: 0, centers: 0, stations: 0, ruralVillages: 0 };
  return { ...row, villagesCovered: 0, share: 0, spendYuan: 0, year: 0 };
}

/**
 * The figures of a scheduled rollout (see the module comment).
 * @param villages the input table
 * @param countyNames name of each county of the table (empty when unknown)
 * @param net the rollout's network
 * @param plan the chosen sites and their schedule
 * @param params the rollout's parameters
 */
export function rolloutReport(
  villages: VillageTable,
  countyNames: readonly string[],
  net: RolloutNetwork,
  plan: ScheduledPlan,
  params: RolloutParams,
): RolloutReport {
  const { centerYear, stationYear, yearSpendYuan } = plan.schedule;
  const years = params.years;
  const sites = buildSites(villages, net, plan, params);
  const villageYear = villageYears(villages, net, plan);
  const ruralVillages = net.rural.length;
  const counties = villages.counties.length;

  const coveredBy = new Uint32Array(years + 1);
  for (const r of net.rural) coveredBy[villageYear[r]]++;
  const centersBy = new Uint32Array(years + 1);
  for (const y of centerYear) centersBy[y]++;
  const stationsBy = new Uint32Array(years + 1);
  for (const y of stationYear) stationsBy[y]++;
  const yearRows: RolloutYear[] = [];
  let centersOpen = 0;
  let stationsOpen = 0;
  let covered = 0;
  let spendYuan = 0;
  for (let t = 1; t <= years; t++) {
    centersOpen += centersBy[t];
    stationsOpen += stationsBy[t];
    covered += coveredBy[t];
    spendYuan += yearSpendYuan[t - 1];
    yearRows.push({
      year: t,
      centers: centersOpen,
      stations: stationsOpen,
      yearSpendYuan: yearSpendYuan[t - 1],
      spendYuan,
      countiesWithCenter: centersOpen,
      ruralVillagesCovered: covered,
      coverageShare: ruralVillages > 0 ? covered / ruralVillages : 0,
    });
  }
  const countyShare = counties > 0 ? centersOpen / counties : 0;
  const villageShare = ruralVillages > 0 ? covered / ruralVillages : 0;
  const targets: RolloutTargets = {
    countyShare,
    countyTarget: COUNTY_TARGET,
    villageShare,
    villageTarget: VILLAGE_TARGET,
    met: countyShare > COUNTY_TARGET && villageShare > VILLAGE_TARGET && spendYuan <= params.budgetYuan,
  };

  // Per county: only counties with a built center (stations need one), in order of choice.
  const rowOf = new Map<number, RolloutCountyRow>();
  const countyRows: RolloutCountyRow[] = [];
  plan.centers.forEach((c, k) => {
    if (centerYear[k] === 0) return;
    const row = emptyRow(villages.counties[c], countyNames[c] ?? '', net.countyProvince[c]);
    row.score = plan.countyScore[c];
    row.centers = 1;
    row.year = centerYear[k];
    row.spendYuan = spendFromYear(centerCost(params.costs, row.provinceCode), row.year, years);
    row.ruralVillages = net.countyOffsets[c + 1] - net.countyOffsets[c];
    for (let q = net.countyOffsets[c]; q < net.countyOffsets[c + 1]; q++) {
      if (villageYear[net.rural[net.countyVillages[q]]] > 0) row.villagesCovered++;
    }
    row.share = row.ruralVillages > 0 ? row.villagesCovered / row.ruralVillages : 0;
    rowOf.set(c, row);
    countyRows.push(row);
  });
  plan.stations.forEach((r, s) => {
    if (stationYear[s] === 0) return;
    const row = rowOf.get(net.county[r])!;
    row.stations++;
    row.spendYuan += spendFromYear(stationCost(params.costs, row.provinceCode), stationYear[s], years);
  });

  // Per province: every province of the table, its rural villages and coverage over all its counties.
  const provinces = new Map<string, RolloutCountyRow>();
  for (let c = 0; c < counties; c++) {
    const code = net.countyProvince[c];
    if (!provinces.has(code)) provinces.set(code, emptyRow(code, '', code));
    const row = provinces.get(code)!;
    row.ruralVillages += net.countyOffsets[c + 1] - net.countyOffsets[c];
    for (let q = net.countyOffsets[c]; q < net.countyOffsets[c + 1]; q++) {
      if (villageYear[net.rural[net.countyVillages[q]]] > 0) row.villagesCovered++;
    }
  }
  for (const county of countyRows) {
    const row = provinces.get(county.provinceCode)!;
    row.centers += county.centers;
    row.stations += county.stations;
    row.spendYuan += county.spendYuan;
    if (row.year === 0 || county.year < row.year) row.year = county.year;
  }
  const provinceRows = [...provinces.values()];
  for (const row of provinceRows) {
    row.share = row.ruralVillages > 0 ? row.villagesCovered / row.ruralVillages : 0;
    row.score = row.spendYuan > 0 ? row.villagesCovered / row.spendYuan : 0;
  }
  let unbuiltCenters = 0;
  for (const y of centerYear) unbuiltCenters += y === 0 ? 1 : 0;
  return {
    sites,
    years: yearRows,
    targets,
    totalSpendYuan: spendYuan,
    ruralVillages,
    counties,
    villageYear,
    countyRows,
    provinceRows,
    unbuilt: { centers: unbuiltCenters, stations: stationsBy[0] },
  };
}
