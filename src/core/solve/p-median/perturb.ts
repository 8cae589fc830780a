/**
 * Iterated local search on the p-median swap neighbourhood: when the fast swap (./swap.ts) stalls at a local
 * optimum, a few random swaps kick the solution out of it and the swap search descends again; the result is kept
 * when it is no worse than the best (plateaus are crossed), else the search returns to the best. This is the
 * "perturbation when the swap stalls" of iterated local search (H.R. Lourenco, O.C. Martin & T. Stuetzle,
 * "Iterated local search", Handbook of Metaheuristics, 2003); the kick swaps a random open site for a closed site
 * near the points it serves, as the swap neighbourhood of Resende & Werneck (2007) only ever trades nearby sites.
 * Stops after a number of kicks (deterministic for a seed) or at the deadline.
 */
import type { SearchLimits, SwapSearch } from './swap';
import { openIndices } from './sites';

/** Options of `perturbedSearch`. */
export interface PerturbOptions extends SearchLimits {
  /** Kicks to try. */
  kicks: number;
  /** Largest number of random swaps per kick (each kick draws 1..maxSwaps). */
  maxSwaps: number;
}

/** Entries of a demand point's nearest list among which a kick picks the site to open. */
const KICK_NEIGHBOURS = 8;

/**
 * Runs the kicks from the current state of `search` (a local optimum) and leaves `search` at the best solution.
 * @param search swap state, at a local optimum
 * @param random uniform [0, 1) source (seeded)
 * @param options kicks, swaps per kick, deadline
 * @returns the best open sites and their penalised objective
 */
export function perturbedSearch(
  search: SwapSearch,
  random: () => number,
  options: PerturbOptions,
): { open: Uint8Array; objective: number } {
  const { m, n, open, phi1 } = search;
  const { allowed, fixed } = search.roles;
  const { lists } = search.source;
  let best = open.slice();
  let bestObjective = search.penalisedObjective();
  const movable: number[] = [];
  const served: number[] = [];
  for (let kick = 0; kick < options.kicks; kick++) {
    if (performance.now() / 1000 > options.deadlineSec || options.shouldStop?.()) break;
    const swaps = 1 + Math.floor(random() * options.maxSwaps);
    for (let s = 0; s < swaps; s++) {
      movable.length = 0;
      for (let j = 0; j < m; j++) if (open[j] && !fixed[j]) movable.push(j);
      if (movable.length === 0) break;
      const out = movable[Math.floor(random() * movable.length)];
      served.length = 0;
      for (let u = 0; u < n; u++) if (phi1[u] === out && search.w[u] > 0) served.push(u);
      let into = -1;
      if (served.length > 0) {
        const u = served[Math.floor(random() * served.length)];
        const from = lists.offsets[u];
        const count = Math.min(KICK_NEIGHBOURS, lists.offsets[u + 1] - from);
        for (let tries = 0; tries < 2 * count && into < 0; tries++) {
          const j = lists.sites[from + Math.floor(random() * count)];
          if (!open[j] && allowed[j]) into = j;
        }
      }
      for (let tries = 0; tries < 50 && into < 0; tries++) {
        const j = Math.floor(random() * m);
        if (!open[j] && allowed[j]) into = j;
      }
      if (into < 0) break;
      search.move(out, into);
    }
    search.localSearch(options);
    const objective = search.penalisedObjective();
    if (objective <= bestObjective + 1e-12 * Math.max(1, Math.abs(bestObjective))) {
      if (objective < bestObjective) bestObjective = objective;
      best = open.slice();
    } else {
      search.reset(openIndices(best));
    }
  }
  search.reset(openIndices(best));
  return { open: best, objective: bestObjective };
}
