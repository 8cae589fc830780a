/**
 * A plan as CSV for spreadsheets: sites, villages and the per-county table, UTF-8 with a byte-order mark so that
 * Excel opens Chinese names correctly (without it Excel assumes the ANSI code page). Columns are the GeoJSON
 * properties plus `lon`, `lat` (README.md, "GeoJSON/CSV export properties"); written by papaparse `unparse`, which
 * quotes cells that hold the delimiter, quotes or line breaks.
 */
import Papa from 'papaparse';
import type { PlanExportTables } from './export-model';

/** The byte-order mark that starts every CSV export. */
export const CSV_BOM = '\ufeff';

/**
 * Text cells a spreadsheet would run as a formula (starting with = + - @, tab or carriage return): papaparse's
 * `escapeFormulae` prefixes them with a quote. Given as this RegExp because papaparse's own default
 * (`/^[=+\-@\t\r].*$/`) misses a cell with a line break. Numbers are never escaped.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** The three tables as CSV text. */
export interface PlanCsvTexts {
  sites: string;
  villages: string;
  counties: string;
}

export const SITE_COLUMNS = ['id', 'lon', 'lat', 'role', 'status', 'phase', 'coveredWeight', 'marginalWeight'] as const;
export const VILLAGE_COLUMNS = [
  'id',
  'lon',
  'lat',
  'weight',
  'covered',
  'nearestSiteId',
  'nearestKm',
  'countyCode',
] as const;
export const COUNTY_COLUMNS = [
  'code',
  'name',
  'villages',
  'coveredVillages',
  'weight',
  'coveredWeight',
  'coverage',
] as const;

/**
 * The tables of a plan export as CSV text (CRLF line ends, BOM first; empty cells for null).
 * @example
 * writeFileSync('villages.csv', planCsvTexts(planExportTables(input)).villages);
 */
export function planCsvTexts(tables: PlanExportTables): PlanCsvTexts {
  const csv = <T extends object>(rows: readonly T[], columns: readonly (keyof T & string)[]): string =>
    CSV_BOM +
    Papa.unparse(
      { fields: [...columns], data: rows.map((row) => columns.map((column) => cell(row[column]))) },
      { newline: '\r\n', escapeFormulae: FORMULA_START },
    ) +
    '\r\n';
  return {
    sites: csv(tables.sites, SITE_COLUMNS),
    villages: csv(tables.villages, VILLAGE_COLUMNS),
    counties: csv(tables.counties, COUNTY_COLUMNS),
  };
}

function cell(value: unknown): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}
