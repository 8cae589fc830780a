/**
 * The map's label glyphs from the glyph worker (workers/glyph.worker.ts): registers the `glyphs://` protocol that
 * the offline style's `glyphs` URL names (src/map/style.ts), so MapLibre fetches each range of 256 code points
 * from the worker instead of drawing Chinese labels with TinySDF on the main thread. Offline: the glyphs are drawn
 * from local fonts; the label alphabet comes from the dataset files the labels are read from.
 */
import * as Comlink from 'comlink';
import { addProtocol } from 'maplibre-gl';
import { CJK_FONTS } from '../map/basemap';
import type { GlyphApi } from '../../workers/glyph-service';

let registered = false;

/** A range URL as MapLibre writes it from `glyphs://{fontstack}/{range}`. */
const RANGE_URL = /^glyphs:\/\/(.+)\/(\d+)-(\d+)$/;

/**
 * Starts the glyph worker and registers the protocol, once.
 * @param dataUrl absolute base URL of the embedded dataset (its county and province label files give the alphabet)
 * @param onRange told the first code point of each range answered
 */
export function registerGlyphs(dataUrl: string, onRange?: (start: number) => void): void {
  if (registered) return;
  registered = true;
  const worker = new Worker(new URL('../../workers/glyph.worker.ts', import.meta.url), {
    type: 'module',
    name: 'glyphs',
  });
  const api = Comlink.wrap<GlyphApi>(worker);
  void api.configure({
    fontFamily: CJK_FONTS,
    alphabetUrls: [`${dataUrl}county-info.json`, `${dataUrl}province-labels.geojson`],
  });
  addProtocol('glyphs', async ({ url }) => {
    const match = RANGE_URL.exec(url);
    if (match === null) throw new Error(`glyphs: not a range URL: ${url}`);
    const start = Number(match[2]);
    const data = await api.range(decodeURIComponent(match[1]), start);
    onRange?.(start);
    return { data: data.buffer as ArrayBuffer };
  });
}
