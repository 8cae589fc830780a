/**
 * Weighted swap search for max coverage at a fixed number of sites k: a local search that always moves (one site
 * in, one out), steered by demand weights that grow while a demand stays uncovered, for the dense components of a
 * national instance where the best-improvement swaps of `swap.ts` stop on plateaus.
 *
 * Each step picks an uncovered demand at random, opens the closed site reaching it with the largest weighted gain
 * (only sites whose neighbourhood changed since they were closed: configuration checking, S. Cai, K. Su &
 * A. Sattar, Artificial Intelligence 175 (2011) 1672-1696), then closes the open site with the smallest weighted
 * loss (the oldest on ties). The weight of every uncovered demand grows by `WEIGHT_GROWTH` times its own weight
 * at each step, so a demand left uncovered for long pulls the search towards it (row weighting, as in the
 * weighting local searches for covering problems, e.g. C. Gao, T. Weise & J. Li, EJOR 246 (2015) 750-761).
 * The growth is kept implicit: an uncovered demand i has weight w_i (c_i + t) at time t (`WEIGHT_GROWTH` per
 * step), so a site's weighted gain is G0_j + t G1_j with G0_j = sum w_i c_i and G1_j = sum w_i over its uncovered
 * demands, both updated only when a demand changes cover. A covered demand's weight is frozen. Every
 * `RESCALE_STEPS` steps the multipliers are halved towards 1 (forgetting, so the search does not stay bound to an
 * old history).
 *
 * The true covered weight is tracked alongside; the best plan met is returned. The work is a number of steps,
 * cut only by the deadline, so a run not cut depends only on the inputs and the seed.
 */
import { createRandom } from '../../random';
import { isFixed, statusOf, type CoverageProblem } from './state';
import { SITE_STATUS } from '../../types';

/** Options of `weightedSearch`. */
export interface WeightedSearchOptions {
  /** Sites to start from (local indices, proposed); their number is the k the search keeps. */
  start: ArrayLike<number>;
  /** Most steps (moves). */
  steps: number;
  /** Seed of the random choices. */
  seed?: number;
  /** Wall-clock deadline, `performance.now()` milliseconds (checked every 64 steps). */
  deadlineMs?: number;
  /** Stop as soon as the covered weight reaches this (e.g. an upper bound). */
  target?: number;
}

/** Result of `weightedSearch`. */
export interface WeightedSearchResult {
  /** The best plan met (proposed sites only). */
  open: Uint32Array;
  /** Its covered weight (demands covered by fixed sites included). */
  covered: number;
  /** Steps run. */
  steps: number;
}

/**
 * Growth of an uncovered demand's weight multiplier per step. Measured on the four largest components of the
 * national 3 km instance at p = 50,000 (8,000-14,700 sites, 20 steps per site): 1 drives the search far from
 * good plans (no gain on the swap plan), 0.01-0.0003 gain 50-125 villages each; 0.003 is in that range.
 */
const WEIGHT_GROWTH = 0.003;
/** Steps between two halvings of the weight multipliers (an assumption, not tuned). */
const RESCALE_STEPS = 2000;

/**
 * Runs the weighted swap search from `options.start` (see the module comment).
 * @param problem the instance (existing and locked sites stay open and are never moved)
 */
export function weightedSearch(problem: CoverageProblem, options: WeightedSearchOptions): WeightedSearchResult {
  const { siteOffsets, siteDemands, demandOffsets, demandSites, siteCount, demandCount } = problem.coverage;
  const weight = problem.weight;
  const status = statusOf(problem);
  const rand = createRandom(options.seed ?? 1);
  const isOpen = new Uint8Array(siteCount);
  const count = new Int32Array(demandCount);
  /** Weight multiplier offset c_i (uncovered: multiplier c_i + t) or frozen multiplier (covered). */
  const mult = new Float64Array(demandCount).fill(1);
  const g0 = new Float64Array(siteCount);
  const g1 = new Float64Array(siteCount);
  const loss = new Float64Array(siteCount);
  const changed = new Uint8Array(siteCount).fill(1);
  const age = new Float64Array(siteCount);
  // Uncovered demands that some proposed site reaches, as a list with positions (O(1) add and remove).
  const reachable = new Uint8Array(demandCount);
  for (let i = 0; i < demandCount; i++) {
    if (!(weight[i] > 0)) continue;
    for (let q = demandOffsets[i]; q < demandOffsets[i + 1]; q++)
      if (status[demandSites[q]] === SITE_STATUS.proposed) reachable[i] = 1;
  }
  const uncovered = new Uint32Array(demandCount);
  const position = new Int32Array(demandCount).fill(-1);
  let uncoveredCount = 0;
  let covered = 0;
  let t = 0;

  const addSite = (j: number): void => {
    isOpen[j] = 1;
    for (let k = siteOffsets[j]; k < siteOffsets[j + 1]; k++) {
      const i = siteDemands[k];
      const w = weight[i];
      const c = count[i]++;
      if (c === 0) {
        // Uncovered -> covered by j alone: freeze its multiplier, drop it from the gains of its sites.
        const m = mult[i] + t;
        for (let q = demandOffsets[i]; q < demandOffsets[i + 1]; q++) {
          const o = demandSites[q];
          g0[o] -= w * mult[i];
          g1[o] -= w;
          changed[o] = 1;
        }
        mult[i] = m;
        loss[j] += w * m;
        covered += w;
        const at = position[i];
        if (at >= 0) {
          const last = uncovered[--uncoveredCount];
          uncovered[at] = last;
          position[last] = at;
          position[i] = -1;
        }
      } else if (c === 1) {
        // Covered by one other site: that site no longer loses it alone.
        for (let q = demandOffsets[i]; q < demandOffsets[i + 1]; q++) {
          const o = demandSites[q];
          if (o !== j && isOpen[o]) {
            loss[o] -= w * mult[i];
            break;
          }
        }
      }
    }
  };
  const removeSite = (j: number): void => {
    isOpen[j] = 0;
    for (let k = siteOffsets[j]; k < siteOffsets[j + 1]; k++) {
      const i = siteDemands[k];
      const w = weight[i];
      const c = --count[i];
      if (c === 0) {
        // Covered by j alone -> uncovered: its multiplier grows again from its frozen value.
        loss[j] -= w * mult[i];
        covered -= w;
        const m = mult[i] - t;
        for (let q = demandOffsets[i]; q < demandOffsets[i + 1]; q++) {
          const o = demandSites[q];
          g0[o] += w * m;
          g1[o] += w;
          changed[o] = 1;
        }
        mult[i] = m;
        if (reachable[i]) {
          position[i] = uncoveredCount;
          uncovered[uncoveredCount++] = i;
        }
      } else if (c === 1) {
        for (let q = demandOffsets[i]; q < demandOffsets[i + 1]; q++) {
          const o = demandSites[q];
          if (isOpen[o]) {
            loss[o] += w * mult[i];
            break;
          }
        }
      }
    }
  };

  // Start: nothing open, every demand uncovered, then the fixed sites and the start plan.
  for (let i = 0; i < demandCount; i++) {
    for (let q = demandOffsets[i]; q < demandOffsets[i + 1]; q++) {
      g0[demandSites[q]] += weight[i];
      g1[demandSites[q]] += weight[i];
    }
    if (reachable[i]) {
      position[i] = uncoveredCount;
      uncovered[uncoveredCount++] = i;
    }
  }
  for (let j = 0; j < siteCount; j++) if (isFixed(status[j])) addSite(j);
  const open: number[] = [];
  for (let s = 0; s < options.start.length; s++) {
    const j = options.start[s];
    if (status[j] !== SITE_STATUS.proposed || isOpen[j]) continue;
    addSite(j);
    open.push(j);
  }
  const k = open.length;
  let best = Uint32Array.from(open);
  let bestCovered = covered;
  const target = options.target ?? Infinity;
  const deadline = options.deadlineMs ?? Infinity;
  let steps = 0;
  for (; steps < options.steps && k > 0 && uncoveredCount > 0 && bestCovered < target; steps++) {
    if ((steps & 63) === 63 && performance.now() > deadline) break;
    t += WEIGHT_GROWTH;
    // Open: the best weighted gain among the sites that reach a random uncovered demand.
    const i = uncovered[Math.floor(rand() * uncoveredCount)];
    let add = -1;
    let addGain = -Infinity;
    for (let pass = 0; pass < 2 && add < 0; pass++) {
      for (let q = demandOffsets[i]; q < demandOffsets[i + 1]; q++) {
        const j = demandSites[q];
        if (isOpen[j] || status[j] !== SITE_STATUS.proposed || (pass === 0 && !changed[j])) continue;
        const gain = g0[j] + t * g1[j];
        if (gain > addGain || (gain === addGain && age[j] < age[add])) {
          add = j;
          addGain = gain;
        }
      }
    }
    addSite(add);
    age[add] = t;
    // Close: the smallest weighted loss among the other open sites, the oldest on ties.
    let out = -1;
    let outAt = -1;
    let outLoss = Infinity;
    for (let s = 0; s < k; s++) {
      const j = open[s];
      const l = loss[j];
      if (l < outLoss || (l === outLoss && age[j] < age[out])) {
        out = j;
        outAt = s;
        outLoss = l;
      }
    }
    removeSite(out);
    changed[out] = 0;
    age[out] = t;
    open[outAt] = add;
    if (covered > bestCovered + 1e-9 * Math.max(1, bestCovered)) {
      bestCovered = covered;
      best = Uint32Array.from(open);
    }
    if (steps % RESCALE_STEPS === RESCALE_STEPS - 1) rescale();
  }
  return { open: best, covered: bestCovered, steps };

  /** Halves every multiplier towards 1 and recomputes the weighted gains and losses from scratch. */
  function rescale(): void {
    for (let i = 0; i < demandCount; i++) {
      const m = count[i] === 0 ? mult[i] + t : mult[i];
      const halved = 1 + (m - 1) / 2;
      mult[i] = count[i] === 0 ? halved - t : halved;
    }
    g0.fill(0);
    g1.fill(0);
    loss.fill(0);
    for (let i = 0; i < demandCount; i++) {
      const w = weight[i];
      if (count[i] === 0) {
        for (let q = demandOffsets[i]; q < demandOffsets[i + 1]; q++) {
          g0[demandSites[q]] += w * mult[i];
          g1[demandSites[q]] += w;
        }
      } else if (count[i] === 1) {
        for (let q = demandOffsets[i]; q < demandOffsets[i + 1]; q++) {
          const o = demandSites[q];
          if (isOpen[o]) {
            loss[o] += w * mult[i];
            break;
          }
        }
      }
    }
  }
}
