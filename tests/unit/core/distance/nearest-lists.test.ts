import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nearestListsFromMatrix, nearestListsFromPoints } from '../../../../src/core/distance/nearest-lists';
import { createDistanceSource, pointDistanceSource } from '../../../../src/core/distance/distance-source';
import { haversineKm } from '../../../../src/core/distance/haversine';
import { createRandom } from '../../../../src/core/random';
import type { Candidates, Demand } from '../../../../src/core/types';

function randomPoints(count: number, seed: number): { lon: Float64Array; lat: Float64Array } {
  const rand = createRandom(seed);
  const lon = new Float64Array(count);
  const lat = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    lon[i] = 119 + rand() * 2;
    lat[i] = 29 + rand() * 2;
  }
  return { lon, lat };
}

function demandOf(count: number, seed: number): Demand {
  return { count, ...randomPoints(count, seed), weight: new Float64Array(count).fill(1) };
}

function candidatesOf(count: number, seed: number): Candidates {
  return { count, ...randomPoints(count, seed), status: new Uint8Array(count) };
}

describe('nearestListsFromMatrix', () => {
  it('sorts each row by distance then index, skips Infinity, and truncates to k', () => {
    const matrix = { rows: 2, cols: 4, values: Float64Array.of(5, 1, Infinity, 1, 0, 3, 2, 9) };
    const all = nearestListsFromMatrix(matrix);
    expect(all.complete).toBe(true);
    expect(Array.from(all.offsets)).toEqual([0, 3, 7]);
    expect(Array.from(all.sites)).toEqual([1, 3, 0, 0, 2, 1, 3]);
    expect(Array.from(all.distances)).toEqual([1, 1, 5, 0, 2, 3, 9]);
    const two = nearestListsFromMatrix(matrix, 2);
    expect(two.complete).toBe(false);
    expect(Array.from(two.sites)).toEqual([1, 3, 0, 2]);
  });

  it('keeps the list complete when k only cuts unreachable entries', () => {
    const lists = nearestListsFromMatrix({ rows: 1, cols: 3, values: Float64Array.of(2, Infinity, 1) }, 2);
    expect(lists.complete).toBe(true);
  });

  it('rejects negative or NaN distances and wrong sizes', () => {
    expect(() => nearestListsFromMatrix({ rows: 1, cols: 2, values: Float64Array.of(1, -1) })).toThrow(/>= 0/);
    expect(() => nearestListsFromMatrix({ rows: 2, cols: 2, values: Float64Array.of(1) })).toThrow(/expected 2 x 2/);
  });
});

describe('nearestListsFromPoints', () => {
  it('finds exactly the k nearest candidates by haversine km, sorted', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 12 }), fc.nat(1000), (m, k, seed) => {
        const demand = demandOf(8, seed);
        const candidates = candidatesOf(m, seed + 1);
        const lists = nearestListsFromPoints(demand, candidates, k);
        expect(lists.complete).toBe(k >= m);
        for (let i = 0; i < demand.count; i++) {
          const expected = Array.from({ length: m }, (_, j) =>
            haversineKm(demand.lon[i], demand.lat[i], candidates.lon[j], candidates.lat[j]),
          ).sort((a, b) => a - b);
          const got = Array.from(lists.distances.subarray(lists.offsets[i], lists.offsets[i + 1]));
          expect(got.length).toBe(Math.min(k, m));
          got.forEach((d, t) => expect(d).toBeCloseTo(expected[t], 9));
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('distance sources', () => {
  it('point source: nearest() finds the exact nearest accepted site beyond a truncated list', () => {
    const demand = demandOf(20, 3);
    const candidates = candidatesOf(40, 4);
    const source = pointDistanceSource(demand, candidates, 3);
    expect(source.lists.complete).toBe(false);
    const accept = (j: number): boolean => j % 7 === 0;
    for (let i = 0; i < demand.count; i++) {
      let best = -1;
      for (let j = 0; j < candidates.count; j++) {
        if (accept(j) && (best < 0 || source.distance(i, j) < source.distance(i, best))) best = j;
      }
      expect(source.nearest(i, accept)).toBe(best);
    }
  });

  it('matrix source: checks the matrix shape against the counts and scans rows in nearest()', () => {
    const demand: Demand = {
      count: 2,
      lon: new Float64Array(0),
      lat: new Float64Array(0),
      weight: new Float64Array(0),
    };
    const candidates: Candidates = {
      count: 3,
      lon: new Float64Array(0),
      lat: new Float64Array(0),
      status: new Uint8Array(3),
    };
    const matrix = { rows: 2, cols: 3, values: Float64Array.of(4, 2, 9, Infinity, 7, 1) };
    const source = createDistanceSource({ demand, candidates, matrix });
    expect(Array.from(source.weight)).toEqual([1, 1]);
    expect(source.distance(1, 2)).toBe(1);
    expect(source.nearest(0, (j) => j !== 1)).toBe(0);
    expect(source.nearest(1, (j) => j === 0)).toBe(-1);
    expect(() =>
      createDistanceSource({ demand, candidates, matrix: { rows: 3, cols: 2, values: matrix.values } }),
    ).toThrow(/expected 2 demand x 3 candidates/);
  });

  it('coordinate source: complete lists for small instances, truncated to `neighbours` for large ones', () => {
    const small = createDistanceSource({ demand: demandOf(10, 1), candidates: candidatesOf(10, 2) });
    expect(small.lists.complete).toBe(true);
    const large = createDistanceSource(
      { demand: demandOf(2100, 1), candidates: candidatesOf(2000, 2) },
      { neighbours: 5 },
    );
    expect(large.lists.complete).toBe(false);
    expect(large.lists.offsets[1]).toBe(5);
    expect(() =>
      createDistanceSource({ demand: demandOf(2100, 1), candidates: candidatesOf(2000, 2) }, { complete: true }),
    ).toThrow(/exceeds 4000000: use the heuristic/);
  });
});
