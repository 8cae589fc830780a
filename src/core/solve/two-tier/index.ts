/**
 * Two-tier coverage: county centers and village stations chosen together. A station serves the villages within its
 * reach only when it lies within the delivery reach of an open center (e.g. 60 km, or 90 minutes by the
 * travel-time proxy); choose `pCenters` new centers and `pStations` new stations maximising the covered weight.
 *
 * Budget convention as for max coverage: p counts new sites; existing and locked centers and stations are always
 * open; excluded ones never. An existing or locked station that no open center reaches is open but serves nobody.
 *
 * Heuristic (centers first, then stations, then center swaps):
 * 1. Each center's potential is the weight its reachable stations could cover together; centers are chosen by
 *    max coverage (lazy greedy + swap) on these potentials.
 * 2. Stations: max coverage (`max-coverage-heuristic.ts`) restricted to the stations the open centers reach.
 * 3. Center swaps: replace an open center by a closed one of high potential when the station plan re-solved
 *    (greedy + swap descent) covers more; first improvement, within the time budget.
 * 4. The final station plan gets the full search (iterated local search and its bound).
 * Upper bound: the smaller of two relaxations, the station bound with every reachable station allowed (center
 * constraint dropped) and the center-potential bound (station budget dropped).
 * Exact mode: the MIP of `two-tier-mip.ts` solved by HiGHS, warm-started by the heuristic.
 */
import { SITE_STATUS, type CoverageSets, type Solution, type SolveOptions } from '../../types';
import { mipProof, relativeGap } from '../gap';
import { maxCoverageHeuristic } from '../max-coverage/heuristic';
import { integralWeights } from '../max-coverage/bound';
import { isFixed, statusOf, type CoverageProblem } from '../max-coverage/state';
import { solveMip } from '../mip';
import { twoTierLp } from './mip';

/** A two-tier instance. */
export interface TwoTierProblem {
  /** Station -> village coverage, village weights and station statuses. */
  stations: CoverageProblem;
  /**
   * Center -> station reach in CSR form (sites = centers, "demand" = stations): center c can supply station s
   * (e.g. `coverageByRadius(stationPoints, centerPoints, 60)`).
   */
  centerReach: CoverageSets;
  /** SITE_STATUS of each center (default all proposed). */
  centerStatus?: Uint8Array;
}

/** Options of `solveTwoTier`. */
export interface TwoTierOptions extends SolveOptions {
  /** New centers to open. */
  pCenters: number;
  /** New stations to open. */
  pStations: number;
  /** `heuristic` (default) or `exact`. */
  mode?: 'heuristic' | 'exact';
}

/** A two-tier plan. `selected` lists the open stations (as `stations`); `centers` the open centers. */
export interface TwoTierSolution extends Solution {
  centers: Uint32Array;
  stations: Uint32Array;
  coveredWeight: number;
  totalWeight: number;
}

/** Center swap candidates tried per open center. */
const SWAP_CANDIDATES = 8;

/**
 * Solves two-tier coverage.
 *
 * @param problem station coverage, center reach, statuses
 * @param options pCenters, pStations (new sites), mode, time limit in seconds (default 10), seed
 * @example
 * const stationCov = coverageByRadius(villages, stationSites, 3);
 * const reach = coverageByTravelTime(stationSites, countyCenters, 90);
 * const plan = await solveTwoTier({ stations: { coverage: stationCov, weight }, centerReach: reach }, { pCenters: 5, pStations: 300 });
 */
export async function solveTwoTier(problem: TwoTierProblem, options: TwoTierOptions): Promise<TwoTierSolution> {
  const started = performance.now();
  const limitSec = options.timeLimitSec ?? 10;
  const heuristic = twoTierHeuristic(problem, {
    ...options,
    timeLimitSec: options.mode === 'exact' ? Math.min(1, limitSec / 10) : limitSec,
  });
  if (options.mode !== 'exact' || heuristic.optimal)
    return { ...heuristic, seconds: (performance.now() - started) / 1000 };
  const model = twoTierLp(problem, options.pCenters, options.pStations);
  const start = new Map<string, number>();
  for (const s of heuristic.stations) if (model.stationColumn[s].startsWith('x')) start.set(model.stationColumn[s], 1);
  for (const c of heuristic.centers) if (model.centerColumn[c]) start.set(model.centerColumn[c], 1);
  const remaining = Math.max(0.1, limitSec - (performance.now() - started) / 1000);
  const integral = integralWeights(problem.stations.weight);
  const result = await solveMip(model.text, {
    timeLimitSec: remaining,
    mipRelGap: 0,
    mipAbsGap: integral ? 0.5 : 1e-6,
    start,
    shouldStop: options.shouldStop,
    seed: options.seed,
  });
  let best = heuristic;
  if (result.values.size > 0) {
    const centers = problem.centerStatus ? fixedOf(problem.centerStatus) : [];
    model.centerColumn.forEach((name, c) => {
      if (name && (result.values.get(name) ?? 0) > 0.5) centers.push(c);
    });
    const stations = fixedOf(statusOf(problem.stations));
    model.stationColumn.forEach((name, s) => {
      if (name.startsWith('x') && (result.values.get(name) ?? 0) > 0.5) stations.push(s);
    });
    const covered = servedWeight(problem, centers, stations);
    if (covered > heuristic.objective) {
      const sortedStations = Uint32Array.from(stations).sort();
      best = {
        ...heuristic,
        centers: Uint32Array.from(centers).sort(),
        stations: sortedStations,
        selected: sortedStations,
        objective: covered,
        coveredWeight: covered,
      };
    }
  }
  const mipBound = Number.isFinite(result.bound) ? result.bound : Infinity;
  const bound = Math.min(heuristic.bound, integral ? Math.floor(mipBound + 1e-6) : mipBound);
  return { ...best, ...mipProof(best.objective, bound, 'max', result.status, heuristic.solver, started) };
}

function fixedOf(status: Uint8Array): number[] {
  const out: number[] = [];
  status.forEach((code, j) => {
    if (isFixed(code)) out.push(j);
  });
  return out;
}

/** Station statuses given a set of open centers: proposed stations no open center reaches become excluded. */
function stationStatusFor(problem: TwoTierProblem, openCenter: Uint8Array): Uint8Array {
  const base = statusOf(problem.stations);
  const { demandOffsets, demandSites } = problem.centerReach;
  const out = new Uint8Array(base.length);
  for (let s = 0; s < base.length; s++) {
    let reached = false;
    for (let q = demandOffsets[s]; q < demandOffsets[s + 1] && !reached; q++)
      reached = openCenter[demandSites[q]] === 1;
    // Unreached stations cannot serve: proposed ones are not worth opening, fixed ones stay open but count for nothing.
    out[s] = reached ? base[s] : SITE_STATUS.excluded;
  }
  return out;
}

/** Weight covered by the given open stations that some given open center reaches. */
export function servedWeight(problem: TwoTierProblem, centers: ArrayLike<number>, stations: ArrayLike<number>): number {
  const openCenter = new Uint8Array(problem.centerReach.siteCount);
  for (let k = 0; k < centers.length; k++) openCenter[centers[k]] = 1;
  const { coverage, weight } = problem.stations;
  const { demandOffsets, demandSites } = problem.centerReach;
  const covered = new Uint8Array(coverage.demandCount);
  for (let k = 0; k < stations.length; k++) {
    const s = stations[k];
    let reached = false;
    for (let q = demandOffsets[s]; q < demandOffsets[s + 1] && !reached; q++)
      reached = openCenter[demandSites[q]] === 1;
    if (!reached) continue;
    for (let q = coverage.siteOffsets[s]; q < coverage.siteOffsets[s + 1]; q++) covered[coverage.siteDemands[q]] = 1;
  }
  let sum = 0;
  for (let i = 0; i < coverage.demandCount; i++) if (covered[i]) sum += weight[i];
  return sum;
}

/**
 * Center -> village potential coverage: village i is in center c's set when some non-excluded station that c
 * reaches covers i (the union of its stations' sets).
 */
function centerPotential(problem: TwoTierProblem): CoverageProblem {
  const { coverage, weight } = problem.stations;
  const stationStatus = statusOf(problem.stations);
  const reach = problem.centerReach;
  const stamp = new Int32Array(coverage.demandCount).fill(-1);
  const offsets = new Uint32Array(reach.siteCount + 1);
  const lists: number[] = [];
  for (let c = 0; c < reach.siteCount; c++) {
    for (let q = reach.siteOffsets[c]; q < reach.siteOffsets[c + 1]; q++) {
      const s = reach.siteDemands[q];
      if (stationStatus[s] === SITE_STATUS.excluded) continue;
      for (let k = coverage.siteOffsets[s]; k < coverage.siteOffsets[s + 1]; k++) {
        const i = coverage.siteDemands[k];
        if (stamp[i] !== c) {
          stamp[i] = c;
          lists.push(i);
        }
      }
    }
    offsets[c + 1] = lists.length;
  }
  const siteDemands = Uint32Array.from(lists);
  // Demand-major side by counting sort (rows ascending by center).
  const demandOffsets = new Uint32Array(coverage.demandCount + 1);
  for (const i of siteDemands) demandOffsets[i + 1]++;
  for (let i = 0; i < coverage.demandCount; i++) demandOffsets[i + 1] += demandOffsets[i];
  const cursor = demandOffsets.slice(0, coverage.demandCount);
  const demandSites = new Uint32Array(siteDemands.length);
  for (let c = 0; c < reach.siteCount; c++) {
    for (let k = offsets[c]; k < offsets[c + 1]; k++) demandSites[cursor[siteDemands[k]]++] = c;
  }
  for (let c = 0; c < reach.siteCount; c++) siteDemands.subarray(offsets[c], offsets[c + 1]).sort();
  return {
    coverage: {
      demandCount: coverage.demandCount,
      siteCount: reach.siteCount,
      siteOffsets: offsets,
      siteDemands,
      demandOffsets,
      demandSites,
    },
    weight,
    status: problem.centerStatus,
  };
}

/** The heuristic of `solveTwoTier`, synchronous (`mode` is ignored). */
export function twoTierHeuristic(problem: TwoTierProblem, options: TwoTierOptions): TwoTierSolution {
  const started = performance.now();
  const limitSec = options.timeLimitSec ?? 10;
  const deadlineMs = started + 1000 * limitSec;
  const { pCenters, pStations } = options;
  if (!(pCenters >= 0 && pStations >= 0))
    throw new Error(`pCenters and pStations must be >= 0, got ${pCenters} and ${pStations}.`);
  const centerCount = problem.centerReach.siteCount;
  if (problem.centerReach.demandCount !== problem.stations.coverage.siteCount) {
    throw new Error(
      `centerReach must have one row per station: expected ${problem.stations.coverage.siteCount}, got ${problem.centerReach.demandCount}.`,
    );
  }
  const seed = options.seed ?? 1;
  // 1. Centers by potential.
  const potential = centerPotential(problem);
  const centerPlan = maxCoverageHeuristic(potential, {
    p: pCenters,
    seed,
    timeLimitSec: limitSec / 10,
    maxStallRounds: 20,
  });
  const openCenter = new Uint8Array(centerCount);
  for (const c of centerPlan.selected) openCenter[c] = 1;
  // 2. Stations within reach of the open centers (a quick search while centers move).
  const quick = (open: Uint8Array) =>
    maxCoverageHeuristic(
      { ...problem.stations, status: stationStatusFor(problem, open) },
      {
        p: pStations,
        seed,
        maxStallRounds: 0,
        boundIterations: 0,
        timeLimitSec: Math.max(0.05, (deadlineMs - performance.now()) / 1000),
      },
    );
  let value = quick(openCenter).objective;
  // 3. Center swaps, first improvement: least potential-loss centers out, highest-potential closed centers in.
  const centerStatus = problem.centerStatus ?? new Uint8Array(centerCount);
  const closed = Array.from({ length: centerCount }, (_, c) => c).filter(
    (c) => !openCenter[c] && centerStatus[c] === SITE_STATUS.proposed,
  );
  closed.sort((a, b) => potentialOf(potential, b) - potentialOf(potential, a) || a - b);
  let improved = true;
  while (improved && performance.now() < deadlineMs && !options.shouldStop?.()) {
    improved = false;
    const open = Array.from({ length: centerCount }, (_, c) => c).filter(
      (c) => openCenter[c] && centerStatus[c] === SITE_STATUS.proposed,
    );
    search: for (const out of open) {
      let tried = 0;
      for (const into of closed) {
        if (openCenter[into]) continue;
        if (++tried > SWAP_CANDIDATES || performance.now() > deadlineMs) break;
        openCenter[out] = 0;
        openCenter[into] = 1;
        const trial = quick(openCenter).objective;
        if (trial > value + 1e-9 * Math.max(1, value)) {
          value = trial;
          improved = true;
          break search;
        }
        openCenter[into] = 0;
        openCenter[out] = 1;
      }
    }
  }
  // 4. Full station search for the final centers; bound with the center constraint relaxed.
  const remainingSec = Math.max(0.05, (deadlineMs - performance.now()) / 1000);
  const stationPlan = maxCoverageHeuristic(
    { ...problem.stations, status: stationStatusFor(problem, openCenter) },
    { p: pStations, seed, timeLimitSec: remainingSec * 0.8, shouldStop: options.shouldStop },
  );
  const allReached = new Uint8Array(centerCount);
  for (let c = 0; c < centerCount; c++) allReached[c] = centerStatus[c] === SITE_STATUS.excluded ? 0 : 1;
  const relaxed = maxCoverageHeuristic(
    { ...problem.stations, status: stationStatusFor(problem, allReached) },
    { p: pStations, seed, maxStallRounds: 0, timeLimitSec: Math.max(0.05, remainingSec * 0.2) },
  );
  const centers = Uint32Array.from(Array.from(openCenter.keys()).filter((c) => openCenter[c] === 1));
  // Fixed stations are open even when unreached (they serve nobody then).
  const stationStatus = statusOf(problem.stations);
  const stationSet = new Set<number>(stationPlan.selected);
  stationStatus.forEach((code, s) => {
    if (isFixed(code)) stationSet.add(s);
  });
  const stations = Uint32Array.from(stationSet).sort();
  const objective = stationPlan.objective;
  // Both relaxations bound the optimum: every station allowed (center budget ignored), or every station of the
  // chosen centers' reach counted (station budget ignored; the potential problem's own bound).
  const bound = Math.max(objective, Math.min(relaxed.bound, centerPlan.bound));
  const optimal = objective >= bound - 1e-9 * Math.max(1, bound);
  return {
    selected: stations,
    stations,
    centers,
    objective,
    coveredWeight: objective,
    totalWeight: stationPlan.totalWeight,
    bound,
    gap: optimal ? 0 : relativeGap(objective, bound),
    optimal,
    solver: 'center potential + station max coverage + center swaps',
    seconds: (performance.now() - started) / 1000,
  };
}

function potentialOf(potential: CoverageProblem, c: number): number {
  const { siteOffsets, siteDemands } = potential.coverage;
  let sum = 0;
  for (let k = siteOffsets[c]; k < siteOffsets[c + 1]; k++) sum += potential.weight[siteDemands[k]];
  return sum;
}
