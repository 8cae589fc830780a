import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverageFromPredicate } from '../../../../src/core/coverage/csr';
import { haversineKm } from '../../../../src/core/distance/haversine';
import { createRandom } from '../../../../src/core/random';
import { coverageByRadius, type LonLatPoints } from '../../../../src/core/reach/radius';
import type { CoverageSets } from '../../../../src/core/types';

function points(lonLat: [number, number][]): LonLatPoints {
  return {
    count: lonLat.length,
    lon: Float64Array.from(lonLat, (p) => p[0]),
    lat: Float64Array.from(lonLat, (p) => p[1]),
  };
}

function bruteForce(demand: LonLatPoints, sites: LonLatPoints, radiusKm: number): CoverageSets {
  return coverageFromPredicate(
    demand.count,
    sites.count,
    (j, i) => haversineKm(sites.lon[j], sites.lat[j], demand.lon[i], demand.lat[i]) <= radiusKm,
  );
}

function expectSame(a: CoverageSets, b: CoverageSets): void {
  expect(Array.from(a.siteOffsets)).toEqual(Array.from(b.siteOffsets));
  expect(Array.from(a.siteDemands)).toEqual(Array.from(b.siteDemands));
  expect(Array.from(a.demandOffsets)).toEqual(Array.from(b.demandOffsets));
  expect(Array.from(a.demandSites)).toEqual(Array.from(b.demandSites));
}

/** Points scattered around a few centres, so that many pairs fall near the radius. */
const lonLat = (centre: [number, number], spreadDeg: number) =>
  fc
    .tuple(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }))
    .map(([u, v]): [number, number] => [
      Math.max(-180, Math.min(180, centre[0] + u * spreadDeg)),
      Math.max(-90, Math.min(90, centre[1] + v * spreadDeg)),
    ]);

describe('coverageByRadius', () => {
  it('equals the brute-force haversine test (China, antimeridian, poles)', () => {
    for (const centre of [
      [116.4, 39.9],
      [179.99, -16.5],
      [-179.9, 65],
      [10, 89.95],
      [0, -89.99],
    ] as [number, number][]) {
      // A pair 1e-14 degrees apart with a radius far below a millimetre once came out covered by the chord test
      // (its squared chord rounds to 0) and not by haversine: kept as a fixed case.
      expectSame(
        coverageByRadius(points([[116.4, 39.89999999999999]]), points([[116.4, 39.9]]), 1.0013491547544953e-158),
        bruteForce(points([[116.4, 39.89999999999999]]), points([[116.4, 39.9]]), 1.0013491547544953e-158),
      );
      fc.assert(
        fc.property(
          fc.array(lonLat(centre, 0.2), { maxLength: 60 }),
          fc.array(lonLat(centre, 0.2), { maxLength: 30 }),
          fc.double({ min: 0, max: 25, noNaN: true }),
          (demandLonLat, siteLonLat, radiusKm) => {
            const demand = points(demandLonLat);
            const sites = points(siteLonLat);
            expectSame(coverageByRadius(demand, sites, radiusKm), bruteForce(demand, sites, radiusKm));
          },
        ),
        { numRuns: 40 },
      );
    }
  });

  it('reuses the index when sites are the demand points, with the same result', () => {
    const rand = createRandom(3);
    const lon = Float64Array.from({ length: 500 }, () => 119 + rand());
    const lat = Float64Array.from({ length: 500 }, () => 29 + rand());
    const villages = { count: 500, lon, lat };
    const copy = { count: 500, lon: lon.slice(), lat: lat.slice() };
    const same = coverageByRadius(villages, villages, 3);
    expectSame(same, coverageByRadius(villages, copy, 3));
    expectSame(same, bruteForce(villages, villages, 3));
  });

  it('is inclusive: a point at distance exactly the radius is covered', () => {
    const site = points([[120, 30]]);
    const village = points([[120.01, 30]]);
    const d = haversineKm(120, 30, 120.01, 30);
    expect(coverageByRadius(village, site, d).siteDemands.length).toBe(1);
    expect(coverageByRadius(village, site, d * (1 - 1e-12)).siteDemands.length).toBe(0);
    // Radius 0 covers the point itself only.
    expect(
      coverageByRadius(
        points([
          [1, 2],
          [1, 2.0001],
        ]),
        points([[1, 2]]),
        0,
      ).siteDemands.length,
    ).toBe(1);
  });

  it('rejects bad input', () => {
    expect(() => coverageByRadius(points([[0, 0]]), points([[0, 0]]), -1)).toThrow('radiusKm');
    expect(() =>
      coverageByRadius({ count: 2, lon: new Float64Array(1), lat: new Float64Array(2) }, points([]), 1),
    ).toThrow('Expected 2 demand');
  });
});
