/**
 * Types of a planning request and its result: what the CLI and the planner worker both hand to `runPlan`
 * (src/core/plan.ts), so that the two shells give the same plan for the same inputs and seed.
 */
import type { Candidates, Demand, DistanceMatrix, Solution } from './types';

/**
 * Planning models:
 * - `mclp`: maximal covering location (Church & ReVelle 1974): open p sites, maximise the covered weight;
 * - `lscp`: location set covering (Toregas et al. 1971): fewest new sites covering the target share of the
 *   coverable weight;
 * - `pmedian`: open p sites, minimise the total weighted distance to the nearest open site (Hakimi 1964);
 * - `pcenter`: open p sites, minimise the largest distance to the nearest open site (Hakimi 1964);
 * - `two-tier`: county centers and village stations; a station counts only when a center reaches it.
 */
export type PlanModel = 'mclp' | 'lscp' | 'pmedian' | 'pcenter' | 'two-tier';

/** Every model, in help order. */
export const PLAN_MODELS: readonly PlanModel[] = ['mclp', 'lscp', 'pmedian', 'pcenter', 'two-tier'];

/** Parameters of a plan. Distances are km (straight line) or the matrix's own unit when a matrix is given. */
export interface PlanParams {
  model: PlanModel;
  /** Number of new sites to open (mclp, pmedian, pcenter) or new stations (two-tier), on top of the existing and
   * locked ones, which are always open. lscp chooses the number itself. */
  p?: number;
  /** Reach of a station: km, or matrix units. Required by mclp, lscp and two-tier; optional for pmedian and
   * pcenter, where it only defines the coverage figures. */
  radius?: number;
  /** Share of the coverable weight (within reach of some site that is not excluded) that lscp must cover, in
   * (0, 1] (default 1). */
  targetShare?: number;
  /** Number of county centers to open (two-tier). */
  centers?: number;
  /** Reach of a center's delivery run to its stations (two-tier): great-circle km (also with a matrix), or the
   * unit of `PlanRequest.centerMatrix` when one is given (seconds by road). */
  centerRadius?: number;
  /** Most demand weight one site can serve (mclp, pmedian), default unlimited; the figures are then the weight
   * each site serves under the solver's assignment. */
  capacity?: number;
  /** Prove optimality with the HiGHS MIP (after the heuristic, which gives its start), default false. */
  exact?: boolean;
  /** Time budget in seconds for the heuristic and the exact solve. */
  timeLimitSec?: number;
  /** Seed of the deterministic generator (default 1). */
  seed?: number;
}

/** Everything `runPlan` needs. Large arrays are typed so they cross a worker boundary as transferables. */
export interface PlanRequest {
  demand: Demand;
  candidates: Candidates;
  /** Demand x candidate distances or travel times; when absent, great-circle km from the coordinates. */
  matrix?: DistanceMatrix;
  params: PlanParams;
  /** Two-tier: indices of the candidates that may host a center (e.g. one per county), ascending. Default: every
   * candidate that is not excluded, or an even spread of 2,000 of them (see src/core/plan-two-tier.ts). */
  centerCandidates?: Uint32Array;
  /** Two-tier: center -> station distances or travel times, rows = the center candidates in the order of
   * `centerCandidates(request)` (src/core/plan-two-tier.ts), columns = candidates, `values[c * cols + j]` from
   * center c to candidate j (Infinity: beyond reach); `params.centerRadius` is then in its unit. When absent, the
   * center reach is great-circle km. */
  centerMatrix?: DistanceMatrix;
}

/** Role codes of selected sites. */
export const SITE_ROLE = { station: 0, center: 1 } as const;
export type SiteRole = keyof typeof SITE_ROLE;
export const SITE_ROLE_NAMES: readonly SiteRole[] = ['station', 'center'];

/** Coverage figures of a plan. Per-site arrays are aligned with `solution.selected`. */
export interface PlanMetrics {
  /** Weight of the demand points within reach of at least one open site (for two-tier: of a served station). */
  coveredWeight: number;
  /** Total demand weight. */
  totalWeight: number;
  /** coveredWeight / totalWeight, in [0, 1] (0 when the total is 0). */
  coverage: number;
  /** Weight within reach of each selected site (or, for pmedian/pcenter without a radius, assigned to it). */
  siteCoveredWeight: Float64Array;
  /** Weight that only this selected site covers: lost if it closed (0 for pmedian/pcenter without a radius). */
  siteMarginalWeight: Float64Array;
}

/** What `runPlan` returns. */
export interface PlanResult {
  params: PlanParams;
  solution: Solution;
  /** SITE_ROLE code of each selected site, aligned with `solution.selected`. */
  roles: Uint8Array;
  metrics: PlanMetrics;
}
