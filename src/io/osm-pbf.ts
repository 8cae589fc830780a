/**
 * Streamed reader of OpenStreetMap `.osm.pbf` files (format: https://wiki.openstreetmap.org/wiki/PBF_Format):
 * a sequence of blobs, each a 4-byte big-endian BlobHeader length, a BlobHeader (type `OSMHeader` or `OSMData`,
 * datasize) and a Blob (raw or zlib bytes) holding a HeaderBlock or a PrimitiveBlock (string table, groups of
 * nodes, DenseNodes with delta-coded ids and coordinates, ways with delta-coded node refs).
 *
 * Two passes over the source, blob by blob, so memory follows the drivable network and not the file: pass 1
 * decodes only the ways and keeps the drivable ones (see ./osm-ways.ts); pass 2 rereads only the blobs that hold
 * nodes and keeps the coordinates of the nodes those ways use. Errors name the blob and its byte offset.
 */
import type { CarProfile } from '../core/road/profile';
import { ProtoError, ProtoReader, WIRE_BYTES } from './osm-protobuf';
import { NodeTable, WayCollector, type OsmReadStats } from './osm-ways';
import { InputError } from './problems';
import { WindowedReader, type ByteSource, type RoadReadProgress } from './roads-source';
import type { RoadWays } from '../core/road/types';

/** Inflates zlib data (RFC 1950) of a known raw size. */
export type Inflate = (data: Uint8Array, rawSize: number) => Uint8Array | Promise<Uint8Array>;

/** zlib inflate with the web platform's `DecompressionStream('deflate')` (browsers, workers, Node >= 18). */
export const streamInflate: Inflate = async (data) => {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
};

/** Options of {@link readOsmPbf}. */
export interface OsmPbfOptions {
  /** File name for messages. */
  file: string;
  profile: CarProfile;
  /** zlib inflater (default {@link streamInflate}; the CLI passes Node's faster `zlib.inflateSync`). */
  inflate?: Inflate;
  onProgress?: (progress: RoadReadProgress) => void;
}

/** Largest BlobHeader and Blob sizes allowed by the format (64 KiB and 32 MiB). */
const MAX_HEADER_BYTES = 64 * 1024;
const MAX_BLOB_BYTES = 32 * 1024 * 1024;
/** Features a reader must understand; others in `required_features` are refused. */
const KNOWN_FEATURES = new Set(['OsmSchema-V0.6', 'DenseNodes', 'HistoricalInformation']);

interface BlobRef {
  /** Byte offset of the blob's 4-byte length. */
  offset: number;
  /** Blob number, from 1. */
  number: number;
  dataOffset: number;
  dataSize: number;
}

/**
 * Reads the drivable ways of an `.osm.pbf` file.
 * @throws InputError naming the blob and byte offset of a broken part
 * @example
 * const { ways } = await readOsmPbf(blobSource(file), { file: file.name, profile: defaultCarProfile() });
 */
export async function readOsmPbf(
  source: ByteSource,
  options: OsmPbfOptions,
): Promise<{ ways: RoadWays; stats: OsmReadStats }> {
  const inflate = options.inflate ?? streamInflate;
  const reader = new WindowedReader(source);
  const collector = new WayCollector(options.profile);
  const nodeBlobs: BlobRef[] = [];
  let offset = 0;
  let number = 0;
  let sawHeader = false;
  while (offset < source.size) {
    number++;
    const blob = await readBlobRef(reader, source.size, offset, number, options.file);
    const fail = (reason: string): InputError =>
      new InputError(options.file, `blob ${number} at byte ${blob.offset}: ${reason}`);
    const bytes = await reader.read(blob.dataOffset, blob.dataSize);
    try {
      const data = await blobData(bytes, inflate);
      if (blob.type === 'OSMHeader') {
        checkHeader(data);
        sawHeader = true;
      } else if (blob.type === 'OSMData') {
        if (!sawHeader) throw new ProtoError('OSMData before the OSMHeader blob');
        if (readWays(data, collector)) nodeBlobs.push(blob);
      }
    } catch (error) {
      if (error instanceof ProtoError) throw fail(error.message);
      throw error;
    }
    offset = blob.dataOffset + blob.dataSize;
    options.onProgress?.({ pass: 1, bytesRead: offset, bytesTotal: source.size });
  }
  if (!sawHeader) throw new InputError(options.file, 'not an OSM PBF file: no OSMHeader blob');
  const nodes = collector.finish();
  const pass2Total = nodeBlobs.reduce((sum, b) => sum + b.dataOffset + b.dataSize - b.offset, 0);
  let pass2Read = 0;
  for (const blob of nodeBlobs) {
    if (nodes.size === 0) break;
    const bytes = await reader.read(blob.dataOffset, blob.dataSize);
    try {
      readNodes(await blobData(bytes, inflate), nodes);
    } catch (error) {
      if (error instanceof ProtoError) {
        throw new InputError(options.file, `blob ${blob.number} at byte ${blob.offset}: ${error.message}`);
      }
      throw error;
    }
    pass2Read += blob.dataOffset + blob.dataSize - blob.offset;
    options.onProgress?.({ pass: 2, bytesRead: pass2Read, bytesTotal: pass2Total });
  }
  return nodes.finish();
}

async function readBlobRef(
  reader: WindowedReader,
  size: number,
  offset: number,
  number: number,
  file: string,
): Promise<BlobRef & { type: string }> {
  const fail = (reason: string): InputError => new InputError(file, `blob ${number} at byte ${offset}: ${reason}`);
  const head = await reader.read(offset, 4);
  if (head.length < 4) throw fail('file ends inside a blob length');
  const headerBytes = ((head[0] << 24) | (head[1] << 16) | (head[2] << 8) | head[3]) >>> 0;
  if (headerBytes === 0 || headerBytes > MAX_HEADER_BYTES) {
    throw fail(`BlobHeader length ${headerBytes} is not in 1..${MAX_HEADER_BYTES}: not an OSM PBF file or damaged`);
  }
  const header = await reader.read(offset + 4, headerBytes);
  if (header.length < headerBytes) throw fail('file ends inside a BlobHeader');
  let type = '';
  let dataSize = -1;
  try {
    const r = new ProtoReader(header);
    while (r.more()) {
      const key = r.varint();
      const field = key >>> 3;
      if (field === 1 && (key & 7) === WIRE_BYTES) type = new TextDecoder().decode(r.bytes());
      else if (field === 3) dataSize = r.varint();
      else r.skip(key & 7);
    }
  } catch (error) {
    if (error instanceof ProtoError) throw fail(`bad BlobHeader: ${error.message}`);
    throw error;
  }
  if (type === '' || dataSize < 0) throw fail('BlobHeader without type or datasize');
  if (dataSize > MAX_BLOB_BYTES) throw fail(`blob of ${dataSize} bytes is over the 32 MiB limit`);
  const dataOffset = offset + 4 + headerBytes;
  if (dataOffset + dataSize > size) {
    throw fail(`blob of ${dataSize} bytes runs past the end of the file (${size} bytes): truncated file`);
  }
  return { offset, number, dataOffset, dataSize, type };
}

/** The decompressed contents of a Blob message. */
async function blobData(bytes: Uint8Array, inflate: Inflate): Promise<Uint8Array> {
  const r = new ProtoReader(bytes);
  let raw: Uint8Array | undefined;
  let zlib: Uint8Array | undefined;
  let rawSize = 0;
  let other = 0;
  while (r.more()) {
    const key = r.varint();
    const field = key >>> 3;
    if (field === 1) raw = r.bytes();
    else if (field === 2) rawSize = r.varint();
    else if (field === 3) zlib = r.bytes();
    else if (field >= 4 && field <= 7) {
      other = field;
      r.skip(key & 7);
    } else r.skip(key & 7);
  }
  if (raw !== undefined) return raw;
  if (zlib !== undefined) {
    let out: Uint8Array;
    try {
      out = await inflate(zlib, rawSize);
    } catch (error) {
      throw new ProtoError(`zlib data cannot be inflated (${(error as Error).message})`);
    }
    if (rawSize > 0 && out.length !== rawSize) {
      throw new ProtoError(`inflated to ${out.length} bytes, expected raw_size ${rawSize}`);
    }
    return out;
  }
  const names: Record<number, string> = { 4: 'lzma', 5: 'bzip2', 6: 'lz4', 7: 'zstd' };
  if (other > 0) throw new ProtoError(`${names[other]} compression is not supported (use zlib: osmium cat -o)`);
  throw new ProtoError('Blob holds no data');
}

function checkHeader(data: Uint8Array): void {
  const r = new ProtoReader(data);
  while (r.more()) {
    const key = r.varint();
    if (key >>> 3 === 4 && (key & 7) === WIRE_BYTES) {
      const feature = new TextDecoder().decode(r.bytes());
      if (!KNOWN_FEATURES.has(feature)) throw new ProtoError(`required feature "${feature}" is not supported`);
    } else r.skip(key & 7);
  }
}

/** A PrimitiveBlock's parts: string table bytes and group sub-arrays, and the coordinate transform. */
interface Block {
  strings: Uint8Array[];
  groups: Uint8Array[];
  granularity: number;
  latOffset: number;
  lonOffset: number;
}

function readBlock(data: Uint8Array, withStrings: boolean): Block {
  const r = new ProtoReader(data);
  const block: Block = { strings: [], groups: [], granularity: 100, latOffset: 0, lonOffset: 0 };
  while (r.more()) {
    const key = r.varint();
    const field = key >>> 3;
    if (field === 1 && withStrings) {
      const end = r.bytesEnd();
      const t = new ProtoReader(data, r.pos, end);
      while (t.more()) {
        const k = t.varint();
        if (k >>> 3 === 1) block.strings.push(t.bytes());
        else t.skip(k & 7);
      }
      r.pos = end;
    } else if (field === 2) block.groups.push(r.bytes());
    else if (field === 17) block.granularity = r.varint();
    else if (field === 19) block.latOffset = r.varint();
    else if (field === 20) block.lonOffset = r.varint();
    else r.skip(key & 7);
  }
  return block;
}

/** Pass 1: offers every way of a block to the collector. Returns whether the block holds nodes. */
function readWays(data: Uint8Array, collector: WayCollector): boolean {
  const block = readBlock(data, true);
  const decoder = new TextDecoder();
  const cache: (string | undefined)[] = new Array(block.strings.length);
  const str = (k: number): string => {
    let s = cache[k];
    if (s === undefined) {
      if (k >= block.strings.length) throw new ProtoError(`string index ${k} outside the string table`);
      s = cache[k] = decoder.decode(block.strings[k]);
    }
    return s;
  };
  let highwayKey = -1;
  for (let k = 0; k < block.strings.length; k++) {
    if (block.strings[k].length === 7 && str(k) === 'highway') highwayKey = k;
  }
  let hasNodes = false;
  const keys: number[] = [];
  const vals: number[] = [];
  const refs: number[] = [];
  for (const group of block.groups) {
    const g = new ProtoReader(group);
    while (g.more()) {
      const key = g.varint();
      const field = key >>> 3;
      if (field === 1 || field === 2) {
        hasNodes = true;
        g.skip(key & 7);
      } else if (field === 3) {
        const end = g.bytesEnd();
        const w = new ProtoReader(group, g.pos, end);
        g.pos = end;
        keys.length = vals.length = refs.length = 0;
        let refsStart = -1;
        let refsEnd = -1;
        while (w.more()) {
          const k = w.varint();
          const f = k >>> 3;
          if ((f === 2 || f === 3) && (k & 7) === WIRE_BYTES) {
            const e = w.bytesEnd();
            const list = f === 2 ? keys : vals;
            while (w.pos < e) list.push(w.varint());
          } else if (f === 8 && (k & 7) === WIRE_BYTES) {
            refsEnd = w.bytesEnd();
            refsStart = w.pos;
            w.pos = refsEnd;
          } else w.skip(k & 7);
        }
        let highway: string | undefined;
        for (let t = 0; t < keys.length; t++) if (keys[t] === highwayKey) highway = str(vals[t]);
        if (!collector.drives(highway)) {
          collector.waysSeen++;
          continue;
        }
        if (keys.length !== vals.length) throw new ProtoError('way with unequal keys and vals');
        const tags = (name: string): string | undefined => {
          for (let t = 0; t < keys.length; t++) if (str(keys[t]) === name) return str(vals[t]);
          return undefined;
        };
        if (refsStart >= 0) {
          const rr = new ProtoReader(group, refsStart, refsEnd);
          let id = 0;
          while (rr.more()) {
            id += rr.svarint();
            refs.push(id);
          }
        }
        collector.addWay(tags, refs);
      } else g.skip(key & 7);
    }
  }
  return hasNodes;
}

/** Pass 2: offers every node (plain and dense) of a block to the node table. */
function readNodes(data: Uint8Array, nodes: NodeTable): void {
  const block = readBlock(data, false);
  const { granularity, latOffset, lonOffset } = block;
  for (const group of block.groups) {
    const g = new ProtoReader(group);
    while (g.more()) {
      const key = g.varint();
      const field = key >>> 3;
      if (field === 2) {
        const end = g.bytesEnd();
        const d = new ProtoReader(group, g.pos, end);
        g.pos = end;
        let ids: [number, number] | undefined;
        let lats: [number, number] | undefined;
        let lons: [number, number] | undefined;
        while (d.more()) {
          const k = d.varint();
          const f = k >>> 3;
          if ((f === 1 || f === 8 || f === 9) && (k & 7) === WIRE_BYTES) {
            const e = d.bytesEnd();
            const range: [number, number] = [d.pos, e];
            if (f === 1) ids = range;
            else if (f === 8) lats = range;
            else lons = range;
            d.pos = e;
          } else d.skip(k & 7);
        }
        if (ids === undefined) continue;
        if (lats === undefined || lons === undefined) throw new ProtoError('DenseNodes without lat or lon');
        const ri = new ProtoReader(group, ids[0], ids[1]);
        const ra = new ProtoReader(group, lats[0], lats[1]);
        const ro = new ProtoReader(group, lons[0], lons[1]);
        let id = 0;
        let lat = 0;
        let lon = 0;
        while (ri.more()) {
          if (!ra.more() || !ro.more()) throw new ProtoError('DenseNodes with fewer coordinates than ids');
          id += ri.svarint();
          lat += ra.svarint();
          lon += ro.svarint();
          nodes.addNode(id, (lonOffset + granularity * lon) / 1e9, (latOffset + granularity * lat) / 1e9);
        }
      } else if (field === 1) {
        const end = g.bytesEnd();
        const n = new ProtoReader(group, g.pos, end);
        g.pos = end;
        let id = 0;
        let lat = 0;
        let lon = 0;
        while (n.more()) {
          const k = n.varint();
          const f = k >>> 3;
          if (f === 1) id = n.svarint();
          else if (f === 8) lat = n.svarint();
          else if (f === 9) lon = n.svarint();
          else n.skip(k & 7);
        }
        nodes.addNode(id, (lonOffset + granularity * lon) / 1e9, (latOffset + granularity * lat) / 1e9);
      } else g.skip(key & 7);
    }
  }
}
