/**
 * How input files report what is wrong with them. Two kinds of trouble, kept apart on purpose:
 * - an {@link InputProblem} spoils one row or feature: the reader skips it, keeps the good ones and returns the list;
 * - an {@link InputError} makes the whole file unusable (bad JSON, missing column, wrong matrix size): it is thrown,
 *   with one message naming the file and the reason.
 * Each carries a machine-readable `code` and the `params` of its message (src/io/problem-codes.ts), so that the app can
 * show it in the user's language (src/ui/problem-text.ts); `message` and `reason` stay the English text.
 */
import {
  ERROR_MESSAGES,
  PROBLEM_MESSAGES,
  type ErrorCode,
  type ErrorParamsOf,
  type ProblemCode,
  type ProblemParamsOf,
} from './problem-codes';

export type { ErrorCode, ProblemCode } from './problem-codes';

/** The values shown in a message, by name, as found in the file (e.g. `{ got: '"abc"' }`). */
export type ProblemParams = Readonly<Record<string, string>>;

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
  /** What kind of problem, e.g. `notNumber`: one code per message of src/io/problem-codes.ts. */
  code: ProblemCode;
  /** The values of the message (e.g. `{ got: '"abc"' }`). */
  params: ProblemParams;
}

/** The location of a warning about the whole file rather than one row. */
export const WHOLE_FILE = '(whole file)';

/** The parts of a problem that make its English line. */
export type ProblemLine = Pick<InputProblem, 'file' | 'location' | 'field' | 'message'>;

/**
 * A problem with its English message made from the code.
 * @param field the column or property concerned, as named in the file; undefined when there is none
 * @example
 * problem('v.csv', 'row 7', 'lat', 'notNumber', { got: '"abc"' }).message; // 'expected a number in degrees, got "abc"'
 */
export function problem<C extends ProblemCode>(
  file: string,
  location: string,
  field: string | undefined,
  code: C,
  params: ProblemParamsOf<C>,
): InputProblem {
  const build = PROBLEM_MESSAGES[code] as (p: ProblemParamsOf<C>) => string;
  const out: InputProblem = {
    file,
    location,
    message: build(params),
    code,
    params: Object.assign({}, params) as ProblemParams,
  };
  if (field !== undefined) out.field = field;
  return out;
}

/** One line of text for a problem: `villages.csv row 7, field "lat": expected a number, got "abc"`. */
export function formatProblem(problem: ProblemLine): string {
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
  /** What kind of error (see src/io/problem-codes.ts); undefined for an error made from a reason alone. */
  readonly code?: ErrorCode;
  /** The values of the reason. */
  readonly params: ProblemParams;

  constructor(
    file: string,
    reason: string,
    problems: readonly InputProblem[] = [],
    code?: ErrorCode,
    params: ProblemParams = {},
  ) {
    super(`${file}: ${reason}`);
    this.name = 'InputError';
    this.file = file;
    this.reason = reason;
    this.problems = problems;
    this.code = code;
    this.params = params;
  }
}

/**
 * An {@link InputError} whose English reason is made from its code.
 * @param problems the row problems found before giving up, if any
 * @example
 * inputError('t.json', 'osrmRowNotArray', { field: 'durations', row: '2' }).reason; // '"durations" row 2 is not an array'
 */
export function inputError<C extends ErrorCode>(
  file: string,
  code: C,
  params: ErrorParamsOf<C>,
  problems: readonly InputProblem[] = [],
): InputError {
  const build = ERROR_MESSAGES[code] as (p: ErrorParamsOf<C>) => string;
  return new InputError(file, build(params), problems, code, Object.assign({}, params) as ProblemParams);
}

/** The count and first problem of a file with no usable record, as the params of `noUsableRows`/`noUsableFeatures`. */
export function firstProblemParams(count: number, problems: readonly InputProblem[]) {
  const head = problems[0];
  return head === undefined
    ? { count: String(count) }
    : { count: String(count), firstLocation: head.location, firstMessage: head.message };
}

/** What a tolerant reader returns: the usable part of the file and the problems of the rows it skipped. */
export interface ReadResult<T> {
  value: T;
  problems: InputProblem[];
  /** Plausible but suspicious things about the file (its rows are kept), e.g. duplicate column names. */
  warnings?: InputProblem[];
}
