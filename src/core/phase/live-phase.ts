/**
 * Phasing of the coverage worker's current plan: the sites and demand of a `LiveSession` (its export state) made
 * into a {@link phasePlan} input. Each site reaches the demand villages within the station reach (great-circle
 * km, inclusive: `coverageByRadius`, the live coverage's rule); in a two-tier plan a station covers once an open
 * center within the center reach serves it (`servingCenters`, the rule of src/core/live/served.ts), so the last
 * year's figures equal the live figures of the plan when every site is built. A site's province (for the cost
 * model's province factor) is that of the nearest demand village (geokdbush nearest neighbour).
 */
import { around } from 'geokdbush';
import KDBush from 'kdbush';
import type { LiveExportState } from '../live/coverage-api';
import { coverageByRadius } from '../reach/radius';
import type { CostModel } from '../rollout/rollout-types';
import { phasePlan } from './phase-plan';
import type { PhaseResult, YearCaps } from './phase-types';
import { servingCenters } from './serving';

/** The money of a phasing: cost model, years (1-5), total budget in yuan and optional per-year caps. */
export interface PhaseMoney {
  costs: CostModel;
  years: number;
  budgetYuan: number;
  caps?: YearCaps;
}

/**
 * 2-digit province code of the demand village nearest each site ('' when there is no demand).
 * @param state demand positions and county codes, and the sites
 */
export function siteProvinces(state: Pick<LiveExportState, 'lon' | 'lat' | 'countyCode' | 'sites'>): string[] {
  const { sites } = state;
  const n = state.lon.length;
  if (n === 0) return Array.from({ length: sites.count }, () => '');
  const index = new KDBush(n);
  for (let i = 0; i < n; i++) index.add(state.lon[i], state.lat[i]);
  index.finish();
  return Array.from({ length: sites.count }, (_, k) => {
    const [i] = around(index, sites.lon[k], sites.lat[k], 1);
    return state.countyCode[i].slice(0, 2);
  });
}

/**
 * Phases the plan of a live session.
 * @param state the session's export state (its current sites, demand and station reach)
 * @param centerRadiusKm reach of a center's delivery run, km
 * @param money costs, years, budget and caps
 * @example
 * phaseLivePlan(session.exportState(), 60, { costs: defaultCostModel(), years: 3, budgetYuan: 5e6 }).year;
 */
export function phaseLivePlan(state: LiveExportState, centerRadiusKm: number, money: PhaseMoney): PhaseResult {
  const { sites } = state;
  const demand = { count: state.lon.length, lon: state.lon, lat: state.lat };
  return phasePlan({
    role: sites.role,
    status: sites.status,
    provinceCode: siteProvinces(state),
    coverage: coverageByRadius(demand, { count: sites.count, lon: sites.lon, lat: sites.lat }, state.radiusKm),
    weight: state.weight,
    serving: servingCenters(sites, centerRadiusKm),
    ...money,
  });
}
