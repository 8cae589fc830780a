import { describe, expect, it } from 'vitest';
import { SITE_ROLE } from '../../../../src/core/plan-types';
import { SITE_STATUS } from '../../../../src/core/types';
import {
  addSite,
  emptySites,
  moveSite,
  openCounts,
  removeSite,
  nextSiteId,
  setSitePhase,
  setSiteRole,
  setSiteStatus,
  siteTable,
  sitesFromRows,
  sitesToRows,
  uniqueSiteIds,
} from '../../../../src/core/live/sites';
import { coveringSites } from '../../../../src/core/live/served';

describe('site tables', () => {
  const three = () =>
    addSite(addSite(addSite(emptySites(), 120, 30), 121, 30.5, SITE_STATUS.locked), 122, 31, 0, SITE_ROLE.center);

  it('adds, moves, re-marks and removes without changing the table it was given', () => {
    const sites = three();
    expect(sites.count).toBe(3);
    const moved = moveSite(sites, 1, 121.2, 30.6);
    expect([moved.lon[1], moved.lat[1]]).toEqual([121.2, 30.6]);
    expect([sites.lon[1], sites.lat[1]]).toEqual([121, 30.5]);
    const excluded = setSiteStatus(sites, 0, SITE_STATUS.excluded);
    expect(sites.status[0]).toBe(SITE_STATUS.proposed);
    expect(openCounts(excluded)).toEqual({ stations: 1, centers: 1 });
    expect(openCounts(sites)).toEqual({ stations: 2, centers: 1 });
    const removed = removeSite(sites, 1);
    expect(Array.from(removed.lon)).toEqual([120, 122]);
    expect(Array.from(removed.role)).toEqual([SITE_ROLE.station, SITE_ROLE.center]);
    expect(sites.count).toBe(3);
  });

  it('round-trips through JSON rows, with ids and phases', () => {
    const sites = setSitePhase(addSite(three(), 1, 2, 0, 0, '测试-1'), 3, 5);
    const back = sitesFromRows(JSON.parse(JSON.stringify(sitesToRows(sites))));
    expect(back).toEqual(sites);
    expect(back.id[3]).toBe('测试-1');
    expect(back.phase[3]).toBe(5);
  });

  it('gives new sites the next free S<n> and keeps ids and phases through every edit', () => {
    const sites = setSitePhase(three(), 1, 2);
    expect(sites.id).toEqual(['S1', 'S2', 'S3']);
    const moved = moveSite(sites, 1, 121.2, 30.6);
    const marked = setSiteStatus(moved, 1, SITE_STATUS.existing);
    const center = setSiteRole(marked, 1, SITE_ROLE.center);
    for (const table of [moved, marked, center]) {
      expect(table.id).toEqual(['S1', 'S2', 'S3']);
      expect(Array.from(table.phase)).toEqual([0, 2, 0]);
    }
    expect(center.role[1]).toBe(SITE_ROLE.center);
    expect(marked.role[1]).toBe(SITE_ROLE.station);
    const removed = removeSite(center, 0);
    expect(removed.id).toEqual(['S2', 'S3']);
    expect(Array.from(removed.phase)).toEqual([2, 0]);
    expect(removed.count).toBe(2);
    // Next free id: one more than the largest S<n>, whatever ids from files sit between.
    const grown = addSite(addSite(removed, 1, 1, 0, 0, '330110001001', 4), 2, 2);
    expect(grown.id).toEqual(['S2', 'S3', '330110001001', 'S4']);
    expect(Array.from(grown.phase)).toEqual([2, 0, 4, 0]);
    expect(sites.phase[1]).toBe(2);
    expect(three().phase[1]).toBe(0);
    expect(nextSiteId(['S9', 'S10', 'S010', 'x'])).toBe('S11');
  });

  it('refuses a repeated id, a bad phase and columns of different lengths; fills blank ids', () => {
    expect(() => addSite(three(), 0, 0, 0, 0, 'S2')).toThrow(/"S2" is used twice/);
    expect(() => setSitePhase(three(), 0, 1.5)).toThrow(/phase from 0/);
    expect(() => setSitePhase(three(), 0, 256)).toThrow(/phase from 0/);
    const one = Float64Array.of(1);
    const code = Uint8Array.of(0);
    expect(() => siteTable(one, one, code, code, ['a', 'b'])).toThrow(/ids and phases/);
    expect(
      siteTable(Float64Array.of(1, 2, 3), Float64Array.of(1, 2, 3), new Uint8Array(3), new Uint8Array(3), [
        '',
        'S7',
        '',
      ]).id,
    ).toEqual(['S8', 'S7', 'S9']);
    expect(uniqueSiteIds(['a', '', 'a', 'S4'])).toEqual(['a', 'S5', 'S6', 'S4']);
  });

  it('reads rows saved before site ids (four columns) with fresh ids and no phase', () => {
    const back = sitesFromRows([
      [120, 30, SITE_STATUS.locked, SITE_ROLE.station],
      [121, 31, SITE_STATUS.proposed, SITE_ROLE.center],
    ]);
    expect(back.id).toEqual(['S1', 'S2']);
    expect(Array.from(back.phase)).toEqual([0, 0]);
    expect(Array.from(back.status)).toEqual([SITE_STATUS.locked, SITE_STATUS.proposed]);
  });

  it('rejects an index that is not a site', () => {
    expect(() => moveSite(three(), 3, 0, 0)).toThrow(/Site 3 does not exist/);
    expect(() => removeSite(emptySites(), 0)).toThrow(/Site 0 does not exist/);
  });
});

describe('coveringSites', () => {
  it('lets every open station cover in a plan without centers, and none that is excluded', () => {
    const sites = setSiteStatus(addSite(addSite(emptySites(), 120, 30), 121, 30), 1, SITE_STATUS.excluded);
    expect(Array.from(coveringSites(sites, 60))).toEqual([1, 0]);
  });

  it('needs a center within its reach once a center is open; centers cover no villages', () => {
    let sites = addSite(addSite(emptySites(), 120, 30), 121, 30); // about 96 km apart
    sites = addSite(sites, 120.1, 30, SITE_STATUS.proposed, SITE_ROLE.center);
    expect(Array.from(coveringSites(sites, 60))).toEqual([1, 0, 0]);
    expect(Array.from(coveringSites(sites, 100))).toEqual([1, 1, 0]);
    expect(Array.from(coveringSites(setSiteStatus(sites, 2, SITE_STATUS.excluded), 60))).toEqual([1, 1, 0]);
  });
});
