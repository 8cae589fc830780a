import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { problemsCsv } from '../../../src/io/problems-csv';
import { problem } from '../../../src/io/problems';
import { readPointsFile } from '../../../src/io/read-points';

describe('problemsCsv', () => {
  it('writes a BOM, a header and one quoted row per problem that a CSV reader reads back', () => {
    const problems = [
      problem('村庄.csv', 'row 3', 'lat', 'notNumber', { got: '"x"' }),
      { ...problem('村庄.csv', 'row 9', undefined, 'missingWeight', {}), message: '=cmd|line\nbreak' },
    ];
    const text = problemsCsv(problems);
    expect(text.startsWith('\uFEFFfile,location,field,message,code\r\n')).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(rows).toEqual([
      ['file', 'location', 'field', 'message', 'code'],
      ['村庄.csv', 'row 3', 'lat', 'expected a number in degrees, got "x"', 'notNumber'],
      ['村庄.csv', 'row 9', '', "'=cmd|line\nbreak", 'missingWeight'],
    ]);
  });

  it('writes location and message in Chinese when asked, code and field as they are', () => {
    const problems = [problem('村庄.csv', 'row 3', 'lat', 'notNumber', { got: '"x"' })];
    const rows = Papa.parse<string[]>(problemsCsv(problems, 'zh-CN').slice(1), { skipEmptyLines: true }).data;
    expect(rows[1]).toEqual(['村庄.csv', '第 3 行', 'lat', '应为以度为单位的数字，实际为 "x"', 'notNumber']);
    expect(problemsCsv(problems, 'en')).toBe(problemsCsv(problems));
  });

  it('lists every problem of the fixture the browser test imports', async () => {
    const bytes = readFileSync(new URL('../../fixtures/import/villages-gcj02.csv', import.meta.url));
    const read = await readPointsFile(new Uint8Array(bytes), { file: 'villages-gcj02.csv', crs: 'gcj02' });
    expect(read.summary).toBe('kept 300 of 303 rows; 3 problems');
    const rows = Papa.parse<string[]>(problemsCsv(read.problems).slice(1), { skipEmptyLines: true }).data;
    expect(rows.length - 1).toBe(3);
    expect(rows.slice(1).map((r) => r[1])).toEqual(['row 51', 'row 121', 'row 201']);
  });
});
