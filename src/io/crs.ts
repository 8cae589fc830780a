/**
 * Coordinate systems of user points. Chinese web maps publish positions in GCJ-02 (the "Mars" datum of Gaode/AMap
 * and Tencent, an obfuscated offset of WGS 84 of up to ~700 m) or BD-09 (Baidu, a further offset of GCJ-02); the
 * planner works in WGS 84. Conversion uses gcoord (jiangruyi/gcoord), whose inverse GCJ-02 -> WGS 84 is iterative and
 * accurate to about 1e-6 degrees (under 0.1 m) inside China.
 */
import gcoord from 'gcoord';
import type { PointTable } from './points';

/** Coordinate systems accepted on import. */
export type PointCrs = 'wgs84' | 'gcj02' | 'bd09';

/** Every accepted coordinate system, in help order. */
export const POINT_CRS: readonly PointCrs[] = ['wgs84', 'gcj02', 'bd09'];

const GCOORD_CRS = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;

/**
 * Converts one position to WGS 84 degrees.
 * @param lon longitude in `crs`, degrees
 * @param lat latitude in `crs`, degrees
 * @param crs the system the position is in
 * @returns [lon, lat] in WGS 84 degrees
 * @example
 * toWgs84(116.404, 39.915, 'gcj02'); // about [116.3978, 39.9136]
 */
export function toWgs84(lon: number, lat: number, crs: PointCrs): [number, number] {
  if (crs === 'wgs84') return [lon, lat];
  const [x, y] = gcoord.transform([lon, lat], GCOORD_CRS[crs], gcoord.WGS84);
  return [x, y];
}

/**
 * Converts one WGS 84 position to `crs` (for tests and for writing files back in the user's system).
 * @returns [lon, lat] in `crs`, degrees
 */
export function fromWgs84(lon: number, lat: number, crs: PointCrs): [number, number] {
  if (crs === 'wgs84') return [lon, lat];
  const [x, y] = gcoord.transform([lon, lat], gcoord.WGS84, GCOORD_CRS[crs]);
  return [x, y];
}

/**
 * The points of a table converted to WGS 84 in place (a new table when `crs` is not WGS 84, sharing ids and other
 * arrays). gcoord leaves positions outside China unchanged, as GCJ-02 only applies inside it.
 */
export function tableToWgs84(table: PointTable, crs: PointCrs): PointTable {
  if (crs === 'wgs84') return table;
  const lon = new Float64Array(table.count);
  const lat = new Float64Array(table.count);
  for (let i = 0; i < table.count; i++) [lon[i], lat[i]] = toWgs84(table.lon[i], table.lat[i], crs);
  return { ...table, lon, lat };
}
