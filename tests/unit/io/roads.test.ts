import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultCarProfile } from '../../../src/core/road/profile';
import { InputError } from '../../../src/io/problems';
import { readRoads, type ReadRoadsOptions, type RoadsRead } from '../../../src/io/roads';
import { blobSource, bytesSource, type RoadReadProgress } from '../../../src/io/roads-source';
import { generateNetwork, osmiumToPbf, toGeoJson, writeOsmXmlFile } from '../../fixtures/roads/generate';

const tmp = mkdtempSync(join(tmpdir(), 'ruralreach-roads-'));
const profile = defaultCarProfile();
const nodeInflate = (data: Uint8Array): Uint8Array => inflateSync(data);

async function read(
  bytes: Uint8Array | string,
  file: string,
  extra: Partial<ReadRoadsOptions> = {},
): Promise<RoadsRead> {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  return readRoads(bytesSource(data), { file, profile, inflate: nodeInflate, ...extra });
}

async function failure(bytes: Uint8Array | string, file: string): Promise<string> {
  try {
    await read(bytes, file);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error(`${file} was read without error`);
}

/** Ways as comparable plain data: per way its node coordinates, speed and direction. */
function wayList(read: RoadsRead): string[] {
  const { ways } = read;
  const out: string[] = [];
  for (let w = 0; w + 1 < ways.wayOffsets.length; w++) {
    const coords: string[] = [];
    for (let k = ways.wayOffsets[w]; k < ways.wayOffsets[w + 1]; k++) {
      const v = ways.wayNodes[k];
      coords.push(`${ways.nodeLon[v].toFixed(7)},${ways.nodeLat[v].toFixed(7)}`);
    }
    out.push(`${coords.join(' ')} ${ways.waySpeedKmh[w]} ${ways.wayOneway[w]}`);
  }
  return out;
}

const OSM_HEAD = "<?xml version='1.0' encoding='UTF-8'?>\n<osm version=\"0.6\">\n";

describe('road readers', () => {
  const paths = { osm: join(tmp, 'n.osm'), pbf: join(tmp, 'n.osm.pbf'), plain: join(tmp, 'plain.osm.pbf') };
  let geojson = '';

  beforeAll(async () => {
    const network = generateNetwork({ seed: 5, side: 9, shapeNodes: 3 });
    await writeOsmXmlFile(network, paths.osm);
    osmiumToPbf(paths.osm, paths.pbf);
    execFileSync('osmium', [
      'cat',
      '--overwrite',
      paths.osm,
      '-o',
      paths.plain,
      '-f',
      'pbf,pbf_dense_nodes=false,pbf_compression=none',
    ]);
    geojson = JSON.stringify(toGeoJson(network));
  });

  it('reads the same drivable ways from .osm.pbf (dense or plain nodes, zlib or raw), .osm XML and GeoJSON', async () => {
    const pbf = await read(readFileSync(paths.pbf), 'n.osm.pbf');
    expect(pbf.format).toBe('pbf');
    expect(pbf.stats.drivableWays).toBeGreaterThan(50);
    expect(pbf.stats.drivableWays).toBeLessThan(pbf.stats.ways);
    expect(pbf.stats.missingNodes).toBe(0);
    const expected = wayList(pbf);
    expect(wayList(await read(readFileSync(paths.plain), 'plain.osm.pbf'))).toEqual(expected);
    expect(wayList(await read(readFileSync(paths.osm), 'n.osm'))).toEqual(expected);
    expect(wayList(await read(geojson, 'n.geojson'))).toEqual(expected);
    // Format sniffed when the name says nothing.
    expect((await read(readFileSync(paths.pbf), 'roads.bin')).format).toBe('pbf');
    expect((await read(readFileSync(paths.osm), 'roads.bin')).format).toBe('xml');
  });

  it('reads a PBF from a Blob with the web DecompressionStream inflater (the browser worker path)', async () => {
    const blob = new Blob([readFileSync(paths.pbf)]);
    const progress: RoadReadProgress[] = [];
    const fromBlob = await readRoads(blobSource(blob), {
      file: 'n.osm.pbf',
      profile,
      onProgress: (p) => progress.push(p),
    });
    expect(wayList(fromBlob)).toEqual(wayList(await read(readFileSync(paths.pbf), 'n.osm.pbf')));
    const pass1 = progress.filter((p) => p.pass === 1);
    expect(pass1.at(-1)).toEqual({ pass: 1, bytesRead: blob.size, bytesTotal: blob.size });
    expect(progress.some((p) => p.pass === 2)).toBe(true);
    for (let k = 1; k < pass1.length; k++) expect(pass1[k].bytesRead).toBeGreaterThan(pass1[k - 1].bytesRead);
  });

  it('names the blob and byte offset of a broken .osm.pbf', async () => {
    const bytes = new Uint8Array(readFileSync(paths.pbf));
    expect(await failure(bytes.subarray(0, bytes.length - 10), 'cut.osm.pbf')).toMatch(
      /^cut\.osm\.pbf: blob \d+ at byte \d+: blob of \d+ bytes runs past the end of the file .*truncated file$/,
    );
    expect(await failure(new TextEncoder().encode('PK\u0003\u0004 not a pbf at all, really'), 'x.osm.pbf')).toMatch(
      /^x\.osm\.pbf: blob 1 at byte 0: BlobHeader length \d+ is not in 1\.\.65536/,
    );
    // Damage the zlib stream of the second blob (the first is the OSMHeader).
    const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0);
    const firstBlobSize = readDataSize(bytes.subarray(4, 4 + headerLength));
    const second = 4 + headerLength + firstBlobSize;
    const damaged = bytes.slice();
    const secondHeader = new DataView(damaged.buffer).getUint32(second);
    for (let k = second + 4 + secondHeader + 12; k < second + 4 + secondHeader + 40; k++) damaged[k] ^= 0x5a;
    expect(await failure(damaged, 'bad.osm.pbf')).toMatch(new RegExp(`^bad\\.osm\\.pbf: blob 2 at byte ${second}: `));
    expect(await failure(new Uint8Array(0), 'empty.osm.pbf')).toBe('empty.osm.pbf: empty file');
  });

  it('names the line of a broken .osm XML', async () => {
    const node = (id: number, lat: string): string => `  <node id="${id}" lat="${lat}" lon="120.1"/>\n`;
    const way = '  <way id="1">\n    <nd ref="1"/>\n    <nd ref="2"/>\n    <tag k="highway" v="primary"/>\n  </way>\n';
    expect(await failure(`${OSM_HEAD}${node(1, '30.1')}${node(2, 'abc')}${way}</osm>\n`, 'a.osm')).toBe(
      'a.osm: line 4: <node> needs a numeric lat, got "abc"',
    );
    expect(await failure(`${OSM_HEAD}${node(1, '30.1')}  <way id="1"\n`, 'b.osm')).toBe(
      'b.osm: line 4: the file ends inside an element (truncated?)',
    );
    expect(await failure(`${OSM_HEAD}  <way id="1">\n    <nd ref="1"/>\n</osm>\n`, 'c.osm')).toBe(
      'c.osm: line 3: <way> is never closed',
    );
    expect(await failure('<?xml version="1.0"?>\n<gpx>\n</gpx>\n', 'd.osm')).toBe(
      'd.osm: line 2: not an OSM XML file (first element <gpx>, expected <osm>)',
    );
    expect(await failure(`${OSM_HEAD}  <way id="1">\n    <nd ref="x1"/>\n  </way>\n</osm>`, 'e.osm')).toBe(
      'e.osm: line 4: <nd> needs a numeric ref, got "x1"',
    );
  });

  it('keeps the ways whose nodes are missing, counts the missing nodes, decodes entities', async () => {
    const xml =
      `${OSM_HEAD}  <node id="1" lat="30.0" lon="120.0"/>\n  <node id="2" lat="30.0" lon="120.01"/>\n` +
      '  <way id="1"><nd ref="1"/><nd ref="2"/><nd ref="3"/>' +
      '<tag k="highway" v="residential"/><tag k="name" v="A &amp; B &#x4E00;"/><tag k="oneway" v="&#45;1"/></way>\n</osm>\n';
    const result = await read(xml, 'm.osm');
    expect(result.stats).toMatchObject({ ways: 1, drivableWays: 1, nodes: 3, missingNodes: 1 });
    expect(Number.isNaN(result.ways.nodeLon[2])).toBe(true);
    expect(result.ways.wayOneway[0]).toBe(-1);
  });

  it('names the feature of a broken GeoJSON and skips non-road features', async () => {
    const fc = (features: unknown[]): string => JSON.stringify({ type: 'FeatureCollection', features });
    const line = (coordinates: unknown, highway = 'primary'): unknown => ({
      type: 'Feature',
      properties: { highway },
      geometry: { type: 'LineString', coordinates },
    });
    const good = line([
      [120, 30],
      [120.01, 30],
    ]);
    expect(
      await failure(
        fc([
          good,
          good,
          line([
            [120, 30],
            ['a', 30],
          ]),
        ]),
        'r.geojson',
      ),
    ).toBe('r.geojson: feature 2: position 1 is not [lon, lat] in degrees');
    expect(await failure('{"type": "Feature"}', 'f.geojson')).toBe(
      'f.geojson: expected a GeoJSON FeatureCollection of LineString features',
    );
    expect(await failure('{"type": ', 'g.geojson')).toMatch(/^g\.geojson: not JSON: /);
    const point = {
      type: 'Feature',
      properties: { highway: 'primary' },
      geometry: { type: 'Point', coordinates: [120, 30] },
    };
    const result = await read(
      fc([
        good,
        point,
        line(
          [
            [120, 30],
            [120, 30.01],
          ],
          'footway',
        ),
      ]),
      'ok.geojson',
    );
    expect(result.stats).toMatchObject({ ways: 3, drivableWays: 1, skippedFeatures: 2 });
  });
});

/** The `datasize` of a BlobHeader (field 3, varint). */
function readDataSize(header: Uint8Array): number {
  let pos = 0;
  while (pos < header.length) {
    const key = header[pos++];
    if (key >> 3 === 3) {
      let value = 0;
      let shift = 0;
      for (;;) {
        const b = header[pos++];
        value += (b & 0x7f) * 2 ** shift;
        shift += 7;
        if (b < 0x80) return value;
      }
    }
    if ((key & 7) === 2) {
      let length = 0;
      let shift = 0;
      for (;;) {
        const b = header[pos++];
        length += (b & 0x7f) * 2 ** shift;
        shift += 7;
        if (b < 0x80) break;
      }
      pos += length;
    } else while (header[pos++] >= 0x80);
  }
  throw new Error('no datasize');
}
