import { beforeAll, describe, expect, it } from 'vitest';
import { planFileOfState } from '../../../../src/app/planner/plan-file';
import type { SuggestionInfo } from '../../../../src/app/planner/state';
import { requestPlan, type RequestBuilder } from '../../../../src/app/planner/suggest';
import { denseMatrix, MAX_DENSE_CELLS } from '../../../../src/app/roads/client';
import { checkSavedRoads } from '../../../../src/app/roads/idb';
import { isochroneRing } from '../../../../src/app/roads/isochrone';
import { isRoadFileName, roadsLine, roadsProgressLine, type RoadsState } from '../../../../src/app/roads/state';
import type { RoadPoints } from '../../../../src/app/roads/tables';
import { roadUse, roadUseLine } from '../../../../src/app/roads/use';
import { initialState, type AppState } from '../../../../src/app/store';
import type { ProvinceSummary } from '../../../../src/core/live/coverage-api';
import { addSite, emptySites } from '../../../../src/core/live/sites';
import type { PlanRequest } from '../../../../src/core/plan-types';
import type { DistanceMatrix } from '../../../../src/core/types';
import { readPlanFile } from '../../../../src/io/plan-file';
import { setLocale } from '../../../../src/ui/i18n';
import type { RoadTable } from '../../../../workers/roads-api';

const FILE = { name: 'zj.osm.pbf', size: 1_234_567, sha256: 'ab'.repeat(32), profile: 'default car profile' };
const READY: RoadsState = {
  file: FILE,
  status: 'ready',
  progress: null,
  summary: {
    drivableWays: 8000,
    ways: 9000,
    nodes: 5000,
    edges: 12000,
    components: 3,
    largestShare: 0.99,
    readSeconds: 1,
    buildSeconds: 1,
  },
  error: null,
  isochrone: null,
  lines: null,
  shown: true,
};

/** 3 user villages (the whole demand), 2 imported candidate sites, a loaded road network. */
function state(roads: RoadsState = READY, userDemand = 3): AppState {
  const base = initialState('33');
  const province: ProvinceSummary = {
    provinceCode: '33',
    villageCount: 100,
    demandCount: 3,
    counties: [],
    area: ['330106'],
    parts: [{ provinceCode: '33', offset: 0, count: 100 }],
    userVillages: { count: 3, counties: ['330106'], demand: userDemand, points: [] },
  };
  return {
    ...base,
    province,
    roads,
    settings: { ...base.settings, importedCandidates: true, roadReachMin: 20 },
    userData: {
      villages: {
        file: 'villages.csv',
        format: 'csv',
        crs: 'wgs84',
        count: 3,
        recordCount: 3,
        lon: Float64Array.of(120, 120.01, 120.02),
        lat: Float64Array.of(30, 30.01, 30.02),
        weight: new Float64Array(3).fill(1),
      },
      placed: { count: 3, outside: 0, counties: ['330106'] },
      candidates: {
        file: 'sites.csv',
        crs: 'wgs84',
        count: 2,
        lon: Float64Array.of(120, 120.1),
        lat: Float64Array.of(30, 30.1),
        ids: ['C1', 'C2'].join('\u001f'),
      },
      matrix: null,
    },
  };
}

describe('road reach in the app', () => {
  beforeAll(() => setLocale('en'));

  it('turns the worker sparse site-major table into the dense villages x sites matrix, Infinity elsewhere', () => {
    const table: RoadTable = {
      villageCount: 3,
      siteCount: 2,
      maxMinutes: 15,
      direction: 'to-site',
      // Site 0 reaches villages 0 and 2, site 1 reaches village 1.
      offsets: Uint32Array.of(0, 2, 3),
      villages: Uint32Array.of(0, 2, 1),
      seconds: Float64Array.of(10, 30, 20),
    };
    const m = denseMatrix(table);
    expect([m.rows, m.cols]).toEqual([3, 2]);
    expect(Array.from(m.values)).toEqual([10, Infinity, Infinity, 20, 30, Infinity]);
    const huge = { ...table, villageCount: MAX_DENSE_CELLS, siteCount: 2 };
    expect(() => denseMatrix(huge)).toThrow(/too large for the planner in the browser/);
  });

  it('Suggest asks the road table (villages to candidates, reach in seconds) and records the road file', async () => {
    const s = state();
    const asked: [RoadPoints, RoadPoints, number][] = [];
    const matrix: DistanceMatrix = { rows: 3, cols: 2, values: new Float64Array(6) };
    const roads = {
      table: (from: RoadPoints, to: RoadPoints, max: number) => (asked.push([from, to, max]), Promise.resolve(matrix)),
    };
    const calls: unknown[][] = [];
    const builder: RequestBuilder = {
      planRequest: (...args) => (calls.push(['planRequest', ...args]), {} as PlanRequest),
      userPlanRequest: (...args) => (calls.push(['userPlanRequest', ...args]), {} as PlanRequest),
    };
    const { params, call, inputs } = requestPlan(s, roads);
    await call(builder);
    expect(params.radius).toBe(20 * 60);
    expect(asked).toHaveLength(1);
    expect(Array.from(asked[0][0].lon)).toEqual([120, 120.01, 120.02]);
    expect(Array.from(asked[0][1].lon)).toEqual([120, 120.1]);
    expect(asked[0][2]).toBe(1200);
    expect(calls[0][0]).toBe('userPlanRequest');
    expect(calls[0][4]).toBe(matrix);
    expect(inputs).toEqual({ reach: { kind: 'road', roads: FILE, minutes: 20 }, candidatesFile: 'sites.csv' });
    expect(roadUseLine(roadUse(s))).toBe(
      'Suggest uses the roads of zj.osm.pbf: station reach 20 min by road (village to site).',
    );
  });

  it('no roads, roads turned off, embedded demand or a fixed station off the candidates: Suggest does not use them', () => {
    expect(roadUse(state({ ...READY, status: 'loading' })).kind).toBe('none');
    const off = state();
    expect(roadUse({ ...off, settings: { ...off.settings, roadReach: false } }).kind).toBe('none');
    expect(roadUse(state(READY, 2))).toEqual({ kind: 'unused', message: expect.stringMatching(/needs imported/) });
    const fixed = state();
    const sites = addSite(emptySites(), 121, 29, 1, 0);
    const withFixed = { ...fixed, plan: { ...fixed.plan, sites } };
    expect(roadUse(withFixed).kind).toBe('unused');
    expect(requestPlan(withFixed, { table: () => Promise.reject(new Error('not asked')) }).inputs.reach?.kind).not.toBe(
      'road',
    );
  });

  it('the plan file records the road file and profile of a road suggestion, and reads it back', () => {
    const s = state();
    const suggestion = { reach: { kind: 'road', roads: FILE, minutes: 20 } } as unknown as SuggestionInfo;
    const withRoads = { ...s, plan: { ...s.plan, suggestion } };
    expect(readPlanFile(planFileOfState(withRoads)).roads).toEqual(FILE);
    expect(readPlanFile(planFileOfState(s)).roads).toBeUndefined();
    const bad = JSON.parse(planFileOfState(withRoads)) as { roads: { size: unknown } };
    bad.roads.size = -1;
    expect(() => readPlanFile(JSON.stringify(bad))).toThrow(/roads\.size/);
  });

  it('keeps a saved road file only with its recorded size and hash; names, lines and SHA-256', async () => {
    const blob = new Blob([new Uint8Array(FILE.size)]);
    expect(checkSavedRoads({ info: FILE, blob })).toEqual({ info: FILE, blob });
    expect(checkSavedRoads({ info: FILE, blob: new Blob(['x']) })).toBeUndefined();
    expect(checkSavedRoads({ info: { ...FILE, sha256: 'x' }, blob })).toBeUndefined();
    expect(checkSavedRoads(null)).toBeUndefined();
    expect(['a.osm.pbf', 'b.OSM', 'c.geojson', 'd.pbf'].every(isRoadFileName)).toBe(true);
    expect(['a.csv', 'b.osm.gz', 'pbf'].some(isRoadFileName)).toBe(false);
    expect(roadsLine(READY)).toBe(
      'Roads: zj.osm.pbf (1.2 MB): 8,000 drivable ways, 5,000 nodes, 12,000 edges, 3 strongly connected components (largest 99% of nodes)',
    );
    const loading: RoadsState = {
      ...READY,
      status: 'loading',
      progress: { pass: 2, bytesRead: 600_000, bytesTotal: 1_234_567 },
    };
    expect(roadsProgressLine(loading)).toBe('Reading roads (pass 2 of 2): 0.6 of 1.2 MB');
    expect(roadsLine(loading)).toBe('Roads: zj.osm.pbf (1.2 MB), reading…');
  });

  it('the isochrone ring holds every reached node and stays concave around an L of nodes', () => {
    // An L: two rows of nodes along each arm of a right angle, 500 m apart (each its own thinning cell); the hull must not fill the corner's square.
    const lon: number[] = [];
    const lat: number[] = [];
    for (let k = 0; k <= 10; k++) {
      lon.push(120 + 0.01 * k, 120, 120 + 0.01 * k, 120.005);
      lat.push(30, 30 + 0.01 * k, 30.005, 30 + 0.01 * k);
    }
    const ring = isochroneRing(Float64Array.from(lon), Float64Array.from(lat), 120, 30)!;
    expect(ring[0]).toEqual(ring.at(-1));
    const inside = (x: number, y: number): boolean => {
      let hit = false;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
      }
      return hit;
    };
    // On an edge of the ring (collinear and between its ends), where the even-odd test may go either way.
    const onRing = (x: number, y: number): boolean =>
      ring.slice(1).some(([bx, by], i) => {
        const [ax, ay] = ring[i];
        const cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
        const dot = (x - ax) * (bx - ax) + (y - ay) * (by - ay);
        return Math.abs(cross) < 1e-12 && dot >= 0 && dot <= (bx - ax) ** 2 + (by - ay) ** 2;
      });
    for (let k = 0; k < lon.length; k++) expect(inside(lon[k], lat[k]) || onRing(lon[k], lat[k])).toBe(true);
    expect(inside(120.07, 30.07)).toBe(false);
    expect(isochroneRing(Float64Array.of(120, 120.0001), Float64Array.of(30, 30), NaN, NaN)).toBeNull();
  });
});
