/**
 * A user's villages in place of the embedded ones, county by county: every county that holds at least one of the
 * user's villages gets exactly the user's villages (the synthetic embedded positions there are dropped), and every
 * other county keeps the embedded villages. Whole counties are swapped, never mixed, so that a county's figures
 * come from one source. Pure (typed arrays in and out, no DOM): the coverage worker runs it on each province file,
 * and the map draws the points it returns, so the dots and the figures are the same villages.
 */
import type { VillageTable } from '../villages';

/** The user's villages with the county each lies in (from point in polygon, `countyOfPoints`). */
export interface CountedUserVillages {
  /** WGS 84 degrees, kept rows of the file in file order. */
  lon: Float64Array;
  lat: Float64Array;
  /** Demand weight of each village (1 without a weight field). */
  weight: Float64Array;
  /** Id of each village from the file (absent in data saved before ids were kept). */
  ids?: string[];
  /** Indices of the user's villages by 6-digit county code; villages on no county are in no list. */
  byCounty: Map<string, number[]>;
}

/** A province file with the user's villages swapped in. */
export interface MergedVillages {
  table: VillageTable;
  /** Demand weight of each village of `table` (1 for embedded villages). */
  weight: Float64Array;
  /** Codes of the province's counties whose villages are the user's. */
  replaced: string[];
  /** The user's villages in `table`. */
  userCount: number;
  /** For each village of `table`: its index in the user's villages (file order), or -1 for an embedded village. */
  userIndex: Int32Array;
}

/**
 * Groups the user's villages by county.
 * @param countyIndex county of each village as an index into `codes` (-1: on no county), as countyOfPoints gives
 * @param codes 6-digit code of each county feature
 */
export function groupByCounty(countyIndex: Int32Array, codes: readonly string[]): Map<string, number[]> {
  const byCounty = new Map<string, number[]>();
  countyIndex.forEach((c, i) => {
    if (c < 0) return;
    const code = codes[c];
    let list = byCounty.get(code);
    if (list === undefined) byCounty.set(code, (list = []));
    list.push(i);
  });
  return byCounty;
}

/**
 * The villages of one province file with the user's villages in their counties: the embedded villages of the
 * other counties first, in file order, then the user's, county by county in the table's county order, each county's
 * in file order. The user's villages are rural committees (demand under either demand setting), placed in their
 * county (`countyBoundary` 1), with township index 0 and code suffix 0 (they have no NBS code).
 * @param table a decoded province file
 * @param user the user's villages, or null for none
 * @example
 * mergeUserVillages(zhejiang, user).replaced; // ['330106', '330110'] when the file's villages lie in those two
 */
export function mergeUserVillages(table: VillageTable, user: CountedUserVillages | null): MergedVillages {
  const replacedIndex = new Uint8Array(table.counties.length);
  const replaced: string[] = [];
  table.counties.forEach((code, c) => {
    if (user?.byCounty.has(code)) {
      replacedIndex[c] = 1;
      replaced.push(code);
    }
  });
  if (user === null || replaced.length === 0) {
    const userIndex = new Int32Array(table.count).fill(-1);
    return { table, weight: new Float64Array(table.count).fill(1), replaced: [], userCount: 0, userIndex };
  }
  const keep: number[] = [];
  for (let i = 0; i < table.count; i++) if (!replacedIndex[table.countyIndex[i]]) keep.push(i);
  const added: [number, number][] = []; // [user index, county index]
  table.counties.forEach((code, c) => {
    if (replacedIndex[c]) for (const i of user.byCounty.get(code)!) added.push([i, c]);
  });
  const count = keep.length + added.length;
  const out: VillageTable = {
    provinceCode: table.provinceCode,
    count,
    positions: new Float32Array(2 * count),
    rural: new Uint8Array(count),
    countyBoundary: new Uint8Array(count),
    countyIndex: new Uint16Array(count),
    counties: table.counties,
    townshipIndex: new Uint16Array(count),
    townships: table.townships,
    codeSuffix: new Uint16Array(count),
  };
  const weight = new Float64Array(count).fill(1);
  const userIndex = new Int32Array(count).fill(-1);
  keep.forEach((i, k) => {
    out.positions[2 * k] = table.positions[2 * i];
    out.positions[2 * k + 1] = table.positions[2 * i + 1];
    out.rural[k] = table.rural[i];
    out.countyBoundary[k] = table.countyBoundary[i];
    out.countyIndex[k] = table.countyIndex[i];
    out.townshipIndex[k] = table.townshipIndex[i];
    out.codeSuffix[k] = table.codeSuffix[i];
  });
  added.forEach(([i, c], n) => {
    const k = keep.length + n;
    out.positions[2 * k] = user.lon[i];
    out.positions[2 * k + 1] = user.lat[i];
    out.rural[k] = 1;
    out.countyBoundary[k] = 1;
    out.countyIndex[k] = c;
    weight[k] = user.weight[i];
    userIndex[k] = i;
  });
  return { table: out, weight, replaced, userCount: added.length, userIndex };
}
