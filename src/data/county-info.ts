/**
 * `county-info.json`: names, counts and bounding box of every county with a boundary, for what the map's vector
 * tiles leave out (boundaries.pmtiles carries only the code): the county tooltip and panel, the county table's
 * names and "zoom to county". Written by data/build.ts; pure types and a check, no fs.
 */

/** One county with a boundary. */
export interface CountyInfoEntry {
  /** 6-digit GB/T 2260 code. */
  code: string;
  name: string;
  provinceCode: string;
  cityCode: string;
  villages: number;
  ruralVillages: number;
  /** Geodesic area, km², before simplification. */
  areaKm2: number;
  /** [west, south, east, north] in degrees, of the simplified boundary (counties-simplified.geojson). */
  bbox: [number, number, number, number];
}

export interface CountyInfoFile {
  format: 'ruralreach-county-info';
  version: 1;
  /** Ascending by code. */
  counties: CountyInfoEntry[];
}

/**
 * Checks the shape of a parsed county-info.json.
 * @throws Error naming what is wrong
 */
export function parseCountyInfo(value: unknown): CountyInfoFile {
  const file = value as Partial<CountyInfoFile> | null;
  if (file?.format !== 'ruralreach-county-info' || file.version !== 1 || !Array.isArray(file.counties)) {
    throw new Error('county-info.json: expected { format: "ruralreach-county-info", version: 1, counties: [...] }');
  }
  for (const c of file.counties) {
    if (typeof c.code !== 'string' || !Array.isArray(c.bbox) || c.bbox.length !== 4) {
      throw new Error('county-info.json: every county needs a code and a bbox [w, s, e, n]');
    }
  }
  return file as CountyInfoFile;
}
