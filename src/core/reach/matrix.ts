/**
 * Reach from a user's dense distance or travel-time matrix (e.g. an OSRM `table` response, or all-pairs shortest
 * paths of a road graph): site j covers demand i when `values[i * cols + j] <= threshold`, in the matrix's own
 * unit (seconds, metres, kilometres or graph cost). Infinity and NaN mean unreachable.
 */
import { IndexBuffer, transposeCsr } from '../coverage/csr';
import type { CoverageSets, DistanceMatrix } from '../types';

/**
 * Coverage sets of a threshold on a dense demand x candidate matrix (rows = demand points, columns = sites).
 * One pass over the matrix, O(rows x cols); the rows are scanned in order so the demand-major lists come out
 * ascending, and the site-major lists are their transpose.
 *
 * @param matrix dense matrix, `values[i * cols + j]` from demand i to site j
 * @param threshold reach in the matrix's unit (inclusive)
 * @example
 * const cov = coverageFromMatrix(osrmDurations, 30 * 60); // 30 minutes, matrix in seconds
 */
export function coverageFromMatrix(matrix: DistanceMatrix, threshold: number): CoverageSets {
  const { rows, cols, values } = matrix;
  if (values.length !== rows * cols) {
    throw new Error(`Expected ${rows} x ${cols} = ${rows * cols} matrix values, got ${values.length}.`);
  }
  if (Number.isNaN(threshold)) throw new Error('threshold must be a number, got NaN.');
  const demandOffsets = new Uint32Array(rows + 1);
  const buffer = new IndexBuffer(Math.max(1024, rows * 4));
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    for (let j = 0; j < cols; j++) if (values[base + j] <= threshold) buffer.push(j);
    demandOffsets[i + 1] = buffer.length;
  }
  const demandSites = buffer.toArray();
  const sites = transposeCsr(rows, cols, demandOffsets, demandSites);
  return {
    demandCount: rows,
    siteCount: cols,
    siteOffsets: sites.offsets,
    siteDemands: sites.indices,
    demandOffsets,
    demandSites,
  };
}
