/**
 * Builds the road network from drivable ways: only way ends and junctions become graph nodes, the segments between
 * two of them form a chain (summed seconds and metres), each chain gives one or two directed edges in a CSR
 * adjacency, and every raw segment is kept, with a Flatbush R-tree (Agafonkin, after Hilbert-packed R-trees,
 * Kamel & Faloutsos 1993) over them, for snapping.
 *
 * Segment length: haversine (R = 6371.0088 km); time: length / way speed.
 */
import Flatbush from 'flatbush';
import { haversineKm } from '../distance/haversine';
import { stronglyConnectedComponents } from './components';
import type { RoadChains, RoadGraph, RoadNetwork, RoadSegments, RoadWays } from './types';

/** A built network with its segment index (Flatbush over the segments in `x = lon * lonScale, y = lat`). */
export interface IndexedRoadNetwork extends RoadNetwork {
  /** The Flatbush data (structured-cloneable; `Flatbush.from(segmentIndexData)`). */
  segmentIndexData: ArrayBuffer;
  /** Scale of longitudes in the index: cos of the network's mean latitude. */
  lonScale: number;
}

/** Options of {@link buildRoadNetwork}. */
export interface BuildOptions {
  /** Access speed of the snap leg in km/h (the profile's; default 10). */
  accessSpeedKmh?: number;
}

/**
 * Builds the network. O(ways' nodes) plus the CSR, the components (linear) and the R-tree (n log n).
 * Segments that touch a missing node (NaN coordinates) and zero-length repeats are dropped; a node next to a
 * missing one becomes a graph node so that the chains stop there.
 *
 * @param ways the drivable ways (from a reader of src/io)
 * @example
 * const network = buildRoadNetwork(ways);
 * network.graph.nodeCount; // ends and junctions
 */
export function buildRoadNetwork(ways: RoadWays, options: BuildOptions = {}): IndexedRoadNetwork {
  const { nodeLon, nodeLat, wayOffsets, wayNodes, waySpeedKmh, wayOneway } = ways;
  const n = nodeLon.length;
  const wayCount = wayOffsets.length - 1;
  const bad = (v: number): boolean => Number.isNaN(nodeLon[v]) || Number.isNaN(nodeLat[v]);
  // uses[v]: 0, 1, 2 (saturating) occurrences; keep[v]: end, junction or next to a missing node.
  const uses = new Uint8Array(n);
  const keep = new Uint8Array(n);
  for (let w = 0; w < wayCount; w++) {
    const start = wayOffsets[w];
    const end = wayOffsets[w + 1];
    if (end - start < 2 || !(waySpeedKmh[w] > 0)) continue;
    keep[wayNodes[start]] = 1;
    keep[wayNodes[end - 1]] = 1;
    for (let k = start; k < end; k++) {
      const v = wayNodes[k];
      if (uses[v] < 2) uses[v]++;
      else keep[v] = 1;
      if (uses[v] === 2) keep[v] = 1;
      if (bad(v)) {
        if (k > start) keep[wayNodes[k - 1]] = 1;
        if (k + 1 < end) keep[wayNodes[k + 1]] = 1;
      }
    }
  }
  const graphIndex = new Int32Array(n).fill(-1);
  let nodeCount = 0;
  for (let v = 0; v < n; v++) if (keep[v] === 1 && !bad(v)) graphIndex[v] = nodeCount++;
  const lon = new Float64Array(nodeCount);
  const lat = new Float64Array(nodeCount);
  for (let v = 0; v < n; v++) {
    const g = graphIndex[v];
    if (g >= 0) {
      lon[g] = nodeLon[v];
      lat[g] = nodeLat[v];
    }
  }

  const maxSegments = Math.max(0, wayNodes.length - wayCount);
  const seg = {
    chain: new Uint32Array(maxSegments),
    startSeconds: new Float64Array(maxSegments),
    seconds: new Float64Array(maxSegments),
    a: new Uint32Array(maxSegments),
    b: new Uint32Array(maxSegments),
  };
  const ch = {
    from: new Uint32Array(maxSegments),
    to: new Uint32Array(maxSegments),
    seconds: new Float64Array(maxSegments),
    metres: new Float64Array(maxSegments),
    oneway: new Int8Array(maxSegments),
  };
  let segCount = 0;
  let chainCount = 0;
  for (let w = 0; w < wayCount; w++) {
    const start = wayOffsets[w];
    const end = wayOffsets[w + 1];
    const speed = waySpeedKmh[w];
    if (end - start < 2 || !(speed > 0)) continue;
    const metresPerSecond = speed / 3.6;
    let chainStart = -1; // graph node where the open chain started, -1 = none open
    let chainSeconds = 0;
    let chainMetres = 0;
    let chainFirstSegment = segCount;
    for (let k = start; k < end; k++) {
      const v = wayNodes[k];
      if (bad(v)) {
        chainStart = -1;
        continue;
      }
      if (chainStart >= 0 && k > start) {
        const u = wayNodes[k - 1];
        if (u !== v) {
          const metres = 1000 * haversineKm(nodeLon[u], nodeLat[u], nodeLon[v], nodeLat[v]);
          const seconds = metres / metresPerSecond;
          seg.chain[segCount] = chainCount;
          seg.startSeconds[segCount] = chainSeconds;
          seg.seconds[segCount] = seconds;
          seg.a[segCount] = u;
          seg.b[segCount] = v;
          segCount++;
          chainSeconds += seconds;
          chainMetres += metres;
        }
      }
      const g = graphIndex[v];
      if (g >= 0) {
        if (chainStart >= 0 && (chainMetres > 0 || chainStart !== g)) {
          ch.from[chainCount] = chainStart;
          ch.to[chainCount] = g;
          ch.seconds[chainCount] = chainSeconds;
          ch.metres[chainCount] = chainMetres;
          ch.oneway[chainCount] = wayOneway[w];
          chainCount++;
        } else if (chainStart >= 0) segCount = chainFirstSegment; // a zero-length loop: drop its segments
        chainStart = g;
        chainFirstSegment = segCount;
        chainSeconds = 0;
        chainMetres = 0;
      }
    }
  }
  const chains: RoadChains = {
    count: chainCount,
    from: ch.from.slice(0, chainCount),
    to: ch.to.slice(0, chainCount),
    seconds: ch.seconds.slice(0, chainCount),
    metres: ch.metres.slice(0, chainCount),
    oneway: ch.oneway.slice(0, chainCount),
  };
  const segments = segmentArrays(seg, segCount, nodeLon, nodeLat);
  const graph = chainGraph(chains, nodeCount, lon, lat);
  const components = stronglyConnectedComponents(graph);
  const { data, lonScale } = segmentIndex(segments, lat);
  return {
    graph,
    chains,
    segments,
    components,
    accessSpeedKmh: options.accessSpeedKmh ?? 10,
    segmentIndexData: data,
    lonScale,
  };
}

function segmentArrays(
  seg: { chain: Uint32Array; startSeconds: Float64Array; seconds: Float64Array; a: Uint32Array; b: Uint32Array },
  count: number,
  nodeLon: Float64Array,
  nodeLat: Float64Array,
): RoadSegments {
  const lon0 = new Float64Array(count);
  const lat0 = new Float64Array(count);
  const lon1 = new Float64Array(count);
  const lat1 = new Float64Array(count);
  for (let s = 0; s < count; s++) {
    lon0[s] = nodeLon[seg.a[s]];
    lat0[s] = nodeLat[seg.a[s]];
    lon1[s] = nodeLon[seg.b[s]];
    lat1[s] = nodeLat[seg.b[s]];
  }
  return {
    count,
    chain: seg.chain.slice(0, count),
    startSeconds: seg.startSeconds.slice(0, count),
    seconds: seg.seconds.slice(0, count),
    lon0,
    lat0,
    lon1,
    lat1,
  };
}

/**
 * The directed CSR of the chains: a two-way chain gives an edge each way, a one-way chain one edge; chains that
 * start and end at the same node give none (a loop never shortens a path; points snapped on it still use it).
 */
export function chainGraph(chains: RoadChains, nodeCount: number, lon: Float64Array, lat: Float64Array): RoadGraph {
  const offsets = new Uint32Array(nodeCount + 1);
  for (let c = 0; c < chains.count; c++) {
    if (chains.from[c] === chains.to[c]) continue;
    const dir = chains.oneway[c];
    if (dir >= 0) offsets[chains.from[c] + 1]++;
    if (dir <= 0) offsets[chains.to[c] + 1]++;
  }
  for (let u = 0; u < nodeCount; u++) offsets[u + 1] += offsets[u];
  const edgeCount = offsets[nodeCount];
  const targets = new Uint32Array(edgeCount);
  const seconds = new Float64Array(edgeCount);
  const metres = new Float64Array(edgeCount);
  const edgeChain = new Uint32Array(edgeCount);
  const cursor = offsets.slice(0, nodeCount);
  const put = (u: number, v: number, c: number): void => {
    const e = cursor[u]++;
    targets[e] = v;
    seconds[e] = chains.seconds[c];
    metres[e] = chains.metres[c];
    edgeChain[e] = c;
  };
  for (let c = 0; c < chains.count; c++) {
    const u = chains.from[c];
    const v = chains.to[c];
    if (u === v) continue;
    const dir = chains.oneway[c];
    if (dir >= 0) put(u, v, c);
    if (dir <= 0) put(v, u, c);
  }
  return { nodeCount, lon, lat, offsets, targets, seconds, metres, edgeChain };
}

/** The reversed graph (edge u -> v becomes v -> u), for searches towards a point. */
export function reverseGraph(graph: RoadGraph): RoadGraph {
  const { nodeCount, offsets, targets } = graph;
  const edgeCount = offsets[nodeCount];
  const rOffsets = new Uint32Array(nodeCount + 1);
  for (let e = 0; e < edgeCount; e++) rOffsets[targets[e] + 1]++;
  for (let u = 0; u < nodeCount; u++) rOffsets[u + 1] += rOffsets[u];
  const cursor = rOffsets.slice(0, nodeCount);
  const rTargets = new Uint32Array(edgeCount);
  const rSeconds = new Float64Array(edgeCount);
  const rMetres = new Float64Array(edgeCount);
  const rChain = new Uint32Array(edgeCount);
  for (let u = 0; u < nodeCount; u++) {
    for (let e = offsets[u], end = offsets[u + 1]; e < end; e++) {
      const k = cursor[targets[e]]++;
      rTargets[k] = u;
      rSeconds[k] = graph.seconds[e];
      rMetres[k] = graph.metres[e];
      if (graph.edgeChain) rChain[k] = graph.edgeChain[e];
    }
  }
  return { ...graph, offsets: rOffsets, targets: rTargets, seconds: rSeconds, metres: rMetres, edgeChain: rChain };
}

function segmentIndex(segments: RoadSegments, lat: Float64Array): { data: ArrayBuffer; lonScale: number } {
  let sum = 0;
  for (let k = 0; k < lat.length; k++) sum += lat[k];
  const meanLat = lat.length > 0 ? sum / lat.length : 0;
  const lonScale = Math.cos((meanLat * Math.PI) / 180);
  const index = new Flatbush(Math.max(1, segments.count));
  const { lon0, lat0, lon1, lat1 } = segments;
  for (let s = 0; s < segments.count; s++) {
    const x0 = lon0[s] * lonScale;
    const x1 = lon1[s] * lonScale;
    index.add(Math.min(x0, x1), Math.min(lat0[s], lat1[s]), Math.max(x0, x1), Math.max(lat0[s], lat1[s]));
  }
  if (segments.count === 0) index.add(0, 0, 0, 0);
  index.finish();
  return { data: index.data as ArrayBuffer, lonScale };
}
