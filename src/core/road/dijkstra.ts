/**
 * Bounded one-to-many Dijkstra (E.W. Dijkstra, "A note on two problems in connexion with graphs", Numerische
 * Mathematik 1 (1959) 269) on a CSR road graph, with an indexed binary heap (decrease-key) in typed arrays. The
 * search state is allocated once per graph and reset only where a run touched it, so thousands of bounded runs
 * on a province-sized graph cost what they explore, not the graph's size.
 */
import type { RoadGraph } from './types';

/** A reusable bounded search on one graph (forward, or the reversed graph for searches towards a point). */
export class RoadSearch {
  readonly graph: RoadGraph;
  /** Seconds of each node after `run` (Infinity = not reached within the bound). Read-only to callers. */
  readonly dist: Float64Array;
  /** Nodes settled by the last run, in settle order: `settled[0 .. settledCount)`; all within the bound. */
  readonly settled: Uint32Array;
  settledCount = 0;
  private readonly heap: Uint32Array;
  /** Heap position of each node, -1 = not in the heap. */
  private readonly pos: Int32Array;
  private heapSize = 0;
  private touched: Uint32Array;
  private touchedCount = 0;

  constructor(graph: RoadGraph) {
    const n = graph.nodeCount;
    this.graph = graph;
    this.dist = new Float64Array(n).fill(Infinity);
    this.settled = new Uint32Array(n);
    this.heap = new Uint32Array(n);
    this.pos = new Int32Array(n).fill(-1);
    this.touched = new Uint32Array(n);
  }

  /**
   * Runs from seed nodes with start costs, settling every node within `maxSeconds`.
   * @param seedNodes graph nodes to start from
   * @param seedSeconds their start costs (Infinity seeds are ignored)
   * @param maxSeconds the bound (inclusive)
   * @returns the number of settled nodes
   */
  run(seedNodes: ArrayLike<number>, seedSeconds: ArrayLike<number>, maxSeconds: number): number {
    this.reset();
    const { dist } = this;
    for (let k = 0; k < seedNodes.length; k++) {
      const v = seedNodes[k];
      const d = seedSeconds[k];
      if (!(d <= maxSeconds) || d >= dist[v]) continue;
      if (dist[v] === Infinity) this.touched[this.touchedCount++] = v;
      dist[v] = d;
      this.push(v);
    }
    const { offsets, targets, seconds } = this.graph;
    while (this.heapSize > 0) {
      const u = this.popMin();
      const du = dist[u];
      this.settled[this.settledCount++] = u;
      for (let e = offsets[u], end = offsets[u + 1]; e < end; e++) {
        const v = targets[e];
        const dv = du + seconds[e];
        if (dv > maxSeconds || dv >= dist[v]) continue;
        if (dist[v] === Infinity) this.touched[this.touchedCount++] = v;
        dist[v] = dv;
        this.push(v);
      }
    }
    return this.settledCount;
  }

  private reset(): void {
    const { dist, pos, touched } = this;
    for (let k = 0; k < this.touchedCount; k++) {
      dist[touched[k]] = Infinity;
      pos[touched[k]] = -1;
    }
    this.touchedCount = 0;
    this.settledCount = 0;
    this.heapSize = 0;
  }

  /** Inserts v, or moves it up after its distance decreased. */
  private push(v: number): void {
    const { heap, pos, dist } = this;
    let i = pos[v];
    if (i < 0) {
      i = this.heapSize++;
      heap[i] = v;
    }
    const d = dist[v];
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const w = heap[parent];
      if (dist[w] <= d) break;
      heap[i] = w;
      pos[w] = i;
      i = parent;
    }
    heap[i] = v;
    pos[v] = i;
  }

  private popMin(): number {
    const { heap, pos, dist } = this;
    const top = heap[0];
    pos[top] = -2;
    const last = heap[--this.heapSize];
    if (this.heapSize > 0) {
      const d = dist[last];
      let i = 0;
      const size = this.heapSize;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= size) break;
        if (child + 1 < size && dist[heap[child + 1]] < dist[heap[child]]) child++;
        if (dist[heap[child]] >= d) break;
        heap[i] = heap[child];
        pos[heap[i]] = i;
        i = child;
      }
      heap[i] = last;
      pos[last] = i;
    }
    return top;
  }
}
