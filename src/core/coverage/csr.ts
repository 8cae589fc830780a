/**
 * Compressed sparse row (CSR) helpers for coverage sets: a growing pair buffer, the transpose, and the assembly of
 * a `CoverageSets` (both directions) from the site-major lists a reach model produces.
 *
 * Invariant of every CSR built here: `offsets` has `rows + 1` entries, starts at 0, is non-decreasing, ends at the
 * number of entries, and the indices of each row are strictly ascending (so lists can be merged and compared).
 */
import type { CoverageSets } from '../types';

/** A growing Uint32Array (amortised O(1) push), used while the number of covered pairs is not yet known. */
export class IndexBuffer {
  data: Uint32Array;
  length = 0;

  /** @param capacity initial number of slots (grows by doubling) */
  constructor(capacity = 1024) {
    this.data = new Uint32Array(Math.max(16, capacity));
  }

  /** Appends one index. */
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }

  /** A copy trimmed to the pushed length. */
  toArray(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * Transposes a CSR matrix by counting sort: O(rows + cols + entries), and the output rows come out ascending
 * because input rows are visited in ascending order.
 *
 * @param rows number of rows of the input
 * @param cols number of columns of the input (rows of the output)
 * @param offsets input row offsets (rows + 1)
 * @param indices input column indices
 * @returns the transposed offsets (cols + 1) and indices
 */
export function transposeCsr(
  rows: number,
  cols: number,
  offsets: Uint32Array,
  indices: Uint32Array,
): { offsets: Uint32Array; indices: Uint32Array } {
  const outOffsets = new Uint32Array(cols + 1);
  const nnz = offsets[rows];
  for (let k = 0; k < nnz; k++) outOffsets[indices[k] + 1]++;
  for (let c = 0; c < cols; c++) outOffsets[c + 1] += outOffsets[c];
  const cursor = outOffsets.slice(0, cols);
  const outIndices = new Uint32Array(nnz);
  for (let r = 0; r < rows; r++) {
    for (let k = offsets[r], end = offsets[r + 1]; k < end; k++) outIndices[cursor[indices[k]]++] = r;
  }
  return { offsets: outOffsets, indices: outIndices };
}

/** Sorts each row's indices ascending in place (insertion sort for short rows, native sort for long ones). */
export function sortCsrRows(rows: number, offsets: Uint32Array, indices: Uint32Array): void {
  for (let r = 0; r < rows; r++) {
    const start = offsets[r];
    const end = offsets[r + 1];
    if (end - start > 32) {
      indices.subarray(start, end).sort();
      continue;
    }
    for (let a = start + 1; a < end; a++) {
      const v = indices[a];
      let b = a - 1;
      while (b >= start && indices[b] > v) {
        indices[b + 1] = indices[b];
        b--;
      }
      indices[b + 1] = v;
    }
  }
}

/**
 * Assembles `CoverageSets` from site-major lists (site j covers `siteDemands[siteOffsets[j]..siteOffsets[j+1])`),
 * sorting each list and building the demand-major inverse. Throws when an index is out of range.
 *
 * @param demandCount number of demand points
 * @param siteCount number of candidate sites
 * @param siteOffsets CSR offsets, siteCount + 1 entries
 * @param siteDemands demand indices
 * @example
 * const cov = coverageFromSiteLists(3, 2, Uint32Array.of(0, 2, 3), Uint32Array.of(0, 1, 2));
 * cov.demandSites; // Uint32Array [0, 0, 1]: demand 0 by site 0, demand 1 by site 0, demand 2 by site 1
 */
export function coverageFromSiteLists(
  demandCount: number,
  siteCount: number,
  siteOffsets: Uint32Array,
  siteDemands: Uint32Array,
): CoverageSets {
  if (siteOffsets.length !== siteCount + 1) {
    throw new Error(`Expected ${siteCount + 1} site offsets, got ${siteOffsets.length}.`);
  }
  if (siteOffsets[siteCount] !== siteDemands.length) {
    throw new Error(
      `Last site offset is ${siteOffsets[siteCount]} but there are ${siteDemands.length} demand indices.`,
    );
  }
  for (let k = 0; k < siteDemands.length; k++) {
    if (siteDemands[k] >= demandCount) {
      throw new Error(`Demand index ${siteDemands[k]} out of range: expected < ${demandCount}.`);
    }
  }
  sortCsrRows(siteCount, siteOffsets, siteDemands);
  const inverse = transposeCsr(siteCount, demandCount, siteOffsets, siteDemands);
  return {
    demandCount,
    siteCount,
    siteOffsets,
    siteDemands,
    demandOffsets: inverse.offsets,
    demandSites: inverse.indices,
  };
}

/**
 * Assembles `CoverageSets` from hit lists produced site by site in a processing order (as a spatial query loop
 * that visits sites in spatial order produces them): the k-th processed site is `siteOrder[k]` and covers
 * `hits[queryOffsets[k] .. queryOffsets[k+1])`, in any order.
 *
 * Only sequential passes over the hits, then the transposes: reading the hits site by site in index order would
 * jump between chunks at random (one cache and TLB miss per site, 4x slower at national scale). Demand-major lists
 * are the transpose of the processing-order lists, relabelled to site indices and sorted; site-major lists are
 * their transpose (ascending, because demand rows are visited in order).
 *
 * @param demandCount number of demand points
 * @param siteOrder site index of each processing position (a permutation of 0 .. siteCount-1)
 * @param queryOffsets offsets of each processing position's hits (siteCount + 1 entries)
 * @param hits demand indices
 */
export function coverageFromQueries(
  demandCount: number,
  siteOrder: Uint32Array,
  queryOffsets: Uint32Array,
  hits: Uint32Array,
): CoverageSets {
  const siteCount = siteOrder.length;
  const nnz = queryOffsets[siteCount];
  for (let k = 0; k < nnz; k++) {
    if (hits[k] >= demandCount) throw new Error(`Demand index ${hits[k]} out of range: expected < ${demandCount}.`);
  }
  const demandMajor = transposeCsr(siteCount, demandCount, queryOffsets, hits);
  const demandSites = demandMajor.indices;
  for (let k = 0; k < nnz; k++) demandSites[k] = siteOrder[demandSites[k]];
  sortCsrRows(demandCount, demandMajor.offsets, demandSites);
  const siteMajor = transposeCsr(demandCount, siteCount, demandMajor.offsets, demandSites);
  return {
    demandCount,
    siteCount,
    siteOffsets: siteMajor.offsets,
    siteDemands: siteMajor.indices,
    demandOffsets: demandMajor.offsets,
    demandSites,
  };
}

/**
 * Builds coverage sets from a boolean predicate by brute force, O(demand x sites). Meant for tests and tiny
 * instances only; reach models use a spatial index instead.
 *
 * @param demandCount number of demand points
 * @param siteCount number of candidate sites
 * @param covers true when site j covers demand i
 */
export function coverageFromPredicate(
  demandCount: number,
  siteCount: number,
  covers: (site: number, demand: number) => boolean,
): CoverageSets {
  const offsets = new Uint32Array(siteCount + 1);
  const buffer = new IndexBuffer();
  for (let j = 0; j < siteCount; j++) {
    for (let i = 0; i < demandCount; i++) if (covers(j, i)) buffer.push(i);
    offsets[j + 1] = buffer.length;
  }
  return coverageFromSiteLists(demandCount, siteCount, offsets, buffer.toArray());
}
