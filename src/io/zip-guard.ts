/**
 * Checks a zip archive before anything is inflated (APPNOTE.TXT 6.3, PKWARE: the central directory lists each
 * entry's compression method, compressed and uncompressed size, with ZIP64 extra fields for sizes of 4 GiB or
 * more). A "zip bomb" (2 GiB of zeros deflated to 2 MiB) is refused from its declared size or its ratio in
 * microseconds, and an entry that inflates past its declared size is stopped there by {@link boundedInflate}, so
 * memory stays bounded even when the directory lies. Pure (no Node API): runs in a worker and in the CLI.
 */
import { inputError } from './problems';

/** Limits of {@link checkZipEntries}. */
export interface ZipLimits {
  /** Largest uncompressed entry, in MiB (default 512). */
  maxEntryMb?: number;
  /** Largest uncompressed/compressed ratio of an entry over {@link RATIO_FLOOR_BYTES} (default 250). */
  maxRatio?: number;
}

/** One entry of the central directory. */
export interface ZipEntryInfo {
  name: string;
  /** 0 stored, 8 deflate; anything else is refused. */
  method: number;
  compressedBytes: number;
  uncompressedBytes: number;
}

const MIB = 1024 * 1024;
/** Entries smaller than this (8 MiB uncompressed) are not ratio-checked: small text files compress very well. */
export const RATIO_FLOOR_BYTES = 8 * MIB;
const DEFAULT_MAX_ENTRY_MB = 512;
const DEFAULT_MAX_RATIO = 250;

/**
 * Reads the central directory of a zip archive (its end record must exist; see shapefile.ts).
 * @throws InputError `zipDamaged` when the directory runs past the end of the file
 */
export function zipDirectory(bytes: Uint8Array, file: string): ZipEntryInfo[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let k = bytes.length - 22; k >= 0 && k >= bytes.length - 22 - 65535; k--) {
    if (view.getUint32(k, true) === 0x06054b50) {
      end = k;
      break;
    }
  }
  const damaged = (detail: string) => inputError(file, 'zipDamaged', { detail });
  if (end < 0) throw damaged('no end of central directory');
  let count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  // ZIP64 end of central directory locator, 20 bytes before the end record.
  if ((count === 0xffff || offset === 0xffffffff) && end >= 20 && view.getUint32(end - 20, true) === 0x07064b50) {
    const record = Number(view.getBigUint64(end - 12, true));
    if (record + 56 > bytes.length || view.getUint32(record, true) !== 0x06064b50) throw damaged('bad ZIP64 record');
    count = Number(view.getBigUint64(record + 32, true));
    offset = Number(view.getBigUint64(record + 48, true));
  }
  const entries: ZipEntryInfo[] = [];
  const decoder = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) {
      throw damaged(`central directory entry ${k} is missing`);
    }
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (offset + 46 + nameLength + extraLength > bytes.length) throw damaged(`central directory entry ${k} is cut`);
    let compressedBytes = view.getUint32(offset + 20, true);
    let uncompressedBytes = view.getUint32(offset + 24, true);
    if (compressedBytes === 0xffffffff || uncompressedBytes === 0xffffffff) {
      // ZIP64 extended information (header id 1): the 8-byte sizes present, uncompressed first.
      let at = offset + 46 + nameLength;
      const stop = at + extraLength;
      while (at + 4 <= stop) {
        const id = view.getUint16(at, true);
        const size = view.getUint16(at + 2, true);
        if (id === 1) {
          let field = at + 4;
          if (uncompressedBytes === 0xffffffff && field + 8 <= stop) {
            uncompressedBytes = Number(view.getBigUint64(field, true));
            field += 8;
          }
          if (compressedBytes === 0xffffffff && field + 8 <= stop) {
            compressedBytes = Number(view.getBigUint64(field, true));
          }
          break;
        }
        at += 4 + size;
      }
    }
    entries.push({
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      method: view.getUint16(offset + 10, true),
      compressedBytes,
      uncompressedBytes,
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Refuses an archive, before inflating, when an entry uses a method other than stored or deflate, declares more
 * than `maxEntryMb` MiB, or (over 8 MiB) inflates more than `maxRatio` times.
 * @returns the directory, for {@link boundedInflate}'s caps
 * @throws InputError `zipMethod`, `zipEntryTooLarge` or `zipRatio`, naming the entry
 * @example
 * checkZipEntries(bomb, 'bomb.zip'); // InputError: zip entry zeros.dbf would inflate to 2048.0 MB ...
 */
export function checkZipEntries(bytes: Uint8Array, file: string, limits: ZipLimits = {}): ZipEntryInfo[] {
  const maxEntryMb = limits.maxEntryMb ?? DEFAULT_MAX_ENTRY_MB;
  const maxRatio = limits.maxRatio ?? DEFAULT_MAX_RATIO;
  const entries = zipDirectory(bytes, file);
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const name = quoteName(entry.name);
    if (entry.method !== 0 && entry.method !== 8) {
      throw inputError(file, 'zipMethod', { name, method: String(entry.method) });
    }
    if (entry.uncompressedBytes > maxEntryMb * MIB) {
      throw inputError(file, 'zipEntryTooLarge', {
        name,
        sizeMb: (entry.uncompressedBytes / MIB).toFixed(1),
        limitMb: String(maxEntryMb),
      });
    }
    const ratio = entry.uncompressedBytes / Math.max(1, entry.compressedBytes);
    if (entry.uncompressedBytes > RATIO_FLOOR_BYTES && ratio > maxRatio) {
      throw inputError(file, 'zipRatio', { name, ratio: ratio.toFixed(0), limit: String(maxRatio) });
    }
  }
  return entries;
}

/** An entry name cut to 60 characters, quoted, for one-line messages. */
function quoteName(name: string): string {
  return JSON.stringify(name.length > 60 ? `${name.slice(0, 57)}...` : name);
}

/**
 * Inflates raw deflate data (DecompressionStream 'deflate-raw', in browsers and Node 18+), stopping as soon as
 * the output passes `capBytes`.
 * @throws InputError `zipInflatesPast` naming the entry when the data inflates past the cap
 */
export async function boundedInflate(
  raw: Uint8Array,
  capBytes: number,
  file: string,
  name: string,
): Promise<Uint8Array> {
  const stream = new Blob([raw as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > capBytes) {
      await reader.cancel();
      throw inputError(file, 'zipInflatesPast', { name: quoteName(name), size: String(capBytes) });
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
