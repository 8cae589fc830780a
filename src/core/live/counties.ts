/**
 * Names and bounding boxes of the counties of one province, for the per-county table (its rows) and for
 * "zoom to county": from county features (the app's coverage worker gives each county's box from
 * `county-info.json` as a two-point geometry; Node callers may pass boundary polygons), and from the villages of
 * a county that has no boundary of its own.
 */
import type { VillageTable } from '../villages';

/** One county of the province in view. */
export interface CountyInfo {
  /** 6-digit GB/T 2260 code. */
  code: string;
  /**
   * Name from the county features (the coverage worker adds one without geometry for each county without a
   * boundary), else the code.
   */
  name: string;
  /** [west, south, east, north] in degrees. */
  bbox: [number, number, number, number];
}

/** The part of a GeoJSON county feature this module reads. */
export interface CountyFeature {
  properties: { code?: unknown; name?: unknown } | null;
  geometry: { type: string; coordinates: unknown } | null;
}

/** Extends `box` with every [lon, lat] position in nested coordinate arrays. */
function extend(box: [number, number, number, number], coordinates: unknown): void {
  if (!Array.isArray(coordinates)) return;
  if (typeof coordinates[0] === 'number' && typeof coordinates[1] === 'number') {
    const [lon, lat] = coordinates as number[];
    box[0] = Math.min(box[0], lon);
    box[1] = Math.min(box[1], lat);
    box[2] = Math.max(box[2], lon);
    box[3] = Math.max(box[3], lat);
    return;
  }
  for (const child of coordinates) extend(box, child);
}

const emptyBox = (): [number, number, number, number] => [Infinity, Infinity, -Infinity, -Infinity];

/**
 * One entry per county of `table.counties`, in the same order.
 * @param table the province's villages
 * @param features county boundary features (any province; matched to `table.counties` by `properties.code`)
 */
export function countyInfos(table: VillageTable, features: readonly CountyFeature[]): CountyInfo[] {
  const wanted = new Set(table.counties);
  const byCode = new Map<string, CountyFeature>();
  for (const feature of features) {
    const code = String(feature.properties?.code ?? '');
    if (wanted.has(code)) byCode.set(code, feature);
  }
  const villageBoxes = table.counties.map(emptyBox);
  for (let i = 0; i < table.count; i++) {
    extend(villageBoxes[table.countyIndex[i]], [table.positions[2 * i], table.positions[2 * i + 1]]);
  }
  return table.counties.map((code, c) => {
    const feature = byCode.get(code);
    const box = emptyBox();
    if (feature?.geometry) extend(box, feature.geometry.coordinates);
    const bbox = Number.isFinite(box[0]) ? box : villageBoxes[c];
    return { code, name: feature ? String(feature.properties?.name ?? code) : code, bbox };
  });
}
