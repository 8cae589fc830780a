import { describe, expect, it } from 'vitest';
import { SITE_ROLE } from '../../../../src/core/plan-types';
import { SITE_STATUS } from '../../../../src/core/types';
import {
  addSite,
  emptySites,
  moveSite,
  openCounts,
  removeSite,
  setSiteStatus,
  sitesFromRows,
  sitesToRows,
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

  it('round-trips through JSON rows', () => {
    const sites = three();
    const back = sitesFromRows(JSON.parse(JSON.stringify(sitesToRows(sites))));
    expect(back).toEqual(sites);
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
