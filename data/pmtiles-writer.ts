/**
 * Writes a PMTiles v3 archive: one file holding a pyramid of tiles, read by HTTP range requests (or whole).
 * The `pmtiles` package only reads; this follows the v3 specification
 * (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md): a 127-byte header, a root directory within
 * the first 16 KiB, JSON metadata, leaf directories when the root would not fit, then the tile data. Entries
 * are in tile-id order (Hilbert order of z/x/y, `zxyToTileId`), tiles with identical bytes are stored once and
 * consecutive ones become one run, and the archive is "clustered" (tile data in entry order), so the same
 * tiles always give the same bytes.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';

/** One tile of the archive, already encoded (e.g. a gzipped Mapbox Vector Tile). */
export interface ArchiveTile {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}

export interface ArchiveOptions {
  /** JSON metadata (for vector tiles: `vector_layers`, `attribution`...). */
  metadata: Record<string, unknown>;
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  /** 1 = MVT (see the spec's tile types). */
  tileType: 1;
  /** Compression of every tile's bytes: 1 none, 2 gzip. */
  tileCompression: 1 | 2;
}

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

const HEADER_BYTES = 127;
/** The header and the root directory must fit in the first 16 KiB (spec: "Root Directory"). */
const ROOT_LIMIT = 16384 - HEADER_BYTES;
/** Internal compression (directories and metadata): 2 = gzip. */
const INTERNAL_GZIP = 2;

const gzip = (bytes: Uint8Array): Uint8Array => new Uint8Array(gzipSync(bytes, { level: 9 }));

/** Appends an unsigned LEB128 varint; numbers up to 2^53 (tile ids and offsets exceed 32 bits). */
function pushVarint(out: number[], value: number): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/**
 * A directory's bytes before compression: the entry count, then the columns tile id (delta-coded), run length,
 * length and offset (0 = right after the previous entry's data, else offset + 1).
 */
function serializeDirectory(entries: readonly Entry[]): Uint8Array {
  const out: number[] = [];
  pushVarint(out, entries.length);
  let lastId = 0;
  for (const e of entries) {
    pushVarint(out, e.tileId - lastId);
    lastId = e.tileId;
  }
  for (const e of entries) pushVarint(out, e.runLength);
  for (const e of entries) pushVarint(out, e.length);
  entries.forEach((e, i) => {
    const contiguous = i > 0 && e.offset === entries[i - 1].offset + entries[i - 1].length;
    pushVarint(out, contiguous ? 0 : e.offset + 1);
  });
  return new Uint8Array(out);
}

/** Root and leaf directories: everything in the root when it fits, else leaves of `leafSize` entries, growing. */
function buildDirectories(entries: readonly Entry[]): { root: Uint8Array; leaves: Uint8Array } {
  const root = gzip(serializeDirectory(entries));
  if (root.byteLength <= ROOT_LIMIT) return { root, leaves: new Uint8Array(0) };
  for (let leafSize = 4096; ; leafSize *= 2) {
    const rootEntries: Entry[] = [];
    const parts: Uint8Array[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += leafSize) {
      const leaf = gzip(serializeDirectory(entries.slice(i, i + leafSize)));
      // A root entry with run length 0 points to a leaf directory (offset within the leaf section).
      rootEntries.push({ tileId: entries[i].tileId, offset, length: leaf.byteLength, runLength: 0 });
      parts.push(leaf);
      offset += leaf.byteLength;
    }
    const leafRoot = gzip(serializeDirectory(rootEntries));
    if (leafRoot.byteLength <= ROOT_LIMIT) return { root: leafRoot, leaves: concat(parts) };
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/**
 * The archive's bytes.
 * @param tiles any order; at most one tile per z/x/y
 * @throws Error when a z/x/y appears twice or there is no tile
 * @example
 * writePmtiles([{ z: 0, x: 0, y: 0, data: gzipped }], { metadata: {}, bounds: [73, 18, 135, 54], tileType: 1, tileCompression: 2 })
 */
export function writePmtiles(tiles: readonly ArchiveTile[], options: ArchiveOptions): Uint8Array {
  if (tiles.length === 0) throw new Error('writePmtiles: expected at least one tile');
  const sorted = tiles
    .map((t) => ({ tileId: zxyToTileId(t.z, t.x, t.y), tile: t }))
    .sort((a, b) => a.tileId - b.tileId);
  const entries: Entry[] = [];
  const data: Uint8Array[] = [];
  const stored = new Map<string, { offset: number; length: number }>();
  let dataBytes = 0;
  for (const { tileId, tile } of sorted) {
    const last = entries.at(-1);
    if (last !== undefined && last.tileId + last.runLength > tileId) {
      throw new Error(`writePmtiles: tile ${tile.z}/${tile.x}/${tile.y} given twice`);
    }
    const key = createHash('sha256').update(tile.data).digest('hex');
    let where = stored.get(key);
    if (where === undefined) {
      where = { offset: dataBytes, length: tile.data.byteLength };
      stored.set(key, where);
      data.push(tile.data);
      dataBytes += tile.data.byteLength;
    }
    if (last !== undefined && last.tileId + last.runLength === tileId && last.offset === where.offset) last.runLength++;
    else entries.push({ tileId, offset: where.offset, length: where.length, runLength: 1 });
  }
  const { root, leaves } = buildDirectories(entries);
  const metadata = gzip(new TextEncoder().encode(JSON.stringify(options.metadata)));

  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.byteLength;
  const leavesOffset = metadataOffset + metadata.byteLength;
  const dataOffset = leavesOffset + leaves.byteLength;
  const header = new DataView(new ArrayBuffer(HEADER_BYTES));
  new Uint8Array(header.buffer).set(new TextEncoder().encode('PMTiles'), 0);
  header.setUint8(7, 3);
  const u64 = (at: number, value: number) => header.setBigUint64(at, BigInt(value), true);
  u64(8, rootOffset);
  u64(16, root.byteLength);
  u64(24, metadataOffset);
  u64(32, metadata.byteLength);
  u64(40, leavesOffset);
  u64(48, leaves.byteLength);
  u64(56, dataOffset);
  u64(64, dataBytes);
  u64(72, tiles.length); // addressed tiles
  u64(80, entries.length); // tile entries
  u64(88, data.length); // tile contents
  header.setUint8(96, 1); // clustered
  header.setUint8(97, INTERNAL_GZIP);
  header.setUint8(98, options.tileCompression);
  header.setUint8(99, options.tileType);
  const zooms = tiles.map((t) => t.z);
  const minZoom = Math.min(...zooms);
  const maxZoom = Math.max(...zooms);
  header.setUint8(100, minZoom);
  header.setUint8(101, maxZoom);
  const e7 = (degrees: number) => Math.round(degrees * 1e7);
  const [west, south, east, north] = options.bounds;
  header.setInt32(102, e7(west), true);
  header.setInt32(106, e7(south), true);
  header.setInt32(110, e7(east), true);
  header.setInt32(114, e7(north), true);
  header.setUint8(118, minZoom); // center zoom
  header.setInt32(119, e7((west + east) / 2), true);
  header.setInt32(123, e7((south + north) / 2), true);
  return concat([new Uint8Array(header.buffer), root, metadata, leaves, ...data]);
}
