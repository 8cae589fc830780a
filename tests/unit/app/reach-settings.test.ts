import { describe, expect, it } from 'vitest';
import { centerReachKm, DEFAULT_SETTINGS, planParams, reachOf } from '../../../src/app/planner/state';
import { reachKmForDuration } from '../../../src/core/reach/travel-time';

describe('center reach in km or minutes of driving', () => {
  it('is the km setting by default (60 km) and ignores the minutes', () => {
    expect(centerReachKm(DEFAULT_SETTINGS)).toBe(60);
    expect(centerReachKm({ ...DEFAULT_SETTINGS, centerDurationMin: 10 })).toBe(60);
  });

  it('turns minutes into km with the travel-time proxy and its editable circuity and speed', () => {
    const minutes = { ...DEFAULT_SETTINGS, centerReachUnit: 'min' as const, centerDurationMin: 90 };
    expect(centerReachKm(minutes)).toBeCloseTo((90 * 40) / 60 / 1.3, 9);
    const slow = { ...minutes, speedKmh: 30, circuity: 1.5 };
    expect(centerReachKm(slow)).toBeCloseTo(reachKmForDuration(90, { speedKmh: 30, circuity: 1.5 }), 9);
    expect(centerReachKm(slow)).toBeCloseTo(30, 9);
    expect(reachOf(slow)).toEqual({ radiusKm: 3, centerRadiusKm: centerReachKm(slow) });
  });

  it('goes into the two-tier request as the center radius', () => {
    const twoTier = { ...DEFAULT_SETTINGS, model: 'two-tier' as const, centerReachUnit: 'min' as const };
    expect(planParams(twoTier).centerRadius).toBeCloseTo(centerReachKm(twoTier), 9);
    expect(planParams({ ...twoTier, centerReachUnit: 'km' }).centerRadius).toBe(60);
  });
});
