import { describe, expect, it } from 'vitest';
import { nudged, nudgeOf, NUDGE_KM, NUDGE_SHIFT_KM, shortcutOf } from '../../../src/app/keyboard';
import { dropSite } from '../../../src/app/planner/actions';
import { initialState } from '../../../src/app/store';
import { haversineKm } from '../../../src/core/distance/haversine';
import { addSite, emptySites } from '../../../src/core/live/sites';

const key = (
  k: string,
  mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {},
  tag = 'BODY',
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  targetTag: tag,
  ...mods,
});

describe('arrow keys move the selected site', () => {
  it('map to 100 m steps, 1 km with Shift, and leave form fields and modified keys alone', () => {
    expect(nudgeOf(key('ArrowRight'))).toEqual({ eastKm: NUDGE_KM, northKm: 0 });
    expect(nudgeOf(key('ArrowLeft'))).toEqual({ eastKm: -NUDGE_KM, northKm: 0 });
    expect(nudgeOf(key('ArrowUp', { shiftKey: true }))).toEqual({ eastKm: 0, northKm: NUDGE_SHIFT_KM });
    expect(nudgeOf(key('ArrowDown'))).toEqual({ eastKm: 0, northKm: -NUDGE_KM });
    expect(NUDGE_KM).toBe(0.1);
    expect(NUDGE_SHIFT_KM).toBe(1);
    expect(nudgeOf(key('ArrowUp', {}, 'INPUT'))).toBeNull();
    expect(nudgeOf(key('ArrowUp', {}, 'SELECT'))).toBeNull();
    expect(nudgeOf(key('ArrowUp', { ctrlKey: true }))).toBeNull();
    expect(nudgeOf(key('a'))).toBeNull();
  });

  it('move by the step on the ground, east and north, at any latitude', () => {
    for (const [lon, lat] of [
      [120.1, 30.2],
      [87.6, 43.8],
      [110.3, 20.0],
    ]) {
      const [x, y] = nudged(lon, lat, { eastKm: 0.1, northKm: 0 });
      expect(haversineKm(lon, lat, x, y)).toBeCloseTo(0.1, 4);
      expect(x).toBeGreaterThan(lon);
      const [x2, y2] = nudged(lon, lat, { eastKm: 0, northKm: -1 });
      expect(haversineKm(lon, lat, x2, y2)).toBeCloseTo(1, 4);
      expect(y2).toBeLessThan(lat);
      expect(x2).toBe(lon);
      expect(y).toBe(lat);
    }
  });

  it('a nudge is one undoable edit that keeps the site selected', () => {
    const state = { ...initialState(), plan: { sites: addSite(emptySites(), 120, 30), suggestion: null } };
    const [lon, lat] = nudged(120, 30, { eastKm: 1, northKm: 0 });
    const patch = dropSite(state, 0, lon, lat);
    expect(patch.plan?.sites.lon[0]).toBe(lon);
    expect(patch.selectedSite).toBe(0);
    expect(patch.history?.past.length).toBe(1);
  });
});

describe('keyboard shortcuts', () => {
  it('maps Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y, Cmd+Z, Delete and Escape', () => {
    expect(shortcutOf(key('z', { ctrlKey: true }))).toBe('undo');
    expect(shortcutOf(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(shortcutOf(key('y', { ctrlKey: true }))).toBe('redo');
    expect(shortcutOf(key('z', { metaKey: true }))).toBe('undo');
    expect(shortcutOf(key('Delete'))).toBe('delete');
    expect(shortcutOf(key('Escape'))).toBe('escape');
    expect(shortcutOf(key('z'))).toBeNull();
  });

  it('leaves keys typed into a field to the field', () => {
    expect(shortcutOf(key('z', { ctrlKey: true }, 'INPUT'))).toBeNull();
    expect(shortcutOf(key('Backspace', {}, 'input'))).toBeNull();
    expect(shortcutOf(key('Delete', {}, 'SELECT'))).toBeNull();
  });
});
