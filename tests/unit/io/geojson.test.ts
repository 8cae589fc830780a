import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePointsGeoJson } from '../../../src/io/geojson';
import { parsePointsCsv } from '../../../src/io/csv';
import { formatProblem } from '../../../src/io/problems';

const fixture = (name: string): string => readFileSync(`tests/fixtures/plan/${name}`, 'utf8');

describe('parsePointsGeoJson', () => {
  it('reads the same points as the CSV fixture', () => {
    const geo = parsePointsGeoJson(fixture('villages.geojson'), { weightField: 'pop' });
    const csv = parsePointsCsv(fixture('villages.csv'), { weightField: 'pop' });
    expect(geo.problems).toEqual([]);
    expect(geo.value.ids).toEqual(csv.value.ids);
    expect(geo.value.lon).toEqual(csv.value.lon);
    expect(geo.value.lat).toEqual(csv.value.lat);
    expect(geo.value.weight).toEqual(csv.value.weight);
  });

  it('skips null geometries, null coordinates, non-Points and bad weights, with feature indices', () => {
    const { value, problems } = parsePointsGeoJson(fixture('mixed.geojson'), {
      file: 'mixed.geojson',
      weightField: 'pop',
    });
    expect(value.ids).toEqual(['A']);
    expect(problems.map(formatProblem)).toEqual([
      'mixed.geojson feature 1, field "geometry": not a Point (got null geometry)',
      'mixed.geojson feature 2, field "coordinates[0]": missing coordinate (empty or null); expected a number in degrees',
      'mixed.geojson feature 3, field "geometry": not a Point (got "LineString")',
      'mixed.geojson feature 4, field "pop": expected a non-negative number, got "many"',
    ]);
  });

  it('reports bad JSON with line and column', () => {
    expect(() => parsePointsGeoJson(fixture('bad-json.geojson'), { file: 'bad-json.geojson' })).toThrow(
      /^bad-json\.geojson: not valid JSON at line 5, column 2 \(position \d+, found "\]\\n}\\n"\)/,
    );
  });

  it('throws when nothing is a Point, or the root is not a FeatureCollection', () => {
    expect(() => parsePointsGeoJson(fixture('polygon-only.geojson'), { file: 'p.geojson' })).toThrow(
      'p.geojson: no usable Point features (1 features); first problem: feature 0: not a Point (got "Polygon")',
    );
    expect(() => parsePointsGeoJson('{"type":"Feature"}', { file: 'f.json' })).toThrow(
      'f.json: expected a GeoJSON FeatureCollection, got type "Feature"',
    );
    expect(() => parsePointsGeoJson('[1]', { file: 'a.json' })).toThrow('got an array');
  });

  it('takes ids from properties.id and weight 1 when there is no weight', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [120, 30] }, properties: { id: 7 } }],
    });
    const { value } = parsePointsGeoJson(text);
    expect(value.ids).toEqual(['7']);
    expect(value.weight[0]).toBe(1);
  });
});
