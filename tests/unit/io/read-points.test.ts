import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromWgs84, toWgs84 } from '../../../src/io/crs';
import { decodeText } from '../../../src/io/encoding';
import { InputError } from '../../../src/io/problems';
import { pointFileFormat, readPointsFile } from '../../../src/io/read-points';
import { dbfEncoding } from '../../../src/io/shapefile';

const dir = new URL('../../fixtures/in/', import.meta.url);
const bytes = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(name, dir)));
/** GBK bytes of "id,经度,纬度\n村1,120.1,30.2\n" (经 BEAD, 度 B6C8, 纬 CEB3, 村 B4E5). */
const GBK_CSV = Uint8Array.from([
  ...Buffer.from('id,'),
  0xbe,
  0xad,
  0xb6,
  0xc8,
  0x2c,
  0xce,
  0xb3,
  0xb6,
  0xc8,
  0x0a,
  0xb4,
  0xe5,
  ...Buffer.from('1,120.1,30.2\n'),
]);

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM, and GBK', () => {
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ text: 'a', encoding: 'utf-8-bom' });
    expect(decodeText(new TextEncoder().encode('村')).encoding).toBe('utf-8');
    expect(decodeText(GBK_CSV)).toEqual({ text: 'id,经度,纬度\n村1,120.1,30.2\n', encoding: 'gb18030' });
  });
});

describe('readPointsFile', () => {
  it('reads a GBK CSV with 经度/纬度 columns', async () => {
    const read = await readPointsFile(GBK_CSV, { file: 'gbk.csv' });
    expect(read.value.ids).toEqual(['村1']);
    expect(read.summary).toBe('kept 1 of 1 rows; 0 problems');
  });

  it('detects semicolon and tab delimiters and a lng column', async () => {
    const semi = await readPointsFile('id;lng;lat\na;120,1;30\n', { file: 's.csv' });
    expect(semi.value.lon[0]).toBe(120.1);
    const ok = await readPointsFile('id;lng;lat;weight\na;120.1;30.2;2\n', { file: 's.csv' });
    expect(Array.from(ok.value.weight)).toEqual([2]);
    const tab = await readPointsFile('lon\tlat\n120.1\t30.2\n', { file: 't.tsv' });
    expect(tab.value.lon[0]).toBe(120.1);
  });

  it('refuses a CSV without header row', async () => {
    await expect(readPointsFile('120.1,30.2\n120.2,30.3\n', { file: 'n.csv' })).rejects.toThrow(/no header row/);
  });

  it('reports swapped lon/lat inside the valid range with an offer, and swaps on request', async () => {
    const text = 'id,lon,lat\na,120.1,30.2\nb,40.5,80.2\nc,31.0,121.0\n';
    const read = await readPointsFile(text, { file: 'sw.csv' });
    expect(read.value.ids).toEqual(['a']);
    expect(read.problems.map((p) => p.location)).toEqual(['row 3', 'row 4']);
    expect(read.problems[0].message).toContain('offer: swap lon/lat');
    expect(read.swapOffer).toBe(
      'sw.csv: 2 of 3 rows look like lat,lon (outside China, inside when swapped): swap lon/lat to use them',
    );
    const swapped = await readPointsFile(text, { file: 'sw.csv', swapAxes: true });
    expect(Array.from(swapped.value.lon)).toEqual([120.1, 80.2, 121]);
    expect(Array.from(swapped.value.lat)).toEqual([30.2, 40.5, 31]);
    expect(swapped.swapOffer).toBeUndefined();
  });

  it('converts GCJ-02 and BD-09 to WGS 84 (round trip within 1e-6 degrees)', async () => {
    const [gx, gy] = fromWgs84(120.1, 30.2, 'gcj02');
    expect(Math.abs(gx - 120.1) + Math.abs(gy - 30.2)).toBeGreaterThan(1e-3);
    const read = await readPointsFile(`lon,lat\n${gx},${gy}\n`, { file: 'g.csv', crs: 'gcj02' });
    expect(read.value.lon[0]).toBeCloseTo(120.1, 6);
    expect(read.value.lat[0]).toBeCloseTo(30.2, 6);
    const [bx, by] = fromWgs84(116.4, 39.9, 'bd09');
    const [x, y] = toWgs84(bx, by, 'bd09');
    expect(x).toBeCloseTo(116.4, 5);
    expect(y).toBeCloseTo(39.9, 5);
  });

  it('reads a zipped Shapefile of points with its dbf attributes', async () => {
    const read = await readPointsFile(bytes('villages-shp.zip'), { file: 'villages.zip', weightField: 'pop' });
    expect(read.format).toBe('shapefile');
    expect(read.value.ids).toEqual(['v1', 'v2', 'v3']);
    expect(Array.from(read.value.weight)).toEqual([120, 80, 50]);
    expect(Array.from(read.value.lon)).toEqual([120.1, 120.2, 120.3]);
  });

  it('reprojects a Shapefile in UTM 51N (.prj) to WGS 84', async () => {
    const read = await readPointsFile(bytes('villages-utm.zip'), { file: 'utm.zip' });
    expect(read.value.lon[2]).toBeCloseTo(120.3, 6);
    expect(read.value.lat[0]).toBeCloseTo(30.2, 6);
  });

  it('sniffs the format', () => {
    expect(pointFileFormat('x', Uint8Array.of(0x50, 0x4b, 3, 4))).toBe('shapefile');
    expect(pointFileFormat('x', ' {"type"')).toBe('geojson');
    expect(pointFileFormat('a.TXT', '{')).toBe('csv');
  });

  it('throws InputError naming the file for an empty zip', async () => {
    const error = await readPointsFile(new Uint8Array(0), { file: 'e.zip' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe('e.zip: empty file; expected a zip archive holding a Shapefile');
  });
});

describe('Shapefile attribute encoding', () => {
  it('reads GBK attributes of a .dbf without .cpg', async () => {
    const read = await readPointsFile(bytes('villages-gbk-shp.zip'), { file: 'gbk.zip', idField: 'name' });
    expect(read.value.ids).toEqual(['村一', '村二', '村三']);
    const utf8 = await readPointsFile(bytes('villages-shp.zip'), { file: 'utf8.zip', idField: 'name' });
    expect(utf8.value.ids).toEqual(['村一', '村二', '村三']);
    expect(dbfEncoding(Uint8Array.from([...new Array<number>(29).fill(0), 0x4d]), undefined)).toBe('gbk');
    expect(dbfEncoding(new Uint8Array(40), new TextEncoder().encode('936'))).toBe('gbk');
  });
});
