/**
 * Draws the map's label glyphs off the main thread: each range of 256 code points that MapLibre asks for through
 * the style's `glyphs://` URL (registered by src/app/glyphs.ts) is drawn with TinySDF on an OffscreenCanvas, from the
 * machine's own fonts, and encoded as a glyph range file (src/io/glyph-pbf.ts). Left to itself MapLibre draws
 * Chinese labels with TinySDF on the main thread (its `localIdeographFontFamily`), some 600 ms in one task when the
 * county names first appear (measured in session 29, production build, headless Chromium).
 * A range holds up to 256 characters, and a glyph costs 0.4 ms here (the first one 0.8 s: the worker loads its
 * fonts): 65 ranges for Zhejiang's county names, 1,111 glyphs in 1.3 s, where whole ranges would take 7 s. So only
 * the characters of the label alphabet (the text of the files the labels come from) are drawn in a range that has
 * any of them, the whole range otherwise.
 */
import TinySDF from '@mapbox/tiny-sdf';
import { encodeGlyphRange, GLYPH_BORDER, type Glyph } from '../src/io/glyph-pbf';

/**
 * MapLibre's alignment of locally drawn glyphs with server glyphs (glyph_manager.ts, `topAdjustment` and
 * `leftAdjustment`): TinySDF's top is measured from the baseline, a glyph file's from above the em box.
 */
const TOP_ADJUSTMENT = 27.5;
const LEFT_ADJUSTMENT = 0.5;

/** What the glyph worker answers (exposed with comlink by workers/glyph.worker.ts). */
export interface GlyphApi {
  /**
   * Sets the font the glyphs are drawn in (a CSS font-family list of local fonts) and reads the label alphabet:
   * every character of the text of `alphabetUrls` (absolute). A file that fails to load only widens the ranges.
   */
  configure(options: { fontFamily: string; alphabetUrls: string[] }): Promise<void>;
  /** The glyph range file of 256 code points from `start` (a multiple of 256) for a font stack. */
  range(fontstack: string, start: number): Promise<Uint8Array>;
}

export class GlyphService implements GlyphApi {
  private sdf: { fontFamily: string; tinySDF: TinySDF } | undefined;
  private fontFamily = 'sans-serif';
  private alphabet: Promise<Set<number>> = Promise.resolve(new Set());

  configure({ fontFamily, alphabetUrls }: { fontFamily: string; alphabetUrls: string[] }): Promise<void> {
    this.fontFamily = fontFamily;
    // The first glyph loads the fonts (0.8 s): drawn now, while the map loads, not when the first labels wait.
    this.rasterizer().draw('中');
    this.alphabet = Promise.all(
      alphabetUrls.map((url) =>
        fetch(url)
          .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
          .catch((error: unknown) => {
            console.warn(`glyphs: label alphabet: ${url}: ${String(error)}; drawing whole ranges`);
            return '';
          }),
      ),
    ).then((texts) => alphabetOf(texts));
    return this.alphabet.then(() => undefined);
  }

  async range(fontstack: string, start: number): Promise<Uint8Array> {
    if (!Number.isInteger(start) || start < 0 || start % 256 !== 0 || start > 0xffff00) {
      throw new Error(`glyphs: range start ${start} is not a multiple of 256 in 0-0x10ffff`);
    }
    const alphabet = await this.alphabet;
    let codes = rangeCodes(start).filter((code) => alphabet.has(code));
    if (codes.length === 0) codes = rangeCodes(start);
    const sdf = this.rasterizer();
    const glyphs = codes.map((code): Glyph => {
      const c = sdf.draw(String.fromCodePoint(code));
      return {
        id: code,
        bitmap: new Uint8Array(c.data.buffer, c.data.byteOffset, c.data.length),
        width: c.glyphWidth,
        height: c.glyphHeight,
        left: Math.round(c.glyphLeft + LEFT_ADJUSTMENT),
        top: Math.round(c.glyphTop - TOP_ADJUSTMENT),
        advance: Math.round(c.glyphAdvance),
      };
    });
    return encodeGlyphRange(fontstack, `${start}-${start + 255}`, glyphs);
  }

  /** TinySDF at the size, border and radius of glyph files (24 px, 3, 8), in the configured font. */
  private rasterizer(): TinySDF {
    if (this.sdf?.fontFamily !== this.fontFamily) {
      const options = { fontSize: 24, buffer: GLYPH_BORDER, radius: 8, cutoff: 0.25, fontFamily: this.fontFamily };
      this.sdf = { fontFamily: this.fontFamily, tinySDF: new TinySDF(options) };
    }
    return this.sdf.tinySDF;
  }
}

/** The code points of a range, without the surrogates and control characters (never drawn). */
function rangeCodes(start: number): number[] {
  const codes: number[] = [];
  for (let code = start; code < start + 256; code++) {
    if (code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0xd800 && code < 0xe000)) continue;
    codes.push(code);
  }
  return codes;
}

/** Every code point of the texts. */
function alphabetOf(texts: readonly string[]): Set<number> {
  const codes = new Set<number>();
  for (const text of texts) for (const char of text) codes.add(char.codePointAt(0)!);
  return codes;
}
