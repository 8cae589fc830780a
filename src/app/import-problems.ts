/**
 * The problems of an import as a downloadable list: CSV with the columns file, location (row or feature), field
 * and message, UTF-8 with a byte-order mark so that Excel shows Chinese names, CRLF line ends (RFC 4180), written
 * by papaparse's `unparse` (quotes cells with a comma, quote or line end; a cell starting with = + - @ gets a
 * leading quote, so a spreadsheet runs no formula from a file's text). Pure, so it runs in the import worker.
 */
import Papa from 'papaparse';
import { CSV_BOM, FORMULA_START } from '../io/export-csv';
import type { InputProblem } from '../io/problems';

/** Header row of {@link problemsCsv}. */
export const PROBLEMS_CSV_HEADER = ['file', 'location', 'field', 'message'] as const;

/**
 * The problems as CSV text, one row per problem after the header.
 * @example
 * problemsCsv([{ file: 'v.csv', location: 'row 3', field: 'lat', message: 'expected a number, got "x"' }]);
 * // '\uFEFFfile,location,field,message\r\nv.csv,row 3,lat,"expected a number, got ""x"""\r\n'
 */
export function problemsCsv(problems: readonly InputProblem[]): string {
  const data = problems.map((p) => [p.file, p.location, p.field ?? '', p.message]);
  const text = Papa.unparse(
    { fields: [...PROBLEMS_CSV_HEADER], data },
    { newline: '\r\n', escapeFormulae: FORMULA_START },
  );
  return `${CSV_BOM}${text}\r\n`;
}
