import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { problemsCsv } from '../../../src/app/import-problems';
import { readPointsFile } from '../../../src/io/read-points';

describe('problemsCsv', () => {
  it('writes a BOM, a header and one quoted row per problem that a CSV reader reads back', () => {
    const problems = [
      { file: '村庄.csv', location: 'row 3', field: 'lat', message: 'expected a number, got "x"' },
      { file: '村庄.csv', location: 'row 9', message: '=cmd|line\nbreak' },
    ];
    const text = problemsCsv(problems);
    expect(text.startsWith('\uFEFFfile,location,field,message\r\n')).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(rows).toEqual([
      ['file', 'location', 'field', 'message'],
      ['村庄.csv', 'row 3', 'lat', 'expected a number, got "x"'],
      ['村庄.csv', 'row 9', '', "'=cmd|line\nbreak"],
    ]);
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
