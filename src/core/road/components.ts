/**
 * Strongly connected components of a directed CSR graph: Tarjan's algorithm (R. Tarjan, "Depth-first search and
 * linear graph algorithms", SIAM J. Computing 1 (1972) 146), iterative with explicit stacks so a province-sized
 * network does not overflow the call stack. O(nodes + edges) time, typed arrays only.
 */
import type { RoadComponents, RoadGraph } from './types';

/**
 * The strongly connected components, renumbered by size (0 = the largest).
 * @example
 * const { count, sizes } = stronglyConnectedComponents(graph);
 * sizes[0] / graph.nodeCount; // share of nodes in the largest component
 */
export function stronglyConnectedComponents(
  graph: Pick<RoadGraph, 'nodeCount' | 'offsets' | 'targets'>,
): RoadComponents {
  const { nodeCount: n, offsets, targets } = graph;
  const index = new Int32Array(n).fill(-1);
  const low = new Uint32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Uint32Array(n);
  const callNode = new Uint32Array(n);
  const callEdge = new Uint32Array(n);
  const component = new Uint32Array(n);
  let stackTop = 0;
  let counter = 0;
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue;
    let depth = 0;
    callNode[0] = root;
    callEdge[0] = offsets[root];
    index[root] = low[root] = counter++;
    stack[stackTop++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const u = callNode[depth];
      const e = callEdge[depth];
      if (e < offsets[u + 1]) {
        callEdge[depth] = e + 1;
        const v = targets[e];
        if (index[v] < 0) {
          index[v] = low[v] = counter++;
          stack[stackTop++] = v;
          onStack[v] = 1;
          depth++;
          callNode[depth] = v;
          callEdge[depth] = offsets[v];
        } else if (onStack[v] === 1 && index[v] < low[u]) low[u] = index[v];
        continue;
      }
      if (low[u] === index[u]) {
        let v: number;
        do {
          v = stack[--stackTop];
          onStack[v] = 0;
          component[v] = count;
        } while (v !== u);
        count++;
      }
      depth--;
      if (depth >= 0) {
        const parent = callNode[depth];
        if (low[u] < low[parent]) low[parent] = low[u];
      }
    }
  }
  const rawSizes = new Uint32Array(count);
  for (let v = 0; v < n; v++) rawSizes[component[v]]++;
  const order = Array.from({ length: count }, (_, c) => c).sort((a, b) => rawSizes[b] - rawSizes[a] || a - b);
  const rank = new Uint32Array(count);
  const sizes = new Uint32Array(count);
  order.forEach((c, r) => {
    rank[c] = r;
    sizes[r] = rawSizes[c];
  });
  for (let v = 0; v < n; v++) component[v] = rank[component[v]];
  return { count, nodeComponent: component, sizes };
}
