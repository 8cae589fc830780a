/**
 * The binary format of the embedded villages of one province (`public/data/villages/<code>.bin`), in one place:
 * written by the data build (data/build.ts), read by the browser (workers/data.worker.ts) and by Node (CLI, tests).
 * Pure functions: no DOM, no fs. The format is documented byte by byte in data/README.md.
 *
 * Layout (version 1, little-endian, every typed section aligned to its element size):
 * ```
 * offset  size   content
 * 0       4      magic "RRVL" (ASCII)
 * 4       2      Uint16 format version (1)
 * 6       2      Uint16 reserved, 0
 * 8       4      Uint32 N, number of villages
 * 12      2      Uint16 C, number of counties
 * 14      2      Uint16 T, number of townships
 * 16      2      province code, 2 ASCII digits
 * 18      2      reserved, 0
 * 20      4C     Uint32 county codes (6-digit GB/T 2260 codes as integers), ascending
 * ..      4T     Uint32 township codes (9-digit NBS codes as integers), ascending
 * ..      8N     Float32 positions, interleaved [lon, lat, ...] in degrees (WGS 84)
 * ..      2N     Uint16 county index of each village (into the county codes)
 * ..      2N     Uint16 township index of each village (into the township codes)
 * ..      2N     Uint16 village code suffix: code = township code * 1000 + suffix (12-digit NBS code)
 * ..      N      Uint8 flags: bit 0 rural (村委会 / 村民委员会), bit 1 countyBoundary (placed in its own county polygon)
 * ```
 * Villages are in ascending code order. Positions are synthetic (see the manifest's `positionSource`).
 */

import type { VillageTable } from '../core/villages';

/** Magic bytes at the start of every village file. */
export const VILLAGES_MAGIC = 'RRVL';
/** Version of the layout above; bump it when the layout changes. */
export const VILLAGES_FORMAT_VERSION = 1;
const HEADER_BYTES = 20;
const FLAG_RURAL = 1;
const FLAG_COUNTY_BOUNDARY = 2;

/** Byte size of an encoded table, from its counts. */
export function encodedVillagesBytes(count: number, counties: number, townships: number): number {
  return HEADER_BYTES + 4 * (counties + townships) + count * (8 + 2 + 2 + 2 + 1);
}

/**
 * Encodes a village table into the binary layout above.
 * @throws Error when the arrays do not have the lengths `count` implies, or an index or code is out of range
 */
export function encodeVillages(table: VillageTable): ArrayBuffer {
  const { count, counties, townships } = table;
  checkTable(table);
  const buffer = new ArrayBuffer(encodedVillagesBytes(count, counties.length, townships.length));
  const view = new DataView(buffer);
  for (let k = 0; k < 4; k++) view.setUint8(k, VILLAGES_MAGIC.charCodeAt(k));
  view.setUint16(4, VILLAGES_FORMAT_VERSION, true);
  view.setUint32(8, count, true);
  view.setUint16(12, counties.length, true);
  view.setUint16(14, townships.length, true);
  view.setUint8(16, table.provinceCode.charCodeAt(0));
  view.setUint8(17, table.provinceCode.charCodeAt(1));
  const s = sections(count, counties.length, townships.length);
  const countyCodes = new Uint32Array(buffer, s.counties, counties.length);
  counties.forEach((code, k) => (countyCodes[k] = Number(code)));
  const townshipCodes = new Uint32Array(buffer, s.townships, townships.length);
  townships.forEach((code, k) => (townshipCodes[k] = Number(code)));
  new Float32Array(buffer, s.positions, 2 * count).set(table.positions);
  new Uint16Array(buffer, s.countyIndex, count).set(table.countyIndex);
  new Uint16Array(buffer, s.townshipIndex, count).set(table.townshipIndex);
  new Uint16Array(buffer, s.codeSuffix, count).set(table.codeSuffix);
  const flags = new Uint8Array(buffer, s.flags, count);
  for (let i = 0; i < count; i++) {
    flags[i] = (table.rural[i] ? FLAG_RURAL : 0) | (table.countyBoundary[i] ? FLAG_COUNTY_BOUNDARY : 0);
  }
  return buffer;
}

/**
 * Decodes a village file. Positions, indices and suffixes are views on `buffer` (no copy); `rural` and
 * `countyBoundary` are unpacked from the flags byte.
 * @throws Error when the magic, version or byte length is wrong
 */
export function decodeVillages(buffer: ArrayBuffer): VillageTable {
  if (buffer.byteLength < HEADER_BYTES) throw new Error(`Village file too short: ${buffer.byteLength} bytes`);
  const view = new DataView(buffer);
  const magic = String.fromCharCode(view.getUint8(0), view.getUint8(1), view.getUint8(2), view.getUint8(3));
  if (magic !== VILLAGES_MAGIC) throw new Error(`Not a village file: magic "${magic}", expected "${VILLAGES_MAGIC}"`);
  const version = view.getUint16(4, true);
  if (version !== VILLAGES_FORMAT_VERSION) {
    throw new Error(`Village file version ${version}, this reader expects ${VILLAGES_FORMAT_VERSION}`);
  }
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new Error('Village files need a little-endian host');
  const count = view.getUint32(8, true);
  const countyCount = view.getUint16(12, true);
  const townshipCount = view.getUint16(14, true);
  const expected = encodedVillagesBytes(count, countyCount, townshipCount);
  if (buffer.byteLength !== expected) {
    throw new Error(`Village file has ${buffer.byteLength} bytes, expected ${expected} for ${count} villages`);
  }
  const provinceCode = String.fromCharCode(view.getUint8(16), view.getUint8(17));
  const s = sections(count, countyCount, townshipCount);
  const counties = Array.from(new Uint32Array(buffer, s.counties, countyCount), (code) =>
    String(code).padStart(6, '0'),
  );
  const townships = Array.from(new Uint32Array(buffer, s.townships, townshipCount), (code) =>
    String(code).padStart(9, '0'),
  );
  const flags = new Uint8Array(buffer, s.flags, count);
  const rural = new Uint8Array(count);
  const countyBoundary = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    rural[i] = flags[i] & FLAG_RURAL;
    countyBoundary[i] = (flags[i] & FLAG_COUNTY_BOUNDARY) >> 1;
  }
  return {
    provinceCode,
    count,
    positions: new Float32Array(buffer, s.positions, 2 * count),
    rural,
    countyBoundary,
    countyIndex: new Uint16Array(buffer, s.countyIndex, count),
    counties,
    townshipIndex: new Uint16Array(buffer, s.townshipIndex, count),
    townships,
    codeSuffix: new Uint16Array(buffer, s.codeSuffix, count),
  };
}

/** Byte offsets of the sections after the header. */
function sections(count: number, counties: number, townships: number) {
  const countiesAt = HEADER_BYTES;
  const townshipsAt = countiesAt + 4 * counties;
  const positions = townshipsAt + 4 * townships;
  const countyIndex = positions + 8 * count;
  const townshipIndex = countyIndex + 2 * count;
  const codeSuffix = townshipIndex + 2 * count;
  const flags = codeSuffix + 2 * count;
  return { counties: countiesAt, townships: townshipsAt, positions, countyIndex, townshipIndex, codeSuffix, flags };
}

function checkTable(table: VillageTable): void {
  const { count } = table;
  if (!/^\d\d$/.test(table.provinceCode))
    throw new Error(`Province code must be 2 digits, got "${table.provinceCode}"`);
  if (table.counties.length > 0xffff || table.townships.length > 0xffff) {
    throw new Error(`At most 65535 counties and townships, got ${table.counties.length} and ${table.townships.length}`);
  }
  const lengths: [string, number, number][] = [
    ['positions', table.positions.length, 2 * count],
    ['rural', table.rural.length, count],
    ['countyBoundary', table.countyBoundary.length, count],
    ['countyIndex', table.countyIndex.length, count],
    ['townshipIndex', table.townshipIndex.length, count],
    ['codeSuffix', table.codeSuffix.length, count],
  ];
  for (const [name, actual, expected] of lengths) {
    if (actual !== expected)
      throw new Error(`${name} has ${actual} values, expected ${expected} for ${count} villages`);
  }
  for (const code of table.counties) if (!/^\d{6}$/.test(code)) throw new Error(`Bad county code "${code}"`);
  for (const code of table.townships) if (!/^\d{9}$/.test(code)) throw new Error(`Bad township code "${code}"`);
  for (let i = 0; i < count; i++) {
    if (table.countyIndex[i] >= table.counties.length || table.townshipIndex[i] >= table.townships.length) {
      throw new Error(`Village ${i} has a county or township index out of range`);
    }
    if (table.codeSuffix[i] > 999) throw new Error(`Village ${i} has code suffix ${table.codeSuffix[i]} > 999`);
  }
}
