/**
 * The API of the road worker (`workers/roads.worker.ts`), shared by the worker's service (`RoadsService`,
 * which `implements` it) and the app, which holds a comlink `Remote<RoadsApi>` and imports this file as a type
 * only. Results are typed arrays that the worker transfers (their buffers are detached on the worker's side).
 *
 * Flow: `load` a road file (streamed from the Blob, progress in bytes, Cancel with the shared stop flag or
 * `cancel()`), `setVillages` once per village set (snapped once), then any number of `table`, `reachFrom`
 * (isochrone) and `siteCoverage` (live drag) calls. Times are seconds; limits are minutes.
 */
import type { RoadLines } from '../src/core/road/lines';
import type { CarProfile } from '../src/core/road/profile';
import type { ReachDirection } from '../src/core/road/types';
import type { RoadFileFormat } from '../src/io/roads';
import type { RoadReadProgress } from '../src/io/roads-source';

/** What a loaded road file holds. */
export interface RoadNetworkSummary {
  /** File name as given to `load`. */
  file: string;
  bytes: number;
  format: RoadFileFormat;
  /** Ways in the file, and those drivable under the profile. */
  ways: number;
  drivableWays: number;
  /** Referenced nodes missing from the file (0 for a complete extract). */
  missingNodes: number;
  /** SHA-256 of the file's bytes, lowercase hex (hashed in the worker, slice by slice). */
  sha256: string;
  /** Graph nodes (way ends and junctions) and directed edges. */
  nodes: number;
  edges: number;
  /** Length of the drivable road, km (each road once, whatever its directions). */
  km: number;
  /** Strongly connected components and the share of graph nodes in the largest (0..1). */
  components: number;
  largestComponentShare: number;
  /** Bounding box of the graph nodes [west, south, east, north], degrees (NaN for an empty network). */
  bbox: [number, number, number, number];
  readSeconds: number;
  buildSeconds: number;
}

/** Road load progress: the read pass and its bytes, then `phase: 'build'` once reading is done. */
export type RoadLoadProgress = (RoadReadProgress & { phase: 'read' }) | { phase: 'build' };

/**
 * Sparse village x site travel times within the limit, site-major: site j reaches villages
 * `villages[offsets[j] .. offsets[j+1])` (ascending) in `seconds` (same positions). A pair absent is beyond the
 * limit or unreachable. Dense villages x sites (20,000 x 2,000 = 320 MB of Float64) would not fit; this does.
 */
export interface RoadTable {
  villageCount: number;
  siteCount: number;
  maxMinutes: number;
  direction: ReachDirection;
  offsets: Uint32Array;
  villages: Uint32Array;
  seconds: Float64Array;
}

/** The network within reach of one point: reached graph nodes, their seconds and positions (for an isochrone). */
export interface RoadReach {
  /** Where the point met the road (NaN when it could not be snapped) and the snap leg in metres. */
  roadLon: number;
  roadLat: number;
  snapMetres: number;
  nodes: Uint32Array;
  seconds: Float64Array;
  lon: Float64Array;
  lat: Float64Array;
}

/** The villages one (moved) site covers within the limit, ascending, with their seconds. */
export interface RoadSiteCoverage {
  villages: Uint32Array;
  seconds: Float64Array;
}

/** Operations of the road worker. */
export interface RoadsApi {
  /**
   * Reads a road file (`.osm.pbf`, `.osm`, GeoJSON) from a Blob in slices, never whole, and builds its network,
   * replacing any loaded one. Rejects with a located message for a broken file, or `road load cancelled`.
   * @param profile car profile (default: the documented defaults of src/core/road/profile.ts)
   * @param stopFlag Int32Array on a SharedArrayBuffer; element 0 set to 1 stops the read at its next slice
   */
  load(
    file: Blob,
    name: string,
    profile?: CarProfile,
    onProgress?: (progress: RoadLoadProgress) => void,
    stopFlag?: Int32Array,
  ): Promise<RoadNetworkSummary>;

  /** The loaded network's summary, or undefined. */
  summary(): RoadNetworkSummary | undefined;

  /** The loaded network's segments for the map (transferred; empty without a network). */
  lines(): Promise<RoadLines>;

  /**
   * Snaps the villages (the fixed side of tables and coverage) onto the network.
   * @returns how many villages could be snapped
   */
  setVillages(lon: Float64Array, lat: Float64Array): Promise<number>;

  /**
   * Travel times villages x sites within `maxMinutes` (bounded Dijkstra per site).
   * @param direction `to-site` (default): the villager drives to the site; `from-site`: the site drives out
   * @param onProgress share of sites done
   */
  table(
    siteLon: Float64Array,
    siteLat: Float64Array,
    maxMinutes: number,
    direction?: ReachDirection,
    onProgress?: (share: number) => void,
    stopFlag?: Int32Array,
  ): Promise<RoadTable>;

  /**
   * One-to-many times from one point (`from-site`, default: driving out of it) or to it (`to-site`), every graph
   * node within `maxMinutes`: the isochrone's input.
   */
  reachFrom(lon: number, lat: number, maxMinutes: number, direction?: ReachDirection): Promise<RoadReach>;

  /** The villages a site at (lon, lat) covers within `maxMinutes` (for live drag; prepared once per limit). */
  siteCoverage(lon: number, lat: number, maxMinutes: number, direction?: ReachDirection): Promise<RoadSiteCoverage>;

  /** Asks a running `load` or `table` to stop. */
  cancel(): void;

  /** True while a `load` or `table` runs. */
  busy(): boolean;
}
