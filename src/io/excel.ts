/**
 * Excel workbooks (.xlsx, Office Open XML, ECMA-376) as point files. A workbook is a zip archive, so the zip guard
 * (src/io/zip-guard.ts, through the Shapefile reader's bounded unzip) checks it first; read-excel-file (MIT) then reads the sheets as rows of
 * cells. One sheet is used (the first, or the one named or numbered), and its rows go through the CSV reader
 * (src/io/csv.ts) so that the column detection (lon/lat, lng/lat, 经度/纬度 ...), the checks and the messages are
 * the same as for CSV; a problem is located as "sheet 1, row 14" with the column as its field. Legacy binary .xls
 * files (OLE2) are not read: they are refused with the advice to save as .xlsx. Pure: bytes in, points out.
 */
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/universal';
import { parsePointsCsv, type PointsCsvOptions } from './csv';
import type { PointTable } from './points';
import { inputError, type ReadResult } from './problems';
import { unzipFiles } from './shapefile';

/** A cell as read-excel-file gives it. */
type Cell = string | number | boolean | Date | null | undefined;

/** Options of {@link parsePointsXlsx}: those of the CSV reader and the sheet. */
export interface PointsXlsxOptions extends Omit<PointsCsvOptions, 'delimiter' | 'locationPrefix' | 'headerRow'> {
  /** Sheet name, or its 1-based number (a number in a string counts when no sheet has that name). Default: 1. */
  sheet?: string | number;
}

/** What {@link parsePointsXlsx} returns: the points of the sheet and the names of all sheets (for a picker). */
export interface XlsxRead extends ReadResult<PointTable> {
  sheets: string[];
  /** 1-based number of the sheet read. */
  sheet: number;
}

/** True when the bytes start like an OLE2 compound file (legacy .xls, .doc): D0 CF 11 E0 A1 B1 1A E1. */
export function isOle2(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/**
 * The sheets of a workbook, each as rows of cells (after the zip guard).
 * @throws InputError `xlsEmpty`, `xlsLegacy`, `notXlsx`, a zip guard error or `xlsxUnreadable`
 */
export async function readWorkbook(bytes: Uint8Array, file: string): Promise<{ sheet: string; data: Cell[][] }[]> {
  if (bytes.length === 0) throw inputError(file, 'xlsxEmpty', {});
  if (isOle2(bytes)) throw inputError(file, 'xlsLegacy', {});
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw inputError(file, 'notXlsx', {});
  // The zip guard first: sizes and ratios from the directory, then every entry inflated up to its declared size,
  // so neither a bomb nor a lying directory reaches the library's own unzip.
  await unzipFiles(bytes, file);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  try {
    return (await readXlsxFile(buffer)) as { sheet: string; data: Cell[][] }[];
  } catch (error) {
    const detail = (error instanceof Error ? error.message : String(error)).slice(0, 80);
    throw inputError(file, 'xlsxUnreadable', { detail });
  }
}

/**
 * Reads the points of one sheet of an .xlsx workbook.
 * @throws InputError for an unusable workbook (see {@link readWorkbook}), a sheet that is not there
 *   (`sheetNotFound`), an empty sheet (`sheetEmpty`), and every error of the CSV reader
 * @example
 * const read = await parsePointsXlsx(bytes, { file: 'villages.xlsx', sheet: '村庄' });
 * read.problems[0]?.location; // "sheet 2, row 14"
 */
export async function parsePointsXlsx(bytes: Uint8Array, options: PointsXlsxOptions = {}): Promise<XlsxRead> {
  const file = options.file ?? 'input.xlsx';
  const sheets = await readWorkbook(bytes, file);
  const names = sheets.map((s) => s.sheet);
  const index = sheetIndex(names, options.sheet ?? 1);
  if (index < 0) {
    throw inputError(file, 'sheetNotFound', { sheet: String(options.sheet), sheets: names.join(', ') });
  }
  const rows = sheets[index].data;
  const first = rows.findIndex((row) => row.some((cell) => text(cell).trim() !== ''));
  if (first < 0) throw inputError(file, 'sheetEmpty', { sheet: `${index + 1} (${names[index]})` });
  const csv = Papa.unparse(
    rows.slice(first).map((row) => row.map(text)),
    { delimiter: ',', newline: '\n' },
  );
  const { sheet: _sheet, ...csvOptions } = options;
  const read = parsePointsCsv(csv, {
    ...csvOptions,
    file,
    delimiter: ',',
    locationPrefix: `sheet ${index + 1}, `,
    headerRow: first + 1,
  });
  return { ...read, sheets: names, sheet: index + 1 };
}

/** Index of the sheet named `sheet` (exact, then case-insensitive), else numbered `sheet` (1-based); -1 if none. */
export function sheetIndex(names: readonly string[], sheet: string | number): number {
  if (typeof sheet === 'string') {
    const exact = names.indexOf(sheet);
    if (exact >= 0) return exact;
    const lower = names.findIndex((name) => name.toLowerCase() === sheet.trim().toLowerCase());
    if (lower >= 0) return lower;
    if (!/^\d+$/.test(sheet.trim())) return -1;
  }
  const n = Number(sheet);
  return Number.isInteger(n) && n >= 1 && n <= names.length ? n - 1 : -1;
}

/** A cell as CSV text: numbers in their shortest round-trip form, dates as ISO 8601, empty for none. */
function text(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell);
}
