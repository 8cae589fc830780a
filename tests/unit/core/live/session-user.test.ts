import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mergeUserVillages, type MergedVillages } from '../../../../src/core/live/user-villages';
import type { CountyFeature } from '../../../../src/core/live/counties';
import type { UserCandidates } from '../../../../src/core/live/coverage-api';
import { LiveSession } from '../../../../src/core/live/session';
import { addSite, emptySites } from '../../../../src/core/live/sites';
import { runPlan } from '../../../../src/core/plan';
import { SITE_STATUS } from '../../../../src/core/types';
import { DEFAULT_DATA_DIR, readProvinceVillages } from '../../../../src/data/node-files';
import type { VillageTable } from '../../../../src/core/villages';

/** Ten user villages at embedded positions of two counties, interleaved (file order differs from demand order). */
function userVillages(table: VillageTable): {
  lon: Float64Array;
  lat: Float64Array;
  counties: string[];
  byCounty: Map<string, number[]>;
} {
  const counties: string[] = [];
  const picked: number[][] = [];
  for (const [c, code] of table.counties.entries()) {
    const own: number[] = [];
    for (let i = 0; i < table.count && own.length < 5; i++)
      if (table.countyIndex[i] === c && table.rural[i]) own.push(i);
    if (own.length === 5) {
      counties.push(code);
      picked.push(own);
    }
    if (counties.length === 2) break;
  }
  // File order: second county first, alternating.
  const order = [0, 1, 2, 3, 4].flatMap((k) => [picked[1][k], picked[0][k]]);
  const byCounty = new Map<string, number[]>([
    [counties[1], [0, 2, 4, 6, 8]],
    [counties[0], [1, 3, 5, 7, 9]],
  ]);
  return {
    lon: Float64Array.from(order, (i) => table.positions[2 * i]),
    lat: Float64Array.from(order, (i) => table.positions[2 * i + 1]),
    counties,
    byCounty,
  };
}

describe('LiveSession with a user villages file, candidate sites and a travel matrix', () => {
  let features: CountyFeature[];
  let merged: MergedVillages;
  let user: ReturnType<typeof userVillages>;
  const ids = Array.from({ length: 10 }, (_, k) => `V${k}`);
  const sites: UserCandidates = {
    lon: Float64Array.of(0, 0, 0),
    lat: Float64Array.of(0, 0, 0),
    ids: ['A', 'B', 'C'],
  };
  /** Cell (row r, column j) = 10 r + j, so a value names its file row and column. */
  const matrix = {
    rows: 10,
    cols: 3,
    values: Float64Array.from({ length: 30 }, (_, k) => 10 * Math.floor(k / 3) + (k % 3)),
  };

  const load = (area: string[]) => {
    const session = new LiveSession();
    session.load(merged.table, features, 'rural', area, undefined, merged.weight, {
      index: merged.userIndex,
      count: 10,
      ids,
    });
    return session;
  };

  beforeAll(() => {
    const table = readProvinceVillages('33');
    features = JSON.parse(readFileSync(join(DEFAULT_DATA_DIR, 'counties-simplified.geojson'), 'utf8')).features;
    user = userVillages(table);
    merged = mergeUserVillages(table, { ...user, weight: new Float64Array(10).fill(1), ids });
    // Candidates: at the first three user villages.
    for (let j = 0; j < 3; j++) {
      sites.lon[j] = user.lon[j];
      sites.lat[j] = user.lat[j];
    }
  });

  it('puts the matrix rows in demand order and keeps the candidates in file order', () => {
    const session = load(user.counties);
    expect(session.userDemandCount()).toBe(10);
    const request = session.userPlanRequest({ model: 'mclp', p: 1, radius: 25 }, emptySites(), sites, matrix);
    expect(request.demand.count).toBe(10);
    expect(Array.from(request.candidates.lon)).toEqual(Array.from(sites.lon));
    expect(Array.from(request.candidates.status)).toEqual([0, 0, 0].map(() => SITE_STATUS.proposed));
    const m = request.matrix!;
    expect([m.rows, m.cols]).toEqual([10, 3]);
    let moved = 0;
    for (let i = 0; i < 10; i++) {
      // The file row of demand point i, found by position.
      const row = user.lon.findIndex((x, r) => x === request.demand.lon[i] && user.lat[r] === request.demand.lat[i]);
      if (row !== i) moved++;
      for (let j = 0; j < 3; j++) expect(m.values[i * 3 + j]).toBe(10 * row + j);
    }
    expect(moved).toBeGreaterThan(0); // the test does reorder rows
  });

  it('the suggested sites keep the file ids; exports list the villages with their file ids', async () => {
    const session = load(user.counties);
    const request = session.userPlanRequest({ model: 'mclp', p: 2, radius: 25 }, emptySites(), sites, matrix);
    const result = await runPlan(request);
    const plan = session.sitesOf(result.solution.selected, result.roles, emptySites());
    expect(plan.id.every((id) => ['A', 'B', 'C'].includes(id))).toBe(true);
    expect(plan.count).toBeGreaterThanOrEqual(1); // one site already reaches every row it can
    // Reach 25 (matrix unit): rows 0..2 have values 0..22, so columns reach the first three rows only.
    expect(result.metrics.coveredWeight).toBe(3);
    session.evaluate(plan, { radiusKm: 3, centerRadiusKm: 60 });
    expect(session.exportState().demandIds.sort()).toEqual([...ids].sort());
  });

  it('refuses the matrix, with both sizes, when embedded villages are demand too', () => {
    const session = load([]);
    expect(session.userDemandCount()).toBe(10);
    expect(() => session.userPlanRequest({ model: 'mclp', p: 1, radius: 25 }, emptySites(), sites, matrix)).toThrow(
      /travel matrix is 10 × 3; the plan has \d+ demand villages \(10 of 10 from the user's file\) × 3/,
    );
    // Without the matrix the user's candidates are used with straight-line reach.
    const request = session.userPlanRequest({ model: 'mclp', p: 1, radius: 3 }, emptySites(), sites, null);
    expect(request.matrix).toBeUndefined();
    expect(request.candidates.count).toBe(3);
  });

  it('hand-marked stations: at a candidate they give it their status; elsewhere excluded ones get Infinity', () => {
    const session = load(user.counties);
    let marked = addSite(emptySites(), sites.lon[1], sites.lat[1], SITE_STATUS.locked);
    marked = addSite(marked, 121, 29, SITE_STATUS.excluded);
    const request = session.userPlanRequest({ model: 'mclp', p: 1, radius: 25 }, marked, sites, matrix);
    expect(Array.from(request.candidates.status)).toEqual([
      SITE_STATUS.proposed,
      SITE_STATUS.locked,
      SITE_STATUS.proposed,
      SITE_STATUS.excluded,
    ]);
    const m = request.matrix!;
    expect(m.cols).toBe(4);
    for (let i = 0; i < 10; i++) expect(m.values[i * 4 + 3]).toBe(Infinity);
    const open = addSite(emptySites(), 121, 29, SITE_STATUS.existing);
    expect(() => session.userPlanRequest({ model: 'mclp', p: 1, radius: 25 }, open, sites, matrix)).toThrow(
      /1 hand-marked stations stand at no candidate/,
    );
  });
});
