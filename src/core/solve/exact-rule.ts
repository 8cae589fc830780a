/**
 * The one rule by which the default (heuristic) modes also run the exact MIP: when the reduced model is small
 * enough that HiGHS usually proves it within the default budget, the heuristic runs on a share of the budget and
 * HiGHS, warm-started by it, on the rest; the answer is then reported "optimal" when proven, and is never worse
 * than the heuristic's (the heuristic's plan is kept when HiGHS times out with a worse incumbent).
 *
 * The size test counts the nonzeros of the constraint matrix of the reduced model, the figure HiGHS's work grows
 * with. The limits are assumptions measured on the `families` benchmark (tests/bench/families.ts): set cover
 * models of 600-900 columns and up to ~70,000 nonzeros prove in 0.3-2 s; p-median radius models of 300-600
 * nodes in 5-20 s; max coverage is harder per nonzero (its LP bound is weaker), hence its lower limit.
 */

/** Size of a reduced MIP. */
export interface MipSize {
  /** Binary columns (candidate sites kept by the reductions). */
  columns: number;
  /** Nonzeros of the constraint matrix. */
  nonzeros: number;
}

/** Limits of the size test per model (nonzeros). */
export const CHEAP_MIP_NONZEROS = {
  setCover: 400_000,
  maxCoverage: 60_000,
  pMedian: 400_000,
} as const;

/**
 * True when the default mode should also run HiGHS on the model (see the module comment).
 * @param model which limit applies
 * @param size columns and nonzeros of the reduced model
 */
export function exactLooksCheap(model: keyof typeof CHEAP_MIP_NONZEROS, size: MipSize): boolean {
  return size.columns > 0 && size.nonzeros <= CHEAP_MIP_NONZEROS[model];
}
