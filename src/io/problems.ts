/**
 * How input files report what is wrong with them. Two kinds of trouble, kept apart on purpose:
 * - an {@link InputProblem} spoils one row or feature: the reader skips it, keeps the good ones and returns the list;
 * - an {@link InputError} makes the whole file unusable (bad JSON, missing column, wrong matrix size): it is thrown,
 *   with one message naming the file and the reason.
 */

/** One bad row (CSV), feature (GeoJSON) or cell (matrix), with where and what was expected. */
export interface InputProblem {
  /** File name as the user gave it (or a label such as "demand" when the text did not come from a file). */
  file: string;
  /** Where in the file: "row 7" (CSV, 1-based, the header is row 1), "feature 3" (GeoJSON, 0-based), "line 4, column 9". */
  location: string;
  /** The field concerned (column or property name), when there is one. */
  field?: string;
  /** What was wrong and what was expected, e.g. `expected a number, got "abc"`. */
  message: string;
}

/** One line of text for a problem: `villages.csv row 7, field "lat": expected a number, got "abc"`. */
export function formatProblem(problem: InputProblem): string {
  const field = problem.field === undefined ? '' : `, field "${problem.field}"`;
  return `${problem.file} ${problem.location}${field}: ${problem.message}`;
}

/** A file that cannot be used at all. `message` is the whole one-line explanation, starting with the file name. */
export class InputError extends Error {
  /** File name as the user gave it. */
  readonly file: string;
  /** The reason alone, without the file name. */
  readonly reason: string;
  /** Row problems found before giving up (e.g. when no row at all was usable). */
  readonly problems: readonly InputProblem[];

  constructor(file: string, reason: string, problems: readonly InputProblem[] = []) {
    super(`${file}: ${reason}`);
    this.name = 'InputError';
    this.file = file;
    this.reason = reason;
    this.problems = problems;
  }
}

/** What a tolerant reader returns: the usable part of the file and the problems of the rows it skipped. */
export interface ReadResult<T> {
  value: T;
  problems: InputProblem[];
}
