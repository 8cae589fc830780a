import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dbfFieldNames, fileHeaders } from '../../../src/io/file-headers';
import { InputError } from '../../../src/io/problems';

const fixture = (path: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url)));

describe('fileHeaders', () => {
  it('finds the columns, delimiter and encoding of a CSV file from its first bytes', async () => {
    const head = await fileHeaders(fixture('import/villages-gcj02.csv'), 'villages.csv');
    expect(head).toMatchObject({ format: 'csv', delimiter: ',', encoding: 'utf-8', role: 'villages' });
    expect(head.fields).toEqual(['id', 'name', 'lon', 'lat', 'pop']);
  });

  it('reads a GBK semicolon header without splitting a character at the cut', async () => {
    const gbk = Uint8Array.of(...new TextEncoder().encode('lon;lat;'), 0xc8, 0xcb, 0xbf, 0xda, 0x0a); // 人口
    const body = new Uint8Array(70_000).fill(0x31);
    const bytes = new Uint8Array(gbk.length + body.length);
    bytes.set(gbk);
    bytes.set(body, gbk.length);
    const head = await fileHeaders(bytes, 'v.csv');
    expect(head).toMatchObject({ delimiter: ';', encoding: 'gb18030', fields: ['lon', 'lat', '人口'] });
  });

  it('lists GeoJSON property names, and recognises plan files and OSRM tables', async () => {
    const geo = await fileHeaders(fixture('import/xss.geojson'), 'x.geojson');
    expect(geo).toMatchObject({ format: 'geojson', fields: ['id', 'name'] });
    expect((await fileHeaders(fixture('plan-v1.json'), 'p.json')).role).toBe('plan');
    const osrm = new TextEncoder().encode('{"code":"Ok","durations":[[1]]}');
    expect(await fileHeaders(osrm, 't.json')).toMatchObject({ format: 'osrm', role: 'osrm' });
  });

  it('gives the .dbf field names of a zipped Shapefile', async () => {
    const head = await fileHeaders(fixture('in/villages-shp.zip'), 'v.zip');
    expect(head.format).toBe('shapefile');
    expect(head.fields.length).toBeGreaterThan(0);
  });

  it('refuses an empty file and bad JSON with the file name', async () => {
    await expect(fileHeaders(new Uint8Array(0), 'e.csv')).rejects.toThrow(InputError);
    await expect(fileHeaders(new TextEncoder().encode('{"a":'), 'b.json')).rejects.toThrow(/^b\.json: /);
  });

  it('reads dBASE field descriptors up to the 0x0D terminator', () => {
    const dbf = new Uint8Array(32 + 64 + 1);
    dbf.set(new TextEncoder().encode('ID'), 32);
    dbf.set(new TextEncoder().encode('WEIGHT'), 64);
    dbf[96] = 0x0d;
    expect(dbfFieldNames(dbf)).toEqual(['ID', 'WEIGHT']);
  });
});
