/**
 * The road network the user imported, in the application state: which file it came from (name, size, SHA-256 and
 * the profile, which the plan file records), what the road worker built from it (the network summary), and the
 * import's progress. The network itself lives in the road worker; the file is kept in IndexedDB (roads/idb.ts) so
 * that a reload builds it again. Plain data, pure helpers.
 */
import type { RoadLines } from '../../core/road/lines';
import { formatNumber, t } from '../../ui/i18n';
import type { Isochrone } from './isochrone';

/** Which road file and profile a network (and a plan made on it) came from. */
export interface RoadFileInfo {
  /** File name as chosen. */
  name: string;
  /** Size in bytes. */
  size: number;
  /** SHA-256 of the file's bytes, lowercase hex. */
  sha256: string;
  /** The car profile used: `default car profile` (src/core/road/profile.ts) unless the user gave another. */
  profile: string;
}

/** What the road worker built, for the data card. */
export interface RoadNetworkSummary {
  drivableWays: number;
  ways: number;
  nodes: number;
  edges: number;
  components: number;
  /** Share of the graph's nodes in the largest strongly connected component, 0..1. */
  largestShare: number;
  /** Seconds to read the file and to build the graph. */
  readSeconds: number;
  buildSeconds: number;
}

/** The road network's part of the state. */
export interface RoadsState {
  /** The file of the network loaded (or loading), or null without roads. */
  file: RoadFileInfo | null;
  status: 'none' | 'loading' | 'ready';
  /** Bytes read of the bytes the current pass reads, while loading. */
  progress: { pass: 1 | 2; bytesRead: number; bytesTotal: number } | null;
  summary: RoadNetworkSummary | null;
  /** One clear message when the last road file could not be used, or null. */
  error: string | null;
  /** The isochrone of the selected station or center, or null. */
  isochrone: Isochrone | null;
  /** The network's segments for the map (from the road worker once it is built), or null. */
  lines: RoadLines | null;
  /** Whether the map draws the network (the card's "Show roads on the map"). */
  shown: boolean;
}

export const NO_ROADS: RoadsState = {
  file: null,
  status: 'none',
  progress: null,
  summary: null,
  error: null,
  isochrone: null,
  lines: null,
  shown: true,
};

/** The profile name of the app's imports: the default car profile of src/core/road/profile.ts. */
export const DEFAULT_PROFILE_NAME = 'default car profile';

/** True for the file types the road reader takes (`.osm.pbf`, `.pbf`, `.osm`, `.geojson`). */
export function isRoadFileName(name: string): boolean {
  return /\.(osm\.pbf|pbf|osm|geojson)$/i.test(name);
}

/**
 * The data card's line about the road network, e.g. "Roads: zhejiang.osm.pbf (12.3 MB): 8,000 drivable ways,
 * 5,000 nodes, 12,000 edges, 3 components (largest 99.0 % of nodes)", or null without roads.
 */
export function roadsLine(roads: RoadsState): string | null {
  const f = roads.file;
  if (f === null) return null;
  const mb = formatNumber(f.size / 1e6, 1);
  const s = roads.summary;
  if (roads.status === 'loading' || s === null) return t('roadsLoading', { file: f.name, mb });
  return t('roadsSummary', {
    file: f.name,
    mb,
    ways: formatNumber(s.drivableWays),
    nodes: formatNumber(s.nodes),
    edges: formatNumber(s.edges),
    components: formatNumber(s.components),
    largest: formatNumber(100 * s.largestShare, 1),
  });
}

/** The progress line while a road file is read, e.g. "Reading roads (pass 1 of 2): 3.2 of 12.3 MB". */
export function roadsProgressLine(roads: RoadsState): string | null {
  const p = roads.progress;
  if (roads.status !== 'loading' || p === null) return null;
  return t('roadsProgress', {
    pass: p.pass,
    read: formatNumber(p.bytesRead / 1e6, 1),
    total: formatNumber(p.bytesTotal / 1e6, 1),
  });
}
