/**
 * Phasing of a planner's plan: the year (1..years) each proposed or locked site opens, within a budget, so that
 * coverage rises fastest for the money. The national rollout (src/core/rollout) chooses its sites and phases
 * them; this phases the sites a planner already has.
 *
 * Gains: the plan's stations are put in greedy order (lazy greedy, Minoux 1978: `greedyOrder` of
 * src/core/metrics/marginal.ts), after the existing stations that already cover; a station's gain is the village
 * weight it newly covers in that order (1 per village in the embedded data). A station a center does not serve in
 * a two-tier plan gains nothing; a center gains what the existing stations it serves would newly cover (they
 * cover only once a center serves them), else nothing.
 *
 * Schedule: the rollout's rules (src/core/rollout/schedule.ts; the money in `YearLedger`): each year gets
 * budget / years, unspent money carries over and none is borrowed from later years; running costs are committed
 * for every later year when a site opens; costs are the rollout's cost model (`centerCost`, `stationCost` with the
 * site's province factor). Year by year, the sites not yet open are visited in one fixed order (gain per yuan of
 * front-loaded cost, `frontLoadedYuan`, descending; ties by site index) and each is opened when it fits the money
 * and the year's caps. In a two-tier plan a station none of whose serving centers is open yet opens together with
 * the cheapest of them (ties: smaller index), so no station opens before a center that serves it. Existing sites
 * are open from the start (year 0) and cost nothing; sites no year can afford stay at year 0 and are listed.
 * The opening rule is the rollout's `openFirstFit` (src/core/rollout/first-fit.ts).
 * Deterministic: no randomness, ties by index.
 */
import { greedyOrder } from '../metrics/marginal';
import { centerCost, frontLoadedYuan, stationCost, type SiteCost } from '../rollout/costs';
import { checkCostModel } from '../rollout/defaults';
import { SITE_ROLE } from '../plan-types';
import { SITE_STATUS } from '../types';
import { openFirstFit } from '../rollout/first-fit';
import { YearLedger } from '../rollout/year-ledger';
import type { PhaseInput, PhaseResult } from './phase-types';
import { phaseYears } from './phase-years';

/** Most years of a phasing (the programme's 3-5 years; fewer allowed for a small plan). */
export const MAX_PHASE_YEARS = 5;

/** Messages about the input (empty when it can be phased). */
export function checkPhaseInput(input: PhaseInput): string[] {
  const problems: string[] = [];
  const n = input.role.length;
  if (!Number.isInteger(input.years) || input.years < 1 || input.years > MAX_PHASE_YEARS) {
    problems.push(`years must be a whole number from 1 to ${MAX_PHASE_YEARS}, got ${input.years}`);
  }
  if (!(Number.isFinite(input.budgetYuan) && input.budgetYuan >= 0)) {
    problems.push(`budgetYuan must be a finite number >= 0, got ${input.budgetYuan}`);
  }
  problems.push(...checkCostModel(input.costs));
  if (input.status.length !== n || input.provinceCode.length !== n || input.coverage.siteCount !== n) {
    problems.push(`expected ${n} statuses, provinces and coverage sets`);
  }
  if (input.serving.offsets.length !== n + 1) problems.push(`expected ${n + 1} serving offsets`);
  if (input.weight.length !== input.coverage.demandCount) problems.push(`expected one weight per village`);
  return problems;
}

/**
 * Phases a plan by year within a budget (see the module comment for the method).
 * @param input the plan's sites, what they reach, the cost model, years (1-5), budget (yuan) and per-year caps
 * @returns the year of each site, the unaffordable sites and the cumulative figures of each year
 * @throws Error when the input is invalid (the messages of {@link checkPhaseInput})
 * @example
 * const result = phasePlan({ role, status, provinceCode, coverage, weight, serving, costs: defaultCostModel(),
 *   years: 3, budgetYuan: 3_000_000 });
 * result.years[1].coveredVillages; // villages covered at the end of year 1
 */
export function phasePlan(input: PhaseInput): PhaseResult {
  const problems = checkPhaseInput(input);
  if (problems.length > 0) throw new Error(problems.join('; '));
  const { role, status, serving, years } = input;
  const n = role.length;
  const isStation = (k: number) => role[k] !== SITE_ROLE.center;
  const phased = (k: number) => status[k] === SITE_STATUS.proposed || status[k] === SITE_STATUS.locked;
  const servedBy = (k: number) => serving.centers.subarray(serving.offsets[k], serving.offsets[k + 1]);
  const existingServes = (k: number) => !serving.twoTier || servedBy(k).some((c) => status[c] === SITE_STATUS.existing);

  // Gains in greedy order, after the existing stations that cover already.
  const before: number[] = [];
  const candidates: number[] = [];
  for (let k = 0; k < n; k++) {
    if (!isStation(k) || !(phased(k) || status[k] === SITE_STATUS.existing)) continue;
    if (serving.twoTier && servedBy(k).length === 0) continue;
    if (status[k] === SITE_STATUS.existing && existingServes(k)) before.push(k);
    else candidates.push(k);
  }
  const greedy = greedyOrder(input.coverage, input.weight, candidates, before);
  const gain = new Float64Array(n);
  greedy.order.forEach((k, q) => (gain[k] = greedy.newWeight[q]));
  for (const k of candidates) {
    if (status[k] !== SITE_STATUS.existing) continue;
    for (const c of servedBy(k)) gain[c] += gain[k];
  }

  const cost: SiteCost[] = Array.from({ length: n }, (_, k) =>
    isStation(k) ? stationCost(input.costs, input.provinceCode[k]) : centerCost(input.costs, input.provinceCode[k]),
  );
  const frontYuan = Float64Array.from(cost, (c) => frontLoadedYuan(c, years));
  const score = Float64Array.from(gain, (g, k) => g / Math.max(frontYuan[k], 1e-9));
  const order = Uint32Array.from({ length: n }, (_, k) => k)
    .filter(phased)
    .sort((a, b) => score[b] - score[a] || a - b);

  const ledger = new YearLedger(years, input.budgetYuan, input.caps?.spendYuan);
  const cheapest = (centers: Uint32Array): number => {
    let best = -1;
    for (const c of centers)
      if (best < 0 || frontYuan[c] < frontYuan[best] || (frontYuan[c] === frontYuan[best] && c < best)) best = c;
    return best;
  };
  // A two-tier station none of whose serving centers is open opens with the cheapest of them.
  const year = openFirstFit(
    {
      order,
      isCenter: (k) => !isStation(k),
      cost: (k) => cost[k],
      companion: (k, open) => {
        const centers = serving.twoTier ? servedBy(k) : new Uint32Array(0);
        return centers.length > 0 && !centers.some((c) => open[c] === 1) ? cheapest(centers) : -1;
      },
    },
    Uint8Array.from(status, (s) => (s === SITE_STATUS.existing ? 1 : 0)),
    ledger,
    input.caps,
  );

  const unaffordable = Uint32Array.from(order.filter((k) => year[k] === 0)).sort();
  const figures = phaseYears(input, year, ledger.yearSpendYuan);
  let totalWeight = 0;
  for (let i = 0; i < input.weight.length; i++) totalWeight += input.weight[i];
  return { year, unaffordable, years: figures, demandVillages: input.coverage.demandCount, totalWeight };
}
