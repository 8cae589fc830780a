/**
 * Glyph worker: draws the map's label glyph ranges off the main thread and exposes them with comlink as a
 * {@link GlyphApi}. Thin on purpose: the work is `GlyphService`.
 */
import * as Comlink from 'comlink';
import { GlyphService, type GlyphApi } from './glyph-service';

const service = new GlyphService();
const api: GlyphApi = {
  configure: (options) => service.configure(options),
  range: async (fontstack, start) => {
    const data = await service.range(fontstack, start);
    return Comlink.transfer(data, [data.buffer]);
  },
};
Comlink.expose(api);
