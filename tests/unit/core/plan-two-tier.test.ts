import { describe, expect, it } from 'vitest';
import { centerCandidates, spreadCandidates } from '../../../src/core/plan-two-tier';
import { createRandom } from '../../../src/core/random';
import { SITE_STATUS, type Candidates } from '../../../src/core/types';

function randomCandidates(count: number, seed: number): Candidates {
  const rand = createRandom(seed);
  return {
    count,
    lon: Float64Array.from({ length: count }, () => 118 + 4 * rand()),
    lat: Float64Array.from({ length: count }, () => 28 + 3 * rand()),
    status: new Uint8Array(count),
  };
}

describe('center candidates', () => {
  it('spreads at most max candidates, a sorted subset of the allowed ones, the same each time', () => {
    const candidates = randomCandidates(5000, 3);
    const allowed = Uint32Array.from({ length: 5000 }, (_, j) => j).filter((j) => j % 3 !== 0);
    const spread = spreadCandidates(candidates, allowed, 200);
    expect(spread.length).toBeLessThanOrEqual(200);
    expect(spread.length).toBeGreaterThan(50); // one grid level coarser than needed at most: >= max / 4
    const allowedSet = new Set(allowed);
    spread.forEach((j, k) => {
      expect(allowedSet.has(j)).toBe(true);
      if (k > 0) expect(j).toBeGreaterThan(spread[k - 1]);
    });
    expect(spreadCandidates(candidates, allowed, 200)).toEqual(spread);
    expect(spreadCandidates(candidates, allowed.subarray(0, 100), 200)).toEqual(allowed.subarray(0, 100));
  });

  it('never offers an excluded candidate', () => {
    const candidates = randomCandidates(10, 1);
    candidates.status[4] = SITE_STATUS.excluded;
    const params = { model: 'two-tier' as const, p: 1, radius: 1, centers: 1, centerRadius: 10 };
    const demand = { count: 1, lon: Float64Array.of(120), lat: Float64Array.of(30), weight: Float64Array.of(1) };
    expect(Array.from(centerCandidates({ demand, candidates, params }))).toEqual([0, 1, 2, 3, 5, 6, 7, 8, 9]);
    const listed = centerCandidates({ demand, candidates, params, centerCandidates: Uint32Array.of(7, 4, 2) });
    expect(Array.from(listed)).toEqual([2, 7]);
  });
});
