/**
 * `--province CODE|all`: the embedded rural villages (public/data, built by `npm run data`) as demand points, and
 * as candidate sites unless `--candidates` names a file. Each village weighs 1; its id is its 12-digit NBS code.
 * Two-tier centers are then chosen among county seat stand-ins, one village per county.
 * Only rural villages count (name ending in 村委会 or 村民委员会; see DESIGN.md), in ascending code order, province
 * by province for `all`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readManifest, readProvinceVillages, DEFAULT_DATA_DIR } from '../data/node-files';
import { villageCode, type VillageTable } from '../core/villages';
import { countySeatStandIns } from '../core/county-seats';
import type { PointTable } from '../io/points';
import { assemblePlanInputs, type PlanInputs } from '../io/plan-inputs';
import { InputError } from '../io/problems';
import { UsageError } from './args';
import { readText } from './plan-inputs';
import type { PlanCliOptions } from './plan-options';

/** The rural villages of some provinces, with one village per county as a stand-in for its county seat. */
export interface RuralVillages {
  points: PointTable;
  /** Per county (with rural villages), the index of its village nearest the mean position of its villages. */
  countySeats: Uint32Array;
}

/**
 * The rural villages of some provinces as one point table, and county seat stand-ins (the dataset has no seat
 * positions: each county's rural village nearest the mean [lon, lat] of its rural villages, ties to the lower code).
 * @param codes 2-digit province codes
 * @param dir dataset folder (default public/data)
 */
export function ruralVillages(codes: readonly string[], dir = DEFAULT_DATA_DIR): RuralVillages {
  const tables: VillageTable[] = codes.map((code) => {
    const file = join(dir, 'villages', `${code}.bin`);
    if (!existsSync(file)) throw new InputError(file, 'cannot read: no such file; run `npm run data` first');
    return readProvinceVillages(code, dir);
  });
  let count = 0;
  for (const table of tables) for (let i = 0; i < table.count; i++) count += table.rural[i];
  const ids: string[] = [];
  const lon = new Float64Array(count);
  const lat = new Float64Array(count);
  const seats: number[] = [];
  let k = 0;
  for (const table of tables) {
    const first = k;
    const county: number[] = [];
    for (let i = 0; i < table.count; i++) {
      if (table.rural[i] === 0) continue;
      ids.push(villageCode(table, i));
      lon[k] = table.positions[2 * i];
      lat[k] = table.positions[2 * i + 1];
      county.push(table.countyIndex[i]);
      k++;
    }
    for (const seat of countySeatStandIns(lon.subarray(first, k), lat.subarray(first, k), county))
      seats.push(seat + first);
  }
  const source = Uint32Array.from({ length: count }, (_, n) => n);
  const points = {
    count,
    ids,
    hasIds: true,
    lon,
    lat,
    weight: new Float64Array(count).fill(1),
    source,
    recordCount: count,
  };
  return { points, countySeats: Uint32Array.from(seats).sort() };
}

/**
 * The rural villages of some provinces as one point table (see {@link ruralVillages}).
 * @param codes 2-digit province codes
 * @param dir dataset folder (default public/data)
 */
export function ruralVillagePoints(codes: readonly string[], dir = DEFAULT_DATA_DIR): PointTable {
  return ruralVillages(codes, dir).points;
}

/**
 * Plan inputs for `--province`: demand = the rural villages, candidates = the `--candidates` file or the villages.
 * @throws UsageError for a province code that is not in the dataset; InputError when the dataset is missing
 */
export async function loadProvinceInputs(options: PlanCliOptions): Promise<PlanInputs> {
  const province = options.province ?? 'all';
  const manifestFile = join(DEFAULT_DATA_DIR, 'manifest.json');
  if (!existsSync(manifestFile)) {
    throw new InputError(manifestFile, 'cannot read: no such file; run `npm run data` to build the embedded dataset');
  }
  const codes = readManifest().provinces.map((p) => p.code);
  if (province !== 'all' && !codes.includes(province)) {
    throw new UsageError(`--province ${province} is not in the embedded data (codes: ${codes.join(', ')}, or all)`);
  }
  const { points, countySeats } = ruralVillages(province === 'all' ? codes : [province]);
  const named = async (file: string | undefined) =>
    file === undefined ? undefined : { file, text: await readText(file) };
  const matrix = await named(options.matrix);
  const inputs = assemblePlanInputs({
    demand: { file: `province ${province}`, points },
    candidates: await named(options.candidates),
    existing: await named(options.existing),
    excluded: await named(options.excluded),
    matrix: matrix === undefined ? undefined : { ...matrix, field: options.matrixField },
  });
  // County seat stand-ins are villages: they are candidates only when the villages are the candidates.
  if (options.candidates === undefined) inputs.centerCandidates = countySeats;
  return inputs;
}
