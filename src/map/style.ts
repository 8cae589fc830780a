import type { StyleSpecification } from 'maplibre-gl';
import { densityFillExpression } from './county-scale';

/** Zoom at which the full-detail boundaries replace the simplified ones. */
export const DETAIL_ZOOM = 6;

export interface BasemapOptions {
  /** Base URL of the embedded dataset, e.g. `/data/` (same origin). */
  dataUrl: string;
  /** Optional online raster tile URL template (`{z}/{x}/{y}`); null keeps the map fully offline. */
  tileUrl: string | null;
}

/**
 * The offline basemap: background, province and county fills and outlines from the embedded GeoJSON, and
 * Chinese labels. No `glyphs` URL: MapLibre then draws every label with local fonts (TinySDF), so no font
 * request leaves the machine. No sprites. An online raster layer is added only when a tile URL is configured.
 */
export function createStyle({ dataUrl, tileUrl }: BasemapOptions): StyleSpecification {
  const style: StyleSpecification = {
    version: 8,
    name: 'RuralReach offline',
    sources: {
      counties: { type: 'geojson', data: `${dataUrl}counties.geojson`, promoteId: 'code' },
      'counties-simplified': { type: 'geojson', data: `${dataUrl}counties-simplified.geojson`, promoteId: 'code' },
      provinces: { type: 'geojson', data: `${dataUrl}provinces.geojson`, promoteId: 'code' },
      'provinces-simplified': { type: 'geojson', data: `${dataUrl}provinces-simplified.geojson` },
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
      id: 'county-fill-simplified',
      type: 'fill',
      source: 'counties-simplified',
      maxzoom: DETAIL_ZOOM,
      paint: { 'fill-color': fillColor, 'fill-opacity': 0.75 },
    },
    {
      id: 'county-fill',
      type: 'fill',
      source: 'counties',
      minzoom: DETAIL_ZOOM,
      paint: { 'fill-color': fillColor, 'fill-opacity': 0.6 },
    },
    {
      id: 'county-line',
      type: 'line',
      source: 'counties',
      minzoom: DETAIL_ZOOM,
      paint: { 'line-color': '#ffffff', 'line-width': 0.6, 'line-opacity': 0.8 },
    },
    {
      id: 'province-line-simplified',
      type: 'line',
      source: 'provinces-simplified',
      maxzoom: DETAIL_ZOOM,
      paint: { 'line-color': '#37474f', 'line-width': 0.8 },
    },
    {
      id: 'province-line',
      type: 'line',
      source: 'provinces',
      minzoom: DETAIL_ZOOM,
      paint: { 'line-color': '#37474f', 'line-width': 1.4 },
    },
    {
      id: 'county-selected',
      type: 'line',
      source: 'counties',
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
      source: 'counties',
      minzoom: 7,
      layout: { 'text-field': ['get', 'name'], 'text-size': 11, 'text-font': ['sans-serif'] },
      paint: { 'text-color': '#263238', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
    },
  );
  return style;
}
