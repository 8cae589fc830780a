/**
 * One entry for the road files the app and the CLI accept: `.osm.pbf` (streamed, two passes), `.osm` XML
 * (streamed, two passes) and GeoJSON LineStrings with a `highway` property. Bytes in through a {@link ByteSource}
 * (Node file or browser Blob), the drivable ways out as typed arrays, under a car profile.
 */
import type { CarProfile } from '../core/road/profile';
import type { RoadWays } from '../core/road/types';
import { readOsmPbf, type Inflate } from './osm-pbf';
import type { OsmReadStats } from './osm-ways';
import { readOsmXml } from './osm-xml';
import { InputError } from './problems';
import { readRoadsGeoJson } from './roads-geojson';
import type { ByteSource, RoadReadProgress } from './roads-source';

/** Road file formats. */
export type RoadFileFormat = 'pbf' | 'xml' | 'geojson';

/** Options of {@link readRoads}. */
export interface ReadRoadsOptions {
  /** File name, for messages and to pick the format. */
  file: string;
  profile: CarProfile;
  /** Force the format; default by extension (.pbf, .osm/.xml, .geojson/.json), else sniffed. */
  format?: RoadFileFormat;
  /** zlib inflater for PBF (default DecompressionStream). */
  inflate?: Inflate;
  onProgress?: (progress: RoadReadProgress) => void;
}

/** What {@link readRoads} returns. */
export interface RoadsRead {
  ways: RoadWays;
  stats: OsmReadStats & { skippedFeatures?: number };
  format: RoadFileFormat;
}

/** Largest GeoJSON road file read (it is parsed whole): 512 MB. */
export const MAX_GEOJSON_BYTES = 512 * 1024 * 1024;

/** The format of a road file, by extension, else by its first bytes (`<` XML, `{` GeoJSON, else PBF). */
export function roadFileFormat(file: string, head: Uint8Array): RoadFileFormat {
  const lower = file.toLowerCase();
  if (lower.endsWith('.pbf')) return 'pbf';
  if (lower.endsWith('.osm') || lower.endsWith('.xml')) return 'xml';
  if (lower.endsWith('.geojson') || lower.endsWith('.json')) return 'geojson';
  const text = new TextDecoder()
    .decode(head.subarray(0, 64))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('<')) return 'xml';
  if (text.startsWith('{')) return 'geojson';
  return 'pbf';
}

/**
 * Reads the drivable ways of a road file.
 * @throws InputError naming the file and where it is broken (blob and byte offset, line, or feature)
 * @example
 * const { ways, stats } = await readRoads(blobSource(file), { file: file.name, profile: defaultCarProfile() });
 */
export async function readRoads(source: ByteSource, options: ReadRoadsOptions): Promise<RoadsRead> {
  if (source.size === 0) throw new InputError(options.file, 'empty file');
  const format = options.format ?? roadFileFormat(options.file, await source.read(0, 64));
  if (format === 'pbf') return { ...(await readOsmPbf(source, options)), format };
  if (format === 'xml') return { ...(await readOsmXml(source, options)), format };
  if (source.size > MAX_GEOJSON_BYTES) {
    throw new InputError(options.file, `GeoJSON of ${source.size} bytes is over ${MAX_GEOJSON_BYTES}: use .osm.pbf`);
  }
  const text = new TextDecoder().decode(await source.read(0, source.size)).replace(/^\uFEFF/, '');
  options.onProgress?.({ pass: 1, bytesRead: source.size, bytesTotal: source.size });
  return { ...readRoadsGeoJson(text, options), format };
}
