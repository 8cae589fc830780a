import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { PbfReader } from 'pbf';
import { PMTiles, type Source } from 'pmtiles';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BoundaryFeature } from '../../../data/boundaries';
import { writePmtiles } from '../../../data/pmtiles-writer';
import { boundaryArchive, NAME_MIN_ZOOM, TILE_MAX_ZOOM, TILE_MIN_ZOOM } from '../../../data/tiles';
import { parseCountyInfo } from '../../../src/data/county-info';
import { readManifest } from '../../../src/data/node-files';
import { DATA_DIR, requireDataset } from './dataset';

/** The `pmtiles` package's reader over bytes in memory. */
function reader(bytes: Uint8Array): PMTiles {
  const source: Source = {
    getKey: () => 'memory',
    getBytes: async (offset, length) => ({ data: bytes.slice(offset, offset + length).buffer }),
  };
  return new PMTiles(source);
}

/** Tile x, y of a lon/lat at zoom z (Web Mercator). */
function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return [
    Math.floor(((lon + 180) / 360) * n),
    Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n),
  ];
}

const square = (code: string, name: string, lon: number, lat: number, size: number): BoundaryFeature => ({
  type: 'Feature',
  properties: { code, name, villages: 3 },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + size, lat],
        [lon + size, lat + size],
        [lon, lat + size],
        [lon, lat],
      ],
    ],
  },
});

describe('writePmtiles (PMTiles v3)', () => {
  it('writes an archive the pmtiles reader reads back: header, tiles, metadata, one copy of equal tiles', async () => {
    const a = new TextEncoder().encode('tile a');
    const b = new TextEncoder().encode('tile b');
    const tiles = [
      { z: 1, x: 1, y: 0, data: a },
      { z: 0, x: 0, y: 0, data: b },
      { z: 1, x: 0, y: 0, data: a },
      { z: 1, x: 0, y: 1, data: a },
    ];
    const bytes = writePmtiles(tiles, {
      metadata: { name: 'test' },
      bounds: [73.5, 18.1, 135.1, 53.6],
      tileType: 1,
      tileCompression: 1,
    });
    const archive = reader(bytes);
    const header = await archive.getHeader();
    expect(header.specVersion).toBe(3);
    expect([header.minZoom, header.maxZoom]).toEqual([0, 1]);
    expect([header.minLon, header.minLat, header.maxLon, header.maxLat]).toEqual([73.5, 18.1, 135.1, 53.6]);
    expect([header.numAddressedTiles, header.numTileContents]).toEqual([4, 2]);
    expect(header.clustered).toBe(true);
    for (const t of tiles) {
      const got = await archive.getZxy(t.z, t.x, t.y);
      expect(new Uint8Array(got!.data), `${t.z}/${t.x}/${t.y}`).toEqual(t.data);
    }
    expect(await archive.getZxy(1, 1, 1)).toBeUndefined();
    await expect(archive.getMetadata()).resolves.toEqual({ name: 'test' });
  });

  it('puts entries in leaf directories when the root would pass 16 KiB', async () => {
    // 20,000 tiles scattered over zoom 12 (a fixed linear congruential sequence), each with other bytes.
    const tiles = new Map<string, { z: number; x: number; y: number; data: Uint8Array }>();
    let seed = 1;
    const next = () => (seed = (seed * 48271) % 2147483647) % 4096;
    while (tiles.size < 20000) {
      const [x, y] = [next(), next()];
      tiles.set(`${x},${y}`, { z: 12, x, y, data: new TextEncoder().encode(`${x},${y}`) });
    }
    const bytes = writePmtiles([...tiles.values()], {
      metadata: {},
      bounds: [-180, -85, 180, 85],
      tileType: 1,
      tileCompression: 1,
    });
    const archive = reader(bytes);
    const header = await archive.getHeader();
    expect(header.rootDirectoryOffset + header.rootDirectoryLength).toBeLessThanOrEqual(16384);
    expect(header.leafDirectoryLength).toBeGreaterThan(0);
    for (const { x, y } of [...tiles.values()].slice(0, 50)) {
      const got = await archive.getZxy(12, x, y);
      expect(new TextDecoder().decode(got!.data)).toBe(`${x},${y}`);
    }
  });

  it('refuses a tile given twice', () => {
    const data = new Uint8Array(1);
    const options = { metadata: {}, bounds: [0, 0, 1, 1] as [number, number, number, number], tileType: 1 as const };
    expect(() =>
      writePmtiles(
        [
          { z: 0, x: 0, y: 0, data },
          { z: 0, x: 0, y: 0, data },
        ],
        { ...options, tileCompression: 1 },
      ),
    ).toThrow('tile 0/0/0 given twice');
  });
});

describe('boundaryArchive', () => {
  const layers = {
    // Degree-sized squares: geojson-vt drops polygons smaller than its tolerance (about 0.26 degree at zoom 2).
    counties: [square('330102', '上城区', 119, 29, 1), square('330106', '西湖区', 120, 29, 1)],
    provinces: [square('33', '浙江省', 119, 29, 2)],
  };

  it('gives the same bytes for the same features', () => {
    const bounds: [number, number, number, number] = [119, 29, 121, 30];
    expect(Buffer.from(boundaryArchive(layers, bounds)).equals(Buffer.from(boundaryArchive(layers, bounds)))).toBe(
      true,
    );
  });

  it('keeps the code as feature id and property, and the county name from NAME_MIN_ZOOM on', async () => {
    const archive = reader(boundaryArchive(layers, [119, 29, 121, 30]));
    const header = await archive.getHeader();
    expect([header.minZoom, header.maxZoom]).toEqual([TILE_MIN_ZOOM, TILE_MAX_ZOOM]);
    for (const z of [TILE_MIN_ZOOM, NAME_MIN_ZOOM]) {
      const [x, y] = tileOf(120, 29.5, z);
      const tile = new VectorTile(new PbfReader((await archive.getZxy(z, x, y))!.data));
      const counties = tile.layers.counties;
      const features = Array.from({ length: counties.length }, (_, i) => counties.feature(i));
      expect(features.map((f) => f.id).sort()).toEqual([330102, 330106]);
      for (const f of features) {
        expect(f.properties.code).toBe(String(f.id));
        expect(f.properties.name).toBe(z >= NAME_MIN_ZOOM ? (f.id === 330102 ? '上城区' : '西湖区') : undefined);
        expect(f.properties.villages).toBeUndefined();
      }
      expect(tile.layers.provinces.feature(0).id).toBe(33);
    }
  });
});

describe('public/data/boundaries.pmtiles', () => {
  let archive: PMTiles;
  let codes: string[];
  beforeAll(() => {
    requireDataset();
    archive = reader(new Uint8Array(readFileSync(join(DATA_DIR, 'boundaries.pmtiles'))));
    const counties = JSON.parse(readFileSync(join(DATA_DIR, 'counties.geojson'), 'utf8')) as FeatureCollection<
      Polygon | MultiPolygon,
      { code: string }
    >;
    codes = counties.features.map((f) => f.properties.code);
  });

  it('has the bounds of the provinces and vector tiles from zoom 2 to 7', async () => {
    const header = await archive.getHeader();
    const boxes = readManifest().provinces.map((p) => p.bbox);
    const round = (v: number) => Math.round(v * 1e7) / 1e7;
    expect([header.minLon, header.minLat, header.maxLon, header.maxLat]).toEqual([
      round(Math.min(...boxes.map((b) => b[0]))),
      round(Math.min(...boxes.map((b) => b[1]))),
      round(Math.max(...boxes.map((b) => b[2]))),
      round(Math.max(...boxes.map((b) => b[3]))),
    ]);
    expect([header.minZoom, header.maxZoom, header.tileType, header.tileCompression]).toEqual([2, 7, 1, 2]);
    const metadata = (await archive.getMetadata()) as { vector_layers: { id: string }[] };
    expect(metadata.vector_layers.map((l) => l.id)).toEqual(['counties', 'provinces']);
  });

  it('holds every county with a boundary at zoom 5, with its code as feature id, and every province', async () => {
    const z = 5;
    const header = await archive.getHeader();
    const [x0, y0] = tileOf(header.minLon, header.maxLat, z);
    const [x1, y1] = tileOf(header.maxLon, header.minLat, z);
    const counties = new Set<string>();
    const provinces = new Set<number>();
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const got = await archive.getZxy(z, x, y);
        if (!got) continue;
        const tile = new VectorTile(new PbfReader(got.data));
        const layer = tile.layers.counties;
        for (let i = 0; i < (layer?.length ?? 0); i++) {
          const f = layer.feature(i);
          expect(String(f.id)).toBe(f.properties.code);
          counties.add(String(f.id));
        }
        const p = tile.layers.provinces;
        for (let i = 0; i < (p?.length ?? 0); i++) provinces.add(p.feature(i).id!);
      }
    }
    expect([...counties].sort()).toEqual([...codes].sort());
    expect(provinces.size).toBe(31);
  });

  it('has a county-info.json entry for every county with a boundary, with its box', () => {
    const info = parseCountyInfo(JSON.parse(readFileSync(join(DATA_DIR, 'county-info.json'), 'utf8')));
    expect(info.counties.map((c) => c.code)).toEqual([...codes].sort());
    for (const c of info.counties) {
      expect(c.bbox[0] <= c.bbox[2] && c.bbox[1] <= c.bbox[3], c.code).toBe(true);
    }
  });

  it('fits the dataset budget: the tiles are already gzipped, so gzip gains nearly nothing', () => {
    const bytes = readFileSync(join(DATA_DIR, 'boundaries.pmtiles'));
    expect(bytes.byteLength).toBeLessThan(2.5e6);
    expect(gzipSync(bytes).byteLength / bytes.byteLength).toBeGreaterThan(0.95);
  });
});
