/**
 * Exact max coverage: the MCLP integer program (ReVelle & Church 1974) written as CPLEX LP text for `solveMip`
 * (HiGHS branch-and-cut), after reductions that keep the optimum:
 * - demands covered by an existing/locked site are constant (always covered) and dropped, as are demands of
 *   weight 0 and demands no proposed site reaches;
 * - demands covered by exactly the same proposed sites are merged (weights summed): one y column per group;
 * - a proposed site whose group set is contained in another's is dominated and dropped (with a budget
 *   sum x <= p, any solution using it is matched by one using the dominating site or nothing);
 * - a group covered by a single site j needs no y column: its weight moves to x_j's objective coefficient.
 */
import { LpBuilder } from '../lp-text';
import { isFixed, statusOf, type CoverageProblem } from './state';
import { SITE_STATUS } from '../../types';

/** The reduced model and how to map it back. */
export interface ReducedCoverage {
  /** Weight covered by fixed sites (constant term). */
  fixedWeight: number;
  /** Kept proposed sites (reduced site k is original site `sites[k]`). */
  sites: Uint32Array;
  /** Group g is covered by reduced sites `groupSites[groupOffsets[g] .. groupOffsets[g+1])`. */
  groupOffsets: Uint32Array;
  groupSites: Uint32Array;
  /** Summed weight of each group. */
  groupWeight: Float64Array;
  /** Original site index of the site dominating each original site, or -1 (for warm starts). */
  dominator: Int32Array;
}

/** Largest sum of list lengths checked for dominance (above it the check is skipped: it is only a speed-up). */
const DOMINANCE_WORK_LIMIT = 50_000_000;

/** Applies the reductions of the module comment. */
export function reduceCoverage(problem: CoverageProblem): ReducedCoverage {
  const { coverage, weight } = problem;
  const status = statusOf(problem);
  const { demandCount, siteCount, demandOffsets, demandSites } = coverage;
  let fixedWeight = 0;
  // Group free demands by their (ascending) list of proposed sites.
  const groupOf = new Map<string, number>();
  const groupLists: number[][] = [];
  const groupWeights: number[] = [];
  for (let i = 0; i < demandCount; i++) {
    const list: number[] = [];
    let fixed = false;
    for (let q = demandOffsets[i]; q < demandOffsets[i + 1]; q++) {
      const j = demandSites[q];
      if (isFixed(status[j])) fixed = true;
      else if (status[j] === SITE_STATUS.proposed) list.push(j);
    }
    if (fixed) {
      fixedWeight += weight[i];
      continue;
    }
    if (list.length === 0 || weight[i] === 0) continue;
    list.sort((a, b) => a - b);
    const key = list.join(',');
    let g = groupOf.get(key);
    if (g === undefined) {
      g = groupLists.length;
      groupOf.set(key, g);
      groupLists.push(list);
      groupWeights.push(0);
    }
    groupWeights[g] += weight[i];
  }
  // Site -> groups lists, ascending.
  const siteGroups: number[][] = Array.from({ length: siteCount }, () => []);
  groupLists.forEach((list, g) => list.forEach((j) => siteGroups[j].push(g)));
  const dominator = findDominators(siteGroups, groupLists, status);
  const keep: number[] = [];
  const reducedIndex = new Int32Array(siteCount).fill(-1);
  for (let j = 0; j < siteCount; j++) {
    if (status[j] === SITE_STATUS.proposed && dominator[j] < 0 && siteGroups[j].length > 0) {
      reducedIndex[j] = keep.length;
      keep.push(j);
    }
  }
  const groupOffsets = new Uint32Array(groupLists.length + 1);
  const flat: number[] = [];
  groupLists.forEach((list, g) => {
    for (const j of list) if (reducedIndex[j] >= 0) flat.push(reducedIndex[j]);
    groupOffsets[g + 1] = flat.length;
  });
  return {
    fixedWeight,
    sites: Uint32Array.from(keep),
    groupOffsets,
    groupSites: Uint32Array.from(flat),
    groupWeight: Float64Array.from(groupWeights),
    dominator,
  };
}

/** For each proposed site, a proposed site whose group set strictly contains its own (or equals it with a smaller index). */
function findDominators(siteGroups: number[][], groupLists: number[][], status: Uint8Array): Int32Array {
  const dominator = new Int32Array(siteGroups.length).fill(-1);
  let work = 0;
  for (const list of siteGroups) work += list.length * 8;
  if (work > DOMINANCE_WORK_LIMIT) return dominator;
  const mark = new Int32Array(groupLists.length).fill(-1);
  for (let j = 0; j < siteGroups.length; j++) {
    const mine = siteGroups[j];
    if (status[j] !== SITE_STATUS.proposed || mine.length === 0) continue;
    // Candidates: the sites covering j's group with the fewest sites.
    let rarest = mine[0];
    for (const g of mine) if (groupLists[g].length < groupLists[rarest].length) rarest = g;
    for (const g of mine) mark[g] = j;
    for (const k of groupLists[rarest]) {
      if (k === j || dominator[k] >= 0 || siteGroups[k].length < mine.length) continue;
      if (siteGroups[k].length === mine.length && k > j) continue; // equal sets: the smaller index stays
      let inside = 0;
      for (const g of siteGroups[k]) if (mark[g] === j) inside++;
      work += siteGroups[k].length;
      if (inside === mine.length) {
        dominator[j] = k;
        break;
      }
      if (work > DOMINANCE_WORK_LIMIT) return dominator;
    }
  }
  return dominator;
}

/** LP text of the reduced MCLP with budget p: max sum w_g y_g + sum c_k x_k, y_g <= sum x, sum x <= p. */
export function maxCoverageLp(reduced: ReducedCoverage, p: number): string {
  const { sites, groupOffsets, groupSites, groupWeight } = reduced;
  const lp = new LpBuilder('maximize', { checkNames: false });
  const siteCoef = new Float64Array(sites.length);
  const yNames: string[] = [];
  const yWeights: number[] = [];
  for (let g = 0; g + 1 < groupOffsets.length; g++) {
    const start = groupOffsets[g];
    const end = groupOffsets[g + 1];
    if (end - start === 1) {
      siteCoef[groupSites[start]] += groupWeight[g];
      continue;
    }
    const y = `y${g}`;
    yNames.push(y);
    yWeights.push(groupWeight[g]);
    const names = [y];
    const coefs = [1];
    for (let k = start; k < end; k++) {
      names.push(`x${groupSites[k]}`);
      coefs.push(-1);
    }
    lp.constraint(`c${g}`, names, coefs, '<=', 0);
    lp.bound(y, 0, 1);
  }
  const xNames = Array.from(sites, (_, k) => `x${k}`);
  lp.objective(yNames, yWeights);
  lp.objective(xNames, siteCoef);
  lp.constraint('budget', xNames, 1, '<=', p);
  lp.binaries(xNames);
  return lp.toString();
}

/** Warm start for `solveMip` from a selection of original sites (dominated sites replaced by their dominator). */
export function maxCoverageStart(reduced: ReducedCoverage, selected: Uint32Array): Map<string, number> {
  const reducedIndex = new Map<number, number>();
  reduced.sites.forEach((j, k) => reducedIndex.set(j, k));
  const start = new Map<string, number>();
  for (let k = 0; k < reduced.sites.length; k++) start.set(`x${k}`, 0);
  for (let j of selected) {
    while (reduced.dominator[j] >= 0) j = reduced.dominator[j];
    const k = reducedIndex.get(j);
    if (k !== undefined) start.set(`x${k}`, 1);
  }
  return start;
}

/** Original indices of the sites a MIP solution opens. */
export function sitesFromValues(reduced: ReducedCoverage, values: Map<string, number>): number[] {
  const open: number[] = [];
  for (let k = 0; k < reduced.sites.length; k++) if ((values.get(`x${k}`) ?? 0) > 0.5) open.push(reduced.sites[k]);
  return open;
}
