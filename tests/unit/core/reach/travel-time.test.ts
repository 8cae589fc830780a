import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../src/core/random';
import { coverageByRadius } from '../../../../src/core/reach/radius';
import { coverageByTravelTime, reachKmForDuration, travelTimeMin } from '../../../../src/core/reach/travel-time';

describe('travel-time proxy', () => {
  it('applies circuity and speed (defaults 1.3 and 40 km/h)', () => {
    expect(travelTimeMin(10)).toBeCloseTo(19.5, 12);
    expect(travelTimeMin(10, { circuity: 1, speedKmh: 60 })).toBeCloseTo(10, 12);
    expect(reachKmForDuration(19.5)).toBeCloseTo(10, 12);
    expect(reachKmForDuration(travelTimeMin(7.3, { speedKmh: 55 }), { speedKmh: 55 })).toBeCloseTo(7.3, 12);
    expect(() => travelTimeMin(1, { speedKmh: 0 })).toThrow('speedKmh');
    expect(() => reachKmForDuration(-1)).toThrow('durationMin');
  });

  it('covers exactly the points within the radius the budget reaches', () => {
    const rand = createRandom(11);
    const make = (n: number) => ({
      count: n,
      lon: Float64Array.from({ length: n }, () => 120 + rand() * 0.8),
      lat: Float64Array.from({ length: n }, () => 30 + rand() * 0.8),
    });
    const villages = make(400);
    const centers = make(20);
    const byTime = coverageByTravelTime(villages, centers, 45, { circuity: 1.4, speedKmh: 35 });
    const byRadius = coverageByRadius(villages, centers, (45 * 35) / 60 / 1.4);
    expect(Array.from(byTime.siteDemands)).toEqual(Array.from(byRadius.siteDemands));
    expect(byTime.siteDemands.length).toBeGreaterThan(0);
    expect(byTime.siteDemands.length).toBeLessThan(400 * 20);
  });
});
