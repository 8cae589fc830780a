/**
 * A plan as one GeoPackage (OGC GeoPackage 1.3, 12-128r18) for QGIS/ArcGIS: three feature tables, `sites` and
 * `villages` (Points) and `counties` (MultiPolygons), in WGS 84 (EPSG:4326), with the fields of the GeoJSON export
 * (README.md, "GeoJSON/CSV export properties"). The file holds what the standard requires: `application_id` "GPKG"
 * and `user_version` 10300 (section 1.1.1), `gpkg_spatial_ref_sys` with the three required rows (-1, 0, 4326;
 * 1.1.2), `gpkg_contents` (1.1.3) and `gpkg_geometry_columns` (2.1.5); each geometry is a GeoPackage binary blob
 * (2.1.3: "GP", version 0, flags, srs_id, envelope) around little-endian ISO WKB. Written with SQLite compiled to
 * WebAssembly (src/io/sqlite.ts).
 */
import type { Database, SqlValue } from 'sql.js';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { rightHanded } from './export-geojson';
import type { PlanExportTables } from './export-model';
import { loadSqlite } from './sqlite';

/** WGS 84 as in the EPSG registry (OGC WKT 1), the definition GDAL writes for EPSG:4326. */
const WGS84_WKT =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],' +
  'AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,' +
  'AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]';

/** Tables and rows the standard requires in every GeoPackage (12-128r18, Annex C, tables 2-4). */
const CORE_SQL = `
PRAGMA application_id = 1196444487;
PRAGMA user_version = 10300;
CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
  geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
INSERT INTO gpkg_spatial_ref_sys VALUES
  ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
  ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
`;

/** SQLite column types of the export fields (GeoPackage 1.3, table 1: BOOLEAN, INTEGER, DOUBLE, TEXT). */
type FieldType = 'TEXT' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN';

const SITE_FIELDS: [string, FieldType][] = [
  ['id', 'TEXT'],
  ['role', 'TEXT'],
  ['status', 'TEXT'],
  ['phase', 'INTEGER'],
  ['coveredWeight', 'DOUBLE'],
  ['marginalWeight', 'DOUBLE'],
];
const VILLAGE_FIELDS: [string, FieldType][] = [
  ['id', 'TEXT'],
  ['weight', 'DOUBLE'],
  ['covered', 'BOOLEAN'],
  ['nearestSiteId', 'TEXT'],
  ['nearestKm', 'DOUBLE'],
  ['countyCode', 'TEXT'],
];
const COUNTY_FIELDS: [string, FieldType][] = [
  ['code', 'TEXT'],
  ['name', 'TEXT'],
  ['villages', 'INTEGER'],
  ['coveredVillages', 'INTEGER'],
  ['weight', 'DOUBLE'],
  ['coveredWeight', 'DOUBLE'],
  ['coverage', 'DOUBLE'],
];

/**
 * The plan's three layers as the bytes of one GeoPackage file.
 * @example
 * writeFileSync('plan.gpkg', await planGeoPackage(planExportTables(input)));
 */
export async function planGeoPackage(tables: PlanExportTables): Promise<Uint8Array> {
  const SQL = await loadSqlite();
  const db = new SQL.Database();
  try {
    db.exec(CORE_SQL);
    db.run('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)', [
      'WGS 84 geodetic',
      4326,
      'EPSG',
      4326,
      WGS84_WKT,
      'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid',
    ]);
    const point = (row: { lon: number; lat: number }) => ({
      blob: gpkgBlob(pointWkb(row.lon, row.lat), undefined),
      box: [row.lon, row.lat, row.lon, row.lat] as Box,
    });
    writeLayer(db, 'sites', 'POINT', SITE_FIELDS, tables.sites, point);
    writeLayer(db, 'villages', 'POINT', VILLAGE_FIELDS, tables.villages, point);
    writeLayer(db, 'counties', 'MULTIPOLYGON', COUNTY_FIELDS, tables.counties, (row) => {
      const polygons = multiPolygonOf(rightHanded(row.feature.geometry));
      const box = boxOf(polygons);
      return { blob: gpkgBlob(multiPolygonWkb(polygons), box), box };
    });
    return db.export();
  } finally {
    db.close();
  }
}

/** [minX, minY, maxX, maxY]. */
type Box = [number, number, number, number];

function writeLayer<T extends object>(
  db: Database,
  table: string,
  geometryType: 'POINT' | 'MULTIPOLYGON',
  fields: [string, FieldType][],
  rows: readonly T[],
  geometry: (row: T) => { blob: Uint8Array; box: Box },
): void {
  const columns = fields.map(([name, type]) => `"${name}" ${type}`).join(', ');
  db.exec(`CREATE TABLE "${table}" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom ${geometryType}, ${columns})`);
  const marks = fields.map(() => '?').join(', ');
  const insert = db.prepare(
    `INSERT INTO "${table}" (geom, ${fields.map(([n]) => `"${n}"`).join(', ')}) VALUES (?, ${marks})`,
  );
  const extent: Box = [Infinity, Infinity, -Infinity, -Infinity];
  db.exec('BEGIN');
  try {
    for (const row of rows) {
      const { blob, box } = geometry(row);
      for (let k = 0; k < 2; k++) extent[k] = Math.min(extent[k], box[k]);
      for (let k = 2; k < 4; k++) extent[k] = Math.max(extent[k], box[k]);
      const record = row as Record<string, unknown>;
      insert.run([blob, ...fields.map(([name]) => sqlValue(record[name]))]);
    }
    db.exec('COMMIT');
  } finally {
    insert.free();
  }
  const bounds = rows.length === 0 ? [null, null, null, null] : extent;
  db.run(
    "INSERT INTO gpkg_contents (table_name, data_type, identifier, min_x, min_y, max_x, max_y, srs_id) VALUES (?, 'features', ?, ?, ?, ?, ?, 4326)",
    [table, table, ...bounds],
  );
  db.run('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, 4326, 0, 0)', [table, 'geom', geometryType]);
}

function sqlValue(value: unknown): SqlValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return String(value);
}

/**
 * A GeoPackage binary geometry (12-128r18, 2.1.3): magic "GP", version 0, flags (bit 0: little endian; bits 1-3:
 * envelope 0 none or 1 [minx, maxx, miny, maxy]), srs_id 4326, the envelope, then the WKB.
 */
export function gpkgBlob(wkb: Uint8Array, box: Box | undefined): Uint8Array {
  const envelopeBytes = box === undefined ? 0 : 32;
  const out = new Uint8Array(8 + envelopeBytes + wkb.length);
  const view = new DataView(out.buffer);
  out[0] = 0x47;
  out[1] = 0x50;
  out[2] = 0;
  out[3] = (box === undefined ? 0 : 1 << 1) | 1;
  view.setInt32(4, 4326, true);
  if (box !== undefined) {
    [box[0], box[2], box[1], box[3]].forEach((v, k) => view.setFloat64(8 + 8 * k, v, true));
  }
  out.set(wkb, 8 + envelopeBytes);
  return out;
}

/** Little-endian WKB Point (type 1). */
export function pointWkb(lon: number, lat: number): Uint8Array {
  const out = new Uint8Array(21);
  const view = new DataView(out.buffer);
  out[0] = 1;
  view.setUint32(1, 1, true);
  view.setFloat64(5, lon, true);
  view.setFloat64(13, lat, true);
  return out;
}

function multiPolygonOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function boxOf(polygons: Position[][][]): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (const [x, y] of ring) {
        box[0] = Math.min(box[0], x);
        box[1] = Math.min(box[1], y);
        box[2] = Math.max(box[2], x);
        box[3] = Math.max(box[3], y);
      }
    }
  }
  return box;
}

/** Little-endian WKB MultiPolygon (type 6) of Polygons (type 3): counts, then rings of [x, y] doubles. */
export function multiPolygonWkb(polygons: Position[][][]): Uint8Array {
  let size = 9;
  for (const polygon of polygons) {
    size += 9;
    for (const ring of polygon) size += 4 + 16 * ring.length;
  }
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let at = 0;
  const header = (type: number, count: number) => {
    out[at] = 1;
    view.setUint32(at + 1, type, true);
    view.setUint32(at + 5, count, true);
    at += 9;
  };
  header(6, polygons.length);
  for (const polygon of polygons) {
    header(3, polygon.length);
    for (const ring of polygon) {
      view.setUint32(at, ring.length, true);
      at += 4;
      for (const [x, y] of ring) {
        view.setFloat64(at, x, true);
        view.setFloat64(at + 8, y, true);
        at += 16;
      }
    }
  }
  return out;
}
