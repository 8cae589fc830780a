/**
 * A first look at a user's file, before importing it: its format, text encoding, CSV delimiter and field names, so
 * the data card can offer the weight and id fields. Pure (bytes in, names out; no DOM): it runs in the import
 * worker. Only the start of a CSV file is needed; JSON files are parsed whole (their first features say the
 * property names), Shapefile zips give their .dbf field descriptors (dBASE III: 32-byte descriptors from byte 32,
 * the name in the first 11 bytes, ended by 0x0D).
 */
import Papa from 'papaparse';
import { headerDelimiter } from './csv';
import { decodeText } from './encoding';
import { readWorkbook } from './excel';
import { openGeoPackage } from './geopackage';
import type { FileHeaders } from './import-api';
import { parseJsonText } from './json';
import { PLAN_FILE_FORMAT } from './plan-file';
import { inputError } from './problems';
import { pointFileFormat } from './read-points';
import { unzipFiles } from './shapefile';

/** Bytes of a CSV file enough for its header (and a guess at its encoding). */
export const HEADER_BYTES = 64 * 1024;

/** Features whose property names are collected from a GeoJSON file. */
const SAMPLE_FEATURES = 100;

/**
 * The headers of a file.
 * @param bytes the whole file, or for a CSV file at least its first {@link HEADER_BYTES}
 * @param file its name
 * @param size its size in bytes (default `bytes.length`)
 * @throws InputError when the file is empty, or not JSON / zip where it says it is
 */
export async function fileHeaders(bytes: Uint8Array, file: string, size = bytes.length): Promise<FileHeaders> {
  if (size === 0) throw inputError(file, 'emptyImportFile', {});
  const format = pointFileFormat(file, bytes.subarray(0, 64));
  if (format === 'shapefile') {
    const files = await unzipFiles(bytes, file);
    const dbf = [...files.entries()].find(([name]) => /\.dbf$/i.test(name))?.[1];
    return { file, bytes: size, format, fields: dbf ? dbfFieldNames(dbf) : [], role: 'villages' };
  }
  if (format === 'csv') return csvHeaders(bytes, file, size);
  if (format === 'excel') {
    const sheets = (await readWorkbook(bytes, file)).map(({ sheet, data }) => {
      const header = data.find((row) => row.some((cell) => cell !== null && String(cell).trim() !== '')) ?? [];
      return { name: sheet, fields: header.map((cell) => String(cell ?? '').trim()).filter((name) => name !== '') };
    });
    return { file, bytes: size, format, fields: sheets[0]?.fields ?? [], sheets, role: 'villages' };
  }
  if (format === 'geopackage') return geoPackageHeaders(bytes, file, size);
  const { text, encoding } = decodeText(bytes);
  const root = parseJsonText(text, file);
  const object =
    typeof root === 'object' && root !== null && !Array.isArray(root) ? (root as Record<string, unknown>) : {};
  const base = { file, bytes: size, encoding };
  if (object.format === PLAN_FILE_FORMAT || (object.format === undefined && 'plan' in object && 'settings' in object)) {
    return { ...base, format: 'plan', fields: [], role: 'plan' };
  }
  if ('durations' in object || 'distances' in object) return { ...base, format: 'osrm', fields: [], role: 'osrm' };
  const features = Array.isArray(object.features) ? object.features.slice(0, SAMPLE_FEATURES) : [];
  const fields = new Set<string>();
  for (const feature of features) {
    const properties = (feature as { properties?: unknown } | null)?.properties;
    if (typeof properties === 'object' && properties !== null) Object.keys(properties).forEach((k) => fields.add(k));
  }
  return { ...base, format: 'geojson', fields: [...fields], role: 'villages' };
}

/** The point layers of a GeoPackage and their columns (the geometry and fid columns left out). */
async function geoPackageHeaders(bytes: Uint8Array, file: string, size: number): Promise<FileHeaders> {
  const { db, layers } = await openGeoPackage(bytes, file);
  try {
    const points = layers
      .filter((layer) => ['POINT', 'MULTIPOINT', 'GEOMETRY'].includes(layer.type))
      .map((layer) => {
        const statement = db.prepare(`SELECT * FROM "${layer.table.replace(/"/g, '""')}" LIMIT 0`);
        const names = statement.getColumnNames();
        statement.free();
        return { name: layer.table, fields: names.filter((c) => c !== layer.column && c !== 'fid') };
      });
    return {
      file,
      bytes: size,
      format: 'geopackage',
      fields: points[0]?.fields ?? [],
      layers: points,
      role: 'villages',
    };
  } finally {
    db.close();
  }
}

/** CSV headers from the file's first bytes: cut at the last line end, so no character is split. */
function csvHeaders(bytes: Uint8Array, file: string, size: number): FileHeaders {
  let head = bytes.subarray(0, HEADER_BYTES);
  if (size > head.length) {
    const end = head.lastIndexOf(0x0a);
    if (end > 0) head = head.subarray(0, end);
  }
  const { text, encoding } = decodeText(head);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = headerDelimiter(firstLine);
  const parsed = Papa.parse<string[]>(firstLine, { delimiter, header: false });
  const fields = (parsed.data[0] ?? []).map((name) => name.trim()).filter((name) => name !== '');
  return { file, bytes: size, format: 'csv', encoding, delimiter, fields, role: 'villages' };
}

/** Field names of a dBASE (.dbf) table, from its field descriptors; ASCII or GBK names both decode. */
export function dbfFieldNames(dbf: Uint8Array): string[] {
  const names: string[] = [];
  const decoder = new TextDecoder('gb18030');
  for (let at = 32; at + 32 <= dbf.length && dbf[at] !== 0x0d; at += 32) {
    const raw = dbf.subarray(at, at + 11);
    const end = raw.indexOf(0);
    names.push(decoder.decode(end < 0 ? raw : raw.subarray(0, end)).trim());
  }
  return names.filter((name) => name !== '');
}
