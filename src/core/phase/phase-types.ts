/**
 * Types of the planner's phasing: which year each site of a plan opens, within a budget (src/core/phase/
 * phase-plan.ts). Shared by the core, the coverage worker and the app's phase card.
 */
import type { CostModel, RolloutParams } from '../rollout/rollout-types';
import type { CoverageSets } from '../types';

/** Optional caps per year (index 0 = year 1; a missing entry: no cap): new centers, new stations, spend in yuan. */
export type YearCaps = NonNullable<RolloutParams['yearCaps']>;

/** Which centers serve each station of a two-tier plan, in CSR form over the sites. */
export interface ServingCenters {
  /** Centers serving site k: `centers[offsets[k] .. offsets[k + 1])` (empty for centers and excluded sites). */
  offsets: Uint32Array;
  centers: Uint32Array;
  /** True when the plan has at least one open center (a two-tier plan); false: every open station covers. */
  twoTier: boolean;
}

/** What {@link phasePlan} phases: a plan's sites, what they reach, and the money. */
export interface PhaseInput {
  /** SITE_ROLE code of each site. */
  role: Uint8Array;
  /** SITE_STATUS code of each site: existing sites are open from the start (year 0) and cost nothing; excluded
   * sites are not phased; proposed and locked sites are phased. */
  status: Uint8Array;
  /** 2-digit province code of each site (the cost model's province factor). */
  provinceCode: readonly string[];
  /** Villages (demand points) within reach of each site; a center's set is not used (centers serve stations). */
  coverage: CoverageSets;
  /** Demand weight of each village (1 each in the embedded data). */
  weight: Float64Array;
  /** Centers serving each station (see `servingCenters`). */
  serving: ServingCenters;
  costs: CostModel;
  /** Years of the plan, 1 to 5. */
  years: number;
  /** Total budget over all years, set-up and running costs, yuan. */
  budgetYuan: number;
  caps?: YearCaps;
}

/** Figures at the end of one year (cumulative unless said otherwise). */
export interface PhaseYear {
  /** 0 = before the plan (existing sites only), then 1..years. */
  year: number;
  /** Open centers and stations (existing ones included). */
  centers: number;
  stations: number;
  /** Villages within reach of a covering open station (count, and weight). */
  coveredVillages: number;
  coveredWeight: number;
  /** coveredWeight / all demand weight (0 without demand). */
  share: number;
  /** Spend of this year alone, yuan (0 for year 0). */
  yearSpendYuan: number;
  /** Spend up to the end of this year, yuan. */
  spendYuan: number;
}

/** The phasing of a plan. */
export interface PhaseResult {
  /** Year each site opens: 1..years; 0 for existing sites (already open), excluded sites and unaffordable ones. */
  year: Uint8Array;
  /** Phased sites (proposed or locked) that no year could afford (budget, carry-over or caps): year 0. */
  unaffordable: Uint32Array;
  /** Year 0 (existing sites), then each year 1..years. */
  years: PhaseYear[];
  /** All demand villages (count) and their weight. */
  demandVillages: number;
  totalWeight: number;
}
