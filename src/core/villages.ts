/**
 * The villages of one province as the planning core sees them: typed arrays, index i the village index everywhere.
 * The binary codec of the embedded dataset (src/data/villages.ts) reads and writes this table; the core only uses it.
 */

/** The villages of one province as typed arrays; index i is the village index in every array. */
export interface VillageTable {
  /** 2-digit province code, e.g. "33". */
  provinceCode: string;
  count: number;
  /** Interleaved [lon, lat, ...] in degrees, length 2 * count. */
  positions: Float32Array;
  /** 1 when the village is a rural committee (name ends in 村委会 or 村民委员会), else 0. */
  rural: Uint8Array;
  /** 1 when the village was placed inside its own county polygon, 0 when only inside its prefecture. */
  countyBoundary: Uint8Array;
  /** Index into `counties` of each village. */
  countyIndex: Uint16Array;
  /** 6-digit county codes of the province, ascending. */
  counties: string[];
  /** Index into `townships` of each village. */
  townshipIndex: Uint16Array;
  /** 9-digit township codes of the province, ascending. */
  townships: string[];
  /** Last 3 digits of each 12-digit village code; see {@link villageCode}. */
  codeSuffix: Uint16Array;
}

/**
 * The 12-digit NBS code of village `i`: its township's 9-digit code followed by the 3-digit suffix.
 * @example
 * villageCode(table, 0); // "330102001001"
 */
export function villageCode(table: VillageTable, i: number): string {
  return table.townships[table.townshipIndex[i]] + String(table.codeSuffix[i]).padStart(3, '0');
}
