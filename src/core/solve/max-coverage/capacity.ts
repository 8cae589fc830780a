/**
 * Capacitated max coverage (heuristic): each open site serves at most `capacity` weight, a demand point is served
 * whole by one open site within reach (unsplittable: a village is served by one station), and the objective is
 * the served weight.
 *
 * Assignment rule (used to score any set of open sites, and returned as `assignment`): demand points are taken
 * in order of fewest open sites in reach first (the least flexible), then larger weight, then index; each goes to
 * the open site in reach with the most remaining capacity that can hold its whole weight, or stays unserved.
 *
 * Search: capacitated greedy (open the site whose free capacity can take the most unserved weight in reach, and
 * let it take its unserved demands largest first), then first-improvement swaps between the least-used open
 * sites and the most promising closed ones, each scored by the assignment rule, within the time budget.
 * Bound: the uncapacitated bound (capacities only remove options), and the sum of the fixed sites' capacities
 * plus the p largest proposed capacities, whichever is smaller.
 */
import { SITE_STATUS } from '../../types';
import type { MaxCoverageOptions, MaxCoverageSolution } from './index';
import { relativeGap } from '../gap';
import { maxCoverageHeuristic } from './heuristic';
import { sumOfLargest } from './bound';
import { isFixed, statusOf, type CoverageProblem } from './state';

/** Candidate closed sites tried against each open site in one swap pass. */
const SWAP_CANDIDATES = 8;

/** Capacity of every site as an array. */
function capacities(problem: CoverageProblem, capacity: number | Float64Array): Float64Array {
  const n = problem.coverage.siteCount;
  if (typeof capacity === 'number') return new Float64Array(n).fill(capacity);
  if (capacity.length !== n) throw new Error(`Expected ${n} site capacities, got ${capacity.length}.`);
  return capacity;
}

/**
 * Scores a set of open sites by the assignment rule of the module comment.
 * @returns served weight and the serving site of each demand point (-1 when unserved)
 */
export function assignCapacitated(
  problem: CoverageProblem,
  capacity: Float64Array,
  isOpen: Uint8Array,
): { served: number; assignment: Int32Array } {
  const { demandCount, demandOffsets, demandSites } = problem.coverage;
  const weight = problem.weight;
  const options = new Uint32Array(demandCount);
  const order: number[] = [];
  for (let i = 0; i < demandCount; i++) {
    for (let q = demandOffsets[i]; q < demandOffsets[i + 1]; q++) options[i] += isOpen[demandSites[q]];
    if (options[i] > 0 && weight[i] > 0) order.push(i);
  }
  order.sort((a, b) => options[a] - options[b] || weight[b] - weight[a] || a - b);
  const remaining = Float64Array.from(capacity);
  const assignment = new Int32Array(demandCount).fill(-1);
  let served = 0;
  for (const i of order) {
    let best = -1;
    for (let q = demandOffsets[i]; q < demandOffsets[i + 1]; q++) {
      const j = demandSites[q];
      if (isOpen[j] && remaining[j] >= weight[i] && (best < 0 || remaining[j] > remaining[best])) best = j;
    }
    if (best < 0) continue;
    remaining[best] -= weight[i];
    assignment[i] = best;
    served += weight[i];
  }
  return { served, assignment };
}

/** The capacitated heuristic behind `solveMaxCoverage` when `options.capacity` is set. */
export function capacitatedMaxCoverage(problem: CoverageProblem, options: MaxCoverageOptions): MaxCoverageSolution {
  const started = performance.now();
  const deadline = started + 1000 * (options.timeLimitSec ?? 10);
  const cap = capacities(problem, options.capacity ?? Infinity);
  const status = statusOf(problem);
  const { siteCount, siteOffsets, siteDemands } = problem.coverage;
  const weight = problem.weight;
  const p = Math.max(0, Math.floor(options.p));
  const isOpen = new Uint8Array(siteCount);
  for (let j = 0; j < siteCount; j++) if (isFixed(status[j])) isOpen[j] = 1;
  let current = assignCapacitated(problem, cap, isOpen);
  const servedBy = current.assignment;
  // Capacitated greedy.
  const greedyOrder: number[] = [];
  const greedyCumulative: number[] = [];
  let served = current.served;
  const estimate = (j: number): number => {
    let free = 0;
    for (let k = siteOffsets[j]; k < siteOffsets[j + 1]; k++)
      if (servedBy[siteDemands[k]] < 0) free += weight[siteDemands[k]];
    return Math.min(cap[j], free);
  };
  for (let round = 0; round < p; round++) {
    let best = -1;
    let bestGain = 0;
    for (let j = 0; j < siteCount; j++) {
      if (isOpen[j] || status[j] !== SITE_STATUS.proposed) continue;
      const g = estimate(j);
      if (g > bestGain) {
        bestGain = g;
        best = j;
      }
    }
    if (best < 0) break;
    isOpen[best] = 1;
    const mine = Array.from(siteDemands.subarray(siteOffsets[best], siteOffsets[best + 1])).filter(
      (i) => servedBy[i] < 0,
    );
    mine.sort((a, b) => weight[b] - weight[a] || a - b);
    let room = cap[best];
    for (const i of mine) {
      if (weight[i] > room || weight[i] === 0) continue;
      room -= weight[i];
      servedBy[i] = best;
      served += weight[i];
    }
    greedyOrder.push(best);
    greedyCumulative.push(served);
  }
  current = assignCapacitated(problem, cap, isOpen);
  // First-improvement swaps scored by the assignment rule.
  let improved = true;
  while (improved && performance.now() < deadline && !options.shouldStop?.()) {
    improved = false;
    const load = new Float64Array(siteCount);
    for (let i = 0; i < current.assignment.length; i++)
      if (current.assignment[i] >= 0) load[current.assignment[i]] += weight[i];
    const open = [...Array(siteCount).keys()].filter((j) => isOpen[j] && status[j] === SITE_STATUS.proposed);
    open.sort((a, b) => load[a] - load[b] || a - b);
    const closed = [...Array(siteCount).keys()].filter((j) => !isOpen[j] && status[j] === SITE_STATUS.proposed);
    const score = closed.map((j) => {
      let free = 0;
      for (let k = siteOffsets[j]; k < siteOffsets[j + 1]; k++)
        if (current.assignment[siteDemands[k]] < 0) free += weight[siteDemands[k]];
      return Math.min(cap[j], free);
    });
    const top = closed.map((j, k) => [score[k], j] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    search: for (const r of open) {
      for (let t = 0; t < Math.min(SWAP_CANDIDATES, top.length); t++) {
        const a = top[t][1];
        if (isOpen[a]) continue;
        isOpen[r] = 0;
        isOpen[a] = 1;
        const trial = assignCapacitated(problem, cap, isOpen);
        if (trial.served > current.served + 1e-9) {
          current = trial;
          improved = true;
          break search;
        }
        isOpen[a] = 0;
        isOpen[r] = 1;
        if (performance.now() > deadline) break search;
      }
    }
  }
  const uncapacitated = maxCoverageHeuristic(problem, {
    ...options,
    capacity: undefined,
    maxStallRounds: 0,
    timeLimitSec: 1,
  });
  const fixedCap = cap.reduce((s, c, j) => (isFixed(status[j]) ? s + c : s), 0);
  const proposedCap = Float64Array.from(cap.filter((_, j) => status[j] === SITE_STATUS.proposed));
  const bound = Math.min(uncapacitated.bound, fixedCap + sumOfLargest(proposedCap, proposedCap.length, p));
  const selected = Uint32Array.from([...Array(siteCount).keys()].filter((j) => isOpen[j]));
  const objective = current.served;
  const optimal = objective >= bound - 1e-9 * Math.max(1, bound);
  return {
    selected,
    objective,
    bound,
    gap: optimal ? 0 : relativeGap(objective, bound),
    optimal,
    solver: 'capacitated greedy + swap',
    seconds: (performance.now() - started) / 1000,
    coveredWeight: objective,
    totalWeight: uncapacitated.totalWeight,
    coverableWeight: uncapacitated.coverableWeight,
    newSites: selected.filter((j) => status[j] === SITE_STATUS.proposed).length,
    greedyOrder: Uint32Array.from(greedyOrder),
    greedyCumulative: Float64Array.from(greedyCumulative),
    assignment: current.assignment,
  };
}
