/**
 * The coverage worker's state and operations, without the worker: one province's villages, the live coverage of
 * the current sites, and the candidates of the last planning request. Pure TypeScript, so the same code runs in
 * the worker, in Node tests and in the drag benchmark.
 */
import { villageCode, type VillageTable } from '../villages';
import type { PlanParams, PlanRequest } from '../plan-types';
import { SITE_ROLE } from '../plan-types';
import { SITE_STATUS, type Candidates, type DistanceMatrix } from '../types';
import { countySeatStandIns } from '../county-seats';
import { haversineKm } from '../distance/haversine';
import { nearestOpenSiteKm } from '../metrics/distance';
import { countyInfos, type CountyFeature } from './counties';
import type {
  Comparison,
  CoverageApi,
  LiveExportState,
  LiveMetrics,
  ProvinceSummary,
  Reach,
  RunsDemand,
  UserCandidates,
  VillageKind,
} from './coverage-api';
import { DIFFERENCE, VILLAGE_STATE } from './coverage-api';
import { LiveCoverage } from './live-coverage';
import { phaseLivePlan } from '../phase/live-phase';
import type { PhaseResult, YearCaps } from '../phase/phase-types';
import type { CostModel } from '../rollout/rollout-types';
import type { ProvincePart } from './national';
import { coveringSites } from './served';
import { sitesOfSelection } from './plan-sites';
import { demandOrderMatrix, withMarkedStations } from './user-request';
import { emptySites, moveSite, openCounts, type SiteTable } from './sites';

/** Where a user's villages are in a loaded table (see `LiveSession.load`). */
export interface LoadedUserVillages {
  /** For each village of the table: its row in the user's file (kept rows, file order), or -1 for an embedded one. */
  index: Int32Array;
  /** Villages in the user's file (kept rows). */
  count: number;
  /** Ids of the file's villages, by row; absent: exports give them NBS-like codes. */
  ids?: readonly string[];
}

/** Everything of {@link CoverageApi} but the fetches and the page's palette (the worker's own). */
export type SessionApi = Omit<
  CoverageApi,
  'loadProvince' | 'setUserVillages' | 'exportPlan' | 'exportPlanFile' | 'setStatePalette'
>;

export class LiveSession implements SessionApi {
  private table: VillageTable | undefined;
  private summary: ProvinceSummary | undefined;
  /** Village index (file order) of each demand point. */
  private demandVillages: Uint32Array = new Uint32Array(0);
  private demandLon = new Float64Array(0);
  private demandLat = new Float64Array(0);
  /** Weight of each demand point (1 for embedded villages; a user's file may weight them). */
  private demandWeight = new Float64Array(0);
  private coverage: LiveCoverage | undefined;
  private sites: SiteTable = emptySites();
  private reach: Reach = { radiusKm: 3, centerRadiusKm: 60 };
  private candidates: Candidates | undefined;
  /** Ids of the candidates of the last request that came from a user's file ('' for the others), or undefined. */
  private candidateIds: string[] | undefined;
  /** Row in the user's file of each demand point (-1: embedded), and the user's villages. */
  private demandUserIndex = new Int32Array(0);
  private user: LoadedUserVillages | undefined;
  private demandKind: VillageKind = 'rural';
  /** Counties of the area (empty: the whole province). */
  private area = new Set<string>();
  /** Covering flag of each current site (see `served.ts`) and the open centers' indices. */
  private active: Uint8Array = new Uint8Array(0);
  private centers: number[] = [];

  /**
   * Loads a province.
   * @param table its decoded villages
   * @param features county boundary features (for names and boxes)
   * @param demand which villages are demand points
   * @param area codes of the counties planned for, or empty for the whole province
   * @param parts the province files in `table` (default: the table is one province file)
   * @param weight demand weight of each village of `table` (default 1 each)
   * @param user which villages of `table` are the user's (default: none)
   */
  load(
    table: VillageTable,
    features: readonly CountyFeature[],
    demand: VillageKind,
    area: readonly string[] = [],
    parts: ProvincePart[] = [{ provinceCode: table.provinceCode, offset: 0, count: table.count }],
    weight?: Float64Array,
    user?: LoadedUserVillages,
  ): ProvinceSummary {
    this.table = table;
    this.demandKind = demand;
    this.area = new Set(area.filter((code) => table.counties.includes(code)));
    this.demandVillages = villagesOf(table, demand, this.area);
    this.demandLon = Float64Array.from(this.demandVillages, (i) => table.positions[2 * i]);
    this.demandLat = Float64Array.from(this.demandVillages, (i) => table.positions[2 * i + 1]);
    this.demandWeight = Float64Array.from(this.demandVillages, (i) => weight?.[i] ?? 1);
    this.user = user;
    this.demandUserIndex = Int32Array.from(this.demandVillages, (i) => user?.index[i] ?? -1);
    this.coverage = undefined;
    this.candidates = undefined;
    this.candidateIds = undefined;
    this.sites = emptySites();
    this.summary = {
      provinceCode: table.provinceCode,
      villageCount: table.count,
      demandCount: this.demandVillages.length,
      counties: countyInfos(table, features),
      area: [...this.area],
      parts: parts.map((p) => ({ ...p })),
    };
    return this.summary;
  }

  evaluate(sites: SiteTable, reach: Reach): LiveMetrics {
    const coverage = this.coverageFor(reach);
    this.sites = sites;
    this.reach = { ...reach };
    this.active = coveringSites(sites, reach.centerRadiusKm);
    this.centers = [];
    for (let k = 0; k < sites.count; k++) {
      if (sites.role[k] === SITE_ROLE.center && sites.status[k] !== SITE_STATUS.excluded) this.centers.push(k);
    }
    coverage.setSites(sites.lon, sites.lat, this.active);
    return this.metrics();
  }

  moveSite(k: number, lon: number, lat: number): LiveMetrics {
    const coverage = this.coverageFor(this.reach);
    const moved = moveSite(this.sites, k, lon, lat);
    // A moved center, or a station moving into or out of every center's reach, changes which stations cover.
    if (this.sites.role[k] === SITE_ROLE.center || this.servedAt(k, lon, lat) !== this.active[k] > 0) {
      return this.evaluate(moved, this.reach);
    }
    this.sites = moved;
    coverage.moveSite(k, lon, lat);
    return this.metrics();
  }

  planRequest(params: PlanParams, sites: SiteTable, candidateKind: VillageKind): PlanRequest {
    const table = this.loaded();
    const demand = this.demand();
    const villages = villagesOf(table, candidateKind, this.area);
    const lon = Array.from(villages, (i) => table.positions[2 * i]);
    const lat = Array.from(villages, (i) => table.positions[2 * i + 1]);
    const status = Array.from(villages, () => SITE_STATUS.proposed as number);
    withMarkedStations(lon, lat, status, sites);
    // Same candidate and demand points: share the arrays, which lets the reach model reuse its index.
    const same = lon.length === demand.count && candidateKind === this.demandKind;
    const candidates: Candidates = {
      count: lon.length,
      lon: same ? demand.lon : Float64Array.from(lon),
      lat: same ? demand.lat : Float64Array.from(lat),
      status: Uint8Array.from(status),
    };
    this.keepCandidates(candidates, undefined);
    // Two-tier centers among county seat stand-ins of the candidate villages, as the CLI's --province does.
    const centerCandidates =
      params.model === 'two-tier'
        ? countySeatStandIns(
            candidates.lon.subarray(0, villages.length),
            candidates.lat.subarray(0, villages.length),
            Array.from(villages, (i) => table.countyIndex[i]),
          )
        : undefined;
    return { demand, candidates, params: { ...params }, ...(centerCandidates && { centerCandidates }) };
  }

  userPlanRequest(
    params: PlanParams,
    sites: SiteTable,
    user: UserCandidates,
    matrix: DistanceMatrix | null,
  ): PlanRequest {
    const n = user.lon.length;
    if (user.lat.length !== n || user.ids.length !== n || (user.status !== undefined && user.status.length !== n)) {
      throw new Error(`Expected ${n} latitudes, ids and statuses of candidate sites.`);
    }
    const demand = this.demand();
    const lon = Array.from(user.lon);
    const lat = Array.from(user.lat);
    const status = Array.from({ length: n }, (_, j) => user.status?.[j] ?? SITE_STATUS.proposed);
    withMarkedStations(lon, lat, status, sites);
    const candidates: Candidates = {
      count: lon.length,
      lon: Float64Array.from(lon),
      lat: Float64Array.from(lat),
      status: Uint8Array.from(status),
    };
    this.keepCandidates(candidates, [...user.ids, ...Array.from({ length: lon.length - n }, () => '')]);
    const request: PlanRequest = { demand, candidates, params: { ...params } };
    if (matrix !== null) {
      const rows = { demandUserIndex: this.demandUserIndex, userRows: this.user?.count ?? 0 };
      request.matrix = demandOrderMatrix(matrix, rows, candidates, n);
    }
    return request;
  }

  sitesOf(selected: Uint32Array, roles: Uint8Array, previous: SiteTable): SiteTable {
    if (this.candidates === undefined) throw new Error('No planning request was made on this province.');
    return sitesOfSelection(this.candidates, this.candidateIds, selected, roles, previous);
  }

  compare(a: SiteTable, reachA: Reach, b: SiteTable, reachB: Reach): Comparison {
    const current = this.sites;
    const currentReach = this.reach;
    const first = this.evaluate(a, reachA);
    const second = this.evaluate(b, reachB);
    this.evaluate(current, currentReach);
    const difference = new Uint8Array(first.villageState.length);
    let gained = 0;
    let lost = 0;
    for (let i = 0; i < difference.length; i++) {
      const before = first.villageState[i] === VILLAGE_STATE.covered;
      const after = second.villageState[i] === VILLAGE_STATE.covered;
      if (after && !before) {
        difference[i] = DIFFERENCE.gained;
        gained++;
      } else if (before && !after) {
        difference[i] = DIFFERENCE.lost;
        lost++;
      }
    }
    return { a: first, b: second, difference, gained, lost };
  }

  villageDistances(): Float32Array {
    const table = this.loaded();
    const open: number[] = [];
    for (let k = 0; k < this.active.length; k++) if (this.active[k]) open.push(k);
    const demand = { count: this.demandVillages.length, lon: this.demandLon, lat: this.demandLat };
    const nearest = nearestOpenSiteKm(
      demand,
      { count: this.sites.count, lon: this.sites.lon, lat: this.sites.lat },
      open,
    );
    const out = new Float32Array(table.count).fill(NaN);
    this.demandVillages.forEach((v, i) => (out[v] = nearest[i]));
    return out;
  }

  /** The demand villages for the delivery runs (see {@link RunsDemand}); copies. */
  runsDemand(): RunsDemand {
    const table = this.loaded();
    return {
      count: this.demandLon.length,
      lon: this.demandLon.slice(),
      lat: this.demandLat.slice(),
      weight: this.demandWeight.slice(),
      countyCode: Array.from(this.demandVillages, (v) => table.counties[table.countyIndex[v]]),
    };
  }

  /** The current plan and demand for an export (see {@link LiveExportState}); arrays are the session's own. */
  exportState(): LiveExportState {
    const table = this.loaded();
    const coverage = this.coverageFor(this.reach);
    return {
      demandIds: Array.from(this.demandVillages, (v, i) => {
        const row = this.demandUserIndex[i];
        return row >= 0 && this.user?.ids !== undefined ? this.user.ids[row] : villageCode(table, v);
      }),
      lon: this.demandLon,
      lat: this.demandLat,
      weight: coverage.demand.weight,
      countyCode: Array.from(this.demandVillages, (v) => table.counties[table.countyIndex[v]]),
      sites: this.sites,
      covering: this.active,
      radiusKm: this.reach.radiusKm,
      coveredVillages: coverage.coveredCount,
    };
  }

  phasePlan(costs: CostModel, years: number, budgetYuan: number, caps?: YearCaps): PhaseResult {
    return phaseLivePlan(this.exportState(), this.reach.centerRadiusKm, { costs, years, budgetYuan, caps });
  }

  /** The user's villages among the demand points (all of the demand is theirs when it equals the demand count). */
  userDemandCount(): number {
    let n = 0;
    for (const row of this.demandUserIndex) if (row >= 0) n++;
    return n;
  }

  /** The demand of a request: the demand points of the area, copies. */
  private demand(): PlanRequest['demand'] {
    const weight = this.demandWeight.slice();
    return { count: weight.length, lon: this.demandLon.slice(), lat: this.demandLat.slice(), weight };
  }

  /** Keeps a copy of a request's candidates (and their file ids) for `sitesOf`. */
  private keepCandidates(candidates: Candidates, ids: string[] | undefined): void {
    this.candidates = {
      ...candidates,
      lon: candidates.lon.slice(),
      lat: candidates.lat.slice(),
      status: candidates.status.slice(),
    };
    this.candidateIds = ids;
  }

  private loaded(): VillageTable {
    if (this.table === undefined) throw new Error('No province is loaded.');
    return this.table;
  }

  /** Whether station k, if it stood at (lon, lat), would cover: open, and near a center when there are any. */
  private servedAt(k: number, lon: number, lat: number): boolean {
    if (this.sites.status[k] === SITE_STATUS.excluded) return false;
    if (this.centers.length === 0) return true;
    const { lon: x, lat: y } = this.sites;
    return this.centers.some((c) => haversineKm(x[c], y[c], lon, lat) <= this.reach.centerRadiusKm);
  }

  /** The live coverage for this reach (rebuilt when the station radius changes). */
  private coverageFor(reach: Reach): LiveCoverage {
    const table = this.loaded();
    if (this.coverage === undefined || this.coverage.radiusKm !== reach.radiusKm) {
      const group = Uint16Array.from(this.demandVillages, (i) => table.countyIndex[i]);
      const weight = this.demandWeight;
      this.coverage = new LiveCoverage(
        { lon: this.demandLon, lat: this.demandLat, weight, group, groupCount: table.counties.length },
        reach.radiusKm,
      );
    }
    return this.coverage;
  }

  /** Figures of the current sites, as fresh arrays (safe to transfer). */
  private metrics(): LiveMetrics {
    const table = this.loaded();
    const coverage = this.coverageFor(this.reach);
    const villageState = new Uint8Array(table.count);
    this.demandVillages.forEach((v, i) => {
      villageState[v] = coverage.hits[i] > 0 ? VILLAGE_STATE.covered : VILLAGE_STATE.uncovered;
    });
    const { stations, centers } = openCounts(this.sites);
    let coveringStations = 0;
    for (const flag of this.active) coveringStations += flag;
    const { coveredWeight, totalWeight } = coverage;
    return {
      stations,
      centers,
      coveringStations,
      coveredWeight,
      totalWeight,
      coverage: totalWeight > 0 ? coveredWeight / totalWeight : 0,
      coveredVillages: coverage.coveredCount,
      demandVillages: this.demandVillages.length,
      countyCovered: coverage.groupCovered.slice(),
      countyTotal: coverage.groupTotal.slice(),
      villageState,
    };
  }
}

/** Indices (file order) of the villages of a kind, in the area's counties (all counties when it is empty). */
function villagesOf(table: VillageTable, kind: VillageKind, area: ReadonlySet<string>): Uint32Array {
  const inArea = table.counties.map((code) => area.size === 0 || area.has(code));
  const out: number[] = [];
  for (let i = 0; i < table.count; i++) {
    if ((kind === 'all' || table.rural[i]) && inArea[table.countyIndex[i]]) out.push(i);
  }
  return Uint32Array.from(out);
}
