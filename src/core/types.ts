/**
 * Domain types shared by every part of the planning core (see ../shared/DESIGN.md, "Domain words").
 * Everything large is a typed array so it can cross a worker boundary as a transferable without copying.
 * Coordinates are always [lon, lat] in degrees, WGS 84.
 */

/** Weighted demand points (villages, or any user points). Index i is the demand index used everywhere. */
export interface Demand {
  count: number;
  /** Longitudes in degrees; absent (empty) when the instance is defined by a distance matrix only. */
  lon: Float64Array;
  /** Latitudes in degrees; absent (empty) when the instance is defined by a distance matrix only. */
  lat: Float64Array;
  /** Demand weight of each point (default 1). Non-negative. */
  weight: Float64Array;
}

/**
 * Status of a candidate site.
 * - `existing`: already open; always open and counts toward coverage.
 * - `locked`: must stay in the plan; always open.
 * - `proposed`: free for the solver to choose.
 * - `excluded`: must never be opened.
 */
export type SiteStatus = 'existing' | 'locked' | 'proposed' | 'excluded';

/** Numeric codes of SiteStatus, for typed arrays. */
export const SITE_STATUS = { proposed: 0, existing: 1, locked: 2, excluded: 3 } as const;
export const SITE_STATUS_NAMES: readonly SiteStatus[] = ['proposed', 'existing', 'locked', 'excluded'];

/** Candidate sites. Index j is the candidate index used everywhere. */
export interface Candidates {
  count: number;
  lon: Float64Array;
  lat: Float64Array;
  /** SITE_STATUS code of each candidate. */
  status: Uint8Array;
}

/**
 * Which demand points each candidate covers, and the inverse, in CSR form.
 * Candidate j covers demand indices `siteDemands[siteOffsets[j] .. siteOffsets[j+1])`;
 * demand i is covered by candidates `demandSites[demandOffsets[i] .. demandOffsets[i+1])`.
 * Coverage is inclusive: covered when distance <= reach.
 */
export interface CoverageSets {
  demandCount: number;
  siteCount: number;
  siteOffsets: Uint32Array;
  siteDemands: Uint32Array;
  demandOffsets: Uint32Array;
  demandSites: Uint32Array;
}

/** Progress report of a long computation: share done in [0, 1] and the current objective value. */
export interface Progress {
  share: number;
  objective: number;
  message?: string;
}

/** Options common to every solver. */
export interface SolveOptions {
  /** Seed of the deterministic pseudo-random generator (default 1). Same inputs and seed give the same plan. */
  seed?: number;
  /** Time budget of the heuristic or the exact solve, in seconds. */
  timeLimitSec?: number;
  /** Called now and then with the progress; may be throttled. */
  onProgress?: (progress: Progress) => void;
  /** Checked now and then; when it returns true the solver stops and returns its best solution so far. */
  shouldStop?: () => boolean;
}

/** What every solver returns. */
export interface Solution {
  /** Indices of the open candidates (including existing and locked ones), ascending. */
  selected: Uint32Array;
  /** The model's objective: covered weight (mclp), number of sites (lscp), total weighted distance (pmedian), largest distance (pcenter). */
  objective: number;
  /** A proven bound on the optimum (upper bound when maximising, lower bound when minimising), or NaN when none is known. */
  bound: number;
  /** Relative gap |objective - bound| / max(|objective|, tiny), or NaN when no bound is known. */
  gap: number;
  /** True when the objective is proven optimal. */
  optimal: boolean;
  /** Which algorithm produced it, e.g. "lazy greedy + swap" or "HiGHS MIP". */
  solver: string;
  seconds: number;
}

/**
 * A dense demand x candidate matrix of distances or travel times (rows = demand points, columns = candidates),
 * e.g. an OSRM `table` response or all-pairs shortest paths of a graph. `values[i * cols + j]`; Infinity = unreachable.
 * The unit is the source's own (seconds, metres, kilometres or graph cost).
 */
export interface DistanceMatrix {
  rows: number;
  cols: number;
  values: Float64Array;
}
