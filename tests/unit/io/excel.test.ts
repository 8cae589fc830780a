import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePointsXlsx, sheetIndex } from '../../../src/io/excel';
import { planXlsx } from '../../../src/io/export-excel';
import { InputError } from '../../../src/io/problems';
import { pointFileFormat, readPointsFile } from '../../../src/io/read-points';
import { lyingZip, zipBomb } from '../../fixtures/hostile';
import { fixedPlan } from './export-fixture';

const fixture = (path: string) => new Uint8Array(readFileSync(path));

async function readError(bytes: Uint8Array, file: string): Promise<InputError> {
  const error = await readPointsFile(bytes, { file }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('Excel point files (.xlsx)', () => {
  it('reads a workbook written by GDAL: Chinese sheet name, weight and id columns, by extension and by bytes', async () => {
    const bytes = fixture('tests/fixtures/in/villages.xlsx');
    expect(pointFileFormat('villages.xlsx', bytes)).toBe('excel');
    expect(pointFileFormat('download', bytes)).toBe('excel');
    const read = await readPointsFile(bytes, { file: 'v.xlsx', weightField: 'pop', idField: 'name' });
    expect(read.format).toBe('excel');
    expect(read.sheets).toEqual(['村庄']);
    expect(read.value.ids).toEqual(['村一', '村二', '村三']);
    expect([...read.value.lon]).toEqual([120.1, 120.2, 120.3]);
    expect([...read.value.weight]).toEqual([120, 80, 50]);
    expect(read.summary).toBe('kept 3 of 3 rows; 0 problems');
  });

  it('converts GCJ-02 like a CSV file', async () => {
    const csv = await readPointsFile('lon,lat\n120.1,30.2\n', { file: 'g.csv', crs: 'gcj02' });
    const xlsx = await readPointsFile(fixture('tests/fixtures/in/villages.xlsx'), { file: 'g.xlsx', crs: 'gcj02' });
    expect(xlsx.value.lon[0]).toBe(csv.value.lon[0]);
    expect(xlsx.value.lat[0]).toBe(csv.value.lat[0]);
  });

  it('locates problems by sheet and row as Excel numbers them, after blank rows, the column as the field', async () => {
    const read = await parsePointsXlsx(fixture('tests/fixtures/bad/bad-cells.xlsx'), { file: 'b.xlsx', sheet: 2 });
    expect(read.sheet).toBe(2);
    // Without an `id` column the ids are the row numbers, as Excel shows them.
    expect(read.value.ids).toEqual(['4', '8']);
    expect(read.problems.map((p) => `${p.location} ${p.field} ${p.code}`)).toEqual([
      'sheet 2, row 5 纬度 notNumber',
      'sheet 2, row 6 经度 lonOutOfRange',
      'sheet 2, row 7 weight badWeight',
    ]);
  });

  it('chooses a sheet by name, case-insensitively, or by number; says which sheets there are', () => {
    expect(sheetIndex(['说明', 'Villages'], 'villages')).toBe(1);
    expect(sheetIndex(['说明', 'Villages'], '2')).toBe(1);
    expect(sheetIndex(['2', 'b'], '2')).toBe(0);
    expect(sheetIndex(['a'], 3)).toBe(-1);
    expect(sheetIndex(['a'], 'x')).toBe(-1);
  });

  it('refuses a zip bomb named .xlsx before inflating, and a lying zip when it inflates past its size', async () => {
    const bomb = await readError(zipBomb(2048, 'xl/worksheets/sheet1.xml'), 'bomb.xlsx');
    expect(bomb.code).toBe('zipEntryTooLarge');
    expect(bomb.message).toContain('bomb.xlsx: zip entry "xl/worksheets/sheet1.xml" would inflate to 2048.0 MB');
    const lying = await readError(lyingZip(1000, 4_000_000, 'xl/workbook.xml'), 'lying.xlsx');
    expect(lying.code).toBe('zipInflatesPast');
  });

  it('export then import: every sheet of the plan workbook reads back with the same ids, positions and weights', async () => {
    const { tables } = await fixedPlan();
    const bytes = await planXlsx(tables);
    const villages = await readPointsFile(bytes, { file: 'plan.xlsx', sheet: 'villages' });
    expect(villages.value.ids).toEqual(tables.villages.map((v) => v.id));
    expect([...villages.value.lon]).toEqual(tables.villages.map((v) => v.lon));
    expect([...villages.value.lat]).toEqual(tables.villages.map((v) => v.lat));
    expect([...villages.value.weight]).toEqual(tables.villages.map((v) => v.weight));
    const sites = await readPointsFile(bytes, { file: 'plan.xlsx', sheet: 'sites', withStatus: true });
    expect(sites.value.ids).toEqual(tables.sites.map((s) => s.id));
    expect(sites.sheets).toEqual(['sites', 'villages', 'counties']);
  });

  it('writes Chinese sheet names and column titles on request; 经度/纬度 read back', async () => {
    const { tables } = await fixedPlan();
    const bytes = await planXlsx(tables, 'zh-CN');
    const read = await readPointsFile(bytes, {
      file: '方案.xlsx',
      sheet: '村庄',
      idField: '编号',
      weightField: '权重',
    });
    expect(read.sheets).toEqual(['站点', '村庄', '县区']);
    expect(read.value.ids).toEqual(tables.villages.map((v) => v.id));
    expect([...read.value.weight]).toEqual(tables.villages.map((v) => v.weight));
  });
});
