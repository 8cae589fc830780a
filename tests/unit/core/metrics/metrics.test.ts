import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverageFromPredicate } from '../../../../src/core/coverage/csr';
import { haversineKm } from '../../../../src/core/distance/haversine';
import { coverageMetrics } from '../../../../src/core/plan-metrics';
import { distanceDistribution, nearestOpenSiteKm, nearestOpenSitePlanar } from '../../../../src/core/metrics/distance';
import { greedyOrder, marginalGains } from '../../../../src/core/metrics/marginal';
import { createRandom } from '../../../../src/core/random';

const instance = fc
  .record({
    demands: fc.integer({ min: 1, max: 30 }),
    sites: fc.integer({ min: 1, max: 10 }),
    cells: fc.array(fc.boolean(), { minLength: 300, maxLength: 300 }),
    weights: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 30, maxLength: 30 }),
    groups: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 30, maxLength: 30 }),
    open: fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 6 }),
  })
  .map((r) => ({
    coverage: coverageFromPredicate(r.demands, r.sites, (j, i) => r.cells[j * 30 + i] && (i + j) % 3 !== 0),
    weight: Float64Array.from(r.weights.slice(0, r.demands)),
    group: Uint8Array.from(r.groups.slice(0, r.demands)),
    open: r.open.filter((j) => j < r.sites),
  }));

describe('coverage metrics', () => {
  it('counts covered weight by brute force', () => {
    fc.assert(
      fc.property(instance, ({ coverage, weight, open }) => {
        const m = coverageMetrics(coverage, weight, Uint32Array.from(new Set(open)));
        const covered = (i: number) =>
          open.some((j) =>
            Array.from(coverage.siteDemands.slice(coverage.siteOffsets[j], coverage.siteOffsets[j + 1])).includes(i),
          );
        let cw = 0;
        let total = 0;
        for (let i = 0; i < coverage.demandCount; i++) {
          total += weight[i];
          if (covered(i)) cw += weight[i];
        }
        expect(m.coveredWeight).toBe(cw);
        expect(m.totalWeight).toBe(total);
      }),
    );
  });

  it('marginal gains add up to the covered weight; the greedy order never gains more later', () => {
    fc.assert(
      fc.property(instance, ({ coverage, weight, open }) => {
        const sites = [...new Set(open)];
        const total = coverageMetrics(coverage, weight, Uint32Array.from(sites)).coveredWeight;
        const gains = marginalGains(coverage, weight, sites);
        expect(gains.newWeight.reduce((a, b) => a + b, 0)).toBe(total);
        expect(gains.cumulativeWeight.at(-1) ?? 0).toBe(total);
        const ordered = greedyOrder(coverage, weight, sites);
        expect(Array.from(ordered.order).sort()).toEqual(sites.slice().sort());
        for (let k = 1; k < ordered.newWeight.length; k++)
          expect(ordered.newWeight[k]).toBeLessThanOrEqual(ordered.newWeight[k - 1]);
        expect(ordered.cumulativeWeight.at(-1) ?? 0).toBe(total);
      }),
    );
  });
});

describe('distance metrics', () => {
  it('nearest open site equals brute force (lon/lat and planar)', () => {
    const rand = createRandom(4);
    const make = (n: number) => ({
      count: n,
      lon: Float64Array.from({ length: n }, () => 118 + rand() * 2),
      lat: Float64Array.from({ length: n }, () => 29 + rand() * 2),
    });
    const villages = make(300);
    const sites = make(40);
    const open = [3, 7, 11, 20, 39];
    const km = nearestOpenSiteKm(villages, sites, open);
    for (let i = 0; i < villages.count; i++) {
      const best = Math.min(
        ...open.map((j) => haversineKm(sites.lon[j], sites.lat[j], villages.lon[i], villages.lat[i])),
      );
      expect(km[i]).toBeCloseTo(best, 9);
    }
    const planar = (p: { count: number; lon: Float64Array; lat: Float64Array }) => ({
      count: p.count,
      x: p.lon,
      y: p.lat,
    });
    const d = nearestOpenSitePlanar(planar(villages), planar(sites), open);
    for (let i = 0; i < villages.count; i++) {
      const best = Math.min(
        ...open.map((j) => Math.hypot(sites.lon[j] - villages.lon[i], sites.lat[j] - villages.lat[i])),
      );
      expect(d[i]).toBeCloseTo(best, 12);
    }
    expect(nearestOpenSiteKm(villages, sites, [])[0]).toBe(Infinity);
  });

  it('weighted quantiles and histogram', () => {
    const distance = Float64Array.of(1, 2, 3, 4, Infinity);
    const weight = Float64Array.of(1, 1, 1, 5, 2);
    const dist = distanceDistribution(distance, weight, { levels: [0.3, 0.5, 0.8, 1], edges: [0, 2, 4] });
    expect(dist.quantiles).toEqual([3, 4, 4, Infinity]);
    expect(dist.mean).toBeCloseTo((1 + 2 + 3 + 20) / 8, 12);
    expect(dist.max).toBe(4);
    expect(Array.from(dist.binWeight)).toEqual([1, 7]);
    expect(dist.unreachableWeight).toBe(2);
  });
});
