/**
 * Where the road readers get their bytes: a random-access slice reader, so a file of several hundred MB is read
 * piece by piece (twice, for the two passes) and never held whole. The CLI adapts a Node file handle
 * (src/cli/road-file.ts), a browser worker a `File`/`Blob` ({@link blobSource}).
 */

/** A random-access byte source. */
export interface ByteSource {
  /** Total size in bytes. */
  size: number;
  /** Bytes `[offset, offset + length)`, shorter only at the end of the source. */
  read: (offset: number, length: number) => Promise<Uint8Array>;
}

/** A `Blob` (or `File`) as a byte source: `blob.slice().arrayBuffer()` per read. */
export function blobSource(blob: Blob): ByteSource {
  return {
    size: blob.size,
    read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()),
  };
}

/** Bytes in memory as a byte source (small files, tests). */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: async (offset, length) => bytes.subarray(offset, offset + length) };
}

/** Default read window: reads are grouped into windows of this many bytes. */
export const WINDOW_BYTES = 8 << 20;

/**
 * A read-ahead window over a source: requests that fall inside the current window are served without a new
 * read, so many small reads (PBF blob headers) cost one large read.
 */
export class WindowedReader {
  private readonly source: ByteSource;
  private readonly windowBytes: number;
  private window: Uint8Array = new Uint8Array(0);
  private windowStart = 0;

  constructor(source: ByteSource, windowBytes = WINDOW_BYTES) {
    this.source = source;
    this.windowBytes = windowBytes;
  }

  /** Bytes `[offset, offset + length)` (shorter at the end of the source). */
  async read(offset: number, length: number): Promise<Uint8Array> {
    const end = Math.min(offset + length, this.source.size);
    const windowEnd = this.windowStart + this.window.length;
    if (offset >= this.windowStart && end <= windowEnd) {
      return this.window.subarray(offset - this.windowStart, end - this.windowStart);
    }
    this.windowStart = offset;
    this.window = await this.source.read(offset, Math.max(length, this.windowBytes));
    return this.window.subarray(0, Math.min(length, this.window.length));
  }
}

/** Progress of a road read: the pass (1 ways, 2 nodes) and bytes read of the bytes that pass reads. */
export interface RoadReadProgress {
  pass: 1 | 2;
  bytesRead: number;
  bytesTotal: number;
}
