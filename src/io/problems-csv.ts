/**
 * The problems of an import as a downloadable list: CSV with the columns file, location (row or feature), field,
 * message and code (the machine-readable kind of problem, src/io/problem-codes.ts), UTF-8 with a byte-order mark so
 * that Excel shows Chinese names, CRLF line ends (RFC 4180), written by papaparse's `unparse` (quotes cells with a
 * comma, quote or line end; a cell starting with = + - @ gets a leading quote, so a spreadsheet runs no formula from
 * a file's text). Location and message are in the user's language (src/io/problem-text.ts) when one is given, else
 * the readers' English. Pure, so it runs in the import worker.
 */
import Papa from 'papaparse';
import { CSV_BOM, FORMULA_START } from './export-csv';
import type { InputProblem } from './problems';
import type { ProblemLocale } from './problem-strings';
import { locationText, problemMessageText } from './problem-text';

/** Header row of {@link problemsCsv}. */
export const PROBLEMS_CSV_HEADER = ['file', 'location', 'field', 'message', 'code'] as const;

/**
 * The problems as CSV text, one row per problem after the header.
 * @param locale language of the location and message cells; default the readers' English
 * @example
 * problemsCsv([problem('v.csv', 'row 3', 'lat', 'notNumber', { got: '"x"' })], 'zh-CN');
 * // '\uFEFFfile,location,field,message,code\r\nv.csv,第 3 行,lat,"应为以度为单位的数字，实际为 ""x""",notNumber\r\n'
 */
export function problemsCsv(problems: readonly InputProblem[], locale?: ProblemLocale): string {
  const data = problems.map((p) => [
    p.file,
    locale === undefined ? p.location : locationText(p.location, locale),
    p.field ?? '',
    locale === undefined ? p.message : problemMessageText(p, locale),
    p.code,
  ]);
  const text = Papa.unparse(
    { fields: [...PROBLEMS_CSV_HEADER], data },
    { newline: '\r\n', escapeFormulae: FORMULA_START },
  );
  return `${CSV_BOM}${text}\r\n`;
}
