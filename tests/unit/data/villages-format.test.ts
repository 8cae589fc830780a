import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkNamesMatch, decodeVillageNames, encodeVillageNames } from '../../../src/data/village-names';
import { villageCode, type VillageTable } from '../../../src/core/villages';
import { decodeVillages, encodedVillagesBytes, encodeVillages } from '../../../src/data/villages';

/** An arbitrary valid village table (positions are Float32 values, as stored). */
const tableArbitrary = fc
  .record({
    counties: fc.uniqueArray(fc.integer({ min: 110000, max: 659999 }), { minLength: 1, maxLength: 5 }),
    townships: fc.uniqueArray(fc.integer({ min: 110000000, max: 659999999 }), { minLength: 1, maxLength: 8 }),
    count: fc.nat({ max: 40 }),
  })
  .chain(({ counties, townships, count }) =>
    fc.record({
      provinceCode: fc.constantFrom('11', '33', '65'),
      count: fc.constant(count),
      positions: fc.float32Array({ minLength: 2 * count, maxLength: 2 * count, noNaN: true }),
      rural: fc.uint8Array({ min: 0, max: 1, minLength: count, maxLength: count }),
      countyBoundary: fc.uint8Array({ min: 0, max: 1, minLength: count, maxLength: count }),
      countyIndex: fc.array(fc.nat({ max: counties.length - 1 }), { minLength: count, maxLength: count }),
      counties: fc.constant(counties.sort().map(String)),
      townshipIndex: fc.array(fc.nat({ max: townships.length - 1 }), { minLength: count, maxLength: count }),
      townships: fc.constant(townships.sort().map(String)),
      codeSuffix: fc.array(fc.nat({ max: 999 }), { minLength: count, maxLength: count }),
    }),
  )
  .map((t): VillageTable => ({
    ...t,
    countyIndex: Uint16Array.from(t.countyIndex),
    townshipIndex: Uint16Array.from(t.townshipIndex),
    codeSuffix: Uint16Array.from(t.codeSuffix),
  }));

/** A table as plain arrays, for deep comparison independent of typed-array views. */
function plain(t: VillageTable) {
  return {
    ...t,
    positions: Array.from(t.positions),
    rural: Array.from(t.rural),
    countyBoundary: Array.from(t.countyBoundary),
    countyIndex: Array.from(t.countyIndex),
    townshipIndex: Array.from(t.townshipIndex),
    codeSuffix: Array.from(t.codeSuffix),
  };
}

describe('village binary format', () => {
  it('decodes what it encodes (round trip), at the documented size', () => {
    fc.assert(
      fc.property(tableArbitrary, (table) => {
        const buffer = encodeVillages(table);
        expect(buffer.byteLength).toBe(
          encodedVillagesBytes(table.count, table.counties.length, table.townships.length),
        );
        expect(plain(decodeVillages(buffer))).toEqual(plain(table));
      }),
      { numRuns: 200 },
    );
  });

  it('lays out the header byte by byte as documented', () => {
    const table: VillageTable = {
      provinceCode: '33',
      count: 1,
      positions: Float32Array.of(120.5, 30.25),
      rural: Uint8Array.of(1),
      countyBoundary: Uint8Array.of(1),
      countyIndex: Uint16Array.of(0),
      counties: ['330102'],
      townshipIndex: Uint16Array.of(0),
      townships: ['330102001'],
      codeSuffix: Uint16Array.of(51),
    };
    const buffer = encodeVillages(table);
    const view = new DataView(buffer);
    expect(new TextDecoder().decode(new Uint8Array(buffer, 0, 4))).toBe('RRVL');
    expect(view.getUint16(4, true)).toBe(1);
    expect(view.getUint32(8, true)).toBe(1);
    expect([view.getUint16(12, true), view.getUint16(14, true)]).toEqual([1, 1]);
    expect(new TextDecoder().decode(new Uint8Array(buffer, 16, 2))).toBe('33');
    expect(view.getUint32(20, true)).toBe(330102);
    expect(view.getUint32(24, true)).toBe(330102001);
    expect([view.getFloat32(28, true), view.getFloat32(32, true)]).toEqual([120.5, 30.25]);
    expect(view.getUint16(36, true)).toBe(0);
    expect(view.getUint16(38, true)).toBe(0);
    expect(view.getUint16(40, true)).toBe(51);
    expect(view.getUint8(42)).toBe(3);
    expect(buffer.byteLength).toBe(43);
    expect(villageCode(decodeVillages(buffer), 0)).toBe('330102001051');
  });

  it('rejects a wrong magic, version or length, and inconsistent tables', () => {
    const good = encodeVillages({
      provinceCode: '11',
      count: 0,
      positions: new Float32Array(0),
      rural: new Uint8Array(0),
      countyBoundary: new Uint8Array(0),
      countyIndex: new Uint16Array(0),
      counties: [],
      townshipIndex: new Uint16Array(0),
      townships: [],
      codeSuffix: new Uint16Array(0),
    });
    const badMagic = good.slice(0);
    new Uint8Array(badMagic)[0] = 0x58;
    expect(() => decodeVillages(badMagic)).toThrow(/Not a village file/);
    const badVersion = good.slice(0);
    new DataView(badVersion).setUint16(4, 9, true);
    expect(() => decodeVillages(badVersion)).toThrow(/version 9/);
    expect(() => decodeVillages(good.slice(0, 10))).toThrow(/too short/);
    const longer = new Uint8Array(good.byteLength + 1);
    longer.set(new Uint8Array(good));
    expect(() => decodeVillages(longer.buffer)).toThrow(/expected 20/);
    expect(() => encodeVillages({ ...decodeVillages(good), count: 1 })).toThrow(/positions has 0 values, expected 2/);
  });
});

describe('village names format', () => {
  it('round-trips and checks lengths against the table', () => {
    const names = {
      provinceCode: '33',
      countyNames: ['上城区'],
      townshipNames: ['清波街道'],
      villageNames: ['清波门社区'],
    };
    const decoded = decodeVillageNames(encodeVillageNames(names));
    expect(decoded).toEqual(names);
    const table = decodeVillages(
      encodeVillages({
        provinceCode: '33',
        count: 1,
        positions: Float32Array.of(120, 30),
        rural: Uint8Array.of(0),
        countyBoundary: Uint8Array.of(1),
        countyIndex: Uint16Array.of(0),
        counties: ['330102'],
        townshipIndex: Uint16Array.of(0),
        townships: ['330102001'],
        codeSuffix: Uint16Array.of(51),
      }),
    );
    expect(() => checkNamesMatch(table, decoded)).not.toThrow();
    expect(() => checkNamesMatch(table, { ...decoded, villageNames: [] })).toThrow(
      /villageNames has 0 entries, expected 1/,
    );
    expect(() => decodeVillageNames('{"format":"x"}')).toThrow(/format/);
    expect(() => decodeVillageNames({ ...JSON.parse(encodeVillageNames(names)), villageNames: [1] })).toThrow(
      /villageNames must be an array of strings/,
    );
  });
});
