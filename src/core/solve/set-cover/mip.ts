/**
 * Exact set cover (location set covering problem, LSCP; C. Toregas, R. Swain, C. ReVelle & L. Bergman, "The
 * location of emergency service facilities", Operations Research 19 (1971) 1363-1373) and its partial variant
 * (cover at least a target weight), as CPLEX LP text for `solveMip`, on the reduced coverage of
 * `max-coverage-mip.ts` (fixed-site demands dropped, identical demands merged, dominated sites dropped: replacing
 * a site by one covering a superset never uncovers anything and keeps the count).
 *
 *   all:      min sum_k x_k   s.t.  sum_{k covers g} x_k >= 1 for every group g
 *   partial:  min sum_k x_k   s.t.  y_g <= sum_{k covers g} x_k,  sum_g w_g y_g >= target - fixed weight,  0 <= y <= 1
 */
import { LpBuilder } from '../lp-text';
import type { ReducedCoverage } from '../max-coverage/mip';

/**
 * LP text of the reduced set cover.
 * @param reduced reduced coverage (`reduceCoverage`)
 * @param targetWeight weight to cover including the fixed sites' weight, or `undefined` to cover every group
 */
export function setCoverLp(reduced: ReducedCoverage, targetWeight: number | undefined): string {
  const { sites, groupOffsets, groupSites, groupWeight } = reduced;
  const lp = new LpBuilder('minimize', { checkNames: false });
  const xNames = Array.from(sites, (_, k) => `x${k}`);
  lp.objective(xNames, 1);
  const groups = groupOffsets.length - 1;
  const yNames: string[] = [];
  const yWeights: number[] = [];
  for (let g = 0; g < groups; g++) {
    const names: string[] = [];
    for (let k = groupOffsets[g]; k < groupOffsets[g + 1]; k++) names.push(`x${groupSites[k]}`);
    if (targetWeight === undefined) {
      lp.constraint(`c${g}`, names, 1, '>=', 1);
      continue;
    }
    const y = `y${g}`;
    yNames.push(y);
    yWeights.push(groupWeight[g]);
    lp.constraint(`c${g}`, [y, ...names], [1, ...names.map(() => -1)], '<=', 0);
    lp.bound(y, 0, 1);
  }
  if (targetWeight !== undefined) {
    const need = targetWeight - reduced.fixedWeight;
    lp.constraint('target', yNames, yWeights, '>=', need - 1e-9 * Math.max(1, Math.abs(need)));
  }
  lp.binaries(xNames);
  return lp.toString();
}
