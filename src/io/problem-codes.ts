/**
 * The English text of every input problem and input error, by code. The readers name a code and its values; the
 * message is made here, so the English text (what the CLI prints and the bad-file corpus compares) and the
 * translations of src/ui/problem-text.ts (one zh-CN and one en template per code) cannot drift apart. Values are
 * strings, shown as they were found in the file (no number formatting).
 */
import { SITE_STATUS_NAMES } from '../core/types';

/** Message builders of the row problems ({@link InputProblem}), by code. */
export const PROBLEM_MESSAGES = {
  unclosedQuote: (p: { detail: string }) => `${p.detail}; the rows after it may be merged`,
  badQuote: (p: { detail: string }) => `${p.detail}; the rows after it may be merged`,
  notFeature: () => 'expected an object with "type": "Feature"',
  nullGeometry: () => 'not a Point (got null geometry)',
  noGeometry: () => 'not a Point (got none)',
  notPoint: (p: { type: string }) => `not a Point (got ${p.type})`,
  badCoordinates: () => 'expected an array [lon, lat] of two numbers',
  missingWeight: () => 'missing weight property',
  emptyCell: () => 'missing coordinate (empty or null); expected a number in degrees',
  notNumber: (p: { got: string }) => `expected a number in degrees, got ${p.got}`,
  swapped: (p: Pair) =>
    `lon/lat look swapped (${pair(p)}): outside China but inside when swapped; expected lon,lat (offer: swap lon/lat)`,
  swappedOutOfRange: (p: Pair) => `latitude out of range [-90, 90]; lon/lat look swapped (${pair(p)})`,
  latOutOfRange: (p: { got: string }) => `latitude ${p.got} out of range [-90, 90]`,
  lonOutOfRange: (p: { got: string }) => `longitude ${p.got} out of range [-180, 180]`,
  badWeight: (p: { got: string }) => `expected a non-negative number, got ${p.got}`,
  badStatus: (p: { expected: string; got: string }) => `expected one of ${p.expected}, got ${p.got}`,
  duplicateId: (p: { id: string }) => `duplicate id "${p.id}" (the first one is kept)`,
  siteUnmatched: () =>
    'matches no candidate by id or within 1 m, and new candidates cannot be added here (matrix columns)',
  siteStaysOpen: (p: { id: string; status: string }) => `candidate "${p.id}" is already ${p.status}; it stays open`,
  numberOutOfRange: (p: { got: string }) => `${p.got} is out of range (not a finite number)`,
  badGeometryBlob: (p: { detail: string }) => `unreadable GeoPackage geometry (${p.detail}); expected a Point`,
  // Warnings: the rows are kept, but something looks wrong (ReadResult.warnings).
  outsideChina: (p: { count: string; total: string; first: string }) =>
    `${p.count} of ${p.total} points lie outside China (first: ${p.first}); check the coordinates and their CRS`,
  duplicateColumn: (p: { name: string; count: string; columns: string; used: string }) =>
    `column "${p.name}" appears ${p.count} times (columns ${p.columns}); column ${p.used} is used`,
  stringCoordinates: (p: { count: string; first: string }) =>
    `${p.count} features give coordinates as text (first: ${p.first}); they were read as numbers`,
  brokenText: (p: { count: string; row: string; byte: string; kept: string; skipped: string }) =>
    `${p.count} rows hold broken GBK byte sequences (first: row ${p.row}, byte ${p.byte}); ` +
    `${p.kept} of them kept with the broken bytes replaced by \ufffd, ${p.skipped} skipped`,
  quoteToEnd: (p: { row: string; lines: string }) =>
    `the unterminated quote of row ${p.row} runs to the end of the file: ${p.lines} lines read as one cell`,
} as const;

/** Field names and values of a lon/lat pair, as in the file. */
interface Pair {
  lonField: string;
  lon: string;
  latField: string;
  lat: string;
}

const pair = (p: Pair) => `${p.lonField}=${p.lon}, ${p.latField}=${p.lat}`;

const LON_LAT_COLUMNS = 'lon,lat or longitude,latitude or x,y or 经度,纬度';
const ZIPPED_SHAPEFILE = 'expected a zipped Shapefile (.shp, .dbf, .prj)';

/** What a plan file value should have been, by key (the `expected` value of `planBadValue`). */
export const PLAN_EXPECTED = {
  planObject: 'a plan file object',
  format: '"ruralreach-plan"',
  wholeNumber: 'a whole number >= 1',
  string: 'a string',
  nonEmptyString: 'a non-empty string',
  object: 'an object',
  array: 'an array',
  siteArray: 'an array of sites',
  siteObject: 'a site object',
  longitude: 'a longitude in [-180, 180]',
  latitude: 'a latitude in [-90, 90]',
  status: `one of ${SITE_STATUS_NAMES.join(', ')}`,
  role: 'station or center',
} as const;

/** Message builders of the whole-file errors ({@link InputError} reasons), by code. */
export const ERROR_MESSAGES = {
  // CSV
  csvEmpty: () => 'empty file; expected a header row such as "id,lon,lat,weight"',
  csvNoHeader: (p: { first: string }) =>
    `no header row (the first row is data: ${p.first}); expected e.g. "id,lon,lat"`,
  missingLonColumn: (p: { header: string }) =>
    `missing longitude column: expected columns ${LON_LAT_COLUMNS} (header: ${p.header})`,
  missingLatColumn: (p: { header: string }) =>
    `missing latitude column: expected columns ${LON_LAT_COLUMNS} (header: ${p.header})`,
  missingIdColumn: (p: { column: string; header: string }) => `missing id column "${p.column}" (header: ${p.header})`,
  missingWeightColumn: (p: { column: string; header: string }) =>
    `missing weight column "${p.column}" (header: ${p.header})`,
  noDataRows: () => 'no data rows after the header; expected one row per point',
  noUsableRows: (p: FirstProblem) => `no usable rows (${p.count} bad rows)${first(p)}`,
  // GeoJSON and JSON
  badJson: (p: { line: string; column: string; offset: string; found: string; detail: string }) =>
    `not valid JSON at line ${p.line}, column ${p.column} (position ${p.offset}, found ${p.found}): ${p.detail}`,
  badJsonEnd: (p: { line: string; column: string; offset: string; detail: string }) =>
    `not valid JSON at line ${p.line}, column ${p.column} (position ${p.offset}, found end of file): ${p.detail}`,
  rootIsArray: () => 'expected a GeoJSON FeatureCollection, got an array',
  wrongRootType: (p: { type: string }) => `expected a GeoJSON FeatureCollection, got type ${p.type}`,
  notFeatureCollection: (p: { got: string }) => `expected a GeoJSON FeatureCollection, got ${p.got}`,
  noFeaturesArray: () => 'expected a "features" array in the FeatureCollection',
  emptyFeatureCollection: () => 'empty FeatureCollection (no features); expected Point features',
  noUsableFeatures: (p: FirstProblem) => `no usable Point features (${p.count} features)${first(p)}`,
  // Zipped Shapefile
  zipEmpty: () => 'empty file; expected a zip archive holding a Shapefile',
  notZip: () => `not a zip archive (no "PK" signature); ${ZIPPED_SHAPEFILE}`,
  zipTruncated: () => 'damaged zip archive (no end of central directory; truncated download?)',
  zipDamaged: (p: { detail: string }) => `damaged zip archive (${p.detail})`,
  zipNothing: () => `no .shp in the zip (found nothing); ${ZIPPED_SHAPEFILE}`,
  noShp: (p: { found: string }) => `no .shp in the zip (found ${p.found}); ${ZIPPED_SHAPEFILE}`,
  shpTooShort: (p: { bytes: string }) => `.shp of ${p.bytes} bytes; expected a 100-byte header and records`,
  notShp: () => 'not a .shp file (file code is not 9994)',
  notPointShp: (p: { type: string }) => `geometry type ${p.type}; expected Points (villages or sites)`,
  shpUnreadable: (p: { detail: string }) => `cannot read the Shapefile (${p.detail})`,
  shpBadRecord: (p: { record: string; length: string; offset: string }) =>
    `record ${p.record} has a bad length (${p.length} bytes at byte ${p.offset}); damaged .shp`,
  shpRecordNotPoint: (p: { record: string; type: string }) =>
    `record ${p.record} has shape type ${p.type}; expected a Point`,
  dbfTooShort: (p: { bytes: string }) => `.dbf of ${p.bytes} bytes; expected a 32-byte header`,
  dbfTruncated: (p: { records: string; recordLength: string; headerLength: string; bytes: string }) =>
    `header says ${p.records} records of ${p.recordLength} bytes after ${p.headerLength} bytes, the file has ${p.bytes}`,
  badPrj: (p: { head: string; detail: string }) =>
    `cannot read the coordinate system (${p.head}): ${p.detail}; expected WGS 84 degrees or a projected CRS in OGC ` +
    'WKT that proj4 knows (reproject to EPSG:4326 in QGIS first)',
  // OSRM table
  osrmNotObject: () => 'expected an OSRM table response object {"code":"Ok","durations":[[...]]}',
  osrmCode: (p: { code: string }) => `OSRM response code is ${p.code}; expected "Ok"`,
  osrmCodeMessage: (p: { code: string; detail: string }) =>
    `OSRM response code is ${p.code} (${p.detail}); expected "Ok"`,
  osrmMissing: (p: { field: string }) => `missing "${p.field}" matrix (an array of rows)`,
  osrmMissingOther: (p: { field: string; other: string }) =>
    `missing "${p.field}" matrix (an array of rows); the file has ${p.other}`,
  osrmRows: (p: { field: string; rows: string; expected: string }) =>
    `"${p.field}" has ${p.rows} rows; expected ${p.expected} (one per demand point)`,
  osrmCols: (p: { field: string; cols: string; expected: string }) =>
    `"${p.field}" has ${p.cols} columns; expected ${p.expected} (one per candidate site)`,
  osrmRowNotArray: (p: { field: string; row: string }) => `"${p.field}" row ${p.row} is not an array`,
  osrmRagged: (p: { field: string; row: string; cols: string; expected: string }) =>
    `"${p.field}" row ${p.row} has ${p.cols} columns; expected ${p.expected} like row 0`,
  osrmBadCell: (p: { field: string; row: string; col: string; got: string }) =>
    `"${p.field}"[${p.row}][${p.col}]: expected a non-negative number or null, got ${p.got}`,
  // Plan file
  planBadValue: (p: { path: string; expected: keyof typeof PLAN_EXPECTED; got: string }) =>
    `${p.path}: expected ${PLAN_EXPECTED[p.expected]}, got ${p.got}`,
  planNewer: (p: { version: string; supported: string }) =>
    `plan file version ${p.version} is newer than this app reads (${p.supported})`,
  // Any file (first look of the app)
  emptyImportFile: () => 'empty file; expected CSV, GeoJSON, a zipped Shapefile or a plan file',
  // Any file, before reading (file-guard.ts, zip-guard.ts)
  notRegularFile: (p: { kind: string }) => `not a regular file (${p.kind}); nothing was read`,
  fileTooLarge: (p: { sizeMb: string; limitMb: string; option: string }) =>
    `file of ${p.sizeMb} MB is over the ${p.limitMb} MB limit (raise it with ${p.option}); nothing was read`,
  cannotRead: (p: { detail: string }) => `cannot read: ${p.detail}`,
  zipMethod: (p: { name: string; method: string }) =>
    `zip entry ${p.name} uses compression method ${p.method}; expected 0 (stored) or 8 (deflate)`,
  zipEntryTooLarge: (p: { name: string; sizeMb: string; limitMb: string }) =>
    `zip entry ${p.name} would inflate to ${p.sizeMb} MB, over the ${p.limitMb} MB limit; refused before inflating`,
  zipRatio: (p: { name: string; ratio: string; limit: string }) =>
    `zip entry ${p.name} would inflate ${p.ratio} times its size (limit ${p.limit}); refused before inflating`,
  zipInflatesPast: (p: { name: string; size: string }) =>
    `zip entry ${p.name} inflates past its declared ${p.size} bytes; damaged archive`,
  // Whole-table checks
  weightOverflow: (p: { location: string; got: string }) =>
    `the total weight overflows at ${p.location} (weight ${p.got}); expected weights whose sum is a finite number`,
  osrmNoReachable: (p: { field: string }) =>
    `"${p.field}" has no reachable pair (every cell is null); expected at least one number`,
  // Excel workbook (excel.ts)
  xlsxEmpty: () => 'empty file; expected an Excel workbook (.xlsx)',
  xlsLegacy: () => 'a legacy binary .xls workbook (Excel 97-2003), which is not read; save it as .xlsx and import that',
  notXlsx: () => 'not an Excel .xlsx workbook (no "PK" zip signature)',
  xlsxUnreadable: (p: { detail: string }) => `cannot read the workbook (${p.detail}); expected an Excel .xlsx file`,
  sheetNotFound: (p: { sheet: string; sheets: string }) => `no sheet ${p.sheet}; the workbook has: ${p.sheets}`,
  sheetEmpty: (p: { sheet: string }) =>
    `sheet ${p.sheet} is empty; expected a header row such as "id,lon,lat,weight" and one row per point`,
  // GeoPackage (geopackage.ts)
  notGeoPackage: () => 'not a GeoPackage (no SQLite header); expected a .gpkg file',
  gpkgUnreadable: (p: { detail: string }) => `cannot read the GeoPackage (${p.detail})`,
  gpkgNoPointLayer: (p: { layers: string }) =>
    `no point layer in the GeoPackage (layers: ${p.layers}); expected a layer of Points`,
  layerNotFound: (p: { layer: string; layers: string }) =>
    `no layer ${p.layer} in the GeoPackage; its feature layers: ${p.layers}`,
  layerNotPoint: (p: { layer: string; type: string }) =>
    `layer ${p.layer} holds ${p.type} geometries; expected Points (villages or sites)`,
  layerEmpty: (p: { layer: string }) => `layer ${p.layer} has no features; expected one Point per village or site`,
} as const;

/** The count of bad records and the first problem, when there is one. */
interface FirstProblem {
  count: string;
  firstLocation?: string;
  firstMessage?: string;
}

const first = (p: FirstProblem) =>
  p.firstLocation === undefined ? '' : `; first problem: ${p.firstLocation}: ${p.firstMessage ?? ''}`;

/** Code of a row problem. */
export type ProblemCode = keyof typeof PROBLEM_MESSAGES;
/** Code of a whole-file error. */
export type ErrorCode = keyof typeof ERROR_MESSAGES;
/** The values a problem code's message needs. */
export type ProblemParamsOf<C extends ProblemCode> = FirstParam<(typeof PROBLEM_MESSAGES)[C]>;
/** The values an error code's message needs. */
export type ErrorParamsOf<C extends ErrorCode> = FirstParam<(typeof ERROR_MESSAGES)[C]>;

/** The parameter object of a message builder; an empty object for a builder without one. */
type FirstParam<F extends (...args: never[]) => string> =
  Parameters<F> extends [infer P, ...unknown[]] ? P : Record<string, never>;
