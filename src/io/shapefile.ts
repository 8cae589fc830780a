/**
 * Points from a zipped Shapefile (ESRI Shapefile Technical Description, 1998): the .shp geometries, the .dbf
 * attributes (decoded with the .cpg encoding when there is one) and the .prj coordinate system. Unzipping uses
 * but-unzip, parsing shpjs (calvinmetcalf/shapefile-js); the coordinate system is handled here (src/io/prj.ts) so
 * that a .prj proj4 cannot read is refused with a message instead of being ignored.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { iter } from 'but-unzip';
import { parseDbf, parseShp } from 'shpjs';
import { pointsFromFeatureCollection, type PointsGeoJsonOptions } from './geojson';
import type { PointTable } from './points';
import { prjToLonLat } from './prj';
import { InputError, type ReadResult } from './problems';

/** Shape types of the .shp header (offset 32, little-endian int32) and their names, for messages. */
const SHAPE_TYPES: Record<number, string> = {
  0: 'Null',
  1: 'Point',
  3: 'PolyLine',
  5: 'Polygon',
  8: 'MultiPoint',
  11: 'PointZ',
  13: 'PolyLineZ',
  15: 'PolygonZ',
  18: 'MultiPointZ',
  21: 'PointM',
  23: 'PolyLineM',
  25: 'PolygonM',
  28: 'MultiPointM',
  31: 'MultiPatch',
};
const POINT_TYPES = new Set([1, 11, 21]);

/** The files of a zip archive by name (folders and macOS resource forks left out). */
export async function unzipFiles(bytes: Uint8Array, file: string): Promise<Map<string, Uint8Array>> {
  if (bytes.length === 0) throw new InputError(file, 'empty file; expected a zip archive holding a Shapefile');
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new InputError(file, 'not a zip archive (no "PK" signature); expected a zipped Shapefile (.shp, .dbf, .prj)');
  }
  const files = new Map<string, Uint8Array>();
  try {
    for (const entry of iter(bytes)) {
      if (entry.filename.endsWith('/') || entry.filename.includes('__MACOSX')) continue;
      files.set(entry.filename, await entry.read());
    }
  } catch (error) {
    throw new InputError(file, `damaged zip archive (${error instanceof Error ? error.message : String(error)})`);
  }
  return files;
}

/**
 * Reads the Point features of the first Shapefile in a zip archive (villages or sites). Attributes `id`, `weight`
 * (or `options.weightField`) and `status` are read like GeoJSON properties; features are numbered from 0.
 * Coordinates are WGS 84 degrees, or reprojected from the projected CRS of the .prj.
 *
 * @param bytes the .zip contents
 * @throws InputError for an empty or damaged zip, a zip without .shp, a .shp that is not Points, an unreadable
 *   .prj with a projected CRS, or no usable feature
 * @example
 * const { value } = await parsePointsShapefileZip(await readFile('villages.zip'), { file: 'villages.zip' });
 */
export async function parsePointsShapefileZip(
  bytes: Uint8Array,
  options: PointsGeoJsonOptions = {},
): Promise<ReadResult<PointTable>> {
  const file = options.file ?? 'input.zip';
  const files = await unzipFiles(bytes, file);
  const names = [...files.keys()];
  const shpName = names.filter((name) => /\.shp$/i.test(name)).sort()[0];
  if (shpName === undefined) {
    const found = names.length === 0 ? 'nothing' : names.slice(0, 5).join(', ');
    throw new InputError(file, `no .shp in the zip (found ${found}); expected a zipped Shapefile (.shp, .dbf, .prj)`);
  }
  const base = shpName.slice(0, -4);
  const sibling = (ext: string): Uint8Array | undefined => {
    const name = names.find((n) => n.toLowerCase() === `${base}.${ext}`.toLowerCase());
    return name === undefined ? undefined : files.get(name);
  };
  const shp = files.get(shpName) as Uint8Array;
  const where = `${file} (${shpName})`;
  if (shp.length < 100)
    throw new InputError(where, `.shp of ${shp.length} bytes; expected a 100-byte header and records`);
  const view = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  if (view.getInt32(0, false) !== 9994) throw new InputError(where, 'not a .shp file (file code is not 9994)');
  const shapeType = view.getInt32(32, true);
  if (!POINT_TYPES.has(shapeType)) {
    const name = SHAPE_TYPES[shapeType] ?? `type ${shapeType}`;
    throw new InputError(where, `geometry type ${name}; expected Points (villages or sites)`);
  }
  const prjBytes = sibling('prj');
  const toLonLat = prjToLonLat(prjBytes && new TextDecoder().decode(prjBytes), `${file} (${base}.prj)`);
  const cpgBytes = sibling('cpg');
  const dbfBytes = sibling('dbf');
  let collection: FeatureCollection;
  try {
    const geometries = parseShp(shp);
    const rows = dbfBytes ? parseDbf(dbfBytes, cpgBytes && new TextDecoder().decode(cpgBytes).trim()) : [];
    const features: Feature[] = geometries.map((geometry, k) => {
      if (geometry !== null && geometry.type === 'Point' && toLonLat) {
        const [x, y] = geometry.coordinates;
        geometry = { type: 'Point', coordinates: toLonLat(x, y) };
      }
      return { type: 'Feature', geometry: geometry as Feature['geometry'], properties: rows[k] ?? {} };
    });
    collection = { type: 'FeatureCollection', features };
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(
      where,
      `cannot read the Shapefile (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return pointsFromFeatureCollection(collection, file, options);
}
