/**
 * Point layers of a GeoPackage (OGC 12-128r18, the default format of QGIS): a SQLite file whose
 * `gpkg_geometry_columns` table names each feature table, its geometry column, geometry type and `srs_id`
 * (defined in `gpkg_spatial_ref_sys`). Geometries are GeoPackage binary blobs (section 2.1.3): "GP", version,
 * flags (bit 0 byte order, bits 1-3 envelope kind, bit 5 empty), srs_id, the envelope, then ISO WKB. Read with
 * SQLite compiled to WebAssembly (src/io/sqlite.ts). A layer in a projected CRS is reprojected to WGS 84 with proj4
 * (src/io/prj.ts). Rows become points through the same checks as every other format (src/io/points.ts).
 */
import type { Database, SqlValue } from 'sql.js';
import { PointTableBuilder, type PointTable } from './points';
import { prjToLonLat, type ToLonLat } from './prj';
import { inputError, InputError, problem, type ReadResult } from './problems';
import { loadSqlite } from './sqlite';

/** Options of {@link parsePointsGeoPackage}. */
export interface PointsGpkgOptions {
  file?: string;
  /** Feature table to read; default the first layer of Points (or MultiPoints). */
  layer?: string;
  weightField?: string;
  idField?: string;
  withStatus?: boolean;
  swapAxes?: boolean;
}

/** A feature layer of a GeoPackage. */
export interface GpkgLayer {
  table: string;
  column: string;
  /** `POINT`, `MULTIPOINT`, `POLYGON`, `GEOMETRY` ... */
  type: string;
  srsId: number;
}

/** What {@link parsePointsGeoPackage} returns: the points and every feature layer (for a picker). */
export interface GpkgRead extends ReadResult<PointTable> {
  layers: string[];
  layer: string;
}

const POINT_TYPES = new Set(['POINT', 'MULTIPOINT', 'GEOMETRY']);
const SQLITE_HEADER = 'SQLite format 3\u0000';

/** True when the bytes start with the SQLite header. */
export function isSqlite(bytes: Uint8Array): boolean {
  return bytes.length >= 16 && new TextDecoder().decode(bytes.subarray(0, 16)) === SQLITE_HEADER;
}

/**
 * Opens a GeoPackage and lists its feature layers.
 * @throws InputError `notGeoPackage` or `gpkgUnreadable`
 */
export async function openGeoPackage(bytes: Uint8Array, file: string): Promise<{ db: Database; layers: GpkgLayer[] }> {
  if (!isSqlite(bytes)) throw inputError(file, 'notGeoPackage', {});
  const SQL = await loadSqlite();
  let db: Database | undefined;
  try {
    db = new SQL.Database(bytes);
    const rows = db.exec('SELECT table_name, column_name, geometry_type_name, srs_id FROM gpkg_geometry_columns');
    const layers = (rows[0]?.values ?? []).map(([table, column, type, srsId]) => ({
      table: String(table),
      column: String(column),
      type: String(type).toUpperCase(),
      srsId: Number(srsId),
    }));
    return { db, layers };
  } catch (error) {
    db?.close();
    throw inputError(file, 'gpkgUnreadable', { detail: shortMessage(error) });
  }
}

/**
 * Reads the points of one layer of a GeoPackage.
 * @throws InputError for a file that is not a readable GeoPackage, a missing or non-point layer, an empty layer,
 *   a named id or weight column that is missing, or a layer without a usable point
 * @example
 * const read = await parsePointsGeoPackage(bytes, { file: 'villages.gpkg', layer: 'villages' });
 */
export async function parsePointsGeoPackage(bytes: Uint8Array, options: PointsGpkgOptions = {}): Promise<GpkgRead> {
  const file = options.file ?? 'input.gpkg';
  const { db, layers } = await openGeoPackage(bytes, file);
  try {
    const names = layers.map((l) => l.table);
    const listed = names.length === 0 ? '(none)' : names.join(', ');
    let layer: GpkgLayer | undefined;
    if (options.layer !== undefined) {
      layer = layers.find((l) => l.table === options.layer) ?? layers.find((l) => sameName(l.table, options.layer!));
      if (layer === undefined) throw inputError(file, 'layerNotFound', { layer: options.layer, layers: listed });
      if (!POINT_TYPES.has(layer.type))
        throw inputError(file, 'layerNotPoint', { layer: layer.table, type: layer.type });
    } else {
      layer = layers.find((l) => POINT_TYPES.has(l.type));
      if (layer === undefined) throw inputError(file, 'gpkgNoPointLayer', { layers: describe(layers) });
    }
    const read = readLayer(db, layer, file, options);
    return { ...read, layers: names, layer: layer.table };
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw inputError(file, 'gpkgUnreadable', { detail: shortMessage(error) });
  } finally {
    db.close();
  }
}

function readLayer(db: Database, layer: GpkgLayer, file: string, options: PointsGpkgOptions): ReadResult<PointTable> {
  const toLonLat = layerProjection(db, layer, file);
  const statement = db.prepare(`SELECT * FROM ${quoteId(layer.table)}`);
  const columns = statement.getColumnNames();
  const lower = columns.map((c) => c.toLowerCase());
  const find = (name: string) => {
    const exact = columns.indexOf(name);
    return exact >= 0 ? exact : lower.indexOf(name.toLowerCase());
  };
  const named = (name: string | undefined, fallback: string, code: 'missingIdColumn' | 'missingWeightColumn') => {
    const col = find(name ?? fallback);
    if (col < 0 && name !== undefined) throw inputError(file, code, { column: name, header: columns.join(',') });
    return col;
  };
  const idCol = named(options.idField, 'id', 'missingIdColumn');
  const weightCol = named(options.weightField, 'weight', 'missingWeightColumn');
  const statusCol = options.withStatus ? find('status') : -1;
  const geomCol = find(layer.column);
  const builder = new PointTableBuilder(
    file,
    {
      lon: layer.column,
      lat: layer.column,
      weight: weightCol >= 0 ? columns[weightCol] : 'weight',
      id: idCol >= 0 ? columns[idCol] : 'id',
      status: statusCol >= 0 ? columns[statusCol] : 'status',
    },
    statusCol >= 0,
    options.swapAxes === true,
  );
  let k = 0;
  try {
    while (statement.step()) {
      const row = statement.get();
      const location = `feature ${k}`;
      const fallbackId = String(k);
      k++;
      const point = pointOfBlob(row[geomCol]);
      if (typeof point === 'string') {
        const skipped =
          point === 'no geometry'
            ? problem(file, location, layer.column, 'nullGeometry', {})
            : WKB_NAMES.has(point)
              ? problem(file, location, layer.column, 'notPoint', { type: point })
              : problem(file, location, layer.column, 'badGeometryBlob', { detail: point });
        builder.skip(skipped);
        continue;
      }
      const [lon, lat] = toLonLat ? toLonLat(point[0], point[1]) : point;
      builder.add({
        location,
        fallbackId,
        id: idCol >= 0 ? cellText(row[idCol]) : undefined,
        lon,
        lat,
        weight: weightCol >= 0 ? (row[weightCol] ?? '') : undefined,
        status: statusCol >= 0 ? row[statusCol] : undefined,
      });
    }
  } finally {
    statement.free();
  }
  const value = builder.build();
  if (value.recordCount === 0) throw inputError(file, 'layerEmpty', { layer: layer.table });
  const all = builder.problems;
  if (value.count === 0) {
    const head = all[0];
    throw inputError(
      file,
      'noUsableFeatures',
      head === undefined
        ? { count: String(value.recordCount) }
        : { count: String(value.recordCount), firstLocation: head.location, firstMessage: head.message },
      all,
    );
  }
  return { value, problems: all, warnings: [] };
}

/** The reprojection of a layer whose CRS is projected (from its gpkg_spatial_ref_sys definition), else undefined. */
function layerProjection(db: Database, layer: GpkgLayer, file: string): ToLonLat | undefined {
  if (layer.srsId === 4326 || layer.srsId <= 0) return undefined;
  const rows = db.exec('SELECT definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?', [layer.srsId]);
  const definition = rows[0]?.values[0]?.[0];
  return typeof definition === 'string' && definition !== 'undefined' ? prjToLonLat(definition, file) : undefined;
}

/**
 * [x, y] of a GeoPackage binary geometry holding a Point (or a MultiPoint of one point), else why not: the type
 * name of another geometry (`Polygon`), `no geometry`, or what is wrong with the blob.
 * WKB types: 1 Point, 4 MultiPoint, with 1000/2000/3000 added for Z/M/ZM (ISO) or the EWKB flag bits.
 */
export function pointOfBlob(value: SqlValue | undefined): [number, number] | string {
  if (value === null || value === undefined) return 'no geometry';
  if (!(value instanceof Uint8Array) || value.length < 8 || value[0] !== 0x47 || value[1] !== 0x50) {
    return 'not a GeoPackage geometry blob';
  }
  const flags = value[3];
  if ((flags & 0x10) !== 0) return 'empty geometry';
  const envelope = (flags >> 1) & 0x07;
  const envelopeBytes = [0, 32, 48, 48, 64][envelope];
  if (envelopeBytes === undefined) return `bad envelope code ${envelope}`;
  const view = new DataView(value.buffer, value.byteOffset, value.byteLength);
  let at = 8 + envelopeBytes;
  const wkb = (): [number, number] | string => {
    if (at + 5 > value.length) return 'cut WKB';
    const little = view.getUint8(at) === 1;
    const raw = view.getUint32(at + 1, little);
    const type = (raw & 0x0fffffff) % 1000;
    at += 5;
    if (type === 4) {
      const count = view.getUint32(at, little);
      at += 4;
      return count === 1 ? wkb() : `MultiPoint of ${count} points`;
    }
    if (type !== 1) return WKB_TYPES[type] ?? `WKB geometry type ${type}`;
    if (at + 16 > value.length) return 'cut WKB';
    return [view.getFloat64(at, little), view.getFloat64(at + 8, little)];
  };
  return wkb();
}

/** Names of the WKB geometry types (ISO 13249-3 / OGC 06-103r4), as GeoJSON names them. */
const WKB_TYPES: Record<number, string> = {
  2: 'LineString',
  3: 'Polygon',
  5: 'MultiLineString',
  6: 'MultiPolygon',
  7: 'GeometryCollection',
};
const WKB_NAMES = new Set(Object.values(WKB_TYPES));
const sameName = (a: string, b: string) => a.toLowerCase() === b.trim().toLowerCase();
const quoteId = (name: string) => `"${name.replace(/"/g, '""')}"`;
const describe = (layers: GpkgLayer[]) =>
  layers.length === 0 ? '(none)' : layers.map((l) => `${l.table} (${l.type})`).join(', ');
const cellText = (cell: SqlValue | undefined) => (cell === null || cell === undefined ? undefined : String(cell));

function shortMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 80 ? `${message.slice(0, 77)}...` : message;
}
