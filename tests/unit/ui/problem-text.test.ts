// @vitest-environment happy-dom
/**
 * Problems and file errors in the user's language, and the data card's problem lines rendered in zh-CN (the card
 * of src/ui/data-panel.ts in a happy-dom document, with problems read from a real bad file).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { problem, inputError } from '../../../src/io/problems';
import { readPointsFile } from '../../../src/io/read-points';
import { DataPanel, type DataPanelView } from '../../../src/ui/data-panel';
import { getLocale, setLocale } from '../../../src/ui/i18n';
import { importErrorText, locationText, problemText } from '../../../src/io/problem-text';

afterEach(() => setLocale('en'));

describe('problemText', () => {
  const bad = problem('村庄.csv', 'row 7', 'lat', 'notNumber', { got: '"abc"' });

  it('follows the interface language: location words translated, file and field names as in the file', () => {
    setLocale('zh-CN');
    expect(problemText(bad, getLocale())).toBe('村庄.csv 第 7 行，字段“lat”：应为以度为单位的数字，实际为 "abc"');
    setLocale('en');
    expect(problemText(bad, getLocale())).toBe('村庄.csv row 7, field "lat": expected a number in degrees, got "abc"');
    expect(locationText('feature 3', 'zh-CN')).toBe('要素 #3（从 0 起编号）');
    expect(locationText('line 4, column 9', 'zh-CN')).toBe('line 4, column 9');
  });

  it('keeps the English message of an unknown code, and a value from the file that looks like a placeholder', () => {
    const unknown = { file: 'a.csv', location: 'row 2', message: 'something new', code: 'fromTheFuture', params: {} };
    expect(problemText(unknown, 'zh-CN')).toBe('a.csv 第 2 行：something new');
    const braces = problem('a.csv', 'row 2', 'lon', 'notNumber', { got: '"{got}"' });
    expect(problemText(braces, 'zh-CN')).toBe('a.csv 第 2 行，字段“lon”：应为以度为单位的数字，实际为 "{got}"');
  });

  it('importErrorText translates the reason and the first problem of a file with no usable row', () => {
    const first = problem('v.csv', 'row 2', 'lon', 'emptyCell', {});
    const error = inputError(
      'v.csv',
      'noUsableRows',
      { count: '1', firstLocation: 'row 2', firstMessage: first.message },
      [first],
    );
    expect(importErrorText(error, 'zh-CN')).toBe(
      'v.csv：没有可用的行（1 行有误）；第一个问题：第 2 行：坐标为空；应为以度为单位的数字',
    );
    expect(importErrorText(error, 'en')).toBe(error.message);
    // The worker's answer carries the first problem on its own; without it the English message is kept.
    const answer = { file: error.file, reason: error.reason, code: error.code, params: error.params };
    expect(importErrorText({ ...answer, firstProblem: first }, 'zh-CN')).toBe(importErrorText(error, 'zh-CN'));
    expect(importErrorText(answer, 'zh-CN')).toContain('第 2 行：missing coordinate');
    expect(importErrorText({ file: 'x.bin', reason: 'cannot read: no such file' }, 'zh-CN')).toBe(
      'x.bin：cannot read: no such file',
    );
  });
});

describe('data card problem lines', () => {
  it('renders the first problems of an import in zh-CN', async () => {
    const text = 'id,lon,lat,weight\na,120.1,30.2,1\nb,abc,30.3,1\nc,120.3,95,1\na,120.4,30.4,1\n';
    const read = await readPointsFile(text, { file: '村庄.csv' });
    expect(read.problems).toHaveLength(3);
    setLocale('zh-CN');
    const root = document.createElement('section');
    const actions = {
      chooseFile() {},
      importFile() {},
      swapAndImport() {},
      downloadProblems() {},
      backToEmbedded() {},
    };
    const panel = new DataPanel(root, actions);
    const view: DataPanelView = {
      dataLines: [],
      userData: true,
      busy: false,
      progress: null,
      result: { kept: read.value.count, total: 4, problemCount: 3, firstProblems: read.problems, swapSuspects: 0 },
      message: null,
      error: null,
      swapOffer: false,
    };
    panel.show(view);
    const lines = [...root.querySelectorAll('.problems li')].map((li) => li.textContent);
    expect(lines).toEqual([
      '村庄.csv 第 3 行，字段“lon”：应为以度为单位的数字，实际为 "abc"',
      '村庄.csv 第 4 行，字段“lat”：纬度 95 超出 [-90, 90] 范围',
      '村庄.csv 第 5 行，字段“id”：编号“a”重复（保留第一个）',
    ]);
    // Text from the file is text: a name with markup makes no element.
    const markup = problem('<b>x</b>.csv', 'row 2', 'lat', 'notNumber', { got: '"<img src=x>"' });
    panel.show({ ...view, result: { ...view.result!, firstProblems: [markup], problemCount: 1 } });
    expect(root.querySelector('.problems img')).toBeNull();
    expect(root.querySelector('.problems li')?.textContent).toContain('"<img src=x>"');
  });
});
