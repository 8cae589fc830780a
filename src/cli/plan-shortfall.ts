/**
 * What `npm run plan` says when a plan is smaller than asked: a model given p new sites that placed fewer (every
 * further site would add nothing within the reach), or a plan that covers no weight at all. Without it a plan
 * of 0 sites looks like a success.
 */
import type { PlanResult } from '../core/plan-types';
import { SITE_STATUS } from '../core/types';

/**
 * One line explaining a shortfall, or undefined when the plan is what was asked.
 * @param status SITE_STATUS of each candidate (undefined: all proposed)
 */
export function planShortfall(result: PlanResult, status: Uint8Array | undefined): string | undefined {
  const { params, solution, metrics } = result;
  let fixed = 0;
  if (status !== undefined) {
    for (const j of solution.selected) {
      if (status[j] === SITE_STATUS.existing || status[j] === SITE_STATUS.locked) fixed++;
    }
  }
  const placed = solution.selected.length - fixed;
  const reach = params.radius === undefined ? 'the reach' : `the reach (${params.radius})`;
  if (params.p !== undefined && params.model !== 'two-tier' && placed < params.p) {
    return (
      `placed ${placed} of p = ${params.p} new sites: no other candidate reaches an uncovered demand point within ` +
      `${reach}${metrics.coveredWeight === 0 ? '; nothing is covered' : ''}`
    );
  }
  if (metrics.totalWeight > 0 && metrics.coveredWeight === 0 && params.radius !== undefined) {
    return `no demand point lies within ${reach} of any chosen site: coverage is 0`;
  }
  return undefined;
}
