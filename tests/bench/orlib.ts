/**
 * Reader of the OR-Library p-median graphs pmed1..pmed40 (J.E. Beasley, "A note on solving large p-median
 * problems", EJOR 21 (1985) 270; OR-Library, JORS 41 (1990) 1069). Benchmark and test code only.
 *
 * Format: first line `n m p`, then m lines `i j cost` (1-based vertices, undirected). Distances follow
 * OR-Library's own rule (see ../shared/bench/README.md): c(i,j) = inf, c(i,i) = 0, edge lines read in order
 * setting c(i,j) = c(j,i) = cost, so the LAST line read for a pair wins even when larger, then Floyd–Warshall.
 * (pmed1 then has p-median optimum 5819; 5718 would mean repeated pairs were merged by minimum.)
 */
import { readFileSync } from 'node:fs';
import { floydWarshall } from '../../src/core/distance/shortest-paths';
import { SITE_STATUS, type Candidates, type Demand, type DistanceMatrix } from '../../src/core/types';

/** One OR-Library p-median instance: every vertex is a demand point of weight 1 and a candidate site. */
export interface OrLibInstance {
  name: string;
  n: number;
  p: number;
  /** Shortest-path distances, n x n. */
  matrix: DistanceMatrix;
  demand: Demand;
  candidates: Candidates;
}

/** Folder of the shared reference instances. */
export const BENCH_DIR = new URL('../../../shared/bench/', import.meta.url);

/**
 * Parses OR-Library p-median text into its shortest-path matrix (last edge line wins, then Floyd).
 * @param text file contents
 * @param name instance name for messages
 */
export function parseOrLibPMedian(text: string, name = 'pmed'): OrLibInstance {
  const tokens = text.trim().split(/\s+/).map(Number);
  const [n, m, p] = tokens;
  if (!(n > 0 && m >= 0 && p > 0) || tokens.length < 3 + 3 * m) {
    throw new Error(`${name}: expected "n m p" then ${m} edge lines, got ${tokens.length} numbers.`);
  }
  const values = new Float64Array(n * n).fill(Infinity);
  for (let i = 0; i < n; i++) values[i * n + i] = 0;
  for (let e = 0; e < m; e++) {
    const i = tokens[3 + 3 * e] - 1;
    const j = tokens[4 + 3 * e] - 1;
    const cost = tokens[5 + 3 * e];
    if (!(i >= 0 && i < n && j >= 0 && j < n) || !(cost >= 0)) {
      throw new Error(`${name}: edge line ${e + 2} is "${i + 1} ${j + 1} ${cost}", expected 1..${n} and cost >= 0.`);
    }
    values[i * n + j] = cost; // the last line read wins, as in OR-Library's own code
    values[j * n + i] = cost;
  }
  const matrix = floydWarshall({ rows: n, cols: n, values });
  return {
    name,
    n,
    p,
    matrix,
    demand: { count: n, lon: new Float64Array(0), lat: new Float64Array(0), weight: new Float64Array(n).fill(1) },
    candidates: {
      count: n,
      lon: new Float64Array(0),
      lat: new Float64Array(0),
      status: new Uint8Array(n).fill(SITE_STATUS.proposed),
    },
  };
}

/** Reads `pmedK.txt` from the shared bench folder. */
export function readOrLibPMedian(name: string): OrLibInstance {
  return parseOrLibPMedian(readFileSync(new URL(`${name}.txt`, BENCH_DIR), 'utf8'), name);
}

/** Proven optima from the shared `optima.json` (pmedian from OR-Library's pmedopt, pcenter as published). */
export function readOptima(): Record<string, { p: number; pmedian: number; pcenter: number }> {
  return JSON.parse(readFileSync(new URL('optima.json', BENCH_DIR), 'utf8')) as Record<
    string,
    { p: number; pmedian: number; pcenter: number }
  >;
}
