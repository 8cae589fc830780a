/**
 * Glyph ranges in the protocol buffer format that MapLibre reads from a style's `glyphs` URL (Mapbox's
 * glyphs.proto, as written by node-fontnik and read by MapLibre's parse_glyph_pbf.ts):
 * glyphs { stacks = 1: fontstack { name = 1, range = 2, glyphs = 3: glyph { id = 1, bitmap = 2, width = 3,
 * height = 4, left = 5 (sint32), top = 6 (sint32), advance = 7 } } }.
 * A bitmap is a signed distance field of (width + 6) x (height + 6) bytes: the glyph with a 3-pixel border.
 */
import { PbfReader, PbfWriter } from 'pbf';

/** The border around each glyph's bitmap, in pixels (MapLibre's GLYPH_PBF_BORDER). */
export const GLYPH_BORDER = 3;

/** One glyph: its signed distance field and its metrics at 24 px (integers, as the format stores them). */
export interface Glyph {
  /** Unicode code point. */
  id: number;
  /** (width + 6) x (height + 6) bytes, row by row. */
  bitmap: Uint8Array;
  width: number;
  height: number;
  /** From the pen position to the bitmap's left edge (without border). */
  left: number;
  /** From the em box's top origin to the bitmap's top edge (without border); negative below it. */
  top: number;
  advance: number;
}

/**
 * Encodes one range of glyphs of one font stack, as a fresh array of exactly the file's bytes.
 * @param range e.g. "19968-20223" (256 code points from a multiple of 256)
 * @throws Error when a bitmap's size does not match its width and height
 */
export function encodeGlyphRange(fontstack: string, range: string, glyphs: readonly Glyph[]): Uint8Array {
  for (const g of glyphs) {
    const bytes = (g.width + 2 * GLYPH_BORDER) * (g.height + 2 * GLYPH_BORDER);
    if (g.bitmap.length !== bytes) {
      throw new Error(`glyph ${g.id}: bitmap has ${g.bitmap.length} bytes, ${g.width} x ${g.height} needs ${bytes}`);
    }
  }
  const pbf = new PbfWriter();
  pbf.writeMessage(1, writeStack, { fontstack, range, glyphs });
  return pbf.finish().slice();
}

function writeStack(stack: { fontstack: string; range: string; glyphs: readonly Glyph[] }, pbf: PbfWriter): void {
  pbf.writeStringField(1, stack.fontstack);
  pbf.writeStringField(2, stack.range);
  for (const g of stack.glyphs) pbf.writeMessage(3, writeGlyph, g);
}

function writeGlyph(g: Glyph, pbf: PbfWriter): void {
  pbf.writeVarintField(1, g.id);
  pbf.writeBytesField(2, g.bitmap);
  pbf.writeVarintField(3, g.width);
  pbf.writeVarintField(4, g.height);
  pbf.writeSVarintField(5, g.left);
  pbf.writeSVarintField(6, g.top);
  pbf.writeVarintField(7, g.advance);
}

/** Decodes the glyphs of every font stack in a glyph range file (the inverse of `encodeGlyphRange`). */
export function decodeGlyphRange(data: Uint8Array): Glyph[] {
  return new PbfReader(data).readFields(readStack, []);
}

function readStack(tag: number, glyphs: Glyph[], pbf: PbfReader): void {
  if (tag === 1) pbf.readMessage(readStackField, glyphs);
}

function readStackField(tag: number, glyphs: Glyph[], pbf: PbfReader): void {
  const empty: Glyph = { id: 0, bitmap: new Uint8Array(0), width: 0, height: 0, left: 0, top: 0, advance: 0 };
  if (tag === 3) glyphs.push(pbf.readMessage(readGlyph, empty));
}

function readGlyph(tag: number, g: Glyph, pbf: PbfReader): void {
  if (tag === 1) g.id = pbf.readVarint();
  else if (tag === 2) g.bitmap = pbf.readBytes();
  else if (tag === 3) g.width = pbf.readVarint();
  else if (tag === 4) g.height = pbf.readVarint();
  else if (tag === 5) g.left = pbf.readSVarint();
  else if (tag === 6) g.top = pbf.readSVarint();
  else if (tag === 7) g.advance = pbf.readVarint();
}
