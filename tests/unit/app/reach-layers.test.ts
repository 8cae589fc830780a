import { describe, expect, it } from 'vitest';
import { planLayers, REACH_MIN_ZOOM } from '../../../src/app/map-view';
import { centerReachKm } from '../../../src/app/planner/state';
import { initialState } from '../../../src/app/store';
import { addSite, emptySites } from '../../../src/core/live/sites';
import { SITE_ROLE } from '../../../src/core/plan-types';
import { SITE_STATUS } from '../../../src/core/types';

describe('reach circles of stations and centers', () => {
  const sites = addSite(addSite(emptySites(), 120, 30), 120.5, 30, SITE_STATUS.proposed, SITE_ROLE.center);
  const base = { ...initialState(), plan: { sites, suggestion: null } };
  const radii = (state: typeof base, zoom = 9) => {
    const layer = planLayers(state, [], zoom).find((l) => l.id === 'station-reach')!;
    const data = layer.props.data as { attributes: { getRadius: { value: Float32Array } } };
    return { metres: Array.from(data.attributes.getRadius.value), visible: layer.props.visible };
  };

  it('are drawn in metres on the ground: the station reach, and the center reach in km', () => {
    expect(radii(base).metres).toEqual([3000, 60000]);
  });

  it('show a center reach in minutes of driving as its travel-time equivalent radius', () => {
    const settings = { ...base.settings, centerReachUnit: 'min' as const, centerDurationMin: 90, speedKmh: 30 };
    const { metres } = radii({ ...base, settings });
    expect(metres[1]).toBeCloseTo(1000 * centerReachKm(settings), 0);
    expect(metres[1]).toBeCloseTo((1000 * 90 * 30) / 60 / 1.3, 0);
  });

  it('are hidden at national zoom, where they would be sub-pixel', () => {
    expect(radii(base, REACH_MIN_ZOOM - 1).visible).toBe(false);
    expect(radii(base, REACH_MIN_ZOOM).visible).toBe(true);
  });
});
