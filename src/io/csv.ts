import Papa from 'papaparse';
import { PointTableBuilder, type PointTable } from './points';
import { InputError, type InputProblem, type ReadResult } from './problems';

/** Options of {@link parsePointsCsv}. */
export interface PointsCsvOptions {
  /** File name for messages (default "input.csv"). */
  file?: string;
  /** Column holding the weight. Default: the `weight` column when there is one, else every weight is 1. */
  weightField?: string;
  /** Read a `status` column (existing, locked, proposed, excluded) when there is one. Default false. */
  withStatus?: boolean;
}

/** Accepted coordinate column pairs, tried in this order (names compared case-insensitively, trimmed). */
const COORDINATE_PAIRS: readonly (readonly [string, string])[] = [
  ['lon', 'lat'],
  ['lng', 'lat'],
  ['longitude', 'latitude'],
  ['x', 'y'],
];

/**
 * Reads points from CSV text with a header row; the delimiter is the most frequent of `,` tab `;` `|` in the header
 * (papaparse's own guess is thrown off by a trailing blank line).
 * Coordinates come from the columns `lon,lat`, `lng,lat`, `longitude,latitude` or `x,y` (WGS 84 degrees);
 * `id`, `weight` (or `options.weightField`) and `status` are optional. Rows are numbered as in a text editor:
 * the header is row 1. Bad rows are skipped and listed in `problems`; blank lines are ignored.
 *
 * @throws InputError when the file has no header, no coordinate columns, the named weight column is missing,
 *   or not a single row is usable
 * @example
 * const { value, problems } = parsePointsCsv('id,lon,lat\na,120.1,30.2\n', { file: 'villages.csv' });
 * value.count; // 1
 */
export function parsePointsCsv(text: string, options: PointsCsvOptions = {}): ReadResult<PointTable> {
  const file = options.file ?? 'input.csv';
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(body, {
    header: false,
    skipEmptyLines: false,
    dynamicTyping: false,
    delimiter: headerDelimiter(body),
  });
  const rows = parsed.data;
  if (rows.length === 0 || rows[0].every((cell) => cell.trim() === '')) {
    throw new InputError(file, 'empty file; expected a header row such as "id,lon,lat,weight"');
  }
  const header = rows[0].map((name) => name.trim());
  const lower = header.map((name) => name.toLowerCase());
  const pair = COORDINATE_PAIRS.find(([x, y]) => lower.includes(x) && lower.includes(y));
  if (pair === undefined) {
    const hasLon = ['lon', 'lng', 'longitude', 'x'].some((name) => lower.includes(name));
    const missing = hasLon ? 'latitude column' : 'longitude column';
    throw new InputError(
      file,
      `missing ${missing}: expected columns lon,lat or longitude,latitude or x,y (header: ${header.join(',')})`,
    );
  }
  const lonCol = lower.indexOf(pair[0]);
  const latCol = lower.indexOf(pair[1]);
  const idCol = lower.indexOf('id');
  const statusCol = options.withStatus ? lower.indexOf('status') : -1;
  let weightCol = lower.indexOf('weight');
  if (options.weightField !== undefined) {
    weightCol = header.indexOf(options.weightField.trim());
    if (weightCol < 0) weightCol = lower.indexOf(options.weightField.trim().toLowerCase());
    if (weightCol < 0) {
      throw new InputError(file, `missing weight column "${options.weightField}" (header: ${header.join(',')})`);
    }
  }

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
  );
  const quoteProblems = quoteErrors(parsed.errors, file);
  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r];
    if (cells.every((cell) => cell.trim() === '')) continue;
    builder.add({
      location: `row ${r + 1}`,
      fallbackId: String(r + 1),
      id: idCol >= 0 ? cells[idCol] : undefined,
      lon: cells[lonCol],
      lat: cells[latCol],
      weight: weightCol >= 0 ? (cells[weightCol] ?? '') : undefined,
      status: statusCol >= 0 ? cells[statusCol] : undefined,
    });
  }
  const problems = [...quoteProblems, ...builder.problems];
  const value = builder.build();
  if (value.count === 0) {
    const first = problems.length > 0 ? `; first problem: ${problems[0].location}: ${problems[0].message}` : '';
    throw new InputError(file, `no usable rows (${problems.length} bad rows)${first}`, problems);
  }
  return { value, problems };
}

/** Unbalanced quotes make papaparse merge lines: report them (other papaparse errors are checked per cell). */
function quoteErrors(errors: Papa.ParseError[], file: string): InputProblem[] {
  return errors
    .filter((error) => error.type === 'Quotes')
    .map((error) => ({
      file,
      location: `row ${(error.row ?? 0) + 1}`,
      message: `${error.message}; the rows after it may be merged`,
    }));
}

/** The delimiter of a delimited text file: the most frequent of comma, tab, semicolon and bar in its first line. */
function headerDelimiter(text: string): string {
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
