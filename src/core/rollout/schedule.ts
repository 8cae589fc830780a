/**
 * The year-by-year schedule of a rollout: which year each chosen center and station opens, within the budget.
 *
 * Money: each year is allotted `budgetYuan / years`; what a year leaves unspent carries over to the next years
 * (never the other way: no year spends money of a later year), so the spend up to the end of year t is at most
 * t x budgetYuan / years, and over the whole rollout at most the budget. `yearCaps.spendYuan[t]` further caps
 * the spend of year t + 1 alone, and `yearCaps.centers` / `yearCaps.stations` the sites newly opened that year.
 * A site opened in year y costs its set-up in year y and its running cost in every year from y on.
 *
 * Method: year by year, the sites not yet open are visited in order (provinces of `provinceOrder` first, in that
 * order; then by villages newly covered per yuan of front-loaded cost, as the station greedy chose them; a county's
 * center with no station of its own comes after its province's stations) and opened when they fit: the running
 * costs of every open site are committed for all later years, so opening a site now never leaves a later year
 * unable to pay for what is open. A station whose county's center is not open yet opens together with it (same
 * year), so no station ever opens before its center. Sites no year can afford stay closed (year 0). The opening
 * rule is `openFirstFit` (first-fit.ts), shared with the planner's phasing.
 */
import { centerCost, frontLoadedYuan, stationCost, type SiteCost } from './costs';
import { provinceRank } from './county-ranking';
import type { RolloutParams } from './rollout-types';
import { openFirstFit } from './first-fit';
import { YearLedger } from './year-ledger';

/** What the schedule needs of the chosen sites. */
export interface ScheduleInput {
  /** Chosen counties (centers), in order of choice. */
  centers: readonly number[];
  /** County index of each chosen station, in order of choice. */
  stationCounty: ArrayLike<number>;
  /** Rural villages each station newly covered when chosen (its gain). */
  stationGain: ArrayLike<number>;
  /** 2-digit province code of every county. */
  countyProvince: readonly string[];
}

/** The schedule: a year (1-based, 0 = not built) per center and per station, and the spend of each year. */
export interface Schedule {
  /** Year of each chosen center (same order as `ScheduleInput.centers`). */
  centerYear: Uint8Array;
  /** Year of each chosen station (same order as the stations). */
  stationYear: Uint8Array;
  /** Spend of each year alone, yuan (index 0 = year 1). */
  yearSpendYuan: Float64Array;
}

/**
 * Assigns years to the chosen sites (see the module comment).
 * @param input the chosen centers and stations
 * @param params years, budget, costs, province order and per-year caps
 */
export function scheduleRollout(input: ScheduleInput, params: RolloutParams): Schedule {
  const years = params.years;
  const { centers, stationCounty, stationGain, countyProvince } = input;
  const stationCount = stationCounty.length;
  const ledger = new YearLedger(years, params.budgetYuan, params.yearCaps?.spendYuan);
  const centerOf = new Int32Array(countyProvince.length).fill(-1);
  centers.forEach((c, k) => (centerOf[c] = k));
  const centerCosts: SiteCost[] = centers.map((c) => centerCost(params.costs, countyProvince[c]));
  const stationCosts: SiteCost[] = Array.from({ length: stationCount }, (_, s) =>
    stationCost(params.costs, countyProvince[stationCounty[s]]),
  );

  // Units 0..stationCount-1 are stations, stationCount + k is center k.
  const unitCount = stationCount + centers.length;
  const rank = new Int32Array(unitCount);
  const perYuan = new Float64Array(unitCount);
  for (let s = 0; s < stationCount; s++) {
    rank[s] = provinceRank(params.provinceOrder, countyProvince[stationCounty[s]]);
    perYuan[s] = stationGain[s] / Math.max(frontLoadedYuan(stationCosts[s], years), 1e-9);
  }
  centers.forEach((c, k) => (rank[stationCount + k] = provinceRank(params.provinceOrder, countyProvince[c])));
  const order = Uint32Array.from({ length: unitCount }, (_, u) => u).sort(
    (a, b) => rank[a] - rank[b] || perYuan[b] - perYuan[a] || a - b,
  );

  // A station's companion: its county's center, while that is not open.
  const year = openFirstFit(
    {
      order,
      isCenter: (u) => u >= stationCount,
      cost: (u) => (u >= stationCount ? centerCosts[u - stationCount] : stationCosts[u]),
      companion: (u, open) => {
        const center = stationCount + centerOf[stationCounty[u]];
        return open[center] ? -1 : center;
      },
    },
    new Uint8Array(unitCount),
    ledger,
    params.yearCaps,
  );
  return {
    centerYear: year.slice(stationCount),
    stationYear: year.slice(0, stationCount),
    yearSpendYuan: ledger.yearSpendYuan,
  };
}
