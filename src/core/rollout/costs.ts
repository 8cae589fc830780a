/**
 * Costs of rollout sites under a cost model: set-up and yearly running cost by role and province (the province
 * factor multiplies both), and the front-loaded cost the ranking reserves for a site (set-up + running in every
 * year of the rollout, i.e. as if it opened in year 1: an upper bound of what the site can cost in any schedule).
 */
import type { CostModel } from './rollout-types';

/** Set-up and yearly running cost of one site, yuan. */
export interface SiteCost {
  setupYuan: number;
  yearlyYuan: number;
}

/** The cost factor of a 2-digit province code (1 when the model has none). */
export function provinceFactor(costs: CostModel, provinceCode: string): number {
  const factor = costs.provinceFactor[provinceCode];
  return factor === undefined ? 1 : factor;
}

/** Cost of a county center in a province, factor applied. */
export function centerCost(costs: CostModel, provinceCode: string): SiteCost {
  const f = provinceFactor(costs, provinceCode);
  return { setupYuan: costs.centerSetupYuan * f, yearlyYuan: costs.centerYearlyYuan * f };
}

/** Cost of a village station in a province, factor applied. */
export function stationCost(costs: CostModel, provinceCode: string): SiteCost {
  const f = provinceFactor(costs, provinceCode);
  return { setupYuan: costs.stationSetupYuan * f, yearlyYuan: costs.stationYearlyYuan * f };
}

/**
 * What a site costs over a rollout when it opens in `year` (1-based): set-up + running from that year to the last,
 * both included.
 * @example
 * spendFromYear({ setupYuan: 30000, yearlyYuan: 6000 }, 2, 5); // 30000 + 4 x 6000 = 54000
 */
export function spendFromYear(cost: SiteCost, year: number, years: number): number {
  return cost.setupYuan + cost.yearlyYuan * (years - year + 1);
}

/** The front-loaded cost of a site: as if it opened in year 1 (see the module comment). */
export function frontLoadedYuan(cost: SiteCost, years: number): number {
  return spendFromYear(cost, 1, years);
}
