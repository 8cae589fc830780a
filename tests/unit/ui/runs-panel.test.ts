// @vitest-environment happy-dom
/**
 * The Delivery runs card in a happy-dom document: parameters checked before they reach the state, the figures of
 * real runs (the routes service on a small plan), the stations left out named as text (ids are untrusted), zh-CN.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { routesRequest } from '../../../src/app/routes/request';
import { defaultRoutesSettings, type RoutesOutcome, type RoutesSettings } from '../../../src/app/routes/state';
import { initialState, type AppState } from '../../../src/app/store';
import { addSite, emptySites } from '../../../src/core/live/sites';
import { SITE_ROLE } from '../../../src/core/plan-types';
import { DEFAULT_RUN_PARAMS } from '../../../src/core/route/run-params';
import { SITE_STATUS } from '../../../src/core/types';
import { setLocale } from '../../../src/ui/i18n';
import { RunsPanel } from '../../../src/ui/runs-panel';
import { RoutesService } from '../../../workers/routes-service';

const HOSTILE = '<img src=x onerror=alert(1)>';

// A center, two stations of 2 villages each and one of 6 villages (6 x 30 parcels = 180 > a 150-parcel van).
let sites = addSite(emptySites(), 120, 30, SITE_STATUS.proposed, SITE_ROLE.center);
sites = addSite(sites, 120.05, 30, SITE_STATUS.proposed, SITE_ROLE.station);
sites = addSite(sites, 120.1, 30, SITE_STATUS.proposed, SITE_ROLE.station);
sites = addSite(sites, 120, 30.05, SITE_STATUS.proposed, SITE_ROLE.station);
sites = { ...sites, id: ['C1', 'S1', 'S2', HOSTILE] };
const villages = [1, 1, 2, 2, 3, 3, 3, 3, 3, 3].map((k, v) => [sites.lon[k] + 0.001 * v, sites.lat[k]]);

async function stateWithRuns(settings: RoutesSettings): Promise<AppState> {
  const demand = {
    count: villages.length,
    lon: Float64Array.from(villages, (p) => p[0]),
    lat: Float64Array.from(villages, (p) => p[1]),
    weight: new Float64Array(villages.length).fill(1),
    countyCode: villages.map(() => '330106'),
  };
  const { request, siteIndex } = routesRequest(sites, demand, { radiusKm: 3, centerRadiusKm: 60 }, settings);
  const answer = await new RoutesService().plan(request);
  const outcome: RoutesOutcome = { sites, siteIndex, centerCountyName: ['西湖区'], answer, wallSeconds: 0.2 };
  const base = initialState();
  return {
    ...base,
    plan: { sites, suggestion: null },
    province: { code: '33', counties: [], parts: [] } as unknown as AppState['province'],
    routes: { ...base.routes, settings, outcome },
  };
}

afterEach(() => setLocale('en'));

describe('Delivery runs card', () => {
  it('shows the runs per county, names the station left out as text, and refuses a zero capacity', async () => {
    setLocale('en');
    const settings = {
      ...defaultRoutesSettings(),
      params: { ...DEFAULT_RUN_PARAMS, vanCapacity: 150, parcelsPerVillage: 30, pickupsPerVillage: 10 },
    };
    const state = await stateWithRuns(settings);
    const root = document.createElement('section');
    const set: RoutesSettings[] = [];
    const panel = new RunsPanel(root, state, {
      setSettings: (s) => set.push(s),
      run: () => undefined,
      cancel: () => undefined,
      exportRuns: () => undefined,
    });
    expect(root.querySelector('h2')?.textContent).toBe('Delivery runs');
    const total = root.querySelector('[data-county=total] [data-col=vans]')?.textContent;
    expect(Number(total)).toBe(state.routes.outcome!.answer.result.totals.vans);
    expect(root.querySelector('[data-county="330106"] th')?.textContent).toBe('西湖区');
    const left = [...root.querySelectorAll('[data-testid=routes-unrouted] li')];
    expect(left.map((li) => li.textContent)).toEqual([`${HOSTILE}: its load alone exceeds the van capacity`]);
    expect(root.querySelector('img')).toBeNull();
    expect((root.querySelector('[data-testid=routes-export]') as HTMLButtonElement).disabled).toBe(false);

    const capacity = root.querySelector('[data-testid=routes-vanCapacity]') as HTMLInputElement;
    capacity.value = '0';
    capacity.dispatchEvent(new Event('change'));
    expect(set).toEqual([]);
    expect(root.querySelector('[role=alert]')?.textContent).toMatch(/capacity/);
    capacity.value = '200';
    capacity.dispatchEvent(new Event('change'));
    expect(set.at(-1)?.params.vanCapacity).toBe(200);

    // An edit of the plan hides the runs: the card says so and has nothing to export.
    panel.update({ ...state, plan: { sites: { ...sites }, suggestion: null } });
    expect(root.querySelector('[data-testid=routes-table]')).toBeNull();
    expect(root.querySelector('[data-testid=routes-status]')?.textContent).toMatch(/changed/);
    expect((root.querySelector('[data-testid=routes-export]') as HTMLButtonElement).disabled).toBe(true);
  });

  it('speaks Chinese', async () => {
    setLocale('zh-CN');
    const state = await stateWithRuns(defaultRoutesSettings());
    const root = document.createElement('section');
    new RunsPanel(root, state, {
      setSettings: () => undefined,
      run: () => undefined,
      cancel: () => undefined,
      exportRuns: () => undefined,
    });
    expect(root.querySelector('h2')?.textContent).toBe('配送线路');
    expect(root.querySelector('[data-testid=routes-run]')?.textContent).toBe('规划线路');
    expect(root.querySelector('[data-county=total] th')?.textContent).toBe('合计');
  });
});
