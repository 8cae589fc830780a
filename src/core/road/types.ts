/**
 * Types of the road core: a drivable road network as a compact directed graph in typed arrays (CSR), the points
 * snapped onto it, and travel times along it. Built from OSM ways under a car profile (see DESIGN.md, "Logistics
 * words"); the core knows no file format: readers in src/io hand it ways as typed arrays.
 */

/** Drivable ways as read from a file, flattened: way w has nodes `wayNodes[wayOffsets[w] .. wayOffsets[w+1])`. */
export interface RoadWays {
  /** Node coordinates in degrees, indexed by the reader's dense node index. */
  nodeLon: Float64Array;
  nodeLat: Float64Array;
  wayOffsets: Uint32Array;
  /** Dense node indices of each way, in the way's order. */
  wayNodes: Uint32Array;
  /** Speed of each way in km/h (from its class or its numeric maxspeed). */
  waySpeedKmh: Float32Array;
  /** 0 = both ways, 1 = one way along the node order, -1 = one way against it. */
  wayOneway: Int8Array;
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
}

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
}
