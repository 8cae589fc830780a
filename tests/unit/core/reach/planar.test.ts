import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverageFromPredicate } from '../../../../src/core/coverage/csr';
import { coverageByPlanarRadius } from '../../../../src/core/reach/planar';

const xy = fc.array(fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2000 })), { maxLength: 60 });

describe('coverageByPlanarRadius', () => {
  it('equals the brute-force euclidean test, inclusive', () => {
    fc.assert(
      fc.property(xy, xy, fc.integer({ min: 0, max: 800 }), (demandXy, siteXy, radius) => {
        const demand = {
          count: demandXy.length,
          x: Float64Array.from(demandXy, (p) => p[0]),
          y: Float64Array.from(demandXy, (p) => p[1]),
        };
        const sites = {
          count: siteXy.length,
          x: Float64Array.from(siteXy, (p) => p[0]),
          y: Float64Array.from(siteXy, (p) => p[1]),
        };
        const expected = coverageFromPredicate(
          demand.count,
          sites.count,
          (j, i) => Math.sqrt((demand.x[i] - sites.x[j]) ** 2 + (demand.y[i] - sites.y[j]) ** 2) <= radius,
        );
        const cov = coverageByPlanarRadius(demand, sites, radius);
        expect(Array.from(cov.siteDemands)).toEqual(Array.from(expected.siteDemands));
        expect(Array.from(cov.siteOffsets)).toEqual(Array.from(expected.siteOffsets));
        expect(Array.from(cov.demandSites)).toEqual(Array.from(expected.demandSites));
      }),
    );
  });

  it('covers a 3-4-5 triangle corner at radius 5 but not 4.999', () => {
    const demand = { count: 1, x: Float64Array.of(3), y: Float64Array.of(4) };
    const site = { count: 1, x: Float64Array.of(0), y: Float64Array.of(0) };
    expect(coverageByPlanarRadius(demand, site, 5).siteDemands.length).toBe(1);
    expect(coverageByPlanarRadius(demand, site, 4.999).siteDemands.length).toBe(0);
  });
});
