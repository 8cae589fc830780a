import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import Flatbush from 'flatbush';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { readManifest, readProvinceVillages } from '../../../src/data/node-files';
import { DATA_DIR, registryRows, requireDataset } from './dataset';

type CountyCollection = FeatureCollection<Polygon | MultiPolygon, { code: string; cityCode: string }>;

/** Every polygon part of counties.geojson in one R-tree, with its county and prefecture. */
interface PartIndex {
  parts: Polygon[];
  county: string[];
  city: string[];
  tree: Flatbush;
}

function indexParts(collection: CountyCollection): PartIndex {
  const index: PartIndex = { parts: [], county: [], city: [], tree: new Flatbush(1) };
  for (const f of collection.features) {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const rings of polygons) {
      index.parts.push({ type: 'Polygon', coordinates: rings });
      index.county.push(f.properties.code);
      index.city.push(f.properties.cityCode);
    }
  }
  index.tree = new Flatbush(index.parts.length);
  for (const part of index.parts) {
    const xs = part.coordinates[0].map((p) => p[0]);
    const ys = part.coordinates[0].map((p) => p[1]);
    index.tree.add(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys));
  }
  index.tree.finish();
  return index;
}

/** True when [lon, lat] is strictly inside a part that passes `keep`. */
function inside(index: PartIndex, lon: number, lat: number, keep: (k: number) => boolean): boolean {
  return index.tree
    .search(lon, lat, lon, lat, keep)
    .some((k) => booleanPointInPolygon([lon, lat], index.parts[k], { ignoreBoundary: true }));
}

describe('synthetic village positions', () => {
  let index: PartIndex;
  let cityOfCounty: Map<string, string>;
  let withPolygon: Set<string>;
  beforeAll(() => {
    requireDataset();
    const collection = JSON.parse(readFileSync(join(DATA_DIR, 'counties.geojson'), 'utf8')) as CountyCollection;
    index = indexParts(collection);
    withPolygon = new Set(collection.features.map((f) => f.properties.code));
    cityOfCounty = new Map(registryRows('areas.csv').map((r) => [r.code, r.cityCode]));
  });

  it('puts every village inside its county polygon, or inside its prefecture when the county has none', () => {
    let checked = 0;
    const failures: string[] = [];
    for (const province of readManifest().provinces) {
      const table = readProvinceVillages(province.code);
      for (let i = 0; i < table.count; i++) {
        const county = table.counties[table.countyIndex[i]];
        const city = cityOfCounty.get(county)!;
        const lon = table.positions[2 * i];
        const lat = table.positions[2 * i + 1];
        const hasPolygon = withPolygon.has(county);
        const ok =
          table.countyBoundary[i] === (hasPolygon ? 1 : 0) &&
          (hasPolygon
            ? inside(index, lon, lat, (k) => index.county[k] === county)
            : inside(index, lon, lat, (k) => index.city[k] === city));
        if (!ok && failures.length < 5) failures.push(`${county} village ${i} at ${lon},${lat}`);
        checked++;
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBe(620573);
  });

  it('clusters villages by township: villages are nearer their own township than the county at large', () => {
    const table = readProvinceVillages('33');
    // Mean distance (degrees) from each village to the centroid of its township, and of its county.
    const mean = (groupOf: (i: number) => number) => {
      const sums = new Map<number, [number, number, number]>();
      for (let i = 0; i < table.count; i++) {
        const s = sums.get(groupOf(i)) ?? [0, 0, 0];
        s[0] += table.positions[2 * i];
        s[1] += table.positions[2 * i + 1];
        s[2]++;
        sums.set(groupOf(i), s);
      }
      let total = 0;
      for (let i = 0; i < table.count; i++) {
        const [x, y, n] = sums.get(groupOf(i))!;
        total += Math.hypot(table.positions[2 * i] - x / n, table.positions[2 * i + 1] - y / n);
      }
      return total / table.count;
    };
    const township = mean((i) => table.townshipIndex[i]);
    const county = mean((i) => table.countyIndex[i]);
    expect(township).toBeLessThan(county / 2);
    // No two villages share a position.
    const keys = new Set<string>();
    for (let i = 0; i < table.count; i++) keys.add(`${table.positions[2 * i]},${table.positions[2 * i + 1]}`);
    expect(keys.size).toBe(table.count);
  });
});
