import { describe, expect, it } from 'vitest';
import { decodeGlyphRange, encodeGlyphRange, type Glyph } from '../../../src/io/glyph-pbf';

/** MapLibre's own reader of glyph files (its TypeScript source, run by Vitest; a variable so tsc does not check it). */
const PARSER = '../../../node_modules/maplibre-gl/src/style/parse_glyph_pbf';
const { parseGlyphPbf } = (await import(/* @vite-ignore */ PARSER)) as {
  parseGlyphPbf: (data: Uint8Array) => {
    id: number;
    bitmap: { width: number; data: Uint8Array };
    metrics: Record<string, number>;
  }[];
};

const glyph = (id: number, width: number, height: number, left: number, top: number): Glyph => ({
  id,
  bitmap: Uint8Array.from({ length: (width + 6) * (height + 6) }, (_, i) => (i * 7 + id) % 256),
  width,
  height,
  left,
  top,
  advance: width + 1,
});

describe('glyph range files', () => {
  it('are read back by MapLibre with the ids, metrics and bitmaps written', () => {
    const glyphs = [glyph(0x4e2d, 22, 23, 1, -6), glyph(0x56fd, 21, 22, -2, -7), glyph(0x20, 0, 0, 0, -26)];
    const data = encodeGlyphRange('sans-serif', '19968-20223', glyphs);
    const read = parseGlyphPbf(data);
    expect(read.map((g) => g.id)).toEqual([0x4e2d, 0x56fd, 0x20]);
    read.forEach((g, k) => {
      const { width, height, left, top, advance } = glyphs[k];
      expect(g.metrics).toEqual({ width, height, left, top, advance });
      expect(g.bitmap.width).toBe(width + 6);
      expect(Array.from(g.bitmap.data)).toEqual(Array.from(glyphs[k].bitmap));
    });
    expect(decodeGlyphRange(data)).toEqual(glyphs);
  });

  it('are exactly the bytes of the format (no spare capacity of the writer)', () => {
    const data = encodeGlyphRange('a', '0-255', [glyph(65, 1, 1, -1, 2)]);
    // stacks=1 { name=1 "a", range=2 "0-255", glyphs=3 { id=1 65, bitmap=2 (49 bytes), 1, 1, sint -1, sint 2, 2 } }
    const head = [0x0a, 75, 0x0a, 1, 97, 0x12, 5, ...Buffer.from('0-255'), 0x1a, 63, 0x08, 65, 0x12, 49];
    expect(Array.from(data.subarray(0, head.length))).toEqual(head);
    expect(Array.from(data.subarray(head.length + 49))).toEqual([0x18, 1, 0x20, 1, 0x28, 1, 0x30, 4, 0x38, 2]);
    expect(data.byteLength).toBe(77);
  });

  it('refuse a bitmap whose size does not match the glyph', () => {
    const bad = { ...glyph(65, 4, 4, 0, 0), width: 5 };
    expect(() => encodeGlyphRange('a', '0-255', [bad])).toThrow(/glyph 65: bitmap has 100 bytes, 5 x 4 needs 110/);
  });
});
