import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IndexBuffer } from '../../../../src/core/coverage/csr';
import { haversineKm } from '../../../../src/core/distance/haversine';
import { coverageMetrics } from '../../../../src/core/plan-metrics';
import { coverageByRadius } from '../../../../src/core/reach/radius';
import { createRandom } from '../../../../src/core/random';
import { buildDiscIndex, queryDisc } from '../../../../src/core/live/disc-query';
import { LiveCoverage } from '../../../../src/core/live/live-coverage';

/** n points in a 1 x 1 degree box near Hangzhou, from a seed. */
function points(n: number, seed: number) {
  const random = createRandom(seed);
  const lon = Float64Array.from({ length: n }, () => 119.5 + random());
  const lat = Float64Array.from({ length: n }, () => 29.8 + random());
  return { lon, lat };
}

describe('queryDisc', () => {
  it('finds exactly the points within the radius (brute force, inclusive)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.double({ min: 0.5, max: 30, noNaN: true }), (seed, radiusKm) => {
        const { lon, lat } = points(300, seed);
        const index = buildDiscIndex(lon, lat, radiusKm);
        const random = createRandom(seed + 1);
        const [x, y] = [119.4 + 1.2 * random(), 29.7 + 1.2 * random()];
        const out = new IndexBuffer();
        queryDisc(index, x, y, out);
        const found = Array.from(out.data.subarray(0, out.length)).sort((a, b) => a - b);
        const expected = [...lon.keys()].filter((i) => haversineKm(x, y, lon[i], lat[i]) <= radiusKm);
        expect(found).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('counts a point exactly at the radius (a query at a point itself with radius 0 finds it)', () => {
    const { lon, lat } = points(50, 7);
    const out = new IndexBuffer();
    queryDisc(buildDiscIndex(lon, lat, 0), lon[3], lat[3], out);
    expect(Array.from(out.data.subarray(0, out.length))).toContain(3);
  });

  it('rejects a negative or infinite radius', () => {
    const { lon, lat } = points(5, 1);
    expect(() => buildDiscIndex(lon, lat, -1)).toThrow(/radiusKm/);
    expect(() => buildDiscIndex(lon, lat, Infinity)).toThrow(/radiusKm/);
  });
});

describe('LiveCoverage', () => {
  const demand = (n: number, seed: number, groups: number) => {
    const { lon, lat } = points(n, seed);
    const random = createRandom(seed + 9);
    const weight = Float64Array.from({ length: n }, () => 1 + Math.floor(random() * 3));
    const group = Uint16Array.from({ length: n }, () => Math.floor(random() * groups));
    return { lon, lat, weight, group, groupCount: groups };
  };

  it('equals the engine coverage metrics (coverageByRadius + coverageMetrics) for the same sites', () => {
    const d = demand(2000, 3, 5);
    const sites = points(40, 4);
    const live = new LiveCoverage(d, 5);
    live.setSites(sites.lon, sites.lat, new Uint8Array(40).fill(1));
    const cov = coverageByRadius({ count: 2000, ...d }, { count: 40, ...sites }, 5);
    const engine = coverageMetrics(
      cov,
      d.weight,
      Uint32Array.from({ length: 40 }, (_, k) => k),
    );
    expect(live.coveredWeight).toBe(engine.coveredWeight);
    expect(live.totalWeight).toBe(engine.totalWeight);
    expect(live.coveredWeight).toBeGreaterThan(0);
    expect(live.coveredWeight).toBeLessThan(live.totalWeight);
    for (let k = 0; k < 40; k++) expect(live.marginalWeight(k)).toBe(engine.siteMarginalWeight[k]);
  });

  it('after any sequence of moves, equals a full recount at the final positions', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.array(
          fc.tuple(fc.nat(9), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
          {
            maxLength: 25,
          },
        ),
        (seed, moves) => {
          const d = demand(600, seed, 4);
          const sites = points(10, seed + 2);
          const active = Uint8Array.from({ length: 10 }, (_, k) => (k % 4 === 3 ? 0 : 1));
          const live = new LiveCoverage(d, 8);
          live.setSites(sites.lon, sites.lat, active);
          for (const [k, u, v] of moves) {
            sites.lon[k] = 119.5 + u;
            sites.lat[k] = 29.8 + v;
            live.moveSite(k, sites.lon[k], sites.lat[k]);
          }
          const fresh = new LiveCoverage(d, 8);
          fresh.setSites(sites.lon, sites.lat, active);
          expect(Array.from(live.hits)).toEqual(Array.from(fresh.hits));
          expect(live.coveredWeight).toBeCloseTo(fresh.coveredWeight, 9);
          expect(live.coveredCount).toBe(fresh.coveredCount);
          for (let g = 0; g < 4; g++) expect(live.groupCovered[g]).toBeCloseTo(fresh.groupCovered[g], 9);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('sums covered weight per group, and an inactive station covers nothing', () => {
    const d = demand(500, 11, 3);
    const live = new LiveCoverage(d, 10);
    live.setSites(Float64Array.of(120), Float64Array.of(30.3), Uint8Array.of(0));
    expect(live.coveredWeight).toBe(0);
    live.setSites(Float64Array.of(120), Float64Array.of(30.3), Uint8Array.of(1));
    const sum = live.groupCovered.reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(live.coveredWeight, 9);
    expect(live.groupTotal.reduce((a, b) => a + b, 0)).toBeCloseTo(live.totalWeight, 9);
  });

  it('rejects a move of a station that does not exist', () => {
    const live = new LiveCoverage(demand(10, 1, 1), 3);
    expect(() => live.moveSite(0, 120, 30)).toThrow(/Station 0 does not exist/);
  });
});
