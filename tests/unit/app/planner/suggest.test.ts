import { beforeAll, describe, expect, it } from 'vitest';
import { requestPlan, type RequestBuilder } from '../../../../src/app/planner/suggest';
import { initialState, type AppState } from '../../../../src/app/store';
import type { SuggestionInfo } from '../../../../src/app/planner/state';
import {
  engineFiguresText,
  suggestionReachText,
  tableUse,
  tableUseLine,
} from '../../../../src/app/user-data/travel-matrix';
import type { ProvinceSummary } from '../../../../src/core/live/coverage-api';
import { addSite, emptySites } from '../../../../src/core/live/sites';
import type { PlanRequest } from '../../../../src/core/plan-types';
import { SITE_STATUS } from '../../../../src/core/types';
import { setLocale } from '../../../../src/ui/i18n';

const ROWS = 4;
const COLS = 3;

/** A state with 4 user villages (all of the demand), 3 candidate sites and a 4 × 3 durations table. */
function state(demandCount = ROWS, userDemand = ROWS): AppState {
  const base = initialState('33');
  const province: ProvinceSummary = {
    provinceCode: '33',
    villageCount: 100,
    demandCount,
    counties: [],
    area: ['330106'],
    parts: [{ provinceCode: '33', offset: 0, count: 100 }],
    userVillages: { count: ROWS, counties: ['330106'], demand: userDemand, points: [] },
  };
  return {
    ...base,
    province,
    settings: { ...base.settings, importedCandidates: true, tableReachMin: 30, radiusKm: 3 },
    userData: {
      villages: {
        file: 'villages.csv',
        format: 'csv',
        crs: 'wgs84',
        count: ROWS,
        recordCount: ROWS,
        lon: new Float64Array(ROWS),
        lat: new Float64Array(ROWS),
        weight: new Float64Array(ROWS).fill(1),
      },
      placed: { count: ROWS, outside: 0, counties: ['330106'] },
      candidates: {
        file: 'sites.csv',
        crs: 'wgs84',
        count: COLS,
        lon: Float64Array.of(120, 120.1, 120.2),
        lat: Float64Array.of(30, 30.1, 30.2),
        ids: ['C1', 'C2', 'C3'].join('\u001f'),
      },
      matrix: {
        file: 'table.json',
        rows: ROWS,
        cols: COLS,
        values: Float64Array.from({ length: ROWS * COLS }, (_, k) => 60 * k),
        field: 'durations',
        unit: 's',
      },
    },
  };
}

/** Records which builder was called, with which arguments. */
function recorder(): { builder: RequestBuilder; calls: unknown[][] } {
  const calls: unknown[][] = [];
  const none = {} as PlanRequest;
  return {
    calls,
    builder: {
      planRequest: (...args) => (calls.push(['planRequest', ...args]), none),
      userPlanRequest: (...args) => (calls.push(['userPlanRequest', ...args]), none),
    },
  };
}

describe('the request of Suggest with the user data', () => {
  beforeAll(() => setLocale('en'));

  it('uses the imported candidates, their ids and the matrix with the reach in seconds', async () => {
    const s = state();
    const { params, call, inputs } = requestPlan(s);
    const { builder, calls } = recorder();
    await call(builder);
    expect(params.radius).toBe(30 * 60);
    const [name, sent, , sites, matrix] = calls[0] as [
      string,
      { radius: number },
      unknown,
      { ids: string[]; lon: Float64Array },
      { rows: number; cols: number; values: Float64Array },
    ];
    expect(name).toBe('userPlanRequest');
    expect(sent.radius).toBe(1800);
    expect(sites.ids).toEqual(['C1', 'C2', 'C3']);
    expect(Array.from(sites.lon)).toEqual([120, 120.1, 120.2]);
    // Columns in the candidates' (file) order: the matrix is passed as read.
    expect([matrix.rows, matrix.cols]).toEqual([ROWS, COLS]);
    expect(matrix.values).toBe(s.userData.matrix!.values);
    expect(inputs).toEqual({
      reach: { kind: 'table', file: 'table.json', value: 30, unit: 'min' },
      candidatesFile: 'sites.csv',
    });
    expect(tableUseLine(tableUse(s))).toBe('Suggest uses travel data from table.json: station reach 30 min.');
  });

  it('a table of distances gives the reach in road km, sent in metres', () => {
    const s = state();
    const m = { ...s.userData.matrix!, field: 'distances' as const, unit: 'm' as const };
    const withKm = { ...s, userData: { ...s.userData, matrix: m }, settings: { ...s.settings, tableReachKm: 4.5 } };
    const use = tableUse(withKm);
    expect(use).toMatchObject({ kind: 'used', unit: 'km', value: 4.5, radius: 4500 });
    expect(requestPlan(withKm).params.radius).toBe(4500);
  });

  it('embedded villages in the demand: one message, straight-line reach, still the imported candidates', async () => {
    const s = state(ROWS + 7, ROWS);
    const use = tableUse(s);
    expect(use.kind).toBe('unused');
    expect(tableUseLine(use)).toMatch(/^Travel matrix table\.json not used: 7 embedded villages are demand too/);
    const { params, call, inputs } = requestPlan(s);
    const { builder, calls } = recorder();
    await call(builder);
    expect(params.radius).toBe(3);
    expect(calls[0][0]).toBe('userPlanRequest');
    expect(calls[0][4]).toBeNull();
    expect(inputs.reach).toEqual({ kind: 'line', radiusKm: 3 });
  });

  it('a table of other sizes: the message names both sizes', () => {
    const s = state(ROWS - 1, ROWS - 1);
    expect(tableUseLine(tableUse(s))).toBe(
      'Travel matrix table.json not used: it is 4 × 3 (villages × candidate sites) but the plan has 3 demand ' +
        'villages × 3 candidate sites; Suggest uses the straight-line reach.',
    );
    const more = state();
    const candidates = { ...more.userData.candidates!, count: 4, lon: new Float64Array(4), lat: new Float64Array(4) };
    expect(tableUseLine(tableUse({ ...more, userData: { ...more.userData, candidates } }))).toContain(
      'it is 4 × 3 (villages × candidate sites) but the plan has 4 demand villages × 4 candidate sites',
    );
  });

  it('an existing station off the candidates stops the table; one at a candidate does not', () => {
    const s = state();
    const at = { ...s, plan: { ...s.plan, sites: addSite(emptySites(), 120.1, 30.1, SITE_STATUS.locked) } };
    expect(tableUse(at).kind).toBe('used');
    const off = { ...s, plan: { ...s.plan, sites: addSite(emptySites(), 121, 29, SITE_STATUS.existing) } };
    expect(tableUseLine(tableUse(off))).toMatch(/1 existing or locked stations stand at no imported candidate site/);
  });

  it('village candidates when the imported ones are not chosen: the table is not used', async () => {
    const s = state();
    const villages = { ...s, settings: { ...s.settings, importedCandidates: false, candidates: 'all' as const } };
    expect(tableUseLine(tableUse(villages))).toMatch(/not used: it applies when Suggest uses the imported/);
    const { call, inputs } = requestPlan(villages);
    const { builder, calls } = recorder();
    await call(builder);
    expect(calls[0][0]).toBe('planRequest');
    expect(calls[0][3]).toBe('all');
    expect(inputs.candidatesFile).toBeUndefined();
  });

  it('says which reach a suggestion used, also for plan files that keep no parameters', () => {
    const info = {
      params: { model: 'mclp', p: 5, radius: 900 },
      coveredWeight: 88,
      totalWeight: 240,
      coverage: 88 / 240,
      reach: { kind: 'table', file: 'table.json', value: 15, unit: 'min' },
    } as SuggestionInfo;
    expect(suggestionReachText(info)).toBe('Suggested with travel times from table.json, 15 min');
    expect(engineFiguresText(info)).toBe('Engine: covered weight 88 of 240 (36.7%)');
    const line = { ...info, params: { model: 'mclp', radius: 3 }, reach: undefined } as SuggestionInfo;
    expect(suggestionReachText(line)).toBe('Suggested with straight-line reach, 3 km');
    const v1 = { coveredWeight: 10, coverage: 0.5 } as unknown as SuggestionInfo;
    expect(suggestionReachText(v1)).toBeNull();
    expect(engineFiguresText(v1)).toBe('Engine: covered weight 10 of 20 (50.0%)');
  });
});
