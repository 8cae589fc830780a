/**
 * Input problems and file errors in the user's language. The readers (src/io) give each one a `code` and the values
 * of its message (`params`, as found in the file); this module fills the zh-CN or en template of that code
 * (src/io/problem-strings.ts) and translates the location words ("row 7" → "第 7 行", "feature 3" → "第 3 个要素").
 * File and field names stay as in the file. A problem without a known code (e.g. from an older worker) keeps its
 * English message. Pure text, no DOM: it also runs in the import worker, which writes the problems download.
 */
import { WHOLE_FILE, type ProblemLine, type ProblemParams } from './problems';
import { problemStrings, type ProblemLocale, type ProblemStringKey } from './problem-strings';

/** A problem as it reaches the app: the English line, and the code and params when the reader gave them. */
export type ShownProblem = ProblemLine & { code?: string; params?: ProblemParams };

/** A file that cannot be used, as an InputError or the import worker's failure answer. */
export interface ShownError {
  file: string;
  /** The English reason, used when the code is unknown. */
  reason: string;
  code?: string;
  params?: ProblemParams;
  /** The first row problem of a file with no usable row (the worker's answer). */
  firstProblem?: ShownProblem;
  /** The row problems found before giving up (an InputError). */
  problems?: readonly ShownProblem[];
}

/** True when `key` is in the string table. */
function isKey(key: string): key is ProblemStringKey {
  return Object.prototype.hasOwnProperty.call(problemStrings.en, key);
}

/**
 * The template of `key` in `locale` with each `{name}` replaced by `params[name]`, in one pass (a value from a file
 * that contains `{x}` is left as it is). A placeholder without a value is kept.
 */
function fill(locale: ProblemLocale, key: ProblemStringKey, params: ProblemParams): string {
  const template: string = problemStrings[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/**
 * The location of a problem in `locale`: "row 7", "feature 3" and "site A1" translated, anything else as it is.
 * @example
 * locationText('row 7', 'zh-CN'); // '第 7 行'
 */
export function locationText(location: string, locale: ProblemLocale): string {
  const row = /^row (\d+)$/.exec(location);
  if (row !== null) return fill(locale, 'locRow', { n: row[1] });
  const feature = /^feature (\d+)$/.exec(location);
  if (feature !== null) return fill(locale, 'locFeature', { n: feature[1] });
  const site = /^site (.*)$/s.exec(location);
  if (site !== null) return fill(locale, 'locSite', { id: site[1] });
  if (location === WHOLE_FILE) return fill(locale, 'locWholeFile', {});
  const sheet = /^sheet (\d+), row (\d+)$/.exec(location);
  if (sheet !== null) return fill(locale, 'locSheetRow', { sheet: sheet[1], n: sheet[2] });
  return location;
}

/** The message of a problem alone (no file, location or field) in `locale`; the English message when unknown. */
export function problemMessageText(problem: ShownProblem, locale: ProblemLocale): string {
  const key = `problem_${problem.code ?? ''}`;
  if (problem.code === undefined || !isKey(key)) return problem.message;
  const params = { ...problem.params };
  // In Chinese a site status is the interface word ("existing" → "已有"); English keeps the file's word, as do all
  // other values.
  const status = `status_${params.status ?? ''}`;
  if (locale !== 'en' && params.status !== undefined && isKey(status)) params.status = fill(locale, status, {});
  return fill(locale, key, params);
}

/**
 * One line for a problem in `locale`: file, location, field and message.
 * @example
 * problemText({ file: 'v.csv', location: 'row 7', field: 'lat', message: '...', code: 'notNumber', params: { got: '"abc"' } }, 'zh-CN');
 * // 'v.csv 第 7 行，字段“lat”：应为以度为单位的数字，实际为 "abc"'
 */
export function problemText(problem: ShownProblem, locale: ProblemLocale): string {
  const parts = {
    file: problem.file,
    location: locationText(problem.location, locale),
    message: problemMessageText(problem, locale),
  };
  if (problem.field === undefined || problem.field === '') return fill(locale, 'problemLine', parts);
  return fill(locale, 'problemLineField', { ...parts, field: problem.field });
}

/** The reason of a file error alone (no file name) in `locale`; the English reason when the code is unknown. */
export function importErrorReason(error: ShownError, locale: ProblemLocale): string {
  const key = `error_${error.code ?? ''}`;
  if (error.code === undefined || !isKey(key)) return error.reason;
  const params = { ...error.params };
  const expected = `expect_${params.expected ?? ''}`;
  if (error.code === 'planBadValue' && isKey(expected)) params.expected = fill(locale, expected, {});
  let text = fill(locale, key, params);
  if (params.firstLocation !== undefined) {
    // The first bad row, translated when the problem itself came along, else its English message.
    const first = error.firstProblem ?? error.problems?.[0];
    const message =
      first !== undefined && first.location === params.firstLocation
        ? problemMessageText(first, locale)
        : (params.firstMessage ?? '');
    text += fill(locale, 'error_firstProblem', { location: locationText(params.firstLocation, locale), message });
  }
  return text;
}

/**
 * One line for a file that cannot be used, in `locale`: `villages.csv：没有可用的行（3 行有误）…`.
 * @example
 * importErrorText({ file: 't.json', reason: '...', code: 'osrmRowNotArray', params: { field: 'durations', row: '2' } }, 'zh-CN');
 * // 't.json："durations" 第 2 行不是数组'
 */
export function importErrorText(error: ShownError, locale: ProblemLocale): string {
  return fill(locale, 'errorLine', { file: error.file, reason: importErrorReason(error, locale) });
}
