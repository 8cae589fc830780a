/**
 * Travel times between snapped points by road: bounded one-to-many Dijkstra runs (./dijkstra.ts) from each point
 * of the smaller side, forward on the graph when the runs start at the origins, on the reversed graph when they
 * start at the destinations. OSRM `table` semantics: rows = origins (`from`), columns = destinations (`to`), the
 * time of driving from row to column, snap legs at both ends included.
 *
 * A point on chain c at `along` seconds from its node A (snap leg s) leaves towards A in s + along (if the chain
 * may be driven B -> A) and towards B in s + (T - along) (if A -> B), and is reached the same ways reversed; two
 * points on one chain also connect directly along it.
 */
import { RoadSearch } from './dijkstra';
import { reverseGraph } from './graph';
import { NO_CHAIN, type RoadNetwork, type SnappedPoints } from './types';

/** Progress and cancel of a long computation. */
export interface TableOptions {
  /** Called after each run with runs done and runs in all. */
  onProgress?: (done: number, total: number) => void;
  /** Checked before each run; when it returns true the computation stops and throws `ReachCancelled`. */
  shouldStop?: () => boolean;
}

/** Thrown when `shouldStop` asked to stop. */
export class ReachCancelled extends Error {
  constructor() {
    super('road reach cancelled');
    this.name = 'ReachCancelled';
  }
}

/** Sparse travel times, source-major: source s reaches `targets[offsets[s] .. offsets[s+1])` in `seconds`. */
export interface ReachLists {
  sourceCount: number;
  targetCount: number;
  offsets: Uint32Array;
  /** Target indices of each source, ascending. */
  targets: Uint32Array;
  seconds: Float64Array;
}

/**
 * Seconds to leave (`outward`) or reach a point through node A or node B of its chain (Infinity = barred): the
 * seeds of a search from that point (the forward graph when outward, the reversed one otherwise).
 */
export function pointLegs(points: SnappedPoints, p: number, outward: boolean): [number, number] {
  if (points.chain[p] === NO_CHAIN) return [Infinity, Infinity];
  const dir = points.oneway[p];
  const toA = points.secondsToA[p];
  const toB = points.secondsToB[p];
  // Leaving towards A drives B -> A (allowed for dir 0, -1); arriving from A drives A -> B (dir 0, 1). A foot
  // at a node itself needs no driving along the chain, so that node is open whatever the chain's direction.
  const atA = points.alongSeconds[p] <= 0;
  const atB = points.secondsToB[p] <= points.snapSeconds[p];
  const viaA = atA || (outward ? dir <= 0 : dir >= 0) ? toA : Infinity;
  const viaB = atB || (outward ? dir >= 0 : dir <= 0) ? toB : Infinity;
  return [viaA, viaB];
}

/** Direct time from point p to point q on the same chain, Infinity when not on one chain or barred. */
function sameChain(from: SnappedPoints, p: number, to: SnappedPoints, q: number): number {
  if (from.chain[p] === NO_CHAIN || from.chain[p] !== to.chain[q]) return Infinity;
  const delta = to.alongSeconds[q] - from.alongSeconds[p];
  const dir = from.oneway[p];
  if ((delta >= 0 && dir < 0) || (delta < 0 && dir > 0)) return Infinity;
  return from.snapSeconds[p] + Math.abs(delta) + to.snapSeconds[q];
}

/** Points of a side attached to graph nodes and chains, with the leg cost from the node to the point. */
interface Attached {
  nodeOffsets: Uint32Array;
  nodePoints: Uint32Array;
  nodeCost: Float64Array;
  byChain: Map<number, number[]>;
}

function attach(points: SnappedPoints, network: RoadNetwork, outward: boolean): Attached {
  const n = network.graph.nodeCount;
  const nodeOffsets = new Uint32Array(n + 1);
  const byChain = new Map<number, number[]>();
  for (let p = 0; p < points.count; p++) {
    if (points.chain[p] === NO_CHAIN) continue;
    nodeOffsets[points.nodeA[p] + 1]++;
    nodeOffsets[points.nodeB[p] + 1]++;
    const list = byChain.get(points.chain[p]);
    if (list === undefined) byChain.set(points.chain[p], [p]);
    else list.push(p);
  }
  for (let u = 0; u < n; u++) nodeOffsets[u + 1] += nodeOffsets[u];
  const nodePoints = new Uint32Array(nodeOffsets[n]);
  const nodeCost = new Float64Array(nodeOffsets[n]);
  const cursor = nodeOffsets.slice(0, n);
  for (let p = 0; p < points.count; p++) {
    if (points.chain[p] === NO_CHAIN) continue;
    const [viaA, viaB] = pointLegs(points, p, outward);
    let k = cursor[points.nodeA[p]]++;
    nodePoints[k] = p;
    nodeCost[k] = viaA;
    k = cursor[points.nodeB[p]]++;
    nodePoints[k] = p;
    nodeCost[k] = viaB;
  }
  return { nodeOffsets, nodePoints, nodeCost, byChain };
}

/**
 * A prepared reach towards one fixed side (the targets): the search graph (reversed when the runs go towards the
 * sources), the search state and the targets attached to their graph nodes, built once, so that many runs from
 * few sources each (a dragged site, an isochrone) cost what they explore, not the graph's size.
 */
export class ReachContext {
  readonly network: RoadNetwork;
  readonly targets: SnappedPoints;
  readonly towardSources: boolean;
  /** The search (its `dist` and `settled` hold the last run's nodes and seconds). */
  readonly search: RoadSearch;
  private readonly attached: Attached;
  private readonly best: Float64Array;

  /**
   * @param network the road network
   * @param targets the fixed side
   * @param towardSources false: times from source to target (forward graph); true: from target to source
   * @param search a search to share, on the forward graph, or on the reversed graph when `towardSources`
   *   (default: a new one)
   */
  constructor(network: RoadNetwork, targets: SnappedPoints, towardSources: boolean, search?: RoadSearch) {
    this.network = network;
    this.targets = targets;
    this.towardSources = towardSources;
    this.search = search ?? new RoadSearch(towardSources ? reverseGraph(network.graph) : network.graph);
    this.attached = attach(targets, network, towardSources);
    this.best = new Float64Array(targets.count).fill(Infinity);
  }

  /**
   * Sparse travel times from each `sources` point to the targets within `maxSeconds`.
   * @param maxSeconds bound, inclusive (Infinity: every reachable pair)
   */
  lists(sources: SnappedPoints, maxSeconds: number, options: TableOptions = {}): ReachLists {
    const { search, attached, best, targets, towardSources } = this;
    const hit: number[] = [];
    const offsets = new Uint32Array(sources.count + 1);
    let outTargets = new Uint32Array(1024);
    let outSeconds = new Float64Array(1024);
    let size = 0;
    const seedNodes = new Uint32Array(2);
    const seedSeconds = new Float64Array(2);
    for (let s = 0; s < sources.count; s++) {
      if (options.shouldStop?.() === true) throw new ReachCancelled();
      if (sources.chain[s] !== NO_CHAIN) {
        const [viaA, viaB] = pointLegs(sources, s, !towardSources);
        seedNodes[0] = sources.nodeA[s];
        seedSeconds[0] = viaA;
        seedNodes[1] = sources.nodeB[s];
        seedSeconds[1] = viaB;
        const settled = search.run(seedNodes, seedSeconds, maxSeconds);
        const { dist } = search;
        const { nodeOffsets, nodePoints, nodeCost } = attached;
        for (let k = 0; k < settled; k++) {
          const u = search.settled[k];
          const du = dist[u];
          for (let e = nodeOffsets[u], end = nodeOffsets[u + 1]; e < end; e++) {
            const t = nodePoints[e];
            const d = du + nodeCost[e];
            if (d <= maxSeconds && d < best[t]) {
              if (best[t] === Infinity) hit.push(t);
              best[t] = d;
            }
          }
        }
        for (const t of attached.byChain.get(sources.chain[s]) ?? []) {
          const d = towardSources ? sameChain(targets, t, sources, s) : sameChain(sources, s, targets, t);
          if (d <= maxSeconds && d < best[t]) {
            if (best[t] === Infinity) hit.push(t);
            best[t] = d;
          }
        }
        hit.sort((a, b) => a - b);
        if (size + hit.length > outTargets.length) {
          const capacity = Math.max(2 * outTargets.length, size + hit.length);
          const nextTargets = new Uint32Array(capacity);
          nextTargets.set(outTargets.subarray(0, size));
          const nextSeconds = new Float64Array(capacity);
          nextSeconds.set(outSeconds.subarray(0, size));
          outTargets = nextTargets;
          outSeconds = nextSeconds;
        }
        for (const t of hit) {
          outTargets[size] = t;
          outSeconds[size++] = best[t];
          best[t] = Infinity;
        }
        hit.length = 0;
      }
      offsets[s + 1] = size;
      options.onProgress?.(s + 1, sources.count);
    }
    return {
      sourceCount: sources.count,
      targetCount: targets.count,
      offsets,
      targets: outTargets.slice(0, size),
      seconds: outSeconds.slice(0, size),
    };
  }
}

/**
 * Sparse travel times from each `sources` point to the `targets` within `maxSeconds`.
 * @param network the road network
 * @param sources the points the runs start from
 * @param targets the other side
 * @param maxSeconds bound, inclusive (Infinity: every reachable pair)
 * @param towardSources false: times from source to target (forward graph); true: from target to source (runs on
 *   the reversed graph), i.e. the lists still say, per source, which targets drive TO it and in how long
 */
export function reachLists(
  network: RoadNetwork,
  sources: SnappedPoints,
  targets: SnappedPoints,
  maxSeconds: number,
  towardSources: boolean,
  options: TableOptions = {},
): ReachLists {
  return new ReachContext(network, targets, towardSources).lists(sources, maxSeconds, options);
}

/**
 * The OSRM-style travel-time table: `values[i * cols + j]` = seconds driving from `from[i]` to `to[j]`, Infinity
 * beyond `maxSeconds` or unreachable. Runs from the smaller side (backward from the destinations when there are
 * fewer of them).
 * @example
 * const table = travelTable(network, villages, sites, 30 * 60); // rows villages, columns sites
 */
export function travelTable(
  network: RoadNetwork,
  from: SnappedPoints,
  to: SnappedPoints,
  maxSeconds: number,
  options: TableOptions = {},
): { rows: number; cols: number; values: Float64Array } {
  const values = new Float64Array(from.count * to.count).fill(Infinity);
  const backward = to.count < from.count;
  const lists = backward
    ? reachLists(network, to, from, maxSeconds, true, options)
    : reachLists(network, from, to, maxSeconds, false, options);
  for (let s = 0; s < lists.sourceCount; s++) {
    for (let k = lists.offsets[s], end = lists.offsets[s + 1]; k < end; k++) {
      const t = lists.targets[k];
      if (backward) values[t * to.count + s] = lists.seconds[k];
      else values[s * to.count + t] = lists.seconds[k];
    }
  }
  return { rows: from.count, cols: to.count, values };
}
