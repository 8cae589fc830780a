/**
 * Import worker: reads the user's files off the main thread (`ImportApi`, src/io/import-api.ts). Thin: the readers
 * are src/io (readPointsFile, parseOsrmTable, readPlanFile) and, for CSV, their streaming use in
 * src/io/csv-stream.ts (slices decoded and parsed as they come: progress in bytes and rows, never the whole
 * text at once); other files are read in slices into one buffer (one copy of the bytes). Answers transfer their
 * typed arrays.
 */
import * as Comlink from 'comlink';
import sqliteWasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { readCsvStream } from '../src/io/csv-stream';
import { fileHeaders, HEADER_BYTES } from '../src/io/file-headers';
import { problemsCsv } from '../src/io/problems-csv';
import { decodeText } from '../src/io/encoding';
import {
  FIRST_PROBLEMS,
  ID_SEPARATOR,
  type ImportAnswer,
  type ImportApi,
  type ImportFailure,
  type ImportProgress,
  type ImportedPoints,
} from '../src/io/import-api';
import { parseOsrmTable } from '../src/io/osrm';
import { readPlanFile } from '../src/io/plan-file';
import { InputError } from '../src/io/problems';
import { pointFileFormat, readPointsFile, type PointsFileResult } from '../src/io/read-points';
import { setSqliteWasmUrl } from '../src/io/sqlite';

// The SQLite WebAssembly of GeoPackage files, served by the app's own build (no network).
setSqliteWasmUrl(sqliteWasmUrl);

/** Bytes read per slice: small enough for frequent progress, large enough to cost few calls. */
const SLICE_BYTES = 4 * 1024 * 1024;

/** The whole file as bytes, read slice by slice into one buffer. */
async function readBytes(file: Blob, onProgress?: (progress: ImportProgress) => void): Promise<Uint8Array> {
  const bytes = new Uint8Array(file.size);
  for (let at = 0; at < file.size; at += SLICE_BYTES) {
    const slice = new Uint8Array(await file.slice(at, Math.min(file.size, at + SLICE_BYTES)).arrayBuffer());
    bytes.set(slice, at);
    onProgress?.({ stage: 'reading', bytesRead: at + slice.length, bytesTotal: file.size });
  }
  return bytes;
}

/**
 * True for a CSV file that can be read as a stream: CSV by name or first bytes, and not UTF-16 (whose byte-order
 * mark decodeText handles on the whole file).
 */
async function streamable(file: Blob, name: string): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 64).arrayBuffer());
  const utf16 = head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff));
  return !utf16 && pointFileFormat(name, head) === 'csv';
}

/** GeoJSON, Shapefile zips and UTF-16 text: the whole file read in slices into one buffer, then parsed. */
async function readWhole(
  file: Blob,
  options: Parameters<typeof readPointsFile>[1],
  onProgress?: (progress: ImportProgress) => void,
): Promise<PointsFileResult> {
  const bytes = await readBytes(file, onProgress);
  onProgress?.({ stage: 'parsing', bytesRead: file.size, bytesTotal: file.size });
  return readPointsFile(bytes, options);
}

/** An unusable file as an answer: InputError gives file and reason; anything else is reported as it is. */
function failure(name: string, error: unknown): { ok: false; error: ImportFailure } {
  if (error instanceof InputError) {
    const { file, reason, message, code, params } = error;
    const failure: ImportFailure = { file, reason, message, code, params };
    if (error.problems.length > 0) failure.firstProblem = error.problems[0];
    return { ok: false, error: failure };
  }
  const reason = error instanceof Error ? error.message : String(error);
  return { ok: false, error: { file: name, reason, message: `${name}: ${reason}` } };
}

/** Runs `work` and wraps its value; the buffers it names are transferred (comlink transfers top-level values only). */
async function answer<T>(
  name: string,
  work: () => Promise<{ value: T; buffers?: ArrayBuffer[] }>,
): Promise<ImportAnswer<T>> {
  try {
    const { value, buffers = [] } = await work();
    return Comlink.transfer({ ok: true as const, value }, buffers);
  } catch (error) {
    return failure(name, error);
  }
}

const api: ImportApi = {
  headers: (file, name) =>
    answer(name, async () => {
      const csvLike = /\.(csv|tsv|txt)$/i.test(name);
      const head = csvLike ? file.slice(0, HEADER_BYTES) : file;
      return { value: await fileHeaders(new Uint8Array(await head.arrayBuffer()), name, file.size) };
    }),

  readPoints: (file, options, onProgress) =>
    answer(options.file, async () => {
      const readOptions = {
        file: options.file,
        crs: options.crs,
        weightField: options.weightField,
        idField: options.idField,
        withStatus: options.role !== 'villages',
        swapAxes: options.swapAxes === true,
        sheet: options.sheet,
        layer: options.layer,
      };
      const read = (await streamable(file, options.file))
        ? await readCsvStream(file, {
            ...readOptions,
            onProgress: (bytesRead, rows) => onProgress?.({ stage: 'parsing', bytesRead, bytesTotal: file.size, rows }),
          })
        : await readWhole(file, readOptions, onProgress);
      const { value } = read;
      const points: ImportedPoints = {
        file: options.file,
        format: read.format,
        crs: options.crs,
        role: options.role,
        count: value.count,
        recordCount: value.recordCount,
        lon: value.lon.slice(),
        lat: value.lat.slice(),
        weight: value.weight.slice(),
        ids: value.ids.join(ID_SEPARATOR),
        firstProblems: read.problems.slice(0, FIRST_PROBLEMS),
        problemCount: read.problems.length,
        problemsCsv: problemsCsv(read.problems, options.locale),
        warnings: read.warnings.slice(0, FIRST_PROBLEMS),
        swapSuspects: value.swapSuspects ?? 0,
        swapped: options.swapAxes === true,
      };
      if (read.sheets !== undefined && read.sheet !== undefined) points.sheet = read.sheets[read.sheet - 1];
      if (read.layer !== undefined) points.layer = read.layer;
      const buffers = [points.lon.buffer, points.lat.buffer, points.weight.buffer] as ArrayBuffer[];
      if (value.status !== undefined) {
        points.status = value.status.slice();
        buffers.push(points.status.buffer as ArrayBuffer);
      }
      return { value: points, buffers };
    }),

  readMatrix: (file, name, rows, cols) =>
    answer(name, async () => {
      const { text } = decodeText(new Uint8Array(await file.arrayBuffer()));
      const table = parseOsrmTable(text, { file: name, rows, cols });
      const { values } = table.matrix;
      const value = { file: name, ...table.matrix, field: table.field, unit: table.unit };
      return { value, buffers: [values.buffer as ArrayBuffer] };
    }),

  readPlan: (file, name) =>
    answer(name, async () => ({
      value: readPlanFile(decodeText(new Uint8Array(await file.arrayBuffer())).text, name),
    })),
};

Comlink.expose(api);
