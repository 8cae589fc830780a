import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  allPairsShortestPaths,
  dijkstraAllPairs,
  floydWarshall,
  type WeightedGraph,
} from '../../../../src/core/distance/shortest-paths';

/** Bellman-Ford style relaxation to a fixed point: slow but obviously right. */
function relaxationPaths(graph: WeightedGraph): Float64Array {
  const n = graph.nodeCount;
  const d = new Float64Array(n * n).fill(Infinity);
  for (let i = 0; i < n; i++) d[i * n + i] = 0;
  for (let round = 0; round < n; round++) {
    for (let s = 0; s < n; s++) {
      for (let e = 0; e < graph.from.length; e++) {
        const arcs: [number, number][] = [[graph.from[e], graph.to[e]]];
        if (!graph.directed) arcs.push([graph.to[e], graph.from[e]]);
        for (const [a, b] of arcs) {
          const via = d[s * n + a] + graph.cost[e];
          if (via < d[s * n + b]) d[s * n + b] = via;
        }
      }
    }
  }
  return d;
}

const graphArb = fc.record({ n: fc.integer({ min: 1, max: 9 }), directed: fc.boolean() }).chain(({ n, directed }) =>
  fc
    .array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 0, max: 30 })), { maxLength: 25 })
    .map((edges): WeightedGraph => ({
      nodeCount: n,
      directed,
      from: Uint32Array.from(edges.map((e) => e[0])),
      to: Uint32Array.from(edges.map((e) => e[1])),
      cost: Float64Array.from(edges.map((e) => e[2])),
    })),
);

describe('shortest paths', () => {
  it('Floyd–Warshall and Dijkstra agree with plain relaxation on random graphs (parallel edges, both senses)', () => {
    fc.assert(
      fc.property(graphArb, (graph) => {
        const expected = Array.from(relaxationPaths(graph));
        expect(Array.from(allPairsShortestPaths(graph, { method: 'floyd' }).values)).toEqual(expected);
        expect(Array.from(allPairsShortestPaths(graph, { method: 'dijkstra' }).values)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('floydWarshall works in place on a cost matrix and keeps Infinity for unreachable pairs', () => {
    const m = { rows: 4, cols: 4, values: new Float64Array(16).fill(Infinity) };
    for (let i = 0; i < 4; i++) m.values[i * 4 + i] = 0;
    m.values[0 * 4 + 1] = m.values[1 * 4 + 0] = 5;
    m.values[1 * 4 + 2] = m.values[2 * 4 + 1] = 2;
    m.values[0 * 4 + 2] = m.values[2 * 4 + 0] = 9;
    const out = floydWarshall(m);
    expect(out).toBe(m);
    expect(m.values[0 * 4 + 2]).toBe(7);
    expect(m.values[0 * 4 + 3]).toBe(Infinity);
  });

  it('dijkstraAllPairs computes only the requested source rows', () => {
    const g: WeightedGraph = {
      nodeCount: 3,
      from: Uint32Array.of(0, 1),
      to: Uint32Array.of(1, 2),
      cost: Float64Array.of(1, 2),
      directed: true,
    };
    const m = dijkstraAllPairs(g, [2, 0]);
    expect(m.rows).toBe(2);
    expect(Array.from(m.values)).toEqual([Infinity, Infinity, 0, 0, 1, 3]);
  });

  it('rejects bad edges with a message saying what was expected', () => {
    const g: WeightedGraph = { nodeCount: 2, from: Uint32Array.of(0), to: Uint32Array.of(5), cost: Float64Array.of(1) };
    expect(() => dijkstraAllPairs(g)).toThrow(/expected nodes < 2/);
    expect(() => floydWarshall({ rows: 2, cols: 3, values: new Float64Array(6) })).toThrow(/square/);
  });
});
