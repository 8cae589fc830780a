/**
 * The little of Protocol Buffers that the OSM PBF format needs (https://protobuf.dev/programming-guides/encoding/):
 * varints (up to 2^53, enough for OSM ids and coordinates), zigzag signed varints, length-delimited fields, and
 * skipping unknown fields. A cursor over one Uint8Array; no allocation per field.
 */

/** Wire types of protobuf fields. */
export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_BYTES = 2;
export const WIRE_FIXED32 = 5;

/** A malformed protobuf message (truncated or with an impossible field). */
export class ProtoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtoError';
  }
}

/** A cursor over `buf[pos .. end)`. */
export class ProtoReader {
  buf: Uint8Array;
  pos: number;
  end: number;

  constructor(buf: Uint8Array, pos = 0, end = buf.length) {
    this.buf = buf;
    this.pos = pos;
    this.end = end;
  }

  /** Reads an unsigned varint as a Number (exact below 2^53). */
  varint(): number {
    const { buf } = this;
    let pos = this.pos;
    let b = buf[pos++];
    let value = b & 0x7f;
    if (b < 0x80) {
      this.pos = pos;
      return value;
    }
    b = buf[pos++];
    value |= (b & 0x7f) << 7;
    if (b < 0x80) {
      this.pos = pos;
      return value;
    }
    b = buf[pos++];
    value |= (b & 0x7f) << 14;
    if (b < 0x80) {
      this.pos = pos;
      return value;
    }
    b = buf[pos++];
    value = (value | ((b & 0x7f) << 21)) >>> 0;
    if (b < 0x80) {
      this.pos = pos;
      return value;
    }
    let scale = 0x10000000;
    for (let k = 0; k < 6; k++) {
      if (pos >= this.end) break;
      b = buf[pos++];
      value += (b & 0x7f) * scale;
      if (b < 0x80) {
        this.pos = pos;
        return value;
      }
      scale *= 128;
    }
    throw new ProtoError(`bad varint at byte ${this.pos}`);
  }

  /** Reads a zigzag-encoded signed varint (sint32, sint64). */
  svarint(): number {
    const v = this.varint();
    return v % 2 === 1 ? (v + 1) / -2 : v / 2;
  }

  /** Reads a length prefix and returns the end of the field's bytes, checking it fits. */
  bytesEnd(): number {
    const length = this.varint();
    const end = this.pos + length;
    if (end > this.end) throw new ProtoError(`field of ${length} bytes runs past the end of its message`);
    return end;
  }

  /** Reads a length-delimited field as a sub-array (no copy). */
  bytes(): Uint8Array {
    const end = this.bytesEnd();
    const out = this.buf.subarray(this.pos, end);
    this.pos = end;
    return out;
  }

  /** Skips a field of the given wire type. */
  skip(wire: number): void {
    if (wire === WIRE_VARINT) this.varint();
    else if (wire === WIRE_BYTES) this.pos = this.bytesEnd();
    else if (wire === WIRE_FIXED64) this.pos += 8;
    else if (wire === WIRE_FIXED32) this.pos += 4;
    else throw new ProtoError(`unknown wire type ${wire} at byte ${this.pos}`);
    if (this.pos > this.end) throw new ProtoError('message truncated');
  }

  /** True while there are bytes left. */
  more(): boolean {
    return this.pos < this.end;
  }
}
