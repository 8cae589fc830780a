/**
 * The rollout breakdown (per county or per province) as CSV for spreadsheets, written by the app's breakdown card
 * and by `npm run rollout -- --breakdown FILE`: UTF-8 with a byte-order mark (so Excel reads the Chinese names),
 * CRLF line ends, one header row of stable column names, written by papaparse's `unparse` (which quotes names
 * with commas or quotes).
 */
import Papa from 'papaparse';
import type { RolloutCountyRow } from '../core/rollout/rollout-types';
import { CSV_BOM, FORMULA_START } from './export-csv';

/** Columns of the breakdown CSV, in order (stable names, as the README documents). */
export const BREAKDOWN_COLUMNS = [
  'code',
  'name',
  'provinceCode',
  'score',
  'centers',
  'stations',
  'ruralVillages',
  'villagesCovered',
  'share',
  'spendYuan',
  'year',
] as const;

/** One CSV row per breakdown row (numbers as numbers; the share with 6 decimals). */
export function breakdownRows(rows: readonly RolloutCountyRow[]): (string | number)[][] {
  return rows.map((r) => [
    r.code,
    r.name,
    r.provinceCode,
    r.score,
    r.centers,
    r.stations,
    r.ruralVillages,
    r.villagesCovered,
    Number(r.share.toFixed(6)),
    Math.round(r.spendYuan),
    r.year,
  ]);
}

/** The CSV text, BOM first. */
export function breakdownCsv(rows: readonly RolloutCountyRow[]): string {
  return (
    CSV_BOM +
    Papa.unparse(
      { fields: [...BREAKDOWN_COLUMNS], data: breakdownRows(rows) },
      { newline: '\r\n', escapeFormulae: FORMULA_START },
    )
  );
}
