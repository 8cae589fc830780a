import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePointsCsv } from '../../../src/io/csv';
import { formatProblem, InputError } from '../../../src/io/problems';
import { SITE_STATUS } from '../../../src/core/types';

const fixture = (name: string): string => readFileSync(`tests/fixtures/plan/${name}`, 'utf8');

describe('parsePointsCsv', () => {
  it('reads ids, coordinates and a named weight column', () => {
    const { value, problems } = parsePointsCsv(fixture('villages.csv'), { file: 'villages.csv', weightField: 'pop' });
    expect(problems).toEqual([]);
    expect(value.count).toBe(40);
    expect(value.ids[0]).toBe('V01');
    expect(value.hasIds).toBe(true);
    expect(value.lon[0]).toBeCloseTo(119.50468, 6);
    expect(value.lat[0]).toBeCloseTo(30.51859, 6);
    expect(value.weight[0]).toBe(489);
  });

  it('accepts longitude,latitude and x,y headers, any case, BOM and semicolons; weight defaults to 1', () => {
    const a = parsePointsCsv('\uFEFFLongitude;Latitude\n120;30\n').value;
    expect([a.lon[0], a.lat[0], a.weight[0]]).toEqual([120, 30, 1]);
    expect(a.ids).toEqual(['2']);
    expect(a.hasIds).toBe(false);
    const b = parsePointsCsv('x,y,weight\n120,30,2.5\n\n').value;
    expect([b.count, b.weight[0]]).toEqual([1, 2.5]);
  });

  it('throws one error naming the file when the longitude column is missing', () => {
    expect(() => parsePointsCsv(fixture('missing-lon.csv'), { file: 'missing-lon.csv' })).toThrow(
      'missing-lon.csv: missing longitude column: expected columns lon,lat or longitude,latitude or x,y or 经度,纬度 (header: id,lat,pop)',
    );
  });

  it('throws when the named weight column is absent', () => {
    expect(() => parsePointsCsv('lon,lat\n1,2\n', { file: 'a.csv', weightField: 'pop' })).toThrow(
      'a.csv: missing weight column "pop" (header: lon,lat)',
    );
  });

  it('keeps good rows and reports a non-numeric cell with row and field', () => {
    const { value, problems } = parsePointsCsv(fixture('non-numeric.csv'), { file: 'non-numeric.csv' });
    expect(value.ids).toEqual(['A', 'C']);
    expect(problems.map(formatProblem)).toEqual([
      'non-numeric.csv row 3, field "lat": expected a number in degrees, got "abc"',
    ]);
  });

  it('detects swapped lon/lat', () => {
    const { value, problems } = parsePointsCsv(fixture('swapped.csv'), { file: 'swapped.csv' });
    expect(value.ids).toEqual(['A', 'C']);
    expect(problems.map(formatProblem)).toEqual([
      'swapped.csv row 3, field "lat": latitude out of range [-90, 90]; lon/lat look swapped (lon=30.61, lat=119.72)',
    ]);
  });

  it('reports duplicate ids, negative weights, out-of-range and missing coordinates', () => {
    const { value, problems } = parsePointsCsv(fixture('duplicate-and-range.csv'), { file: 'd.csv' });
    expect(value.ids).toEqual(['A']);
    expect(problems.map(formatProblem)).toEqual([
      'd.csv row 3, field "id": duplicate id "A" (the first one is kept)',
      'd.csv row 4, field "weight": expected a non-negative number, got "-3"',
      'd.csv row 5, field "x": longitude 200 out of range [-180, 180]',
      'd.csv row 6, field "y": missing coordinate (empty or null); expected a number in degrees',
    ]);
  });

  it('throws when no row is usable, keeping the problems on the error', () => {
    let caught: unknown;
    try {
      parsePointsCsv('lon,lat\nabc,1\n,\n', { file: 'bad.csv' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    const error = caught as InputError;
    expect(error.message).toBe(
      'bad.csv: no usable rows (1 bad rows); first problem: row 2: expected a number in degrees, got "abc"',
    );
    expect(error.problems).toHaveLength(1);
  });

  it('throws on an empty file', () => {
    expect(() => parsePointsCsv('', { file: 'e.csv' })).toThrow('e.csv: empty file');
  });

  it('reads a status column when asked, reporting unknown statuses', () => {
    const { value, problems } = parsePointsCsv(fixture('sites-status.csv'), { file: 's.csv', withStatus: true });
    expect(value.ids).toEqual(['S1', 'S2', 'S3']);
    expect(Array.from(value.status ?? [])).toEqual([SITE_STATUS.existing, SITE_STATUS.locked, SITE_STATUS.proposed]);
    expect(problems.map(formatProblem)).toEqual([
      's.csv row 5, field "status": expected one of proposed, existing, locked, excluded, got "closed"',
    ]);
  });
});
