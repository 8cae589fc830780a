/**
 * The names that go with a village file (`public/data/villages/<code>.names.json`), kept apart from the binary
 * positions so that the map can draw a province without loading about 3 MB of names. Pure functions, no fs.
 *
 * The JSON is `{ "format": "ruralreach-village-names", "version": 1, "provinceCode", "countyNames",
 * "townshipNames", "villageNames" }`, each array in the order of the matching array of the village table
 * (`counties`, `townships`, villages).
 */
import type { VillageTable } from '../core/villages';

/** Value of the `format` field. */
export const VILLAGE_NAMES_FORMAT = 'ruralreach-village-names';
/** Version of the names file layout. */
export const VILLAGE_NAMES_VERSION = 1;

/** County, township and village names of one province, aligned with its {@link VillageTable}. */
export interface VillageNames {
  provinceCode: string;
  /** Name of each county of `table.counties`. */
  countyNames: string[];
  /** Name of each township of `table.townships`. */
  townshipNames: string[];
  /** Name of each village, in village order. */
  villageNames: string[];
}

/** Serialises names as compact UTF-8 JSON text (one line). */
export function encodeVillageNames(names: VillageNames): string {
  return JSON.stringify({
    format: VILLAGE_NAMES_FORMAT,
    version: VILLAGE_NAMES_VERSION,
    provinceCode: names.provinceCode,
    countyNames: names.countyNames,
    townshipNames: names.townshipNames,
    villageNames: names.villageNames,
  });
}

/**
 * Parses and checks a names file (text or already parsed JSON).
 * @throws Error naming the first field that is missing or of the wrong type
 */
export function decodeVillageNames(input: string | unknown): VillageNames {
  const value: unknown = typeof input === 'string' ? JSON.parse(input) : input;
  if (typeof value !== 'object' || value === null) throw new Error('Village names: expected a JSON object');
  const record = value as Record<string, unknown>;
  if (record.format !== VILLAGE_NAMES_FORMAT) {
    throw new Error(`Village names: format is "${String(record.format)}", expected "${VILLAGE_NAMES_FORMAT}"`);
  }
  if (record.version !== VILLAGE_NAMES_VERSION) {
    throw new Error(`Village names: version ${String(record.version)}, this reader expects ${VILLAGE_NAMES_VERSION}`);
  }
  if (typeof record.provinceCode !== 'string') throw new Error('Village names: provinceCode must be a string');
  return {
    provinceCode: record.provinceCode,
    countyNames: stringArray(record, 'countyNames'),
    townshipNames: stringArray(record, 'townshipNames'),
    villageNames: stringArray(record, 'villageNames'),
  };
}

/**
 * Checks that names belong to a village table (same province, same lengths).
 * @throws Error saying which length differs
 */
export function checkNamesMatch(table: VillageTable, names: VillageNames): void {
  if (names.provinceCode !== table.provinceCode) {
    throw new Error(`Names of province ${names.provinceCode} do not go with villages of ${table.provinceCode}`);
  }
  const pairs: [string, number, number][] = [
    ['countyNames', names.countyNames.length, table.counties.length],
    ['townshipNames', names.townshipNames.length, table.townships.length],
    ['villageNames', names.villageNames.length, table.count],
  ];
  for (const [field, actual, expected] of pairs) {
    if (actual !== expected) throw new Error(`Village names: ${field} has ${actual} entries, expected ${expected}`);
  }
}

function stringArray(record: Record<string, unknown>, field: string): string[] {
  const value = record[field];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw new Error(`Village names: ${field} must be an array of strings`);
  }
  return value as string[];
}
