/**
 * Every problem and file error the readers produce has a code with a zh-CN and an en template: the whole bad-file
 * corpus (tests/fixtures/bad) and a few plan-file and site-list cases are read, and each problem and error is shown
 * in both languages. English must give back the reader's message exactly; Chinese must be Chinese (no word of the
 * English template left once the values from the file are taken out).
 */
import { describe, expect, it } from 'vitest';
import { SITE_STATUS } from '../../../src/core/types';
import { parseOsrmTable } from '../../../src/io/osrm';
import { readPlanFile } from '../../../src/io/plan-file';
import { ERROR_MESSAGES, PLAN_EXPECTED, PROBLEM_MESSAGES } from '../../../src/io/problem-codes';
import { InputError, type InputProblem } from '../../../src/io/problems';
import { readPointsFile } from '../../../src/io/read-points';
import { applySiteStatus } from '../../../src/io/sites';
import { strings } from '../../../src/ui/strings';
import { importErrorReason, problemMessageText } from '../../../src/io/problem-text';
import { badBytes, badCorpus } from './bad-corpus';

type Key = keyof (typeof strings)['en'];
const template = (locale: 'zh-CN' | 'en', key: string): string | undefined => strings[locale][key as Key];

/**
 * Names that stay in Latin letters in Chinese text: formats, services and tools, JSON keys and the column names a
 * file must use (e.g. "lon,lat").
 */
const NAMES = new Set(
  'geojson featurecollection feature features type osrm json shapefile shp dbf prj zip wkt ogc wgs epsg qgis proj null lon lat longitude latitude weight durations code deflate xls xlsx excel geopackage gpkg sqlite'.split(
    ' ',
  ),
);

/** Words of 3+ letters of the English template, except {@link NAMES}. */
function englishOnlyWords(key: string): string[] {
  const en = (template('en', key) ?? '').replace(/\{\w+\}/g, ' ');
  return [...new Set(en.toLowerCase().match(/[a-z]{3,}/g) ?? [])].filter((word) => !NAMES.has(word));
}

/** The text without the values that came from the file (they stay as found, in any language). */
function withoutValues(text: string, values: readonly string[]): string {
  return [...values].sort((a, b) => b.length - a.length).reduce((out, value) => out.split(value).join(' '), text);
}

function checkChinese(key: string, zh: string, values: readonly string[]): void {
  expect(zh, key).toMatch(/[\u4e00-\u9fff]/);
  const rest = withoutValues(zh, values).toLowerCase();
  for (const word of englishOnlyWords(key))
    expect(rest, `${key}: "${word}" left in "${zh}"`).not.toMatch(new RegExp(`\\b${word}\\b`));
}

function checkProblem(problem: InputProblem): string {
  const key = `problem_${problem.code}`;
  expect(template('en', key), key).toBeTypeOf('string');
  expect(template('zh-CN', key), key).toBeTypeOf('string');
  expect(problemMessageText(problem, 'en')).toBe(problem.message);
  checkChinese(key, problemMessageText(problem, 'zh-CN'), Object.values(problem.params));
  return problem.code;
}

function checkError(error: InputError): string {
  expect(error.code, error.reason).toBeTypeOf('string');
  const key = `error_${error.code}`;
  expect(template('en', key), key).toBeTypeOf('string');
  expect(template('zh-CN', key), key).toBeTypeOf('string');
  expect(importErrorReason(error, 'en')).toBe(error.reason);
  const values = Object.entries(error.params)
    .filter(([name]) => name !== 'firstMessage' && name !== 'expected')
    .map(([, value]) => value);
  const zh = importErrorReason(error, 'zh-CN');
  checkChinese(key, zh, [...values, ...error.problems.flatMap((p) => Object.values(p.params))]);
  if (error.problems.length > 0) expect(zh).toContain(problemMessageText(error.problems[0], 'zh-CN'));
  return error.code as string;
}

async function caught(work: () => unknown): Promise<InputError> {
  const error = await Promise.resolve()
    .then(work)
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('problem and error codes', () => {
  it('every code has a zh-CN and an en template, and the en template is the English message', () => {
    const sample = (key: string) =>
      Object.fromEntries(
        [...(template('en', key) ?? '').matchAll(/\{(\w+)\}/g)].map(([, name]) => [name, `<${name}>`]),
      );
    for (const [code, build] of Object.entries(PROBLEM_MESSAGES)) {
      const key = `problem_${code}`;
      expect(template('zh-CN', key), key).toBeTypeOf('string');
      const params = sample(key);
      expect(problemMessageText({ file: 'f', location: 'row 2', message: '', code, params }, 'en'), key).toBe(
        (build as (p: Record<string, string>) => string)(params),
      );
    }
    for (const [code, build] of Object.entries(ERROR_MESSAGES)) {
      const key = `error_${code}`;
      expect(template('zh-CN', key), key).toBeTypeOf('string');
      const params = { ...sample(key), ...(code === 'planBadValue' && { expected: 'string' }) };
      expect(importErrorReason({ file: 'f', reason: '', code, params }, 'en'), key).toBe(
        (build as (p: Record<string, string>) => string)(params),
      );
    }
    for (const [name, phrase] of Object.entries(PLAN_EXPECTED)) {
      expect(template('en', `expect_${name}`)).toBe(phrase);
      expect(template('zh-CN', `expect_${name}`)).toBeTypeOf('string');
    }
  });

  it('every problem and error of the bad-file corpus has a code, both templates and Chinese text', async () => {
    const seen = new Set<string>();
    for (const [name, expected] of badCorpus()) {
      const bytes = badBytes(name);
      const options = { file: name, ...expected.options };
      const read = () =>
        expected.reader === 'osrm'
          ? parseOsrmTable(new TextDecoder().decode(bytes), options)
          : readPointsFile(bytes, options);
      if (expected.error !== undefined) seen.add(checkError(await caught(read)));
      else {
        const result = await readPointsFile(bytes, options);
        for (const problem of [...result.problems, ...result.warnings]) seen.add(checkProblem(problem));
      }
    }
    // The corpus reaches most codes; the rest are checked by the template test above.
    expect(seen.size).toBeGreaterThanOrEqual(30);
  });

  it('plan file errors and site list problems have codes and Chinese text too', async () => {
    const plan = { format: 'ruralreach-plan', version: 1, provinceCode: '33', settings: {}, scenarios: [] };
    const site = { id: 'S1', lon: 120, lat: 30, status: 'proposed', role: 'station' };
    const badPlans = [
      '[1]',
      JSON.stringify({ ...plan, version: 9, plan: { sites: [] } }),
      JSON.stringify({ ...plan, plan: { sites: [{ ...site, lat: 95 }], suggestion: null } }),
      JSON.stringify({ ...plan, plan: { sites: [{ ...site, status: 'open' }], suggestion: null } }),
    ];
    for (const text of badPlans) checkError(await caught(() => readPlanFile(text, 'plan.json')));
    const table = (ids: string[], lon: number[]) => ({
      count: ids.length,
      ids,
      hasIds: true,
      lon: Float64Array.from(lon),
      lat: Float64Array.from(lon.map(() => 30)),
      weight: new Float64Array(ids.length).fill(1),
      source: Uint32Array.from(ids.map((_, k) => k)),
      recordCount: ids.length,
    });
    const candidates = { ...table(['A', 'B'], [120, 121]), status: Uint8Array.of(SITE_STATUS.existing, 0) };
    const result = applySiteStatus(candidates, table(['A', 'Z'], [120, 125]), 'excluded', {
      file: 'excluded.csv',
      allowNew: false,
    });
    expect(result.problems.map(checkProblem)).toEqual(['siteStaysOpen', 'siteUnmatched']);
    expect(problemMessageText(result.problems[0], 'zh-CN')).toBe('候选站点“A”已是“已有”状态，保持开放');
  });
});
