/**
 * Road networks as GeoJSON (as QGIS exports OSM lines): a FeatureCollection of LineString or MultiLineString
 * features whose properties carry the OSM tags (`highway`, `oneway`, `maxspeed`, `junction`, `access`, ...).
 * Lines that share a vertex (exactly equal coordinates) are joined there; a vertex used twice becomes a junction.
 * The whole text is parsed at once (GeoJSON road files are county-sized; use `.osm.pbf` for provinces).
 * Features without a drivable `highway` or with another geometry are skipped and counted.
 */
import type { CarProfile } from '../core/road/profile';
import type { RoadWays } from '../core/road/types';
import type { OsmReadStats } from './osm-ways';
import { WayCollector } from './osm-ways';
import { InputError } from './problems';

/** Options of {@link readRoadsGeoJson}. */
export interface RoadsGeoJsonOptions {
  file: string;
  profile: CarProfile;
}

/**
 * Reads the drivable lines of a GeoJSON FeatureCollection.
 * @param text the file's text
 * @throws InputError naming the feature (by index from 0) of a broken part
 */
export function readRoadsGeoJson(
  text: string,
  options: RoadsGeoJsonOptions,
): { ways: RoadWays; stats: OsmReadStats & { skippedFeatures: number } } {
  const { file } = options;
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    throw new InputError(file, `not JSON: ${(error as Error).message}`);
  }
  const features = (root as { type?: unknown; features?: unknown } | null)?.features;
  if ((root as { type?: unknown } | null)?.type !== 'FeatureCollection' || !Array.isArray(features)) {
    throw new InputError(file, 'expected a GeoJSON FeatureCollection of LineString features');
  }
  const collector = new WayCollector(options.profile);
  const vertex = new Map<string, number>();
  const lon: number[] = [];
  const lat: number[] = [];
  let skipped = 0;
  const ids: number[] = [];
  features.forEach((feature: unknown, f) => {
    const where = `feature ${f}`;
    if (typeof feature !== 'object' || feature === null) throw new InputError(file, `${where}: not an object`);
    const { geometry, properties } = feature as { geometry?: unknown; properties?: unknown };
    const props = (typeof properties === 'object' && properties !== null ? properties : {}) as Record<string, unknown>;
    const tags = (key: string): string | undefined => {
      const value = props[key];
      return value === undefined || value === null ? undefined : String(value);
    };
    const type = (geometry as { type?: unknown } | null)?.type;
    if (!collector.drives(tags('highway')) || (type !== 'LineString' && type !== 'MultiLineString')) {
      skipped++;
      collector.waysSeen++;
      return;
    }
    const coordinates = (geometry as { coordinates?: unknown }).coordinates;
    const lines = type === 'LineString' ? [coordinates] : coordinates;
    if (!Array.isArray(lines)) throw new InputError(file, `${where}: ${type} without a coordinates array`);
    lines.forEach((line: unknown, l) => {
      if (!Array.isArray(line)) throw new InputError(file, `${where}: line ${l} is not an array of positions`);
      ids.length = 0;
      line.forEach((position: unknown, k) => {
        const x = Array.isArray(position) ? position[0] : undefined;
        const y = Array.isArray(position) ? position[1] : undefined;
        if (typeof x !== 'number' || typeof y !== 'number' || !(Math.abs(x) <= 180) || !(Math.abs(y) <= 90)) {
          throw new InputError(file, `${where}: position ${k} is not [lon, lat] in degrees`);
        }
        const key = `${x},${y}`;
        let id = vertex.get(key);
        if (id === undefined) {
          id = lon.length;
          vertex.set(key, id);
          lon.push(x);
          lat.push(y);
        }
        ids.push(id);
      });
      collector.addWay(tags, ids);
    });
  });
  const nodes = collector.finish();
  for (let k = 0; k < nodes.size; k++) {
    const id = nodes.ids[k];
    nodes.addNode(id, lon[id], lat[id]);
  }
  const read = nodes.finish();
  return { ways: read.ways, stats: { ...read.stats, skippedFeatures: skipped } };
}
