/**
 * Lazy greedy for max coverage (M. Minoux, "Accelerated greedy algorithms for maximizing submodular set
 * functions", LNCS 7 (1978) 234-243): repeatedly open the proposed site that adds the most uncovered weight.
 * Coverage is submodular, so a site's gain only falls as others open; the heap keeps possibly stale
 * over-estimates and re-evaluates only the top entry (here in O(1), since `CoverageState` keeps every gain exact).
 * The greedy value is at least (1 - 1/e) of the optimum (Nemhauser, Wolsey & Fisher, Math. Prog. 14 (1978) 265-294).
 */
import type { CoverageState } from './state';

/** The greedy selection order and the coverage curve it draws. */
export interface GreedyTrace {
  /** Proposed sites in the order greedy opened them. */
  order: Uint32Array;
  /** Covered weight after opening order[0..k] (existing and locked sites included), same length as `order`. */
  cumulative: Float64Array;
}

/**
 * Opens proposed sites greedily until `p` proposed sites are open or no closed site adds positive weight
 * (opening a site that covers nothing new is pointless, so fewer than p sites may be returned).
 *
 * @param state bookkeeping with the fixed sites already open; modified in place
 * @param p number of proposed sites to have open at the end (at most)
 * @param tolerance gains at or below this count as zero (absorbs rounding of incremental sums)
 * @returns the order and the cumulative covered weight
 */
export function lazyGreedy(state: CoverageState, p: number, tolerance = 0): GreedyTrace {
  const order: number[] = [];
  const cumulative: number[] = [];
  while (state.openNew < p) {
    const j = state.gainHeap.top();
    if (j < 0 || state.gain[j] <= tolerance) break;
    state.open(j);
    order.push(j);
    cumulative.push(state.covered);
  }
  return { order: Uint32Array.from(order), cumulative: Float64Array.from(cumulative) };
}
