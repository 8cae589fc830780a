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
 * year), so no station ever opens before its center. Sites no year can afford stay closed (year 0).
 */
import { centerCost, frontLoadedYuan, stationCost, type SiteCost } from './costs';
import { provinceRank } from './county-ranking';
import type { RolloutParams } from './rollout-types';
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
  const caps = params.yearCaps ?? {};
  const capOf = (list: readonly number[] | undefined, t: number): number => {
    const value = list?.[t];
    return value === undefined || value === null ? Infinity : value;
  };
  const ledger = new YearLedger(years, params.budgetYuan, caps.spendYuan);
  const newCenters = new Uint32Array(years);
  const newStations = new Uint32Array(years);

  const centerOf = new Int32Array(countyProvince.length).fill(-1);
  centers.forEach((c, k) => (centerOf[c] = k));
  const centerCosts: SiteCost[] = centers.map((c) => centerCost(params.costs, countyProvince[c]));
  const stationCosts: SiteCost[] = Array.from({ length: stationCount }, (_, s) =>
    stationCost(params.costs, countyProvince[stationCounty[s]]),
  );
  const centerYear = new Uint8Array(centers.length);
  const stationYear = new Uint8Array(stationCount);

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

  const centerCap = (t: number): number => capOf(caps.centers, t);
  const stationCap = (t: number): number => capOf(caps.stations, t);
  const open = new Uint8Array(unitCount);
  for (let t = 0; t < years; t++) {
    for (const u of order) {
      if (open[u]) continue;
      if (u >= stationCount) {
        const k = u - stationCount;
        if (centerYear[k] !== 0) {
          open[u] = 1;
          continue;
        }
        const cost = centerCosts[k];
        if (newCenters[t] >= centerCap(t) || !ledger.fits(t, cost.setupYuan, cost.yearlyYuan)) continue;
        ledger.commit(t, cost.setupYuan, cost.yearlyYuan);
        centerYear[k] = t + 1;
        newCenters[t]++;
        open[u] = 1;
        continue;
      }
      const k = centerOf[stationCounty[u]];
      const withCenter = centerYear[k] === 0;
      if (newStations[t] >= stationCap(t) || (withCenter && newCenters[t] >= centerCap(t))) continue;
      const setupYuan = stationCosts[u].setupYuan + (withCenter ? centerCosts[k].setupYuan : 0);
      const yearlyYuan = stationCosts[u].yearlyYuan + (withCenter ? centerCosts[k].yearlyYuan : 0);
      if (!ledger.fits(t, setupYuan, yearlyYuan)) continue;
      ledger.commit(t, setupYuan, yearlyYuan);
      stationYear[u] = t + 1;
      newStations[t]++;
      if (withCenter) {
        centerYear[k] = t + 1;
        newCenters[t]++;
      }
      open[u] = 1;
    }
  }
  return { centerYear, stationYear, yearSpendYuan: ledger.yearSpendYuan };
}
