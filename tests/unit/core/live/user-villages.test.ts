import { describe, expect, it } from 'vitest';
import { groupByCounty, mergeUserVillages, type CountedUserVillages } from '../../../../src/core/live/user-villages';
import type { VillageTable } from '../../../../src/core/villages';

/** Three counties A, B, C with 2, 3 and 1 embedded villages (B's second one urban). */
function province(): VillageTable {
  const countyIndex = Uint16Array.of(0, 1, 0, 1, 2, 1);
  const count = countyIndex.length;
  return {
    provinceCode: '33',
    count,
    positions: Float32Array.from({ length: 2 * count }, (_, k) => (k % 2 === 0 ? 120 + k : 30 + k)),
    rural: Uint8Array.of(1, 1, 1, 0, 1, 1),
    countyBoundary: new Uint8Array(count).fill(1),
    countyIndex,
    counties: ['330101', '330102', '330103'],
    townshipIndex: new Uint16Array(count),
    townships: ['330101001'],
    codeSuffix: Uint16Array.from({ length: count }, (_, i) => i + 1),
  };
}

function user(codes: (string | null)[], weight?: number[]): CountedUserVillages {
  const known = [...new Set(codes.filter((c): c is string => c !== null))];
  const index = Int32Array.from(codes, (c) => (c === null ? -1 : known.indexOf(c)));
  return {
    lon: Float64Array.from(codes, (_, i) => 100 + i),
    lat: Float64Array.from(codes, (_, i) => 20 + i),
    weight: Float64Array.from(codes, (_, i) => weight?.[i] ?? 1),
    byCounty: groupByCounty(index, known),
  };
}

describe('mergeUserVillages', () => {
  it('replaces the villages of the counties the user has villages in, and keeps the others', () => {
    const table = province();
    const merged = mergeUserVillages(table, user(['330102', '330102', '330102', '330102', null], [5, 6, 7, 8, 9]));
    expect(merged.replaced).toEqual(['330102']);
    expect(merged.userCount).toBe(4);
    // Embedded villages of A and C (indices 0, 2, 4), then the user's four of B.
    expect(merged.table.count).toBe(3 + 4);
    expect(Array.from(merged.table.countyIndex)).toEqual([0, 0, 2, 1, 1, 1, 1]);
    expect(Array.from(merged.table.positions.subarray(0, 6))).toEqual([120, 31, 124, 35, 128, 39]);
    expect(Array.from(merged.table.positions.subarray(6, 8))).toEqual([100, 20]);
    expect(Array.from(merged.weight)).toEqual([1, 1, 1, 5, 6, 7, 8]);
    expect(Array.from(merged.table.rural)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(merged.table.codeSuffix[0]).toBe(1);
    expect(merged.table.codeSuffix[2]).toBe(5);
  });

  it('orders the user villages by the table county order, each county in file order', () => {
    const merged = mergeUserVillages(province(), user(['330103', '330101', '330103']));
    expect(merged.replaced).toEqual(['330101', '330103']);
    // Kept: B's three embedded villages; then A's user village (file index 1), then C's (0 and 2).
    expect(Array.from(merged.table.countyIndex)).toEqual([1, 1, 1, 0, 2, 2]);
    expect(Array.from(merged.table.positions.subarray(6))).toEqual([101, 21, 100, 20, 102, 22]);
  });

  it('leaves a province without user villages as it is, with weight 1', () => {
    const table = province();
    const other = mergeUserVillages(table, user(['440101']));
    expect(other.table).toBe(table);
    expect(other.replaced).toEqual([]);
    expect(Array.from(other.weight)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(mergeUserVillages(table, null).table).toBe(table);
  });
});

describe('groupByCounty', () => {
  it('lists the villages of each county and leaves out those on no county', () => {
    const groups = groupByCounty(Int32Array.of(1, -1, 0, 1), ['A', 'B']);
    expect([...groups.entries()]).toEqual([
      ['B', [0, 3]],
      ['A', [2]],
    ]);
  });
});
