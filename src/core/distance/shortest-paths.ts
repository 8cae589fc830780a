/**
 * All-pairs shortest paths of a weighted graph (e.g. a user's road network, or an OR-Library p-median graph)
 * into a dense `DistanceMatrix` (rows = columns = nodes; Infinity = unreachable; unit = the edge costs' unit).
 */
import type { DistanceMatrix } from '../types';

/** A weighted graph as an edge list (node indices 0..nodeCount-1). Parallel edges are allowed: the cheapest counts. */
export interface WeightedGraph {
  nodeCount: number;
  from: Uint32Array;
  to: Uint32Array;
  /** Non-negative edge costs (any unit: km, minutes, graph cost). */
  cost: Float64Array;
  /** When false (default), each edge can be travelled both ways. */
  directed?: boolean;
}

/** Largest node count for which `allPairsShortestPaths` picks Floyd–Warshall when the graph is dense enough. */
export const FLOYD_MAX_NODES = 1000;

/**
 * Floyd–Warshall (R.W. Floyd, "Algorithm 97: Shortest path", CACM 5 (1962) 345), in place, on a square matrix
 * whose entries are the direct costs (Infinity where there is no edge, 0 on the diagonal). O(n^3) time.
 *
 * @param matrix square n x n matrix, overwritten with shortest-path costs
 * @returns the same matrix
 * @example
 * const m = { rows: 3, cols: 3, values: Float64Array.from([0, 1, Infinity, 1, 0, 2, Infinity, 2, 0]) };
 * floydWarshall(m).values[2]; // 3
 */
export function floydWarshall(matrix: DistanceMatrix): DistanceMatrix {
  const n = matrix.rows;
  if (matrix.cols !== n) throw new Error(`Floyd–Warshall needs a square matrix, got ${matrix.rows} x ${matrix.cols}.`);
  const d = matrix.values;
  for (let k = 0; k < n; k++) {
    const rowK = k * n;
    for (let i = 0; i < n; i++) {
      const dik = d[i * n + k];
      if (dik === Infinity) continue;
      const rowI = i * n;
      for (let j = 0; j < n; j++) {
        const via = dik + d[rowK + j];
        if (via < d[rowI + j]) d[rowI + j] = via;
      }
    }
  }
  return matrix;
}

/** Adjacency in CSR form: neighbours of u are `target[offsets[u] .. offsets[u+1])` with costs `weight[...]`. */
function adjacency(graph: WeightedGraph): { offsets: Uint32Array; target: Uint32Array; weight: Float64Array } {
  const { nodeCount: n, from, to, cost } = graph;
  const both = !graph.directed;
  const offsets = new Uint32Array(n + 1);
  for (let e = 0; e < from.length; e++) {
    offsets[from[e] + 1]++;
    if (both) offsets[to[e] + 1]++;
  }
  for (let u = 0; u < n; u++) offsets[u + 1] += offsets[u];
  const fill = offsets.slice(0, n);
  const target = new Uint32Array(offsets[n]);
  const weight = new Float64Array(offsets[n]);
  for (let e = 0; e < from.length; e++) {
    let k = fill[from[e]]++;
    target[k] = to[e];
    weight[k] = cost[e];
    if (both) {
      k = fill[to[e]]++;
      target[k] = from[e];
      weight[k] = cost[e];
    }
  }
  return { offsets, target, weight };
}

function checkGraph(graph: WeightedGraph): void {
  const { nodeCount: n, from, to, cost } = graph;
  if (from.length !== to.length || from.length !== cost.length) {
    throw new Error(`Edge arrays differ in length: from ${from.length}, to ${to.length}, cost ${cost.length}.`);
  }
  for (let e = 0; e < from.length; e++) {
    if (from[e] >= n || to[e] >= n) throw new Error(`Edge ${e} joins ${from[e]}-${to[e]}, expected nodes < ${n}.`);
    if (!(cost[e] >= 0)) throw new Error(`Edge ${e} has cost ${cost[e]}, expected a non-negative number.`);
  }
}

/**
 * Shortest-path costs from every node by Dijkstra's algorithm (E.W. Dijkstra, "A note on two problems in
 * connexion with graphs", Numer. Math. 1 (1959) 269) with a binary heap: O(n (m + n) log n), the right choice for
 * sparse road networks.
 *
 * @param graph edge list with non-negative costs
 * @param sources nodes to compute rows for (default: every node)
 * @returns a sources.length x nodeCount matrix
 */
export function dijkstraAllPairs(graph: WeightedGraph, sources?: ArrayLike<number>): DistanceMatrix {
  checkGraph(graph);
  const n = graph.nodeCount;
  const { offsets, target, weight } = adjacency(graph);
  const rows = sources ? sources.length : n;
  const values = new Float64Array(rows * n);
  const heapNode = new Uint32Array(offsets[n] + n);
  const heapKey = new Float64Array(offsets[n] + n);
  for (let r = 0; r < rows; r++) {
    const dist = values.subarray(r * n, (r + 1) * n);
    dist.fill(Infinity);
    const s = sources ? sources[r] : r;
    dist[s] = 0;
    // Lazy-deletion binary heap of (key, node): a node may be pushed several times; stale entries are skipped.
    let size = 0;
    const push = (node: number, key: number): void => {
      let i = size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (heapKey[parent] <= key) break;
        heapNode[i] = heapNode[parent];
        heapKey[i] = heapKey[parent];
        i = parent;
      }
      heapNode[i] = node;
      heapKey[i] = key;
    };
    push(s, 0);
    while (size > 0) {
      const u = heapNode[0];
      const du = heapKey[0];
      const lastNode = heapNode[--size];
      const lastKey = heapKey[size];
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= size) break;
        if (child + 1 < size && heapKey[child + 1] < heapKey[child]) child++;
        if (heapKey[child] >= lastKey) break;
        heapNode[i] = heapNode[child];
        heapKey[i] = heapKey[child];
        i = child;
      }
      heapNode[i] = lastNode;
      heapKey[i] = lastKey;
      if (du > dist[u]) continue;
      for (let e = offsets[u]; e < offsets[u + 1]; e++) {
        const v = target[e];
        const dv = du + weight[e];
        if (dv < dist[v]) {
          dist[v] = dv;
          push(v, dv);
        }
      }
    }
  }
  return { rows, cols: n, values };
}

/**
 * All-pairs shortest paths of a graph: Floyd–Warshall when n <= 1,000 and the graph is dense
 * (m >= n log2 n edges), Dijkstra from every node otherwise.
 *
 * @param graph edge list with non-negative costs; parallel edges: the cheapest counts
 * @param options.method force `floyd` or `dijkstra`
 * @returns an n x n matrix (Infinity = unreachable)
 * @example
 * const g = { nodeCount: 3, from: Uint32Array.of(0, 1), to: Uint32Array.of(1, 2), cost: Float64Array.of(1, 2) };
 * allPairsShortestPaths(g).values[2]; // 3
 */
export function allPairsShortestPaths(
  graph: WeightedGraph,
  options: { method?: 'floyd' | 'dijkstra' } = {},
): DistanceMatrix {
  const n = graph.nodeCount;
  const dense = graph.from.length >= n * Math.log2(Math.max(2, n));
  const method = options.method ?? (n <= FLOYD_MAX_NODES && dense ? 'floyd' : 'dijkstra');
  if (method === 'dijkstra') return dijkstraAllPairs(graph);
  checkGraph(graph);
  const values = new Float64Array(n * n).fill(Infinity);
  for (let i = 0; i < n; i++) values[i * n + i] = 0;
  const { from, to, cost } = graph;
  for (let e = 0; e < from.length; e++) {
    const a = from[e] * n + to[e];
    if (cost[e] < values[a]) values[a] = cost[e];
    if (!graph.directed) {
      const b = to[e] * n + from[e];
      if (cost[e] < values[b]) values[b] = cost[e];
    }
  }
  return floydWarshall({ rows: n, cols: n, values });
}
