import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { planLayers, planRouteLines } from '../../../../src/app/map-view';
import { undoPlan } from '../../../../src/app/planner/actions';
import { planFileOfState } from '../../../../src/app/planner/plan-file';
import { dropSite } from '../../../../src/app/planner/actions';
import { plannerData, restorePlannerData, serialisePlannerData } from '../../../../src/app/autosave/autosave';
import { routeLines, routesRequest, runsExportInput, villageFactors } from '../../../../src/app/routes/request';
import { readRoutesSettings } from '../../../../src/app/routes/saved';
import { currentOutcome, defaultRoutesSettings, type RoutesOutcome } from '../../../../src/app/routes/state';
import { initialState, type AppState } from '../../../../src/app/store';
import type { RunsDemand } from '../../../../src/core/live/coverage-api';
import { addSite, emptySites } from '../../../../src/core/live/sites';
import { SITE_ROLE } from '../../../../src/core/plan-types';
import { DEFAULT_RUN_PARAMS } from '../../../../src/core/route/run-params';
import { SITE_STATUS } from '../../../../src/core/types';
import { runsCountyCsv, runsCountyRows, runsGeoJson } from '../../../../src/io/export-runs';
import { readPlanFile } from '../../../../src/io/plan-file';
import type { Progress } from '../../../../src/core/types';
import type { RoutesApi } from '../../../../workers/routes-api';
import { RoutesService } from '../../../../workers/routes-service';

// A center and five stations east of it, one excluded; 20 villages around the stations in two counties.
const sites = [
  [120, 30, SITE_STATUS.proposed, SITE_ROLE.center],
  [120.05, 30, SITE_STATUS.proposed, SITE_ROLE.station],
  [120.1, 30.02, SITE_STATUS.proposed, SITE_ROLE.station],
  [120.15, 29.98, SITE_STATUS.excluded, SITE_ROLE.station],
  [120.2, 30, SITE_STATUS.existing, SITE_ROLE.station],
  [120.02, 30.05, SITE_STATUS.proposed, SITE_ROLE.station],
].reduce((table, [lon, lat, status, role]) => addSite(table, lon, lat, status, role), emptySites());

function demand(): RunsDemand {
  const lon: number[] = [];
  const lat: number[] = [];
  for (let k = 1; k < sites.count; k++) {
    for (let v = 0; v < 4; v++) {
      lon.push(sites.lon[k] + 0.002 * v);
      lat.push(sites.lat[k] + 0.001);
    }
  }
  return {
    count: lon.length,
    lon: Float64Array.from(lon),
    lat: Float64Array.from(lat),
    weight: new Float64Array(lon.length).fill(1),
    countyCode: lon.map((x) => (x < 120.12 ? '330101' : '330102')),
  };
}

const ports: MessagePort[] = [];
function remote(): Comlink.Remote<RoutesApi> {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  Comlink.expose(new RoutesService(), port2);
  return Comlink.wrap<RoutesApi>(port1);
}
afterEach(() => {
  for (const port of ports.splice(0)) port.close();
});

/** The runs of the small plan through the service over comlink, as the page gets them. */
async function outcome(settings = defaultRoutesSettings()): Promise<RoutesOutcome> {
  const { request, siteIndex } = routesRequest(sites, demand(), { radiusKm: 3, centerRadiusKm: 60 }, settings);
  const shares: number[] = [];
  const answer = await remote().plan(
    request,
    Comlink.proxy((p: Progress) => shares.push(p.share)),
  );
  expect(shares.at(-1)).toBe(1);
  return { sites, siteIndex, centerCountyName: answer.centerCounty.map(() => 'West'), answer, wallSeconds: 0.5 };
}

describe('delivery runs in the app', () => {
  it('requests the open sites only, with weights as factors only when they differ', () => {
    const { request, siteIndex } = routesRequest(
      sites,
      demand(),
      { radiusKm: 3, centerRadiusKm: 60 },
      {
        ...defaultRoutesSettings(),
      },
    );
    expect(Array.from(siteIndex)).toEqual([0, 1, 2, 4, 5]);
    expect(request.sites.id).toEqual(['S1', 'S2', 'S3', 'S5', 'S6']);
    expect(request.villageFactor).toBeUndefined();
    expect(Array.from(villageFactors(Float64Array.of(1, 3))!)).toEqual([0.5, 1.5]);
  });

  it('plans every open station through the worker service; lines, GeoJSON and CSV agree', async () => {
    const o = await outcome();
    const { result, centerCounty } = o.answer;
    expect(centerCounty).toEqual(['330101']);
    // Each station serves 4 villages: 120 parcels, 40 pickups; capacity 300 gives 2 stations a van at most.
    const routed = result.centers.flatMap((c) => c.routes.flatMap((r) => r.stations));
    expect(routed.sort()).toEqual([1, 2, 3, 4]);
    for (const r of result.centers[0].routes) expect(r.loadMax).toBeLessThanOrEqual(DEFAULT_RUN_PARAMS.vanCapacity);
    const lines = routeLines(o.answer, sites, o.siteIndex);
    expect(lines.map((l) => l.path[0])).toEqual(lines.map(() => [120, 30]));
    const input = runsExportInput(o);
    const geojson = JSON.parse(runsGeoJson(input)) as {
      features: { geometry: { coordinates: number[][] }; properties: { center: string; stations: string[] } }[];
    };
    expect(geojson.features).toHaveLength(lines.length);
    geojson.features.forEach((f, k) => {
      expect(f.properties.center).toBe('S1');
      expect(f.geometry.coordinates).toEqual(lines[k].path);
      expect(f.properties.stations.every((id) => id !== 'S4')).toBe(true);
    });
    const rows = runsCountyRows(input);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ code: '330101', name: 'West', centers: 1, stations: 4, vans: result.totals.vans });
    expect(runsCountyCsv(input).split('\r\n')[0]).toBe(
      '\ufeffcode,name,centers,stations,unrouted,vans,kmPerDay,hours,deliveries,pickups,costPerDayYuan,costPerParcelYuan',
    );
  });

  it('stops at once on a raised shared stop flag, still with every station routed or named', async () => {
    // 30 stations on a ring around the center (more than the exact search takes, so the search itself is stopped).
    let ring = addSite(emptySites(), 120, 30, SITE_STATUS.proposed, SITE_ROLE.center);
    for (let k = 0; k < 30; k++) {
      const a = (2 * Math.PI * k) / 30;
      ring = addSite(ring, 120 + 0.2 * Math.cos(a), 30 + 0.2 * Math.sin(a), SITE_STATUS.proposed, SITE_ROLE.station);
    }
    const villages: RunsDemand = {
      count: 30,
      lon: ring.lon.slice(1),
      lat: ring.lat.slice(1),
      weight: new Float64Array(30).fill(1),
      countyCode: Array(30).fill('330101'),
    };
    const { request } = routesRequest(ring, villages, { radiusKm: 3, centerRadiusKm: 60 }, defaultRoutesSettings());
    const flag = new Int32Array(new SharedArrayBuffer(4));
    Atomics.store(flag, 0, 1);
    const { result } = await new RoutesService().plan(request, undefined, flag);
    expect(result.stopped).toBe(true);
    const routed = result.centers.flatMap((c) => c.routes.flatMap((r) => r.stations));
    expect(routed.length + result.unrouted.length).toBe(30);
  });

  it('names a station whose load exceeds the van and routes the rest', async () => {
    const settings = {
      ...defaultRoutesSettings(),
      params: { ...DEFAULT_RUN_PARAMS, vanCapacity: 100, parcelsPerVillage: 30, pickupsPerVillage: 10 },
    };
    const { answer } = await outcome(settings);
    expect(answer.result.unrouted.map((u) => u.reason)).toEqual(Array(4).fill('load-over-capacity'));
    expect(answer.result.unrouted[0].message).toContain('S2');
  });

  it('shows runs only for the sites they were planned for; the map draws them; the plan file and autosave keep them', async () => {
    const o = await outcome();
    const state: AppState = {
      ...initialState(),
      plan: { sites, suggestion: null },
      routes: { ...initialState().routes, outcome: o },
    };
    expect(currentOutcome(state)).toBe(o);
    expect(planRouteLines(state)).toHaveLength(o.answer.result.totals.vans);
    const ids = planLayers(state, [], 8).map((l) => l.id);
    expect(ids).toContain('routes');
    expect(ids).toContain('routes-arrows');
    const moved = { ...state, ...dropSite(state, 1, 120.06, 30) } as AppState;
    expect(currentOutcome(moved)).toBeNull();
    expect(planLayers(moved, [], 8).map((l) => l.id)).not.toContain('routes');
    expect(currentOutcome({ ...moved, ...undoPlan(moved) } as AppState)).toBe(o);

    const file = readPlanFile(planFileOfState(state));
    expect(file.version).toBe(2);
    expect(file.runs?.params).toMatchObject({ vanCapacity: 300, weighted: true, budgetSec: 3 });
    const result = file.runs?.result as { centers: { center: string; routes: { stations: string[] }[] }[] };
    expect(result.centers[0].center).toBe('S1');
    expect(result.centers[0].routes.flatMap((r) => r.stations).sort()).toEqual(['S2', 'S3', 'S5', 'S6']);

    // IndexedDB keeps the runs (structured clone); the restored plan's table is a new one with the same sites.
    const data = structuredClone(plannerData(state));
    const restored = restorePlannerData(data, initialState());
    expect(restored?.routes?.outcome?.answer.result.totals).toEqual(o.answer.result.totals);
    expect(restored?.routes?.outcome?.sites).toBe(restored?.plan?.sites);
    // The text layout keeps the settings only.
    const text = JSON.parse(serialisePlannerData(plannerData(state))) as { routes: { outcome: unknown } };
    expect(text.routes.outcome).toBeNull();
  });

  it('reads saved settings back field by field (a bad one keeps its default)', () => {
    const read = readRoutesSettings({ params: { vanCapacity: 0, shiftHours: 6 }, weighted: false, budgetSec: -1 });
    expect(read.params.vanCapacity).toBe(DEFAULT_RUN_PARAMS.vanCapacity);
    expect(read.params.shiftHours).toBe(6);
    expect(read.weighted).toBe(false);
    expect(read.budgetSec).toBe(3);
    expect(readRoutesSettings('nonsense')).toEqual(defaultRoutesSettings());
  });
});
