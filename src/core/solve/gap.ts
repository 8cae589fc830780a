/**
 * Relative gap between an objective and a proven bound: |bound - objective| / max(|objective|, 1e-9), 0 when they
 * are equal, and NaN when no finite bound is known (as `Solution.gap` in ../types.ts promises).
 */
export function relativeGap(objective: number, bound: number): number {
  if (!Number.isFinite(bound) || Number.isNaN(objective)) return NaN;
  if (objective === bound) return 0;
  return Math.abs(bound - objective) / Math.max(Math.abs(objective), 1e-9);
}

/**
 * The proof figures of a solution after a HiGHS MIP run warm-started by a heuristic (the exact modes of max
 * coverage, set cover and two-tier): optimal when HiGHS says so, or when the objective reaches the proven bound
 * (within 1e-9 relative, for sums of float weights); an optimal solution's bound is its objective.
 * @param objective the better of the heuristic's and the MIP's objectives
 * @param bound the tighter proven bound of the two (upper when maximising, lower when minimising)
 * @param sense whether the model maximises (coverage) or minimises (number of sites)
 * @param mipStatus HiGHS's status of the run, e.g. "optimal" or "time limit"
 * @param heuristicSolver name of the heuristic that gave the start
 * @param startedMs `performance.now()` when the solve started
 */
export function mipProof(
  objective: number,
  bound: number,
  sense: 'max' | 'min',
  mipStatus: string,
  heuristicSolver: string,
  startedMs: number,
): { bound: number; gap: number; optimal: boolean; solver: string; seconds: number } {
  const tolerance = 1e-9 * Math.max(1, Math.abs(bound));
  const reached = sense === 'max' ? objective >= bound - tolerance : objective <= bound + tolerance;
  const optimal = mipStatus === 'optimal' || reached;
  return {
    bound: optimal ? objective : bound,
    gap: optimal ? 0 : relativeGap(objective, bound),
    optimal,
    solver: `HiGHS MIP (${mipStatus}) warm-started by ${heuristicSolver}`,
    seconds: (performance.now() - startedMs) / 1000,
  };
}
