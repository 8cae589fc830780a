/**
 * Points from a zipped Shapefile (ESRI Shapefile Technical Description, 1998): the .shp geometries, the .dbf
 * attributes (decoded with the .cpg encoding when there is one) and the .prj coordinate system. Unzipping uses
 * but-unzip, the .dbf shpjs (calvinmetcalf/shapefile-js). Point records are read here: shpjs's .shp loop and
 * but-unzip's directory search do not stop on some damaged files (a negative record length, a "PK" file without a
 * central directory), so the headers are checked first. The coordinate system is handled in src/io/prj.ts so
 * that a .prj proj4 cannot read is refused with a message instead of being ignored.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import { iter } from 'but-unzip';
import { parseDbf } from 'shpjs';
import { pointsFromFeatureCollection, type PointsGeoJsonOptions } from './geojson';
import type { PointTable } from './points';
import { prjToLonLat } from './prj';
import { InputError, inputError, type ReadResult } from './problems';
import { boundedInflate, checkZipEntries } from './zip-guard';

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
  if (bytes.length === 0) throw inputError(file, 'zipEmpty', {});
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw inputError(file, 'notZip', {});
  }
  if (!hasEndOfCentralDirectory(bytes)) {
    throw inputError(file, 'zipTruncated', {});
  }
  // Sizes, ratios and methods are checked before inflating (zip-guard.ts); each entry inflates up to its size.
  const declared = new Map(checkZipEntries(bytes, file).map((entry) => [entry.name, entry.uncompressedBytes]));
  let current = '';
  const inflate = (raw: Uint8Array) => boundedInflate(raw, declared.get(current) ?? 0, file, current);
  const files = new Map<string, Uint8Array>();
  try {
    for (const entry of iter(bytes, inflate)) {
      if (entry.filename.endsWith('/') || entry.filename.includes('__MACOSX')) continue;
      current = entry.filename;
      files.set(entry.filename, await entry.read());
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw inputError(file, 'zipDamaged', { detail: error instanceof Error ? error.message : String(error) });
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
    if (names.length === 0) throw inputError(file, 'zipNothing', {});
    throw inputError(file, 'noShp', { found: names.slice(0, 5).join(', ') });
  }
  const base = shpName.slice(0, -4);
  const sibling = (ext: string): Uint8Array | undefined => {
    const name = names.find((n) => n.toLowerCase() === `${base}.${ext}`.toLowerCase());
    return name === undefined ? undefined : files.get(name);
  };
  const shp = files.get(shpName) as Uint8Array;
  const where = `${file} (${shpName})`;
  if (shp.length < 100) throw inputError(where, 'shpTooShort', { bytes: String(shp.length) });
  const view = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  if (view.getInt32(0, false) !== 9994) throw inputError(where, 'notShp', {});
  const shapeType = view.getInt32(32, true);
  if (!POINT_TYPES.has(shapeType)) {
    throw inputError(where, 'notPointShp', { type: SHAPE_TYPES[shapeType] ?? `type ${shapeType}` });
  }
  const prjBytes = sibling('prj');
  const toLonLat = prjToLonLat(prjBytes && new TextDecoder().decode(prjBytes), `${file} (${base}.prj)`);
  const cpgBytes = sibling('cpg');
  const dbfBytes = sibling('dbf');
  let collection: FeatureCollection<Point | null>;
  try {
    const positions = shpPoints(view, where);
    if (dbfBytes) checkDbf(dbfBytes, `${file} (${base}.dbf)`);
    const rows = dbfBytes ? parseDbf(dbfBytes, dbfEncoding(dbfBytes, cpgBytes)) : [];
    const features: Feature<Point | null>[] = positions.map((xy, k) => ({
      type: 'Feature',
      geometry: xy === null ? null : { type: 'Point', coordinates: toLonLat ? toLonLat(xy[0], xy[1]) : xy },
      properties: rows[k] ?? {},
    }));
    collection = { type: 'FeatureCollection', features };
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw inputError(where, 'shpUnreadable', { detail: error instanceof Error ? error.message : String(error) });
  }
  return pointsFromFeatureCollection(collection, file, options);
}

/** True when the zip has an end-of-central-directory record (PK 5 6) where but-unzip looks for it. */
function hasEndOfCentralDirectory(bytes: Uint8Array): boolean {
  const last = bytes.length - 22;
  for (let k = last; k >= 0 && k >= last - 65535; k--) {
    if (bytes[k] === 0x50 && bytes[k + 1] === 0x4b && bytes[k + 2] === 5 && bytes[k + 3] === 6) return true;
  }
  return false;
}

/**
 * Positions of the records of a Point .shp (types 1, 11, 21: x and y are the first 16 bytes after the shape
 * type; z and m are ignored), null for a Null shape. Each record is an 8-byte big-endian header (number, content
 * length in 16-bit words) and its content.
 * @throws InputError on a record whose length runs past the end of the file
 */
function shpPoints(view: DataView, where: string): ([number, number] | null)[] {
  const out: ([number, number] | null)[] = [];
  let offset = 100;
  while (offset + 8 <= view.byteLength) {
    const length = view.getInt32(offset + 4, false) * 2;
    if (length < 4 || offset + 8 + length > view.byteLength) {
      const params = { record: String(out.length), length: String(length), offset: String(offset) };
      throw inputError(where, 'shpBadRecord', params);
    }
    const type = view.getInt32(offset + 8, true);
    if (type === 0) out.push(null);
    else if (POINT_TYPES.has(type) && length >= 20) {
      out.push([view.getFloat64(offset + 12, true), view.getFloat64(offset + 20, true)]);
    } else throw inputError(where, 'shpRecordNotPoint', { record: String(out.length), type: String(type) });
    offset += 8 + length;
  }
  return out;
}

/**
 * Checks a .dbf header (dBase III: record count at 4, header length at 8, record length at 10) against the file
 * size before parsedbf loops over it.
 * @throws InputError when the header promises more bytes than the file has
 */
function checkDbf(dbf: Uint8Array, where: string): void {
  if (dbf.length < 32) throw inputError(where, 'dbfTooShort', { bytes: String(dbf.length) });
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const records = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  if (records > 0 && (recordLength === 0 || headerLength + records * recordLength > dbf.length + 1)) {
    throw inputError(where, 'dbfTruncated', {
      records: String(records),
      recordLength: String(recordLength),
      headerLength: String(headerLength),
      bytes: String(dbf.length),
    });
  }
}

/**
 * The text encoding of a .dbf: its .cpg when there is one (e.g. "UTF-8", "936"); else the language driver byte
 * (offset 29; 0x4D is code page 936, GBK, as ArcGIS writes Chinese attributes); else UTF-8 when the bytes are valid
 * UTF-8, else GB18030.
 */
export function dbfEncoding(dbf: Uint8Array, cpg: Uint8Array | undefined): string {
  if (cpg !== undefined) {
    const name = new TextDecoder().decode(cpg).trim();
    return /^(ANSI\s*)?936$/i.test(name) ? 'gbk' : name;
  }
  if (dbf.length > 29 && dbf[29] === 0x4d) return 'gbk';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(dbf);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}
