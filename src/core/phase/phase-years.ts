/**
 * The figures of a phased plan at the end of each year, counted from scratch: open centers and stations, villages
 * within reach of a covering station (open, and in a two-tier plan served by an open center: the rule of
 * src/core/live/served.ts), and the spend. O(years x (sites + their coverage sets)).
 */
import { SITE_ROLE } from '../plan-types';
import { SITE_STATUS } from '../types';
import type { PhaseInput, PhaseYear } from './phase-types';

/** True when site k is open at the end of year t (existing sites from year 0, phased ones from their year). */
export function openBy(input: Pick<PhaseInput, 'status'>, year: Uint8Array, k: number, t: number): boolean {
  const status = input.status[k];
  if (status === SITE_STATUS.existing) return true;
  if (status === SITE_STATUS.excluded) return false;
  return year[k] !== 0 && year[k] <= t;
}

/**
 * Year 0 (existing sites only) and years 1..years of a phasing.
 * @param input the phased plan
 * @param year year of each site (see `PhaseResult.year`)
 * @param yearSpendYuan spend of each year alone (index 0 = year 1), yuan
 */
export function phaseYears(input: PhaseInput, year: Uint8Array, yearSpendYuan: ArrayLike<number>): PhaseYear[] {
  const { coverage, weight, serving, role } = input;
  let totalWeight = 0;
  for (let i = 0; i < coverage.demandCount; i++) totalWeight += weight[i];
  const covered = new Uint8Array(coverage.demandCount);
  const out: PhaseYear[] = [];
  let spendYuan = 0;
  for (let t = 0; t <= input.years; t++) {
    covered.fill(0);
    let centers = 0;
    let stations = 0;
    let coveredVillages = 0;
    let coveredWeight = 0;
    for (let k = 0; k < role.length; k++) {
      if (!openBy(input, year, k, t)) continue;
      if (role[k] === SITE_ROLE.center) {
        centers++;
        continue;
      }
      stations++;
      if (serving.twoTier) {
        let served = false;
        for (let q = serving.offsets[k]; q < serving.offsets[k + 1] && !served; q++) {
          served = openBy(input, year, serving.centers[q], t);
        }
        if (!served) continue;
      }
      for (let q = coverage.siteOffsets[k]; q < coverage.siteOffsets[k + 1]; q++) {
        const i = coverage.siteDemands[q];
        if (covered[i]) continue;
        covered[i] = 1;
        coveredVillages++;
        coveredWeight += weight[i];
      }
    }
    const yearSpend = t === 0 ? 0 : yearSpendYuan[t - 1];
    spendYuan += yearSpend;
    out.push({
      year: t,
      centers,
      stations,
      coveredVillages,
      coveredWeight,
      share: totalWeight > 0 ? coveredWeight / totalWeight : 0,
      yearSpendYuan: yearSpend,
      spendYuan,
    });
  }
  return out;
}
