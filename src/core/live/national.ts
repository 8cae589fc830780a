/**
 * The national area: the villages of every province file as one village table, so that the coverage worker,
 * the planner and the per-county figures treat "all provinces" like one big province. Province files are
 * concatenated in the given order (the manifest's), and each file's villages keep their file order, so the
 * map's per-province points line up with slices [offset, offset + count) of the worker's per-village arrays.
 */
import type { VillageTable } from '../villages';

/** Pseudo province code of the national area ("all provinces"); no GB/T 2260 province has it. */
export const NATIONAL_CODE = '00';

/** Where one province file's villages sit in a merged table. */
export interface ProvincePart {
  provinceCode: string;
  offset: number;
  count: number;
}

/**
 * One table of the villages of several provinces. County and township indices are shifted by the counties and
 * townships of the tables before; codes stay unique because they start with the province code.
 * @param tables decoded province files (at least one)
 * @param provinceCode code of the merged table (default {@link NATIONAL_CODE})
 * @throws Error when there is no table, or the merged counties or townships overflow the Uint16 indices
 * @example
 * const { table, parts } = mergeVillageTables(codes.map(readProvinceVillages)); // 620,573 villages
 */
export function mergeVillageTables(
  tables: readonly VillageTable[],
  provinceCode: string = NATIONAL_CODE,
): { table: VillageTable; parts: ProvincePart[] } {
  if (tables.length === 0) throw new Error('Expected at least one province table.');
  const count = tables.reduce((n, t) => n + t.count, 0);
  const counties = tables.flatMap((t) => t.counties);
  const townships = tables.flatMap((t) => t.townships);
  if (counties.length > 0xffff || townships.length > 0xffff) {
    throw new Error(`Expected at most 65535 counties and townships, got ${counties.length} and ${townships.length}.`);
  }
  const table: VillageTable = {
    provinceCode,
    count,
    positions: new Float32Array(2 * count),
    rural: new Uint8Array(count),
    countyBoundary: new Uint8Array(count),
    countyIndex: new Uint16Array(count),
    counties,
    townshipIndex: new Uint16Array(count),
    townships,
    codeSuffix: new Uint16Array(count),
  };
  const parts: ProvincePart[] = [];
  let offset = 0;
  let countyBase = 0;
  let townshipBase = 0;
  for (const t of tables) {
    table.positions.set(t.positions.subarray(0, 2 * t.count), 2 * offset);
    table.rural.set(t.rural.subarray(0, t.count), offset);
    table.countyBoundary.set(t.countyBoundary.subarray(0, t.count), offset);
    table.codeSuffix.set(t.codeSuffix.subarray(0, t.count), offset);
    for (let i = 0; i < t.count; i++) {
      table.countyIndex[offset + i] = countyBase + t.countyIndex[i];
      table.townshipIndex[offset + i] = townshipBase + t.townshipIndex[i];
    }
    parts.push({ provinceCode: t.provinceCode, offset, count: t.count });
    offset += t.count;
    countyBase += t.counties.length;
    townshipBase += t.townships.length;
  }
  return { table, parts };
}
