/**
 * Year-by-year figures of one area (a province or a county) of a rollout result, for the government view. Pure:
 * no DOM, no worker API, so the rollout worker runs it next to the engine and tests run it in Node.
 *
 * Costs follow the engine's model (`CostModel`): a site's set-up cost (province factor applied, `sites.setupYuan`)
 * in the year it opens, and its yearly running cost times the province factor in every year from then on, that
 * year included; so the last year's spend equals the breakdown row's `spendYuan`.
 */
import type { RolloutArea, RolloutAreaYear } from './rollout-api';
import { ROLLOUT_ROLE, type RolloutResult } from './rollout-types';
import type { VillageTable } from '../villages';

/** True when county `countyCode` (6 digits) lies in `areaCode` (2-digit province or 6-digit county). */
export function inArea(countyCode: string, areaCode: string): boolean {
  return areaCode.length === 2 ? countyCode.startsWith(areaCode) : countyCode === areaCode;
}

/**
 * The figures of `areaCode` at the end of each year of `result`.
 * @param villages the table the rollout ran on (its `counties` index `result.sites.county`)
 * @param result the rollout
 * @param areaCode 2-digit province or 6-digit county code
 */
export function rolloutArea(
  villages: VillageTable,
  result: RolloutResult,
  areaCode: string,
  countyNames: readonly string[] = [],
): RolloutArea {
  const years = result.params.years;
  const mine = villages.counties.map((code) => inArea(code, areaCode));
  const rows: RolloutAreaYear[] = Array.from({ length: years }, (_, k) => ({
    year: k + 1,
    centers: 0,
    stations: 0,
    spendYuan: 0,
    ruralVillagesCovered: 0,
  }));
  const { sites } = result;
  const { costs } = result.params;
  const yearSpend = new Float64Array(years + 1);
  for (let k = 0; k < sites.count; k++) {
    const c = sites.county[k];
    if (!mine[c]) continue;
    const center = sites.role[k] === ROLLOUT_ROLE.center;
    const factor = costs.provinceFactor[villages.counties[c].slice(0, 2)] ?? 1;
    const yearly = (center ? costs.centerYearlyYuan : costs.stationYearlyYuan) * factor;
    const opens = sites.year[k];
    if (opens < 1 || opens > years) continue;
    yearSpend[opens] += sites.setupYuan[k];
    for (let y = opens; y <= years; y++) {
      yearSpend[y] += yearly;
      if (center) rows[y - 1].centers++;
      else rows[y - 1].stations++;
    }
  }
  const coveredIn = new Float64Array(years + 1);
  let ruralVillages = 0;
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < villages.count; i++) {
    if (!mine[villages.countyIndex[i]]) continue;
    const lon = villages.positions[2 * i];
    const lat = villages.positions[2 * i + 1];
    box[0] = Math.min(box[0], lon);
    box[1] = Math.min(box[1], lat);
    box[2] = Math.max(box[2], lon);
    box[3] = Math.max(box[3], lat);
    if (villages.rural[i] !== 1) continue;
    ruralVillages++;
    const y = result.villageYear[i];
    if (y >= 1 && y <= years) coveredIn[y]++;
  }
  let spend = 0;
  let covered = 0;
  for (const row of rows) {
    spend += yearSpend[row.year];
    covered += coveredIn[row.year];
    row.spendYuan = spend;
    row.ruralVillagesCovered = covered;
  }
  const name = areaCode.length === 6 ? (countyNames[villages.counties.indexOf(areaCode)] ?? '') : '';
  return { code: areaCode, name, bbox: Number.isFinite(box[0]) ? box : null, ruralVillages, years: rows };
}
