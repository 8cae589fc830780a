import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { selectMatrix } from '../../../src/io/align';
import { pointFileFormat, readPointsCsvOrGeoJson } from '../../../src/io/read-points';

describe('selectMatrix', () => {
  it('keeps the rows and columns of kept records', () => {
    const m = { rows: 3, cols: 2, values: Float64Array.of(1, 2, 3, 4, 5, 6) };
    const out = selectMatrix(m, Uint32Array.of(0, 2), Uint32Array.of(1));
    expect(out).toEqual({ rows: 2, cols: 1, values: Float64Array.of(2, 6) });
    expect(selectMatrix(m, Uint32Array.of(0, 1, 2), Uint32Array.of(0, 1))).toBe(m);
  });

  it('lines up with the records a reader skipped', () => {
    const { value } = readPointsCsvOrGeoJson(readFileSync('tests/fixtures/plan/non-numeric.csv', 'utf8'), {
      file: 'non-numeric.csv',
    });
    expect(Array.from(value.source)).toEqual([0, 2]);
    expect(value.recordCount).toBe(3);
  });
});

describe('pointFileFormat', () => {
  it('goes by extension, else by the first character', () => {
    expect(pointFileFormat('a.CSV', '{')).toBe('csv');
    expect(pointFileFormat('a.json', 'lon,lat')).toBe('geojson');
    expect(pointFileFormat('a.dat', '  {"type":1}')).toBe('geojson');
    expect(pointFileFormat('a.dat', 'lon,lat')).toBe('csv');
  });

  it('counts skipped GeoJSON features as records', () => {
    const { value } = readPointsCsvOrGeoJson(readFileSync('tests/fixtures/plan/mixed.geojson', 'utf8'), {
      file: 'mixed.geojson',
      weightField: 'pop',
    });
    expect(Array.from(value.source)).toEqual([0]);
    expect(value.recordCount).toBe(5);
  });
});
