import type { StyleSpecification } from 'maplibre-gl';
import { BOUNDARY_SOURCE, COUNTY_LAYER, PROVINCE_LAYER } from './boundary-source';
import { densityFillExpression } from './county-scale';

/** Zoom from which county outlines, thicker province lines and a lighter county fill are drawn. */
export const DETAIL_ZOOM = 6;

export interface BasemapOptions {
  /** Base URL of the embedded dataset, e.g. `/data/` (same origin). */
  dataUrl: string;
  /** Optional online raster tile URL template (`{z}/{x}/{y}`); null keeps the map fully offline. */
  tileUrl: string | null;
}

/** The style's glyphs URL: answered by the `glyphs` protocol that src/app/glyphs.ts registers. */
export const GLYPHS_URL = 'glyphs://{fontstack}/{range}';

/**
 * The offline basemap: background, province and county fills and outlines from the embedded vector tiles
 * (`boundaries.pmtiles`, read through the `pmtiles://` protocol registered in ./basemap.ts), and Chinese labels.
 * Glyphs from `glyphs://` (`GLYPHS_URL`): the page's glyph worker draws them from local fonts (src/app/glyphs.ts),
 * so no font request leaves the machine; where no worker answers, MapLibre draws the glyphs itself. No sprites.
 * An online raster layer is added only when a tile URL is configured.
 */
export function createStyle({ dataUrl, tileUrl }: BasemapOptions): StyleSpecification {
  const style: StyleSpecification = {
    version: 8,
    name: 'RuralReach offline',
    glyphs: GLYPHS_URL,
    sources: {
      [BOUNDARY_SOURCE]: { type: 'vector', url: `pmtiles://${dataUrl}boundaries.pmtiles` },
      'province-labels': { type: 'geojson', data: `${dataUrl}province-labels.geojson` },
    },
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#dfe7ec' } }],
  };
  if (tileUrl) {
    style.sources.online = { type: 'raster', tiles: [tileUrl], tileSize: 256 };
    style.layers.push({ id: 'online-tiles', type: 'raster', source: 'online', paint: { 'raster-opacity': 0.8 } });
  }
  const fillColor = densityFillExpression();
  style.layers.push(
    {
      id: 'county-fill',
      type: 'fill',
      source: BOUNDARY_SOURCE,
      'source-layer': COUNTY_LAYER,
      // No antialiasing outline: county-line draws the outlines, and software WebGL (headless tests) compiles one
      // shader program fewer before the first frame.
      paint: {
        'fill-color': fillColor,
        'fill-opacity': ['step', ['zoom'], 0.75, DETAIL_ZOOM, 0.6],
        'fill-antialias': false,
      },
    },
    {
      id: 'county-line',
      type: 'line',
      source: BOUNDARY_SOURCE,
      'source-layer': COUNTY_LAYER,
      minzoom: DETAIL_ZOOM,
      paint: { 'line-color': '#ffffff', 'line-width': 0.6, 'line-opacity': 0.8 },
    },
    {
      id: 'province-line',
      type: 'line',
      source: BOUNDARY_SOURCE,
      'source-layer': PROVINCE_LAYER,
      paint: { 'line-color': '#37474f', 'line-width': ['step', ['zoom'], 0.8, DETAIL_ZOOM, 1.4] },
    },
    {
      id: 'county-selected',
      type: 'line',
      source: BOUNDARY_SOURCE,
      'source-layer': COUNTY_LAYER,
      filter: ['==', ['get', 'code'], ''],
      paint: { 'line-color': '#d81b60', 'line-width': 3 },
    },
    {
      id: 'province-label',
      type: 'symbol',
      source: 'province-labels',
      maxzoom: DETAIL_ZOOM,
      layout: { 'text-field': ['get', 'name'], 'text-size': 12, 'text-font': ['sans-serif'] },
      paint: { 'text-color': '#263238', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
    },
    {
      id: 'county-label',
      type: 'symbol',
      source: BOUNDARY_SOURCE,
      'source-layer': COUNTY_LAYER,
      minzoom: 7,
      layout: { 'text-field': ['get', 'name'], 'text-size': 11, 'text-font': ['sans-serif'] },
      paint: { 'text-color': '#263238', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
    },
  );
  return style;
}
