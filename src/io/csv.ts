import Papa from 'papaparse';
import { brokenGbkLines, brokenTextWarning, duplicateColumns, quoteToEnd } from './csv-warnings';
import { asText, decodeText } from './encoding';
import { PointTableBuilder, type PointTable } from './points';
import { firstProblemParams, inputError, problem, type InputProblem, type ReadResult } from './problems';

/** Options of {@link parsePointsCsv}. */
export interface PointsCsvOptions {
  /** File name for messages (default "input.csv"). */
  file?: string;
  /** Column holding the weight. Default: the `weight` column when there is one, else every weight is 1. */
  weightField?: string;
  /** Read a `status` column (existing, locked, proposed, excluded) when there is one. Default false. */
  withStatus?: boolean;
  /** Swap lon and lat of rows outside China that fall inside it when swapped (see src/io/region.ts). Default false. */
  swapAxes?: boolean;
  /** Column holding the id. Default: `id` when there is one, else the row number. */
  idField?: string;
  /** Total weight of the rows before this text (a piece of a streamed file): the overflow check starts from it. */
  weightBefore?: number;
  /** The delimiter, when known (e.g. a spreadsheet's rows written as CSV); default: guessed from the header. */
  delimiter?: string;
  /** Put before each row location, e.g. `sheet 1, ` for `sheet 1, row 14` (Excel). Default none. */
  locationPrefix?: string;
  /** Row number of the header in the user's file (default 1), e.g. 3 in a sheet whose first two rows are blank. */
  headerRow?: number;
}

/** Accepted coordinate column pairs, tried in this order (names compared case-insensitively, trimmed). */
const COORDINATE_PAIRS: readonly (readonly [string, string])[] = [
  ['lon', 'lat'],
  ['lng', 'lat'],
  ['longitude', 'latitude'],
  ['x', 'y'],
  ['经度', '纬度'],
  ['long', 'lat'],
];

/** Names of longitude columns, for the message of a file that has only one of the two. */
const LON_NAMES = new Set(COORDINATE_PAIRS.map(([lon]) => lon));

/**
 * Reads points from CSV text or bytes with a header row; the delimiter is the most frequent of `,` tab `;` `|` in
 * the header (papaparse's own guess is thrown off by a trailing blank line). Bytes are decoded by
 * {@link decodeText} (UTF-8 with or without BOM, else GBK/GB18030).
 * Coordinates come from the columns `lon,lat`, `lng,lat`, `longitude,latitude`, `x,y` or `经度,纬度` (WGS 84 degrees);
 * `id`, `weight` (or `options.weightField`) and `status` are optional. Rows are numbered as in a text editor:
 * the header is row 1. Bad rows are skipped and listed in `problems`; blank lines are ignored.
 *
 * @throws InputError when the file has no header, no coordinate columns, the named weight column is missing,
 *   or not a single row is usable
 * @example
 * const { value, problems } = parsePointsCsv('id,lon,lat\na,120.1,30.2\n', { file: 'villages.csv' });
 * value.count; // 1
 */
export function parsePointsCsv(input: string | Uint8Array, options: PointsCsvOptions = {}): ReadResult<PointTable> {
  const file = options.file ?? 'input.csv';
  const body = asText(input);
  const delimiter = options.delimiter ?? headerDelimiter(body);
  const prefix = options.locationPrefix ?? '';
  const headerRow = options.headerRow ?? 1;
  // The header alone first; the data rows are then parsed one at a time (`step`), so that a 3-million-row file
  // never holds all its rows as arrays of strings at once.
  const options0 = { header: false, skipEmptyLines: false, dynamicTyping: false, delimiter } as const;
  const headRow = Papa.parse<string[]>(body, { ...options0, preview: 1 }).data[0];
  // With `;` or tab between cells, a comma inside a number is a decimal comma (European spreadsheets): 120,1.
  const num = delimiter === ',' ? (cell: string | undefined) => cell : decimalComma;
  if (headRow === undefined || headRow.every((cell) => cell.trim() === '')) {
    throw inputError(file, 'csvEmpty', {});
  }
  const header = headRow.map((name) => name.trim());
  const lower = header.map((name) => name.toLowerCase());
  const pair = COORDINATE_PAIRS.find(([x, y]) => lower.includes(x) && lower.includes(y));
  if (pair === undefined) {
    if (header.filter((cell) => /^[-+]?\d+(\.\d+)?$/.test(cell)).length >= 2) {
      throw inputError(file, 'csvNoHeader', { first: header.join(',') });
    }
    const hasLon = lower.some((name) => LON_NAMES.has(name));
    throw inputError(file, hasLon ? 'missingLatColumn' : 'missingLonColumn', { header: header.join(',') });
  }
  const lonCol = lower.indexOf(pair[0]);
  const latCol = lower.indexOf(pair[1]);
  const idCol = columnOf(header, lower, options.idField ?? 'id', options.idField !== undefined, file, 'id');
  const statusCol = options.withStatus ? lower.indexOf('status') : -1;
  const weightCol = columnOf(
    header,
    lower,
    options.weightField ?? 'weight',
    options.weightField !== undefined,
    file,
    'weight',
  );

  const builder = new PointTableBuilder(
    file,
    {
      lon: header[lonCol],
      lat: header[latCol],
      weight: weightCol >= 0 ? header[weightCol] : 'weight',
      id: idCol >= 0 ? header[idCol] : 'id',
      status: statusCol >= 0 ? header[statusCol] : 'status',
    },
    statusCol >= 0,
    options.swapAxes === true,
    options.weightBefore,
  );
  // Broken GBK bytes decode to U+FFFD: find them in the bytes only when the text has one.
  const broken =
    typeof input !== 'string' && body.includes('\ufffd') && decodeText(input).encoding === 'gb18030'
      ? brokenGbkLines(input)
      : new Map<number, number>();
  const brokenKept = new Map<number, boolean>();
  const errors: Papa.ParseError[] = [];
  let r = -1;
  const step = (results: Papa.ParseStepResult<string[]>) => {
    r++;
    for (const error of results.errors) errors.push({ ...error, row: r });
    if (r === 0) return;
    const cells = results.data;
    if (cells.every((cell) => cell.trim() === '')) return;
    const kept = builder.add({
      location: `${prefix}row ${r + headerRow}`,
      fallbackId: String(r + headerRow),
      id: idCol >= 0 ? cells[idCol] : undefined,
      lon: num(cells[lonCol]),
      lat: num(cells[latCol]),
      weight: weightCol >= 0 ? (num(cells[weightCol]) ?? '') : undefined,
      status: statusCol >= 0 ? cells[statusCol] : undefined,
    });
    if (broken.has(r + 1)) brokenKept.set(r + 1, kept);
  };
  Papa.parse<string[]>(body, { ...options0, step });
  const quoteProblems = quoteErrors(errors, file);
  const problems = [...quoteProblems, ...builder.problems];
  const warnings = [
    ...duplicateColumns(header, file),
    ...quoteToEnd(errors, body, file),
    ...brokenTextWarning(broken, brokenKept, file),
  ];
  const value = builder.build();
  if (value.recordCount === 0) throw inputError(file, 'noDataRows', {});
  if (value.count === 0) {
    throw inputError(file, 'noUsableRows', firstProblemParams(problems.length, problems), problems);
  }
  return { value, problems, warnings };
}

/**
 * Index of a named column (exact name first, then case-insensitive), -1 when absent and optional.
 * @throws InputError when a column the user named is missing
 */
function columnOf(
  header: string[],
  lower: string[],
  name: string,
  required: boolean,
  file: string,
  role: 'id' | 'weight',
): number {
  let col = header.indexOf(name.trim());
  if (col < 0) col = lower.indexOf(name.trim().toLowerCase());
  if (col < 0 && required) {
    const code = role === 'id' ? 'missingIdColumn' : 'missingWeightColumn';
    throw inputError(file, code, { column: name, header: header.join(',') });
  }
  return col;
}

/** `120,5` read as `120.5`; other cells unchanged. */
function decimalComma(cell: string | undefined): string | undefined {
  return cell !== undefined && /^\s*[-+]?\d+,\d+\s*$/.test(cell) ? cell.replace(',', '.') : cell;
}

/** Unbalanced quotes make papaparse merge lines: report them (other papaparse errors are checked per cell). */
function quoteErrors(errors: Papa.ParseError[], file: string): InputProblem[] {
  return errors
    .filter((error) => error.type === 'Quotes')
    .map((error) =>
      problem(
        file,
        `row ${(error.row ?? 0) + 1}`,
        undefined,
        error.code === 'MissingQuotes' ? 'unclosedQuote' : 'badQuote',
        {
          detail: error.message,
        },
      ),
    );
}

/**
 * The delimiter of a delimited text file: the most frequent of comma, tab, semicolon and bar in its first line
 * (comma when none occurs). Also used by the app's first look at a file and its streamed reader.
 */
export function headerDelimiter(text: string): string {
  const end = text.indexOf('\n');
  const header = end < 0 ? text : text.slice(0, end);
  let best = ',';
  let bestCount = 0;
  for (const delimiter of [',', '\t', ';', '|']) {
    const count = header.split(delimiter).length - 1;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}
