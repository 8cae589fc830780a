import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/core/random';
import { createRegion, randomPointIn, regionContains } from '../../../data/polygon-region';
import { placeCountyVillages, seedOf, townshipRadiusKm } from '../../../data/synthetic-villages';

/** A 1° square (about 111 x 96 km at 30°N) with a 0.5° square hole in the middle (counter-clockwise outer). */
const squareWithHole: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [120, 30],
      [121, 30],
      [121, 31],
      [120, 31],
      [120, 30],
    ],
    [
      [120.25, 30.25],
      [120.25, 30.75],
      [120.75, 30.75],
      [120.75, 30.25],
      [120.25, 30.25],
    ],
  ],
};

describe('polygon regions', () => {
  const region = createRegion([squareWithHole]);

  it('tests points strictly: inside, in the hole, on the edge, outside', () => {
    expect(regionContains(region, 120.1, 30.1)).toBe(true);
    expect(regionContains(region, 120.5, 30.5)).toBe(false);
    expect(regionContains(region, 120, 30.5)).toBe(false);
    expect(regionContains(region, 121.5, 30.5)).toBe(false);
  });

  it('draws uniform points inside, never in the hole, as Float32 values', () => {
    const rand = createRandom(7);
    let west = 0;
    for (let k = 0; k < 2000; k++) {
      const [lon, lat] = randomPointIn(region, rand);
      expect(regionContains(region, lon, lat)).toBe(true);
      expect(Math.fround(lon)).toBe(lon);
      if (lon < 120.5) west++;
    }
    // Uniform: about half the points lie west of the middle meridian (binomial sd ~ 22).
    expect(Math.abs(west - 1000)).toBeLessThan(120);
  });
});

describe('synthetic villages', () => {
  const region = createRegion([squareWithHole]);
  const placement = {
    countyCode: '330102',
    region,
    areaKm2: 8000,
    townships: Array.from({ length: 12 }, (_, t) => ({
      code: `330102${String(t + 1).padStart(3, '0')}`,
      villages: Array.from({ length: 30 }, (_, v) => t * 30 + v),
    })),
  };

  it('places every village inside the region, deterministically, around spread-out seats', () => {
    const a = new Float32Array(2 * 360);
    const b = new Float32Array(2 * 360);
    const seats = placeCountyVillages(placement, a);
    placeCountyVillages(placement, b);
    expect(Array.from(a)).toEqual(Array.from(b));
    for (let i = 0; i < 360; i++) expect(regionContains(region, a[2 * i], a[2 * i + 1])).toBe(true);
    // Seats are spread: none closer than 5 km (0.045°) to another for 12 seats on ~8,000 km².
    let closest = Infinity;
    for (let s = 0; s < seats.length; s++) {
      for (let t = s + 1; t < seats.length; t++) {
        closest = Math.min(closest, Math.hypot(seats[s][0] - seats[t][0], seats[s][1] - seats[t][1]));
      }
    }
    expect(closest).toBeGreaterThan(0.045);
    // Villages stay near their seat: within the radius (plus the flat-earth slack) unless placed by the fallback.
    const radiusDeg = townshipRadiusKm(8000, 12) / 96;
    let near = 0;
    placement.townships.forEach((township, t) => {
      for (const i of township.villages) {
        if (Math.hypot(a[2 * i] - seats[t][0], a[2 * i + 1] - seats[t][1]) <= radiusDeg * 1.2) near++;
      }
    });
    expect(near).toBeGreaterThan(340);
  });

  it('changes with the county code (the seed) and clamps the radius', () => {
    const a = new Float32Array(2 * 360);
    const b = new Float32Array(2 * 360);
    placeCountyVillages(placement, a);
    placeCountyVillages({ ...placement, countyCode: '330103' }, b);
    expect(Array.from(a)).not.toEqual(Array.from(b));
    expect(seedOf('330102')).not.toBe(seedOf('330103'));
    expect(townshipRadiusKm(1e6, 1)).toBe(8);
    expect(townshipRadiusKm(0.01, 50)).toBe(0.5);
    expect(townshipRadiusKm(1000, 12)).toBeCloseTo(0.8 * Math.sqrt(1000 / (Math.PI * 12)), 10);
  });
});
