/**
 * Types of the road core: a drivable road network as a compact directed graph in typed arrays (CSR), the points
 * snapped onto it, and travel times along it. Built from OSM ways under a car profile (see DESIGN.md, "Logistics
 * words"); the core knows no file format: readers in src/io hand it ways as typed arrays.
 *
 * Contract notes (changes since the first commit, for the app side):
 * - `RoadWays` gained `missingNodes` (way refs whose node is not in the file; their coordinates are NaN and the
 *   builder drops the segments that touch them).
 * - `RoadNetwork` = graph + chains + segment index (built by `buildRoadNetwork` in ./graph.ts); `RoadGraph` is
 *   its forward CSR, with `edgeChain` added (the chain each edge runs along).
 * - `SnappedPoints` gained `chain`, `alongSeconds`, `snapSeconds`, `oneway`: a point is on a chain (the
 *   segments between two graph nodes), and a one-way chain can be left only towards its head. `secondsToA/B`
 *   still include the snap leg. Points that cannot snap (empty network) have `chain = NO_CHAIN`.
 */

/** Drivable ways as read from a file, flattened: way w has nodes `wayNodes[wayOffsets[w] .. wayOffsets[w+1])`. */
export interface RoadWays {
  /** Node coordinates in degrees, indexed by the reader's dense node index (NaN for a missing node). */
  nodeLon: Float64Array;
  nodeLat: Float64Array;
  wayOffsets: Uint32Array;
  /** Dense node indices of each way, in the way's order. */
  wayNodes: Uint32Array;
  /** Speed of each way in km/h (from its class or its numeric maxspeed). */
  waySpeedKmh: Float32Array;
  /** 0 = both ways, 1 = one way along the node order, -1 = one way against it. */
  wayOneway: Int8Array;
  /** Number of distinct referenced nodes that the file does not contain (0 for a complete extract). */
  missingNodes?: number;
}

/**
 * The road graph: nodes are way ends and junctions only; an edge is the chain of segments between two of them.
 * Out-edges of node u are `offsets[u] .. offsets[u+1]` into `targets` / `seconds` / `metres`.
 */
export interface RoadGraph {
  nodeCount: number;
  lon: Float64Array;
  lat: Float64Array;
  offsets: Uint32Array;
  targets: Uint32Array;
  /** Travel time of each edge in seconds. */
  seconds: Float64Array;
  /** Length of each edge in metres (haversine, R = 6371.0088 km). */
  metres: Float64Array;
  /** The chain each edge runs along (forward graph: from its `from` node to its `to` node, or back). */
  edgeChain?: Uint32Array;
}

/**
 * Chains: the undirected pieces of road between two graph nodes, each made of raw segments of one way. A chain
 * runs from node `from` to node `to`; `oneway` 1 = drivable from -> to only, -1 = to -> from only, 0 = both.
 */
export interface RoadChains {
  count: number;
  from: Uint32Array;
  to: Uint32Array;
  seconds: Float64Array;
  metres: Float64Array;
  oneway: Int8Array;
}

/**
 * The raw segments of every chain, for snapping: segment s runs from (lon0, lat0) to (lon1, lat1) on chain
 * `chain[s]`, starting `startSeconds[s]` seconds from the chain's `from` node and lasting `seconds[s]`.
 */
export interface RoadSegments {
  count: number;
  chain: Uint32Array;
  startSeconds: Float64Array;
  seconds: Float64Array;
  lon0: Float64Array;
  lat0: Float64Array;
  lon1: Float64Array;
  lat1: Float64Array;
}

/** Strongly connected components of the graph (Tarjan 1972). */
export interface RoadComponents {
  count: number;
  /** Component of each graph node, 0 = the largest. */
  nodeComponent: Uint32Array;
  /** Node count of each component, largest first. */
  sizes: Uint32Array;
}

/** A built road network: graph, chains, segments (with their spatial index, opaque here) and components. */
export interface RoadNetwork {
  graph: RoadGraph;
  chains: RoadChains;
  segments: RoadSegments;
  components: RoadComponents;
  /** Access speed of the snap leg in km/h (from the profile). */
  accessSpeedKmh: number;
}

/** `chain` of a point that could not be snapped. */
export const NO_CHAIN = 0xffffffff;

/** A point snapped to the nearest point of the nearest drivable segment. */
export interface SnappedPoints {
  count: number;
  /** The two graph nodes of the snapped edge and the seconds from the snap point to each (snap leg included). */
  nodeA: Uint32Array;
  nodeB: Uint32Array;
  secondsToA: Float64Array;
  secondsToB: Float64Array;
  /** Straight distance from the point to the road in metres (the snap leg, driven at the access speed). */
  snapMetres: Float64Array;
  /** Chain of the snap (its `from` is nodeA, its `to` nodeB), or NO_CHAIN. */
  chain: Uint32Array;
  /** Seconds along the chain from nodeA to the foot of the snap leg (snap leg excluded). */
  alongSeconds: Float64Array;
  /** Seconds of the snap leg alone. */
  snapSeconds: Float64Array;
  /** The chain's direction (see {@link RoadChains.oneway}). */
  oneway: Int8Array;
  /** Foot of the snap leg on the road, degrees. */
  roadLon: Float64Array;
  roadLat: Float64Array;
}

/** Travel direction of a reach: villages drive to the sites (default), or sites drive out to the villages. */
export type ReachDirection = 'to-site' | 'from-site';
