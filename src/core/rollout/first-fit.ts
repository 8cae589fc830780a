/**
 * The year-by-year opening rule shared by the rollout's schedule (schedule.ts) and the planner's phasing
 * (src/core/phase/phase-plan.ts): in each year, the sites not yet open are visited in one fixed order and each is
 * opened when the money (`YearLedger`: the year's allotment with carry-over, running costs committed for every
 * later year) and the year's caps on new centers and new stations allow it. A station that needs a center opened
 * with it (none that serves it is open yet) opens together with that center, in the same year and on the same
 * money, or not at all, so no station opens before a center that serves it.
 */
import type { SiteCost } from './costs';
import type { YearLedger } from './year-ledger';

/** The sites to open and how they depend on each other. */
export interface FirstFitSites {
  /** Site indices in visiting order, the same every year (sites already open are skipped). */
  order: ArrayLike<number>;
  isCenter: (k: number) => boolean;
  /** Set-up and yearly cost of site k, yuan. */
  cost: (k: number) => SiteCost;
  /** For station k: the center that must open with it, given which sites are open, or -1 when none must. */
  companion: (k: number, open: Uint8Array) => number;
}

/** Caps on the sites newly opened in each year (index 0 = year 1; a missing or null entry: no cap). */
export interface OpeningCaps {
  centers?: readonly (number | null | undefined)[];
  stations?: readonly (number | null | undefined)[];
}

/**
 * Opens the sites year by year (see the module comment).
 * @param sites the sites, their order, costs and companion centers
 * @param open 1 for each site open from the start (changed in place: opened sites become 1)
 * @param ledger the money of each year (booked in place)
 * @param caps caps on new centers and stations per year
 * @returns the year (1..ledger.years) each site opened, 0 for those open from the start or never opened
 */
export function openFirstFit(sites: FirstFitSites, open: Uint8Array, ledger: YearLedger, caps: OpeningCaps = {}) {
  const capOf = (list: OpeningCaps['centers'], t: number): number => list?.[t] ?? Infinity;
  const year = new Uint8Array(open.length);
  for (let t = 0; t < ledger.years; t++) {
    let newCenters = 0;
    let newStations = 0;
    for (let q = 0; q < sites.order.length; q++) {
      const k = sites.order[q];
      if (open[k]) continue;
      const cost = sites.cost(k);
      if (sites.isCenter(k)) {
        if (newCenters >= capOf(caps.centers, t) || !ledger.fits(t, cost.setupYuan, cost.yearlyYuan)) continue;
        ledger.commit(t, cost.setupYuan, cost.yearlyYuan);
        open[k] = 1;
        year[k] = t + 1;
        newCenters++;
        continue;
      }
      const c = sites.companion(k, open);
      if (newStations >= capOf(caps.stations, t) || (c >= 0 && newCenters >= capOf(caps.centers, t))) continue;
      const withCenter = c >= 0 ? sites.cost(c) : { setupYuan: 0, yearlyYuan: 0 };
      const setupYuan = cost.setupYuan + withCenter.setupYuan;
      const yearlyYuan = cost.yearlyYuan + withCenter.yearlyYuan;
      if (!ledger.fits(t, setupYuan, yearlyYuan)) continue;
      ledger.commit(t, setupYuan, yearlyYuan);
      open[k] = 1;
      year[k] = t + 1;
      newStations++;
      if (c >= 0) {
        open[c] = 1;
        year[c] = t + 1;
        newCenters++;
      }
    }
  }
  return year;
}
