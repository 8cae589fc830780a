/**
 * Relative gap between an objective and a proven bound: |bound - objective| / max(|objective|, 1e-9), 0 when they
 * are equal, and NaN when no finite bound is known (as `Solution.gap` in ../types.ts promises).
 */
export function relativeGap(objective: number, bound: number): number {
  if (!Number.isFinite(bound) || Number.isNaN(objective)) return NaN;
  if (objective === bound) return 0;
  return Math.abs(bound - objective) / Math.max(Math.abs(objective), 1e-9);
}
