import { describe, expect, it } from 'vitest';
import { siteAt } from '../../../src/app/planner/map-edit';
import { showsCoverage } from '../../../src/app/map-view';
import { initialState } from '../../../src/app/store';
import { coverageCurve, suggestionInfo } from '../../../src/app/planner/suggest';
import type { LiveMetrics } from '../../../src/core/live/coverage-api';
import { addSite, emptySites } from '../../../src/core/live/sites';
import type { PlanResult } from '../../../src/core/plan-types';
import { countyRows } from '../../../src/ui/county-table';
import { shareAt, stationsAtX } from '../../../src/ui/curve-panel';
import { qualityText } from '../../../src/ui/plan-panel';
import { totalsRows } from '../../../src/ui/totals-panel';
import { setLocale } from '../../../src/ui/i18n';

describe('hitting a site on the map', () => {
  // A flat projection: 100 px per degree, origin at (120, 30), y down.
  const project = (lon: number, lat: number) => ({ x: (lon - 120) * 100, y: (30 - lat) * 100 });
  const unproject = (p: unknown) => {
    const [x, y] = p as [number, number];
    return { lng: 120 + x / 100, lat: 30 - y / 100 };
  };
  const sites = addSite(addSite(addSite(emptySites(), 120.5, 29.5), 120.55, 29.5), 121, 29);

  it('finds the nearest site within the hit radius, or none', () => {
    expect(siteAt(sites, { x: 51, y: 50 }, project, unproject)).toBe(0);
    expect(siteAt(sites, { x: 54, y: 50 }, project, unproject)).toBe(1);
    expect(siteAt(sites, { x: 100, y: 108 }, project, unproject)).toBe(2);
    expect(siteAt(sites, { x: 80, y: 80 }, project, unproject)).toBeNull();
    expect(siteAt(emptySites(), { x: 50, y: 50 }, project, unproject)).toBeNull();
  });
});

const metrics = (covered: number[], total: number[]): LiveMetrics => ({
  stations: 3,
  centers: 0,
  coveringStations: 3,
  coveredWeight: covered.reduce((a, b) => a + b, 0),
  totalWeight: total.reduce((a, b) => a + b, 0),
  coverage: covered.reduce((a, b) => a + b, 0) / total.reduce((a, b) => a + b, 0),
  coveredVillages: covered.reduce((a, b) => a + b, 0),
  demandVillages: total.reduce((a, b) => a + b, 0),
  countyCovered: Float64Array.from(covered),
  countyTotal: Float64Array.from(total),
  villageState: new Uint8Array(0),
});

describe('panels as functions of the state', () => {
  setLocale('en');
  const state = {
    ...initialState(),
    province: {
      provinceCode: '33',
      villageCount: 10,
      demandCount: 9,
      area: [],
      parts: [{ provinceCode: '33', offset: 0, count: 10 }],
      counties: ['B县', 'A县', 'C县', 'D县'].map((name, c) => ({
        code: `33010${c}`,
        name,
        bbox: [0, 0, 1, 1] as [number, number, number, number],
      })),
    },
    metrics: metrics([1, 3, 0, 0], [4, 4, 1, 0]),
  };

  it('sorts the county table by any column and leaves out counties without villages', () => {
    const names = (rows: ReturnType<typeof countyRows>) => rows.map((r) => r.county.name);
    expect(names(countyRows(state, 'share', false))).toEqual(['C县', 'B县', 'A县']);
    expect(names(countyRows(state, 'share', true))).toEqual(['A县', 'B县', 'C县']);
    expect(names(countyRows(state, 'villages', false))).toEqual(['C县', 'A县', 'B县']);
    expect(countyRows(state, 'covered', true)[0]).toMatchObject({ covered: 3, villages: 4, share: 0.75 });
  });

  it('shows totals with the share as a percentage and counts per locale', () => {
    const rows = totalsRows(state);
    expect(rows.find((r) => r[2] === 'coverage-share')?.[1]).toBe('44.4%');
    expect(rows.find((r) => r[2] === 'villages-covered')?.[1]).toBe('4 of 9');
    expect(rows.find((r) => r[2] === 'station-count')?.[1]).toBe('3');
    expect(totalsRows({ ...state, metrics: null })[1][1]).toBe('…');
  });

  it('colours villages by coverage only once there are sites or the counties show coverage', () => {
    expect(showsCoverage(state)).toBe(false);
    expect(showsCoverage({ ...state, countyColour: 'coverage' })).toBe(true);
    expect(showsCoverage({ ...state, plan: { sites: addSite(emptySites(), 1, 1), suggestion: null } })).toBe(true);
    expect(showsCoverage({ ...state, metrics: null, countyColour: 'coverage' })).toBe(false);
  });
});

describe('suggestion figures', () => {
  const result = (extra: object, optimal = false, gap = 0.0123) =>
    ({
      params: { model: 'mclp', p: 3, radius: 3 },
      solution: {
        selected: Uint32Array.of(1, 4, 7),
        objective: 6,
        bound: 6.5,
        gap,
        optimal,
        solver: 'test',
        seconds: 0.5,
        ...extra,
      },
      roles: new Uint8Array(3),
      metrics: {
        coveredWeight: 6,
        totalWeight: 10,
        coverage: 0.6,
        siteCoveredWeight: new Float64Array(3),
        siteMarginalWeight: new Float64Array(3),
      },
    }) as PlanResult;

  it('reads the greedy curve of max coverage, counting fixed sites', () => {
    const curve = coverageCurve(result({ greedyCumulative: Float64Array.of(3, 5, 6) }), 2)!;
    expect(curve.stations).toEqual([3, 4, 5]);
    expect(curve.share).toEqual([0.3, 0.5, 0.6]);
    expect(coverageCurve(result({}), 0)).toBeNull();
    expect(shareAt(curve, 4)).toBe(0.5);
    expect(shareAt(curve, 2)).toBe(0);
    expect(stationsAtX(curve, 10_000)).toBe(5);
    expect(stationsAtX(curve, -10)).toBe(3);
  });

  it('states the quality: optimal, within X % (rounded up), or no bound', () => {
    setLocale('en');
    expect(qualityText(suggestionInfo(result({}, true, 0), 0, false))).toBe('optimal (proven)');
    expect(qualityText(suggestionInfo(result({}), 0, false))).toBe('within 1.23 % of optimal');
    expect(qualityText(suggestionInfo(result({}, false, 0.012301), 0, false))).toBe('within 1.24 % of optimal');
    expect(qualityText(suggestionInfo(result({}, false, NaN), 0, false))).toBe('no bound on the optimum');
    setLocale('zh-CN');
    expect(qualityText(suggestionInfo(result({}), 0, false))).toBe('与最优解相差不超过 1.23%');
    setLocale('en');
  });
});
