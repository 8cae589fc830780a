/**
 * The problems of an import as a downloadable list: CSV with the columns file, location (row or feature), field
 * and message, UTF-8 with a byte-order mark so that Excel shows Chinese names, CRLF line ends (RFC 4180), every cell
 * quoted when it holds a comma, quote, or line end. Pure, so it runs in the import worker.
 */
import type { InputProblem } from '../io/problems';

/** Header row of {@link problemsCsv}. */
export const PROBLEMS_CSV_HEADER = ['file', 'location', 'field', 'message'] as const;

/** One CSV cell (RFC 4180 quoting). Cells starting with = + - @ get a leading quote, so Excel runs no formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The problems as CSV text, one row per problem after the header.
 * @example
 * problemsCsv([{ file: 'v.csv', location: 'row 3', field: 'lat', message: 'expected a number, got "x"' }]);
 * // '\uFEFFfile,location,field,message\r\nv.csv,row 3,lat,"expected a number, got ""x"""\r\n'
 */
export function problemsCsv(problems: readonly InputProblem[]): string {
  const lines = [PROBLEMS_CSV_HEADER.join(',')];
  for (const p of problems) {
    lines.push([p.file, p.location, p.field ?? '', p.message].map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
