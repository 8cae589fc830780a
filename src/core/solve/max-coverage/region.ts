/**
 * Regional re-optimisation, a large-neighbourhood move of the max-coverage search (in the spirit of very large
 * scale neighbourhood search, R.K. Ahuja, O. Ergun, J.B. Orlin & A.P. Punnen, Discrete Applied Mathematics 123
 * (2002) 75-102): close a random open site and the REGION_SITES - 1 open sites sharing the most demand with it,
 * then reopen the same number of sites, chosen jointly and exactly among the REGION_CANDIDATES closed sites of the
 * region with the largest gain, by enumerating every subset (uncovered demand of the region held as bit sets).
 *
 * Single swaps move one site at a time; on unweighted clustered villages (large plateaus of equal coverage) the
 * better plans often need three or four neighbouring stations to move together, which this move finds directly.
 */
import { SITE_STATUS } from '../../types';
import type { CoverageState } from './state';

/** Open sites closed together (4: C(25, 4) = 12,650 subsets, about a millisecond). */
export const REGION_SITES = 4;
/** Closed sites of the region considered for reopening, by decreasing gain. */
export const REGION_CANDIDATES = 25;

/**
 * Applies one regional re-optimisation to `state` (which records the opens and closes in its journal and events,
 * so the caller can descend from the result and undo it).
 * @param state search state with at least one open proposed site
 * @param rand random generator of the search
 */
export function reoptimizeRegion(state: CoverageState, rand: () => number): void {
  const { siteOffsets, siteDemands, demandOffsets, demandSites, isOpen, status, gain, count, weight } = state;
  const proposed = SITE_STATUS.proposed;
  const first = state.openList[Math.floor(rand() * state.openNew)];
  // Open neighbours by number of shared demand points.
  const shared = new Map<number, number>();
  for (let k = siteOffsets[first]; k < siteOffsets[first + 1]; k++) {
    const i = siteDemands[k];
    for (let q = demandOffsets[i]; q < demandOffsets[i + 1]; q++) {
      const s = demandSites[q];
      if (s !== first && isOpen[s] && status[s] === proposed && state.tabu[s] === 0)
        shared.set(s, (shared.get(s) ?? 0) + 1);
    }
  }
  const neighbours = [...shared.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map((entry) => entry[0]);
  const region = [first, ...neighbours.slice(0, REGION_SITES - 1)];
  for (const r of region) state.close(r);
  // Closed sites of the region with positive gain, best first.
  const seen = new Set<number>();
  for (const r of region) {
    for (let k = siteOffsets[r]; k < siteOffsets[r + 1]; k++) {
      const i = siteDemands[k];
      for (let q = demandOffsets[i]; q < demandOffsets[i + 1]; q++) {
        const c = demandSites[q];
        if (!isOpen[c] && status[c] === proposed && state.tabu[c] === 0 && gain[c] > 0) seen.add(c);
      }
    }
  }
  const candidates = [...seen].sort((a, b) => gain[b] - gain[a] || a - b).slice(0, REGION_CANDIDATES);
  // Uncovered demand of the candidates as bit sets.
  const bitOf = new Map<number, number>();
  const bitWeight: number[] = [];
  for (const c of candidates) {
    for (let k = siteOffsets[c]; k < siteOffsets[c + 1]; k++) {
      const i = siteDemands[k];
      if (count[i] === 0 && !bitOf.has(i)) {
        bitOf.set(i, bitWeight.length);
        bitWeight.push(weight[i]);
      }
    }
  }
  const words = Math.max(1, Math.ceil(bitWeight.length / 32));
  const bits = new Uint32Array(candidates.length * words);
  candidates.forEach((c, t) => {
    for (let k = siteOffsets[c]; k < siteOffsets[c + 1]; k++) {
      const b = bitOf.get(siteDemands[k]);
      if (b !== undefined) bits[t * words + (b >>> 5)] |= 1 << (b & 31);
    }
  });
  const pick = Math.min(region.length, candidates.length);
  const chosen: number[] = [];
  let best: number[] = [];
  let bestValue = -1;
  const union = new Uint32Array(words);
  const value = (): number => {
    union.fill(0);
    for (const t of chosen) for (let x = 0; x < words; x++) union[x] |= bits[t * words + x];
    let sum = 0;
    for (let x = 0; x < words; x++) {
      for (let m = union[x]; m !== 0; m &= m - 1) sum += bitWeight[x * 32 + (31 - Math.clz32(m & -m))];
    }
    return sum;
  };
  const enumerate = (start: number): void => {
    if (chosen.length === pick) {
      const v = value();
      if (v > bestValue) {
        bestValue = v;
        best = chosen.slice();
      }
      return;
    }
    for (let t = start; t <= candidates.length - (pick - chosen.length); t++) {
      chosen.push(t);
      enumerate(t + 1);
      chosen.pop();
    }
  };
  enumerate(0);
  for (const t of best) state.open(candidates[t]);
}
