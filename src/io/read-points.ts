/**
 * One entry for every point file the app and the CLI accept: CSV (any delimiter, UTF-8 or GBK), GeoJSON, zipped
 * Shapefile, Excel .xlsx (one sheet) and GeoPackage (one point layer), in WGS 84, GCJ-02 or BD-09, with swapped lon/lat detected (and swapped on request). Pure: bytes in,
 * typed arrays and problems out, so it can run in a worker.
 */
import { parsePointsCsv } from './csv';
import { tableToWgs84, type PointCrs } from './crs';
import { decodeText } from './encoding';
import { isOle2, parsePointsXlsx } from './excel';
import { isSqlite, parsePointsGeoPackage } from './geopackage';
import { parsePointsGeoJson } from './geojson';
import type { PointTable } from './points';
import { InputError, problem, WHOLE_FILE, type InputProblem, type ReadResult } from './problems';
import { inChina } from './region';
import { parsePointsShapefileZip } from './shapefile';

/** Point file formats. */
export type PointFileFormat = 'csv' | 'geojson' | 'shapefile' | 'excel' | 'geopackage';

/** Options of {@link readPointsFile}. */
export interface ReadPointsOptions {
  /** File name, for messages and to choose the format by extension. */
  file: string;
  /** Force the format; default by extension (.zip, .csv/.tsv/.txt, .geojson/.json), else sniffed from the bytes. */
  format?: PointFileFormat;
  /** Weight column or property (default `weight` when present, else 1). */
  weightField?: string;
  /** Id column or property (default `id`; GeoJSON: the feature id, else the `id` property). */
  idField?: string;
  /** Read a `status` field (candidate sites). */
  withStatus?: boolean;
  /** Coordinate system of the file's positions (default WGS 84); a Shapefile .prj, when projected, wins. */
  crs?: PointCrs;
  /** Swap lon/lat of the points outside China that fall inside it when swapped. */
  swapAxes?: boolean;
  /** Excel: the sheet, by name or 1-based number (default the first). */
  sheet?: string | number;
  /** GeoPackage: the layer (feature table) name (default the first point layer). */
  layer?: string;
}

/** What {@link readPointsFile} returns. */
export interface PointsFileResult {
  /** The kept points, WGS 84. */
  value: PointTable;
  problems: InputProblem[];
  /** Plausible but suspicious things (the rows are kept): points outside China, duplicate columns, ... */
  warnings: InputProblem[];
  format: PointFileFormat;
  /** E.g. `kept 9,812 of 9,830 rows; 18 problems`. */
  summary: string;
  /** When some points looked swapped and were not swapped: the offer to make, e.g. to re-read with `swapAxes`. */
  swapOffer?: string;
  /** Excel: the names of the workbook's sheets, and the 1-based number of the one read. */
  sheets?: string[];
  sheet?: number;
  /** GeoPackage: the names of its feature layers, and the one read. */
  layers?: string[];
  layer?: string;
}

/**
 * The format of a point file, by extension, else by its first bytes (SQLite header: GeoPackage; OLE2: legacy
 * Excel; PK: an .xlsx when its first entry is an Office part, else a zipped Shapefile; `{`: GeoJSON; else CSV).
 */
export function pointFileFormat(file: string, bytes: Uint8Array | string): PointFileFormat {
  const lower = file.toLowerCase();
  if (lower.endsWith('.zip')) return 'shapefile';
  if (/\.(xlsx|xlsm|xls)$/.test(lower)) return 'excel';
  if (lower.endsWith('.gpkg')) return 'geopackage';
  if (/\.(csv|tsv|txt)$/.test(lower)) return 'csv';
  if (/\.(geojson|json)$/.test(lower)) return 'geojson';
  if (typeof bytes !== 'string' && isSqlite(bytes)) return 'geopackage';
  if (typeof bytes !== 'string' && isOle2(bytes)) return 'excel';
  if (typeof bytes !== 'string' && bytes[0] === 0x50 && bytes[1] === 0x4b) {
    // A local file header: the entry name starts at byte 30. Excel writes [Content_Types].xml, docProps/ or xl/.
    const name = new TextDecoder().decode(bytes.subarray(30, 50));
    return /^(\[Content_Types\]|docProps\/|xl\/|_rels\/)/.test(name) ? 'excel' : 'shapefile';
  }
  const text = typeof bytes === 'string' ? bytes : decodeText(bytes.subarray(0, 64)).text;
  return text.trimStart().startsWith('{') ? 'geojson' : 'csv';
}

/**
 * Reads a point file of any accepted format (see {@link pointFileFormat}), converts it to WGS 84 and sums up
 * what was kept.
 * @param input the file's bytes (or its text, for CSV and GeoJSON)
 * @throws InputError when the file is unusable
 * @example
 * const read = await readPointsFile(bytes, { file: 'villages.csv', crs: 'gcj02' });
 * read.summary; // "kept 3 of 4 rows; 1 problem"
 */
export async function readPointsFile(
  input: Uint8Array | string,
  options: ReadPointsOptions,
): Promise<PointsFileResult> {
  const format = options.format ?? pointFileFormat(options.file, input);
  const common = {
    file: options.file,
    weightField: options.weightField,
    withStatus: options.withStatus,
    swapAxes: options.swapAxes,
    idField: options.idField,
  };
  const bytes = () => (typeof input === 'string' ? new TextEncoder().encode(input) : input);
  let read;
  const extra: Pick<PointsFileResult, 'sheets' | 'sheet' | 'layers' | 'layer'> = {};
  if (format === 'shapefile') read = await parsePointsShapefileZip(bytes(), common);
  else if (format === 'excel') {
    read = await parsePointsXlsx(bytes(), { ...common, sheet: options.sheet });
    extra.sheets = read.sheets;
    extra.sheet = read.sheet;
  } else if (format === 'geopackage') {
    read = await parsePointsGeoPackage(bytes(), { ...common, layer: options.layer });
    extra.layers = read.layers;
    extra.layer = read.layer;
  } else read = readPointsCsvOrGeoJson(input, { ...common, format });
  const value = tableToWgs84(read.value, options.crs ?? 'wgs84');
  const warnings = [...(read.warnings ?? [])];
  const outside = outsideChina(value, options.file);
  if (outside !== undefined) warnings.push(outside);
  const result: PointsFileResult = {
    value,
    problems: read.problems,
    warnings,
    format,
    summary: readSummary(value, read.problems),
    ...extra,
  };
  const suspects = value.swapSuspects ?? 0;
  if (suspects > 0 && options.swapAxes !== true) {
    result.swapOffer =
      `${options.file}: ${suspects} of ${value.recordCount} ${format === 'csv' || format === 'excel' ? 'rows' : 'features'} look like ` +
      'lat,lon (outside China, inside when swapped): swap lon/lat to use them';
  }
  return result;
}

/**
 * Reads a CSV or GeoJSON point file at once (no coordinate conversion, no summary), for callers that cannot wait
 * (e.g. `assemblePlanInputs`); {@link readPointsFile} reads these formats the same way.
 * @param input the file's bytes or text
 * @throws InputError when the file is unusable, or is a zipped Shapefile (read it with readPointsFile)
 */
export function readPointsCsvOrGeoJson(
  input: Uint8Array | string,
  options: Omit<ReadPointsOptions, 'crs'>,
): ReadResult<PointTable> {
  const format = options.format ?? pointFileFormat(options.file, input);
  if (format === 'shapefile' || format === 'excel' || format === 'geopackage') {
    throw new InputError(options.file, `a ${format} file is read from its bytes (readPointsFile)`);
  }
  const common = {
    file: options.file,
    weightField: options.weightField,
    withStatus: options.withStatus,
    swapAxes: options.swapAxes,
    idField: options.idField,
  };
  return format === 'csv' ? parsePointsCsv(input, common) : parsePointsGeoJson(input, common);
}

/** `kept N of M rows; K problems`, numbers with thousands separators. */
export function readSummary(table: PointTable, problems: readonly InputProblem[]): string {
  const n = (x: number): string => x.toLocaleString('en-US');
  const k = problems.length;
  return `kept ${n(table.count)} of ${n(table.recordCount)} rows; ${n(k)} problem${k === 1 ? '' : 's'}`;
}

/** The warning for kept points outside China (after conversion to WGS 84), naming the first three by id. */
export function outsideChina(table: PointTable, file: string): InputProblem | undefined {
  let count = 0;
  const first: string[] = [];
  for (let k = 0; k < table.count; k++) {
    if (inChina(table.lon[k], table.lat[k])) continue;
    count++;
    if (first.length < 3) first.push(`id ${JSON.stringify(table.ids[k].slice(0, 24))}`);
  }
  if (count === 0) return undefined;
  return problem(file, WHOLE_FILE, undefined, 'outsideChina', {
    count: String(count),
    total: String(table.count),
    first: first.join(', '),
  });
}
