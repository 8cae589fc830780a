/**
 * Connected components of a max-coverage instance. Join each proposed site to the free demands it reaches (a demand
 * is free when no existing or locked site covers it, its weight is positive, and some proposed site reaches it).
 * Two components share no site and no demand, so the covered weight is a sum over components and the budget p is
 * their only link. The 3 km graph of China's rural villages falls into about 45,000 components (18,000 single
 * villages; the largest has 14,700 villages), which is what `component-bound.ts` exploits.
 */
import { SITE_STATUS } from '../../types';
import { isFixed, type CoverageProblem, type CoverageState } from './state';

/** Components as CSR lists: component c holds `sites[siteStart[c] .. siteStart[c + 1])`, and the same for demands. */
export interface Components {
  count: number;
  siteStart: Uint32Array;
  sites: Uint32Array;
  demandStart: Uint32Array;
  demands: Uint32Array;
  /** 1 for the free demands (the only ones in `demands`). */
  free: Uint8Array;
  /** Weight of the demands that existing or locked sites cover (counted whatever the plan). */
  fixedWeight: number;
}

/**
 * Splits the instance of `state` into connected components (union-find with path halving, O(nnz)).
 * Components are numbered by their smallest site index, so the split depends only on the instance.
 * @param state bookkeeping of the instance (fixed sites open)
 */
export function splitComponents(state: CoverageState): Components {
  const { siteCount, demandCount, siteOffsets, siteDemands, demandOffsets, demandSites, weight, status } = state;
  const free = new Uint8Array(demandCount);
  let fixedWeight = 0;
  for (let i = 0; i < demandCount; i++) {
    let byFixed = false;
    let byProposed = false;
    for (let q = demandOffsets[i]; q < demandOffsets[i + 1]; q++) {
      const code = status[demandSites[q]];
      if (isFixed(code)) byFixed = true;
      else if (code === SITE_STATUS.proposed) byProposed = true;
    }
    if (byFixed) fixedWeight += weight[i];
    else if (byProposed && weight[i] > 0) free[i] = 1;
  }
  // Nodes: sites 0 .. siteCount - 1, demands siteCount .. siteCount + demandCount - 1.
  const parent = new Int32Array(siteCount + demandCount);
  for (let v = 0; v < parent.length; v++) parent[v] = v;
  const find = (v: number): number => {
    while (parent[v] !== v) {
      parent[v] = parent[parent[v]];
      v = parent[v];
    }
    return v;
  };
  for (let j = 0; j < siteCount; j++) {
    if (status[j] !== SITE_STATUS.proposed) continue;
    for (let k = siteOffsets[j]; k < siteOffsets[j + 1]; k++) {
      const i = siteDemands[k];
      if (!free[i]) continue;
      const a = find(j);
      const b = find(siteCount + i);
      if (a !== b) parent[a < b ? b : a] = a < b ? a : b; // the smaller node is the root: roots are sites
    }
  }
  // Number the components by first appearance among the sites; sites that reach no free demand stay alone.
  const label = new Int32Array(parent.length).fill(-1);
  let count = 0;
  for (let j = 0; j < siteCount; j++) {
    if (status[j] !== SITE_STATUS.proposed) continue;
    const r = find(j);
    if (label[r] < 0) label[r] = count++;
  }
  const siteStart = new Uint32Array(count + 1);
  const demandStart = new Uint32Array(count + 1);
  for (let j = 0; j < siteCount; j++) if (status[j] === SITE_STATUS.proposed) siteStart[label[find(j)] + 1]++;
  for (let i = 0; i < demandCount; i++) if (free[i]) demandStart[label[find(siteCount + i)] + 1]++;
  for (let c = 0; c < count; c++) {
    siteStart[c + 1] += siteStart[c];
    demandStart[c + 1] += demandStart[c];
  }
  const sites = new Uint32Array(siteStart[count]);
  const demands = new Uint32Array(demandStart[count]);
  const siteNext = siteStart.slice(0, count);
  const demandNext = demandStart.slice(0, count);
  for (let j = 0; j < siteCount; j++) if (status[j] === SITE_STATUS.proposed) sites[siteNext[label[find(j)]]++] = j;
  for (let i = 0; i < demandCount; i++) if (free[i]) demands[demandNext[label[find(siteCount + i)]]++] = i;
  return { count, siteStart, sites, demandStart, demands, free, fixedWeight };
}

/** Covered free weight and open sites of component c in the plan of `state`. */
export function componentPlan(state: CoverageState, components: Components, c: number): [number, number] {
  const { siteStart, sites, demandStart, demands } = components;
  let covered = 0;
  for (let t = demandStart[c]; t < demandStart[c + 1]; t++)
    if (state.count[demands[t]] > 0) covered += state.weight[demands[t]];
  let open = 0;
  for (let t = siteStart[c]; t < siteStart[c + 1]; t++) open += state.isOpen[sites[t]];
  return [covered, open];
}

/** One component as an instance of its own: its sites and free demands renumbered from 0, all sites proposed. */
export interface ComponentProblem {
  /** Coverage sets and weights of the component alone. */
  problem: CoverageProblem;
  /** Original index of each local site. */
  sites: Uint32Array;
  /** Original index of each local demand. */
  demands: Uint32Array;
}

/**
 * Extracts component `c` of `components` as an instance of its own (for a per-component solve).
 * @param state bookkeeping of the whole instance
 * @param components its split
 * @param c component number
 */
export function componentProblem(state: CoverageState, components: Components, c: number): ComponentProblem {
  const sites = components.sites.slice(components.siteStart[c], components.siteStart[c + 1]);
  const demands = components.demands.slice(components.demandStart[c], components.demandStart[c + 1]);
  const local = new Map<number, number>();
  demands.forEach((i, t) => local.set(i, t));
  const siteOffsets = new Uint32Array(sites.length + 1);
  const list: number[] = [];
  sites.forEach((j, t) => {
    for (let k = state.siteOffsets[j]; k < state.siteOffsets[j + 1]; k++) {
      const i = local.get(state.siteDemands[k]);
      if (i !== undefined) list.push(i);
    }
    siteOffsets[t + 1] = list.length;
  });
  const siteDemands = Uint32Array.from(list);
  const demandOffsets = new Uint32Array(demands.length + 1);
  for (const i of siteDemands) demandOffsets[i + 1]++;
  for (let i = 0; i < demands.length; i++) demandOffsets[i + 1] += demandOffsets[i];
  const demandSites = new Uint32Array(siteDemands.length);
  const next = demandOffsets.slice(0, demands.length);
  for (let t = 0; t < sites.length; t++) {
    for (let k = siteOffsets[t]; k < siteOffsets[t + 1]; k++) demandSites[next[siteDemands[k]]++] = t;
  }
  const coverage = {
    demandCount: demands.length,
    siteCount: sites.length,
    siteOffsets,
    siteDemands,
    demandOffsets,
    demandSites,
  };
  return { problem: { coverage, weight: Float64Array.from(demands, (i) => state.weight[i]) }, sites, demands };
}

/**
 * Proposed sites that another proposed site of the same component dominates: its free demands are a subset of the
 * other's (a strict subset, or the same set and the other has the smaller index). "Dominated by" is a strict
 * partial order, so every dominated site has an undominated dominator, and replacing a dominated site in a plan by
 * that dominator (or, when it is open already, dropping it) never lowers coverage: OPT_c(k) and the priced optimum
 * max_S (f_c(S) - lambda |S|) of every component are the same without the dominated sites (for k up to the number
 * of undominated sites; beyond, OPT_c(k) is already all of c's weight). Leaving them out of the relaxations
 * halves the work on the national 3 km instance (245,000 of 456,000 sites dominated) and removes fractional LP
 * solutions that use them.
 * @param state bookkeeping of the instance
 * @param components its split (for the free demands)
 * @returns 1 per dominated proposed site
 */
export function dominatedSites(state: CoverageState, components: Components): Uint8Array {
  const { siteOffsets, siteDemands, demandOffsets, demandSites, status, siteCount } = state;
  const { free, sites } = components;
  const size = new Uint32Array(siteCount);
  for (const j of sites) for (let k = siteOffsets[j]; k < siteOffsets[j + 1]; k++) size[j] += free[siteDemands[k]];
  const mark = new Int32Array(state.demandCount).fill(-1);
  const dominated = new Uint8Array(siteCount);
  for (const j of sites) {
    if (size[j] === 0) continue; // reaches no free demand: alone in its component, nothing to gain
    // The free demand of j with the fewest sites: every dominator of j reaches it.
    let pivot = -1;
    let fewest = Infinity;
    for (let k = siteOffsets[j]; k < siteOffsets[j + 1]; k++) {
      const i = siteDemands[k];
      if (!free[i]) continue;
      mark[i] = j;
      const d = demandOffsets[i + 1] - demandOffsets[i];
      if (d < fewest) {
        fewest = d;
        pivot = i;
      }
    }
    for (let q = demandOffsets[pivot]; q < demandOffsets[pivot + 1]; q++) {
      const o = demandSites[q];
      if (o === j || status[o] !== SITE_STATUS.proposed || size[o] < size[j]) continue;
      if (size[o] === size[j] && o > j) continue;
      // o dominates j when all its free demands but size[o] - size[j] are j's: stop at one miss more.
      const spare = size[o] - size[j];
      let misses = 0;
      for (let k = siteOffsets[o]; k < siteOffsets[o + 1] && misses <= spare; k++) {
        const i = siteDemands[k];
        if (free[i] && mark[i] !== j) misses++;
      }
      if (misses <= spare) {
        dominated[j] = 1;
        break;
      }
    }
  }
  return dominated;
}
