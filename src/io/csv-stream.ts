/**
 * Streaming read of a big CSV point file, with the same result as `readPointsFile` on the whole file but without
 * holding the file's bytes, its whole text and every parsed row at once: the file is read in slices, decoded as a
 * stream (UTF-8 while it is valid, else again from the start as GB18030, as src/io/encoding.ts decides), cut at
 * record ends (a newline outside quotes, RFC 4180), and each piece is parsed by `parsePointsCsv` itself under the
 * file's header. Row numbers stay those of the whole file: a piece is preceded by as many empty lines as there are
 * records before it (the reader skips empty lines but counts them), so problems and row-number ids come out
 * the same. Ids repeated across pieces are found when the pieces are joined. Runs in the import worker.
 */
import Papa from 'papaparse';
import { tableToWgs84, type PointCrs } from './crs';
import { headerDelimiter, parsePointsCsv } from './csv';
import type { PointTable } from './points';
import { firstProblemParams, InputError, inputError, problem, type InputProblem } from './problems';
import { outsideChina, readSummary, type PointsFileResult } from './read-points';

/** Options of {@link readCsvStream}. */
export interface CsvStreamOptions {
  file: string;
  crs: PointCrs;
  weightField?: string;
  idField?: string;
  withStatus?: boolean;
  swapAxes?: boolean;
  /** Bytes per slice (default 8 MiB: fewer pieces, fewer padding lines to skip). */
  sliceBytes?: number;
  /** Told after each parsed piece: bytes read and records parsed so far. */
  onProgress?: (bytesRead: number, rows: number) => void;
}

/** Scans text for record ends: newlines outside double quotes (a quote inside a quoted cell is doubled). */
class RecordCutter {
  private inQuotes = false;
  private scanned = 0;
  /** Index just after the last record end found, and the record ends found up to there. */
  lastEnd = 0;
  records = 0;

  scan(text: string): void {
    for (let i = this.scanned; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x22) this.inQuotes = !this.inQuotes;
      else if (c === 0x0a && !this.inQuotes) {
        this.lastEnd = i + 1;
        this.records++;
      }
    }
    this.scanned = text.length;
  }

  /** Forgets the text up to `lastEnd` (cut off; no record end follows it), keeping the quote state of the rest. */
  shift(): void {
    this.scanned -= this.lastEnd;
    this.lastEnd = 0;
    this.records = 0;
  }
}

/** State of a {@link Joiner} before a piece. */
interface JoinerMark {
  points: number;
  problems: number;
  recordCount: number;
  swapSuspects: number;
  hasIds: boolean;
  hasStatus: boolean;
  totalWeight: number;
}

/** Collects the pieces' tables into one, in file order. */
class Joiner {
  readonly ids: string[] = [];
  readonly lon: number[] = [];
  readonly lat: number[] = [];
  readonly weight: number[] = [];
  readonly status: number[] = [];
  readonly source: number[] = [];
  readonly problems: InputProblem[] = [];
  private readonly seen = new Set<string>();
  recordCount = 0;
  swapSuspects = 0;
  /** Sum of the kept weights (a piece's overflow check starts from it). */
  totalWeight = 0;
  hasIds = false;
  hasStatus = false;

  constructor(
    private readonly file: string,
    private readonly idName: string,
  ) {}

  /** Adds a piece's kept points and problems (ids already kept in an earlier piece are dropped as duplicates). */
  add(table: PointTable, problems: readonly InputProblem[], locationOf: (k: number) => string): void {
    for (const item of problems) this.problems.push(item);
    for (let k = 0; k < table.count; k++) {
      const id = table.ids[k];
      if (this.seen.has(id)) {
        this.problems.push(problem(this.file, locationOf(k), this.idName, 'duplicateId', { id }));
        continue;
      }
      this.seen.add(id);
      this.ids.push(id);
      this.lon.push(table.lon[k]);
      this.lat.push(table.lat[k]);
      this.weight.push(table.weight[k]);
      this.totalWeight += table.weight[k];
      this.status.push(table.status?.[k] ?? 0);
      this.source.push(this.recordCount + table.source[k]);
    }
    this.recordCount += table.recordCount;
    this.swapSuspects += table.swapSuspects ?? 0;
    this.hasIds ||= table.hasIds;
    this.hasStatus ||= table.status !== undefined;
  }

  /** The lengths to go back to with {@link rollback}. */
  mark(): JoinerMark {
    const { recordCount, swapSuspects, hasIds, hasStatus, totalWeight } = this;
    const { length: points } = this.ids;
    return { points, problems: this.problems.length, recordCount, swapSuspects, hasIds, hasStatus, totalWeight };
  }

  /** Forgets everything added since `mark`. */
  rollback(mark: JoinerMark): void {
    for (const id of this.ids.slice(mark.points)) this.seen.delete(id);
    for (const column of [this.ids, this.lon, this.lat, this.weight, this.status, this.source]) {
      column.length = mark.points;
    }
    this.problems.length = mark.problems;
    ({ recordCount: this.recordCount, swapSuspects: this.swapSuspects, totalWeight: this.totalWeight } = mark);
    ({ hasIds: this.hasIds, hasStatus: this.hasStatus } = mark);
  }

  build(): PointTable {
    const table: PointTable = {
      count: this.ids.length,
      ids: this.ids,
      hasIds: this.hasIds,
      lon: Float64Array.from(this.lon),
      lat: Float64Array.from(this.lat),
      weight: Float64Array.from(this.weight),
      source: Uint32Array.from(this.source),
      recordCount: this.recordCount,
      swapSuspects: this.swapSuspects,
    };
    if (this.hasStatus) table.status = Uint8Array.from(this.status);
    return table;
  }
}

/** Row number of a problem location (`row 7`), for ordering; locations without one go first. */
const rowOf = (location: string) => Number(/^row (\d+)/.exec(location)?.[1] ?? 0);

/** Decodes a Blob slice by slice; `utf-8` fails (returns null) on the first invalid byte. */
async function* decodeSlices(
  blob: Blob,
  encoding: 'utf-8' | 'gb18030',
  sliceBytes: number,
): AsyncGenerator<{ text: string; bytesRead: number }> {
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  for (let at = 0; at < blob.size; at += sliceBytes) {
    const end = Math.min(blob.size, at + sliceBytes);
    const bytes = new Uint8Array(await blob.slice(at, end).arrayBuffer());
    yield { text: decoder.decode(bytes, { stream: end < blob.size }), bytesRead: end };
  }
}

/**
 * Reads a CSV point file from a Blob in slices; same result and errors as `readPointsFile` for CSV.
 * @throws InputError when the file is unusable (as parsePointsCsv)
 */
export async function readCsvStream(blob: Blob, options: CsvStreamOptions): Promise<PointsFileResult> {
  try {
    return await readAs(blob, options, 'utf-8');
  } catch (error) {
    if (error instanceof TypeError) return readAs(blob, options, 'gb18030'); // not valid UTF-8
    throw error;
  }
}

async function readAs(blob: Blob, options: CsvStreamOptions, encoding: 'utf-8' | 'gb18030'): Promise<PointsFileResult> {
  const { file } = options;
  const parseOptions = {
    file,
    weightField: options.weightField,
    idField: options.idField,
    withStatus: options.withStatus,
    swapAxes: options.swapAxes,
  };
  let header: string | null = null;
  let newline = '\n';
  let joiner: Joiner | null = null;
  let carry = '';
  /** Records (data rows, empty ones included) before the current piece. */
  let recordsBefore = 0;
  const cutter = new RecordCutter();
  /** The last piece parsed, kept to be parsed again with a last piece of only bad rows (see below). */
  let lastPiece: { text: string; recordsBefore: number; mark: JoinerMark } | null = null;

  /**
   * Parses a piece of whole records; false when none of its rows is usable (the caller keeps it and parses it
   * with the next records, so that every piece added has a table and its exact record and swap counts).
   */
  const parsePiece = (piece: string, records: number): boolean => {
    const text = header + newline + newline.repeat(recordsBefore) + piece;
    let read;
    try {
      read = parsePointsCsv(text, { ...parseOptions, weightBefore: joiner!.totalWeight });
    } catch (error) {
      if (error instanceof InputError && /^no (usable|data) rows/.test(error.reason)) return false;
      throw error;
    }
    const mark = joiner!.mark();
    // The row of a kept record (exact unless the piece has blank lines before it: they are not records).
    const before = recordsBefore;
    joiner!.add(read.value, read.problems, (k) => `row ${before + read.value.source[k] + 2}`);
    lastPiece = { text: piece, recordsBefore, mark };
    recordsBefore += records;
    return true;
  };

  for await (const { text, bytesRead } of decodeSlices(blob, encoding, options.sliceBytes ?? 8 * 1024 * 1024)) {
    carry += text;
    if (header === null) {
      const end = carry.indexOf('\n');
      if (end < 0) continue;
      header = carry.slice(0, end).replace(/\r$/, '');
      newline = carry[end - 1] === '\r' ? '\r\n' : '\n';
      carry = carry.slice(end + 1);
      joiner = new Joiner(file, idColumnName(header, options.idField));
    }
    cutter.scan(carry);
    if (cutter.lastEnd > 0 && parsePiece(carry.slice(0, cutter.lastEnd), cutter.records)) {
      carry = carry.slice(cutter.lastEnd);
      cutter.shift();
      options.onProgress?.(bytesRead, joiner!.recordCount);
    }
  }
  if (header === null || joiner === null) {
    // One line, or nothing: the reader's own messages.
    const read = parsePointsCsv(carry, parseOptions);
    return finish(read.value, read.problems, options);
  }
  if (carry.trim() !== '' && !parsePiece(carry, 0)) {
    // The rest has no usable row: parse it with the piece before it, which has some (or, when there is none, the
    // rest is the whole file and its error is the file's).
    const previous = lastPiece as { text: string; recordsBefore: number; mark: JoinerMark } | null;
    if (previous === null) parsePointsCsv(header + newline + carry, parseOptions);
    else {
      joiner.rollback(previous.mark);
      recordsBefore = previous.recordsBefore;
      parsePiece(previous.text + carry, 0);
    }
  }
  const joined = joiner!;
  const value = joined.build();
  const problems = [...joined.problems].sort((a, b) => rowOf(a.location) - rowOf(b.location));
  if (value.recordCount === 0) throw inputError(file, 'noDataRows', {});
  if (value.count === 0) {
    throw inputError(file, 'noUsableRows', firstProblemParams(problems.length, problems), problems);
  }
  return finish(value, problems, options);
}

/** The id column's name as the file spells it (exact, else case-insensitive, as csv.ts matches it), or `id`. */
function idColumnName(header: string, idField: string | undefined): string {
  const wanted = (idField ?? 'id').trim();
  const cells = (Papa.parse<string[]>(header, { delimiter: headerDelimiter(header) }).data[0] ?? []).map((c) =>
    c.trim(),
  );
  return cells.find((c) => c === wanted) ?? cells.find((c) => c.toLowerCase() === wanted.toLowerCase()) ?? 'id';
}

function finish(value: PointTable, problems: InputProblem[], options: CsvStreamOptions): PointsFileResult {
  const converted = tableToWgs84(value, options.crs);
  const result: PointsFileResult = {
    value: converted,
    problems,
    warnings: [outsideChina(converted, options.file)].filter((w) => w !== undefined),
    format: 'csv',
    summary: readSummary(converted, problems),
  };
  const suspects = converted.swapSuspects ?? 0;
  if (suspects > 0 && options.swapAxes !== true) {
    result.swapOffer =
      `${options.file}: ${suspects} of ${converted.recordCount} rows look like ` +
      'lat,lon (outside China, inside when swapped): swap lon/lat to use them';
  }
  return result;
}
