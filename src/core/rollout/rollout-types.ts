/**
 * Types of the national rollout (the "thousand counties, ten thousand villages" programme): which county centers
 * and village stations open in which year, within a budget. Shared by the core (`runRollout`), the rollout worker,
 * the app's rollout panel and the `npm run rollout` command, so that the app and the CLI give the same result for
 * the same inputs.
 */
import type { VillageTable } from '../villages';
import type { CoverageSets, Progress } from '../types';
import type { RolloutTransport } from './transport';

/**
 * Costs in yuan. The defaults are assumptions of this tool, not published figures (the programme announced only
 * the total: 10 billion yuan for about 1,000 county centers and 100,000 village stations over 3-5 years).
 */
export interface CostModel {
  /** One-off set-up cost of a county center, yuan. */
  centerSetupYuan: number;
  /** One-off set-up cost of a village station, yuan. */
  stationSetupYuan: number;
  /** Running cost of an open center per year, yuan (from the year it opens, that year included). */
  centerYearlyYuan: number;
  /** Running cost of an open station per year, yuan (from the year it opens, that year included). */
  stationYearlyYuan: number;
  /** Multiplier of every cost per 2-digit province code (missing: 1), e.g. `{ "54": 1.8 }` for Tibet. */
  provinceFactor: Record<string, number>;
}

/** How counties are ranked for a center (the score is shown in the UI and the breakdown). */
export type CountyScore =
  /** Rural villages the county's best stations reach per yuan of the center and those stations. */
  | 'villages-per-yuan'
  /** Share of the county's rural villages not yet covered, times its rural villages. */
  | 'uncovered-share'
  /** A user weight per county code (`RolloutParams.countyWeights`), ties broken by villages per yuan. */
  | 'user-weight';

/** Everything the planner of a rollout chooses. */
export interface RolloutParams {
  /** County centers to open over the whole rollout (default 1,000). */
  centers: number;
  /** Village stations to open over the whole rollout (default 100,000). */
  stations: number;
  /** Years of the rollout, 3 to 5 (default 5). */
  years: number;
  /** Total budget over all years, set-up and running costs, yuan (default 10,000,000,000). */
  budgetYuan: number;
  costs: CostModel;
  /** 2-digit province codes served first, in order (default ["33"], Zhejiang first as in the programme). */
  provinceOrder: string[];
  /** Reach of a village station, great-circle km (default 3). */
  stationRadiusKm: number;
  /** Reach of a county center's delivery run to its stations, great-circle km (default 60). */
  centerRadiusKm: number;
  countyScore: CountyScore;
  /** User weight per 6-digit county code, for `countyScore: 'user-weight'`. */
  countyWeights?: Record<string, number>;
  /** Optional caps per year (index 0 = year 1); a missing entry means no cap. */
  yearCaps?: { centers?: number[]; stations?: number[]; spendYuan?: number[] };
  /**
   * Also cost the daily van runs of each year (./transport.ts): operating days a year (0 or absent: not costed)
   * and the time budget of the runs of all years, seconds (default 10). Reported, not counted against the budget.
   */
  transport?: { daysPerYear: number; timeBudgetSec?: number };
}

/** What the rollout runs on: the embedded (or imported) villages of every province. */
export interface RolloutInput {
  /** Villages of all provinces in one table (see `mergeVillageTables`); rural villages are demand and candidates. */
  villages: VillageTable;
  /** County name per entry of `villages.counties` (same order), for the breakdown; empty string when unknown. */
  countyNames: string[];
  params: RolloutParams;
  /** Reach other than great-circle km (e.g. by road, built by the shell); absent: `stationRadiusKm`, `centerRadiusKm`. */
  reach?: RolloutReachBuilder;
}

/** The rural villages of a rollout as the reach builder sees them ("rural index" r, see `RolloutNetwork`). */
export interface RolloutPoints {
  count: number;
  lon: Float64Array;
  lat: Float64Array;
  /** County index of each rural village. */
  county: Uint16Array;
  /** Per county, the rural index of its center position (seat stand-in), -1 when it has no rural village. */
  seat: Int32Array;
}

/** Reach of a rollout other than great-circle km, over the rural villages (rural indices on both sides). */
export interface RolloutReach {
  /** Station candidate -> rural villages within the station reach. */
  coverage: CoverageSets;
  /** 1 when station candidate r is within the reach of its own county's center; absent: `centerRadiusKm`. */
  inCenterReach?: Uint8Array;
  /** The reaches in words for the method sentence, e.g. "10 min by road" (center absent: km). */
  stationWords: string;
  centerWords?: string;
}

/** Builds the reach of a rollout once its rural villages and center positions are known. */
export type RolloutReachBuilder = (points: RolloutPoints) => RolloutReach;

/** Site roles in a rollout. */
export const ROLLOUT_ROLE = { center: 0, station: 1 } as const;

/** The sites of a rollout, one entry per site, centers first, then stations, each by year then by choice order. */
export interface RolloutSites {
  count: number;
  lon: Float64Array;
  lat: Float64Array;
  /** ROLLOUT_ROLE code. */
  role: Uint8Array;
  /** Year the site opens, 1..years. */
  year: Uint8Array;
  /** Index into `villages.counties` of the site's county. */
  county: Uint16Array;
  /** Village (index into the input table) the site stands at: stations at a village, centers at their county's
   * seat stand-in (see core/county-seats.ts). */
  village: Uint32Array;
  /** Set-up cost of the site, yuan (province factor applied). */
  setupYuan: Float64Array;
}

/** Cumulative figures at the end of one year. */
export interface RolloutYear {
  year: number;
  /** Open centers and stations at the end of the year (cumulative). */
  centers: number;
  stations: number;
  /** Spend of this year alone (set-up of the year's new sites + running of all open sites), yuan. */
  yearSpendYuan: number;
  /** Spend of all years up to this one, yuan. */
  spendYuan: number;
  /** Counties with an open center. */
  countiesWithCenter: number;
  /** Rural villages within reach of an open station whose county center is open and within its reach. */
  ruralVillagesCovered: number;
  /** ruralVillagesCovered / all rural villages. */
  coverageShare: number;
}

/** The programme's targets, checked at the end of the rollout. */
export interface RolloutTargets {
  /** Counties with a center / all counties of the registry. */
  countyShare: number;
  /** Target share of counties (1/3). */
  countyTarget: number;
  /** Covered rural villages / all rural villages. */
  villageShare: number;
  /** Target share of rural villages (1/6). */
  villageTarget: number;
  /** Both shares above their targets and the spend within the budget. */
  met: boolean;
}

/** One row of the per-county (or, summed, per-province) breakdown. */
export interface RolloutCountyRow {
  /** 6-digit county code (2-digit province code in the per-province table). */
  code: string;
  name: string;
  provinceCode: string;
  /** The county's score when it was ranked (see `CountyScore`). */
  score: number;
  centers: number;
  stations: number;
  ruralVillages: number;
  villagesCovered: number;
  /** villagesCovered / ruralVillages (0 without rural villages). */
  share: number;
  /** Set-up and running spend of the sites here over the whole rollout, yuan. */
  spendYuan: number;
  /** Year the (first) center opens, 0 when none. */
  year: number;
}

/** The result of `runRollout`. */
export interface RolloutResult {
  params: RolloutParams;
  sites: RolloutSites;
  years: RolloutYear[];
  targets: RolloutTargets;
  totalSpendYuan: number;
  /** Rural villages and counties of the registry (the targets' denominators). */
  ruralVillages: number;
  counties: number;
  /** Year each village (index into the input table) is first covered, 0 when never or not rural. */
  villageYear: Uint8Array;
  countyRows: RolloutCountyRow[];
  provinceRows: RolloutCountyRow[];
  /** One sentence on the method, shown in the UI ("counties ranked by ..., stations by lazy greedy ..."). */
  method: string;
  seconds: number;
  /**
   * Chosen sites that no year could afford (budget, carry-over or per-year caps), so not built: the targets may
   * then be missed. Absent in results of older versions (read as none).
   */
  unbuilt?: { centers: number; stations: number };
  /**
   * What ended the station placement: `stations` (the number asked for was placed), `coverage` (no further station
   * within reach of a chosen center reaches a village not yet covered), `budget` (no further station fits the
   * money left) or `stopped`. Absent in results of older versions.
   */
  stationLimit?: StationLimit;
  /** True when `shouldStop` ended the run early: the figures describe the sites chosen until then. */
  stopped?: boolean;
  /** The yearly transport cost of the van runs, when `params.transport` asked for it. */
  transport?: RolloutTransport;
  /** Seconds of each phase (coverage sets, county ranking, station placement, schedule and report). */
  timings?: { coverageSec: number; rankingSec: number; stationsSec: number; scheduleSec: number };
}

/** What ended the station placement (see `RolloutResult.stationLimit`). */
export type StationLimit = 'stations' | 'coverage' | 'budget' | 'stopped';

/** Options of a run: progress and cancel, as for the solvers. */
export interface RolloutOptions {
  onProgress?: (progress: Progress) => void;
  shouldStop?: () => boolean;
}
