import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  coverageFromPredicate,
  coverageFromQueries,
  coverageFromSiteLists,
  IndexBuffer,
  sortCsrRows,
  transposeCsr,
} from '../../../../src/core/coverage/csr';
import { buildStripIndex, lowerBound, stripRange } from '../../../../src/core/coverage/strips';
import type { CoverageSets } from '../../../../src/core/types';

/** Pairs (site, demand) of coverage sets, from the site-major side and from the demand-major side. */
function pairs(cov: CoverageSets): { bySite: string[]; byDemand: string[] } {
  const bySite: string[] = [];
  const byDemand: string[] = [];
  for (let j = 0; j < cov.siteCount; j++) {
    for (let k = cov.siteOffsets[j]; k < cov.siteOffsets[j + 1]; k++) bySite.push(`${j}:${cov.siteDemands[k]}`);
  }
  for (let i = 0; i < cov.demandCount; i++) {
    for (let k = cov.demandOffsets[i]; k < cov.demandOffsets[i + 1]; k++) byDemand.push(`${cov.demandSites[k]}:${i}`);
  }
  return { bySite: bySite.sort(), byDemand: byDemand.sort() };
}

function ascendingRows(offsets: Uint32Array, indices: Uint32Array): boolean {
  for (let r = 0; r + 1 < offsets.length; r++) {
    for (let k = offsets[r] + 1; k < offsets[r + 1]; k++) if (indices[k] <= indices[k - 1]) return false;
  }
  return true;
}

const matrixArb = fc
  .record({ demands: fc.integer({ min: 0, max: 30 }), sites: fc.integer({ min: 0, max: 30 }), seed: fc.integer() })
  .map(({ demands, sites, seed }) => {
    const cells: boolean[] = [];
    let s = seed >>> 0;
    for (let k = 0; k < demands * sites; k++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      cells.push(s % 3 === 0);
    }
    return { demands, sites, covers: (j: number, i: number) => cells[j * demands + i] };
  });

describe('CSR coverage sets', () => {
  it('IndexBuffer grows and trims', () => {
    const buffer = new IndexBuffer(1);
    for (let k = 0; k < 100; k++) buffer.push(k * 3);
    expect(buffer.length).toBe(100);
    expect(Array.from(buffer.toArray().slice(0, 3))).toEqual([0, 3, 6]);
    expect(buffer.toArray().length).toBe(100);
  });

  it('transposes twice to the original', () => {
    const offsets = Uint32Array.of(0, 2, 2, 5);
    const indices = Uint32Array.of(1, 3, 0, 1, 2);
    const t = transposeCsr(3, 4, offsets, indices);
    expect(Array.from(t.offsets)).toEqual([0, 1, 3, 4, 5]);
    expect(Array.from(t.indices)).toEqual([2, 0, 2, 2, 0]);
    const back = transposeCsr(4, 3, t.offsets, t.indices);
    expect(Array.from(back.offsets)).toEqual(Array.from(offsets));
    expect(Array.from(back.indices)).toEqual(Array.from(indices));
  });

  it('sorts rows, short and long', () => {
    const long = Array.from({ length: 50 }, (_, k) => (k * 37) % 50);
    const offsets = Uint32Array.of(0, 3, 3, 53);
    const indices = Uint32Array.from([5, 1, 3, ...long]);
    sortCsrRows(3, offsets, indices);
    expect(ascendingRows(offsets, indices)).toBe(true);
    expect(Array.from(indices.slice(0, 3))).toEqual([1, 3, 5]);
  });

  it('both directions hold the same pairs, ascending, from lists, queries and predicates', () => {
    fc.assert(
      fc.property(matrixArb, ({ demands, sites, covers }) => {
        const reference = coverageFromPredicate(demands, sites, covers);
        const ref = pairs(reference);
        expect(ref.bySite).toEqual(ref.byDemand);
        expect(ascendingRows(reference.siteOffsets, reference.siteDemands)).toBe(true);
        expect(ascendingRows(reference.demandOffsets, reference.demandSites)).toBe(true);
        // Queries in reverse site order, hits in reverse demand order.
        const order = Uint32Array.from({ length: sites }, (_, k) => sites - 1 - k);
        const queryOffsets = new Uint32Array(sites + 1);
        const hits: number[] = [];
        order.forEach((j, k) => {
          for (let i = demands - 1; i >= 0; i--) if (covers(j, i)) hits.push(i);
          queryOffsets[k + 1] = hits.length;
        });
        const fromQueries = coverageFromQueries(demands, order, queryOffsets, Uint32Array.from(hits));
        expect(pairs(fromQueries)).toEqual(ref);
        expect(ascendingRows(fromQueries.siteOffsets, fromQueries.siteDemands)).toBe(true);
        expect(ascendingRows(fromQueries.demandOffsets, fromQueries.demandSites)).toBe(true);
      }),
    );
  });

  it('rejects inconsistent input with a precise message', () => {
    expect(() => coverageFromSiteLists(2, 1, Uint32Array.of(0, 1), Uint32Array.of(5))).toThrow(
      'Demand index 5 out of range: expected < 2.',
    );
    expect(() => coverageFromSiteLists(2, 2, Uint32Array.of(0, 1), Uint32Array.of(0))).toThrow(
      'Expected 3 site offsets',
    );
  });
});

describe('strip index', () => {
  it('orders each strip by column and finds every point of a window', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: -50, max: 50, noNaN: true })),
          {
            maxLength: 200,
          },
        ),
        fc.double({ min: 0.5, max: 20, noNaN: true }),
        fc.tuple(fc.double({ min: -60, max: 60, noNaN: true }), fc.double({ min: -60, max: 60, noNaN: true })),
        (points, height, [qRow, qCol]) => {
          const row = Float64Array.from(points, (p) => p[0]);
          const col = Float64Array.from(points, (p) => p[1]);
          const index = buildStripIndex(row, col, height);
          expect(Array.from(index.order).sort((a, b) => a - b)).toEqual(points.map((_, k) => k));
          for (let s = 0; s < index.stripCount; s++) {
            for (let k = index.stripOffsets[s] + 1; k < index.stripOffsets[s + 1]; k++) {
              expect(index.col[k]).toBeGreaterThanOrEqual(index.col[k - 1]);
            }
          }
          const half = 7;
          const found: number[] = [];
          const [first, last] = stripRange(index, qRow - half, qRow + half);
          for (let s = first; s <= last; s++) {
            const end = index.stripOffsets[s + 1];
            for (
              let k = lowerBound(index.col, index.stripOffsets[s], end, qCol - half);
              k < end && index.col[k] <= qCol + half;
              k++
            ) {
              const i = index.order[k];
              if (Math.abs(row[i] - qRow) <= half) found.push(i);
            }
          }
          const expected = points.flatMap((p, i) =>
            Math.abs(p[0] - qRow) <= half && Math.abs(p[1] - qCol) <= half ? [i] : [],
          );
          expect(found.sort((a, b) => a - b)).toEqual(expected);
        },
      ),
    );
  });

  it('rejects a bad strip height and non-finite coordinates', () => {
    expect(() => buildStripIndex(Float64Array.of(1), Float64Array.of(1), 0)).toThrow('Strip height');
    expect(() => buildStripIndex(Float64Array.of(NaN), Float64Array.of(1), 1)).toThrow('Point 0');
  });
});
