/**
 * Default parameters of the national rollout and their checks.
 *
 * The programme ("thousand counties, ten thousand villages") announced about 1,000 county operation centers and
 * about 100,000 village service stations over 3-5 years for 10 billion yuan in all, starting with Zhejiang; no
 * per-site figures were published. The default cost model is therefore an assumption of this tool, in round
 * figures chosen so that the default programme fits the budget even when every site would run for all five years
 * (the front-loaded cost the ranking reserves): 1,000 x (2,000,000 + 5 x 300,000) + 100,000 x (30,000 + 5 x 6,000)
 * = 3.5 + 6.0 = 9.5 billion yuan, i.e. tight (95 % of the budget) but feasible. Spread over the years by the
 * schedule (one fifth of the budget a year), the same sites cost less, since sites opened later run fewer years.
 */
import type { CostModel, RolloutParams } from './rollout-types';

/**
 * The default cost model (assumptions, see the module comment): a county center 2,000,000 yuan to set up and
 * 300,000 yuan a year to run (a warehouse, sorting line and a few staff); a village station 30,000 yuan to set
 * up and 6,000 yuan a year (a counter, terminal and a part-time keeper's allowance); no province factor.
 */
export function defaultCostModel(): CostModel {
  return {
    centerSetupYuan: 2_000_000,
    centerYearlyYuan: 300_000,
    stationSetupYuan: 30_000,
    stationYearlyYuan: 6_000,
    provinceFactor: {},
  };
}

/**
 * The default rollout: 1,000 centers, 100,000 stations, 5 years, 10,000,000,000 yuan, Zhejiang ("33") first,
 * stations reaching 3 km, centers 60 km (great circle), counties ranked by rural villages reached per yuan.
 * @example
 * runRollout({ villages, countyNames, params: defaultRolloutParams() });
 */
export function defaultRolloutParams(): RolloutParams {
  return {
    centers: 1000,
    stations: 100_000,
    years: 5,
    budgetYuan: 10_000_000_000,
    costs: defaultCostModel(),
    provinceOrder: ['33'],
    stationRadiusKm: 3,
    centerRadiusKm: 60,
    countyScore: 'villages-per-yuan',
  };
}

/** Fewest and most years of a rollout (the programme's "3-5 years"). */
export const MIN_YEARS = 3;
export const MAX_YEARS = 5;

const SCORES = ['villages-per-yuan', 'uncovered-share', 'user-weight'];
const COST_KEYS = ['centerSetupYuan', 'stationSetupYuan', 'centerYearlyYuan', 'stationYearlyYuan'] as const;

function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isAmount(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** Messages about the cost model (empty when it is valid). */
export function checkCostModel(costs: CostModel): string[] {
  const problems: string[] = [];
  for (const key of COST_KEYS) {
    if (!isAmount(costs[key])) problems.push(`costs.${key} must be a finite number of yuan >= 0, got ${costs[key]}`);
  }
  if (typeof costs.provinceFactor !== 'object' || costs.provinceFactor === null) {
    problems.push('costs.provinceFactor must be an object of 2-digit province codes to factors');
    return problems;
  }
  for (const [code, factor] of Object.entries(costs.provinceFactor)) {
    if (!/^\d{2}$/.test(code)) problems.push(`costs.provinceFactor: "${code}" is not a 2-digit province code`);
    if (typeof factor !== 'number' || !Number.isFinite(factor) || factor <= 0) {
      problems.push(`costs.provinceFactor["${code}"] must be a finite number > 0, got ${String(factor)}`);
    }
  }
  return problems;
}

/**
 * Human messages for invalid parameters, one per problem (empty when the parameters are valid): counts must be
 * integers >= 0, years an integer in 3..5, amounts and reaches finite and >= 0, province codes 2 digits, caps one
 * entry per year at most.
 * @example
 * checkRolloutParams({ ...defaultRolloutParams(), years: 7 }); // ["years must be an integer from 3 to 5, got 7"]
 */
export function checkRolloutParams(params: RolloutParams): string[] {
  const problems: string[] = [];
  if (!isCount(params.centers)) problems.push(`centers must be an integer >= 0, got ${params.centers}`);
  if (!isCount(params.stations)) problems.push(`stations must be an integer >= 0, got ${params.stations}`);
  if (!Number.isInteger(params.years) || params.years < MIN_YEARS || params.years > MAX_YEARS) {
    problems.push(`years must be an integer from ${MIN_YEARS} to ${MAX_YEARS}, got ${params.years}`);
  }
  if (!isAmount(params.budgetYuan)) problems.push(`budgetYuan must be a finite number >= 0, got ${params.budgetYuan}`);
  if (typeof params.costs !== 'object' || params.costs === null) problems.push('costs must be a cost model');
  else problems.push(...checkCostModel(params.costs));
  if (!Array.isArray(params.provinceOrder)) problems.push('provinceOrder must be a list of 2-digit province codes');
  else {
    for (const code of params.provinceOrder) {
      if (typeof code !== 'string' || !/^\d{2}$/.test(code)) {
        problems.push(`provinceOrder: "${String(code)}" is not a 2-digit province code`);
      }
    }
    if (new Set(params.provinceOrder).size !== params.provinceOrder.length) {
      problems.push('provinceOrder lists a province twice');
    }
  }
  if (!isAmount(params.stationRadiusKm)) {
    problems.push(`stationRadiusKm must be a finite number >= 0, got ${params.stationRadiusKm}`);
  }
  if (!isAmount(params.centerRadiusKm)) {
    problems.push(`centerRadiusKm must be a finite number >= 0, got ${params.centerRadiusKm}`);
  }
  if (!SCORES.includes(params.countyScore)) {
    problems.push(`countyScore must be one of ${SCORES.join(', ')}, got ${String(params.countyScore)}`);
  }
  for (const [code, weight] of Object.entries(params.countyWeights ?? {})) {
    if (typeof weight !== 'number' || !Number.isFinite(weight)) {
      problems.push(`countyWeights["${code}"] must be a finite number, got ${String(weight)}`);
    }
  }
  if (params.transport !== undefined) {
    const { daysPerYear, timeBudgetSec } = params.transport;
    if (!(typeof daysPerYear === 'number' && Number.isFinite(daysPerYear) && daysPerYear >= 0 && daysPerYear <= 366)) {
      problems.push(`transport.daysPerYear must be a number of days from 0 to 366, got ${String(daysPerYear)}`);
    }
    if (timeBudgetSec !== undefined && !(Number.isFinite(timeBudgetSec) && timeBudgetSec > 0)) {
      problems.push(`transport.timeBudgetSec must be a number of seconds > 0, got ${String(timeBudgetSec)}`);
    }
  }
  const caps = params.yearCaps ?? {};
  for (const key of ['centers', 'stations', 'spendYuan'] as const) {
    const list = caps[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      problems.push(`yearCaps.${key} must be a list, one entry per year`);
      continue;
    }
    if (Number.isInteger(params.years) && list.length > params.years) {
      problems.push(`yearCaps.${key} has ${list.length} entries for ${params.years} years`);
    }
    list.forEach((value, k) => {
      const ok = key === 'spendYuan' ? isAmount(value) : isCount(value);
      if (value !== null && value !== undefined && !ok) {
        problems.push(
          `yearCaps.${key}[${k}] (year ${k + 1}) must be ${key === 'spendYuan' ? 'a number' : 'an integer'} >= 0, got ${String(value)}`,
        );
      }
    });
  }
  return problems;
}
