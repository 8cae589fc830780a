/**
 * The API of the coverage worker (`workers/coverage.worker.ts`), shared by the worker, which implements it with a
 * {@link LiveSession}, and its caller (`src/app/planner/coverage-sync.ts`), which holds a comlink `Remote<CoverageApi>`.
 * The worker keeps the province's villages, their spatial index and the current sites, so that the page never
 * computes coverage and a dragged station costs one small message each way.
 */
import type { PlanParams, PlanRequest } from '../plan-types';
import type { DistanceMatrix } from '../types';
import type { CountyInfo } from './counties';
import type { SiteTable } from './sites';
import type { CostModel } from '../rollout/rollout-types';
import type { PhaseResult, YearCaps } from '../phase/phase-types';

/** Which villages count: all of them, or only rural committees (村委会 / 村民委员会; see DESIGN.md). */
export type VillageKind = 'rural' | 'all';

/** Reach of the plan's sites. */
export interface Reach {
  /** Village station reach, km (great-circle). */
  radiusKm: number;
  /** County center delivery reach to its stations, km (two-tier plans). */
  centerRadiusKm: number;
}

/** What the worker loaded. */
export interface ProvinceSummary {
  provinceCode: string;
  /** Villages in the province file (the length of `LiveMetrics.villageState`). */
  villageCount: number;
  /** Villages that are demand points. */
  demandCount: number;
  /** Counties of the province, aligned with the per-county arrays of {@link LiveMetrics}. */
  counties: CountyInfo[];
  /** County codes of the area planned for (empty: the whole province). */
  area: string[];
  /**
   * The province files in the loaded villages, in order: the villages of file `provinceCode` are
   * [offset, offset + count) of every per-village array. One part for a province, every province when national.
   */
  parts: { provinceCode: string; offset: number; count: number }[];
  /** The user's villages in the loaded villages (see `setUserVillages`), absent when there are none. */
  userVillages?: UserVillagesInArea;
}

/** Villages from a user's file, WGS 84 degrees, for `CoverageApi.setUserVillages`. */
export interface UserVillages {
  lon: Float64Array;
  lat: Float64Array;
  /** Demand weight of each village (1 without a weight field). */
  weight: Float64Array;
  /** Id of each village from the file (the id field chosen at import), which exports list; absent: NBS-like codes. */
  ids?: string[];
}

/** Candidate sites from a user's file, WGS 84 degrees, in file order, for `CoverageApi.userPlanRequest`. */
export interface UserCandidates {
  lon: Float64Array;
  lat: Float64Array;
  /** Id of each site from the file; the suggested sites keep it. */
  ids: string[];
  /** SITE_STATUS code of each site from the file's `status` field; absent: all proposed. */
  status?: Uint8Array;
}

/** Where the user's villages fell (point in polygon against the county boundaries). */
export interface UserVillagesPlaced {
  /** Villages given, and those on no county boundary (left out). */
  count: number;
  outside: number;
  /** 6-digit codes of the counties that hold at least one of them. */
  counties: string[];
}

/** The user's villages within the loaded province(s). */
export interface UserVillagesInArea {
  /** The user's villages among the loaded villages, and the counties whose embedded villages they replace. */
  count: number;
  counties: string[];
  /** The user's villages among the demand villages of the area (all demand is theirs when it equals `demandCount`). */
  demand: number;
  /**
   * For each province file that holds some: its villages as the worker holds them ([lon, lat, ...] and rural
   * flags), which the map draws in place of the embedded file (same order as the per-village arrays).
   */
  points: { provinceCode: string; positions: Float32Array; rural: Uint8Array }[];
}

/** Village states in `LiveMetrics.villageState`. */
export const VILLAGE_STATE = { notDemand: 0, uncovered: 1, covered: 2 } as const;

/**
 * Four bytes per village: the word of its state in `palette` (`palette[state]`, 0 for a code without one), as
 * `LiveMetrics.villageColours` carries them.
 */
export function paletteColours(villageState: Uint8Array, palette: Uint32Array): Uint8Array {
  const words = new Uint32Array(villageState.length);
  for (let i = 0; i < villageState.length; i++) words[i] = palette[villageState[i]] ?? 0;
  return new Uint8Array(words.buffer);
}

/** Coverage of the current sites. Weights are village weights (1 per village in the embedded data). */
export interface LiveMetrics {
  /** Open stations (existing, locked or proposed; not excluded) and open centers. */
  stations: number;
  centers: number;
  /** Open stations that cover villages (all of them, or in a two-tier plan those a center serves). */
  coveringStations: number;
  coveredWeight: number;
  totalWeight: number;
  /** coveredWeight / totalWeight in [0, 1] (0 without demand). */
  coverage: number;
  /** Demand villages within reach, and all demand villages. */
  coveredVillages: number;
  demandVillages: number;
  /** Covered and total weight per county, aligned with `ProvinceSummary.counties`. */
  countyCovered: Float64Array;
  countyTotal: Float64Array;
  /** VILLAGE_STATE of every village of the province file, in file order (the order of the map's points). */
  villageState: Uint8Array;
  /**
   * Four bytes per village (file order): the word of its state in the palette of `setStatePalette`, when one was
   * given. The page draws it as is, so that colouring 620,000 villages is not main-thread work.
   */
  villageColours?: Uint8Array;
}

/** Two plans side by side. */
export interface Comparison {
  a: LiveMetrics;
  b: LiveMetrics;
  /** Per village in file order: 0 unchanged, 1 gained (covered in b only), 2 lost (covered in a only). */
  difference: Uint8Array;
  gained: number;
  lost: number;
}

/** Codes of `Comparison.difference`. */
export const DIFFERENCE = { same: 0, gained: 1, lost: 2 } as const;

/** File formats of a plan export (README.md, "GeoJSON/CSV export properties"). */
export type ExportFormat = 'geojson' | 'csv';

/** One-file exports of the plan: an Excel workbook (a sheet per layer) or a GeoPackage (a layer per layer). */
export type ExportFileFormat = 'xlsx' | 'gpkg';

/** The three layers of a plan export as file texts (GeoJSON FeatureCollections, or CSV with a BOM). */
export interface PlanExportTexts {
  sites: string;
  villages: string;
  counties: string;
}

/**
 * What an export of the current plan needs from the session (`LiveSession.exportState`), in demand order: the
 * demand villages' 12-digit codes, positions, weights and registry county codes, the current sites, which of them
 * cover (`served.ts`), and the station reach.
 */
export interface LiveExportState {
  demandIds: string[];
  lon: Float64Array;
  lat: Float64Array;
  weight: Float64Array;
  /** 6-digit county code of each demand village (the registry's, not a point-in-polygon guess). */
  countyCode: string[];
  sites: SiteTable;
  /** 1 for each site that covers villages (open, and served by a center in a two-tier plan). */
  covering: Uint8Array;
  /** Station reach, great-circle km. */
  radiusKm: number;
  /** Demand villages within reach of a covering site, as `LiveMetrics.coveredVillages`. */
  coveredVillages: number;
}

/**
 * The demand villages of the loaded area, in demand order, for the delivery runs (src/app/routes): positions, weights
 * (1 for embedded villages, the user's for imported ones) and the registry county code of each (copies).
 */
export interface RunsDemand {
  count: number;
  lon: Float64Array;
  lat: Float64Array;
  weight: Float64Array;
  countyCode: string[];
}

/** Operations of the coverage worker. Calls run one at a time, in order. */
export interface CoverageApi {
  /**
   * Fetches and indexes one province's villages (`villages/<code>.bin`) and county boundaries.
   * @param dataUrl absolute base URL of the embedded dataset, ending in `/`
   * @param provinceCode 2-digit code
   * @param demand which villages are demand points
   * @param area codes of the counties planned for (demand and candidates), or empty for the whole province
   */
  loadProvince(
    dataUrl: string,
    provinceCode: string,
    demand: VillageKind,
    area: readonly string[],
  ): Promise<ProvinceSummary>;

  /**
   * Sets (or with null removes) the user's villages: each is placed in its county by point in polygon, and from the
   * next `loadProvince` on, the villages of every county that holds some of them are the user's (with their
   * weights) instead of the embedded ones; the embedded villages of other counties stay.
   * @param dataUrl absolute base URL of the embedded dataset (for the county boundaries), ending in `/`
   */
  setUserVillages(dataUrl: string, villages: UserVillages | null): Promise<UserVillagesPlaced>;

  /**
   * Sets the 32-bit word (e.g. packed RGBA) of each VILLAGE_STATE code (`words[state]`); from then on every
   * `evaluate` and `moveSite` answer carries `villageColours`.
   */
  setStatePalette(words: Uint32Array): void;

  /** Makes `sites` the current sites and returns their coverage (a full count). */
  evaluate(sites: SiteTable, reach: Reach): LiveMetrics;

  /** Moves current site k (as in the last `evaluate`) and returns the new coverage (incremental for stations). */
  moveSite(k: number, lon: number, lat: number): LiveMetrics;

  /**
   * A planning request for `runPlan` on the loaded province: demand = the demand villages of the area (weight 1,
   * file order), candidates = the `candidates` villages of the area, proposed; hand-marked existing, locked and excluded stations
   * give their status to the candidate at the same position (or are added as candidates).
   */
  planRequest(params: PlanParams, sites: SiteTable, candidates: VillageKind): PlanRequest;

  /**
   * As `planRequest`, with the user's candidate sites (file order, status from the file or proposed) in place of
   * villages; the suggested sites keep the file's ids (`sitesOf`). With `matrix` (rows = the user's villages in
   * file order, columns = `candidates` in order, in the unit of `params.radius`), the request carries it with its
   * rows put in demand order, and extra columns of Infinity for hand-marked excluded stations that stand at no
   * candidate. The matrix needs the demand to be exactly the user's villages and every existing or locked station
   * to stand at a candidate (see src/app/user-data/travel-matrix.ts, which checks the same on the page).
   * @throws Error naming the sizes when the matrix does not fit
   */
  userPlanRequest(
    params: PlanParams,
    sites: SiteTable,
    candidates: UserCandidates,
    matrix: DistanceMatrix | null,
  ): PlanRequest;

  /**
   * The sites of a plan's result: the selected candidates of the last `planRequest` (with their status and the
   * result's role), followed by the excluded sites of `previous`, which stay as markers. Sites of `previous` that
   * stay (hand-marked existing and locked stations, excluded markers) keep their id and phase; the new ones get
   * fresh `S<n>` ids.
   */
  sitesOf(selected: Uint32Array, roles: Uint8Array, previous: SiteTable): SiteTable;

  /**
   * Great-circle km from every village (file order) to the nearest covering site of the last `evaluate` (open,
   * and served by a center in a two-tier plan): NaN for villages that are not demand, Infinity when no site covers.
   * Search: geokdbush on the covering sites (`nearestOpenSiteKm` of core/metrics/distance.ts).
   */
  villageDistances(): Float32Array;

  /**
   * Coverage of two plans, each with its own reach, and the villages gained and lost from a to b (the current
   * sites stay current).
   */
  compare(a: SiteTable, reachA: Reach, b: SiteTable, reachB: Reach): Comparison;

  /**
   * The plan `sites` (made current, as `evaluate`) as export files: sites (open ones), the demand villages of the
   * area with their covered flag (the same villages `LiveMetrics.coveredVillages` counts) and the counties with
   * villages, with boundaries from `counties.geojson` (fetched once). Tables: src/io/export-live.ts.
   * @param dataUrl absolute base URL of the embedded dataset, ending in `/`
   */
  exportPlan(dataUrl: string, format: ExportFormat, sites: SiteTable, reach: Reach): Promise<PlanExportTexts>;

  /**
   * The same three layers as one file: an .xlsx workbook (Chinese sheet names and column titles for `zh-CN`) or a
   * GeoPackage (OGC 12-128r18), as bytes (transferred).
   */
  exportPlanFile(
    dataUrl: string,
    format: ExportFileFormat,
    sites: SiteTable,
    reach: Reach,
    locale: 'zh-CN' | 'en',
  ): Promise<Uint8Array>;

  /**
   * Phases the current sites (of the last `evaluate`) by year within a budget (`phasePlan` of
   * src/core/phase/phase-plan.ts): a year per site aligned with the current sites (0: existing, excluded or
   * unaffordable), the unaffordable sites, and the covered villages and spend at the end of each year.
   * @param costs cost model in yuan (province factors by the province of the nearest demand village)
   * @param years 1 to 5
   * @param budgetYuan total budget, yuan (budget / years a year, unspent money carried over)
   * @param caps optional per-year caps of new centers, new stations and spend
   */
  phasePlan(costs: CostModel, years: number, budgetYuan: number, caps?: YearCaps): PhaseResult;

  /** The demand villages of the loaded area (see {@link RunsDemand}); the sites and reach are not needed. */
  runsDemand(): RunsDemand;
}
