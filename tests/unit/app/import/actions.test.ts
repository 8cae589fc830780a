import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  addImportedSites,
  clearUserData,
  restorePlanFile,
  setUserCandidates,
  setUserVillages,
} from '../../../../src/app/import/actions';
import { addStation, undoPlan } from '../../../../src/app/planner/actions';
import { planFileOfState } from '../../../../src/app/planner/plan-file';
import { initialState, type AppState } from '../../../../src/app/store';
import { candidatesLine, dataLine, planFileData, splitIds } from '../../../../src/app/user-data/user-data';
import { SITE_STATUS } from '../../../../src/core/types';
import { ID_SEPARATOR, type ImportedPoints } from '../../../../src/io/import-api';
import { readPlanFile } from '../../../../src/io/plan-file';
import { setLocale } from '../../../../src/ui/i18n';

function points(role: ImportedPoints['role'], n: number, ids?: string[]): ImportedPoints {
  return {
    file: 'sites.csv',
    format: 'csv',
    crs: 'gcj02',
    role,
    count: n,
    recordCount: n + 1,
    lon: Float64Array.from({ length: n }, (_, i) => 120 + i / 10),
    lat: Float64Array.from({ length: n }, (_, i) => 30 + i / 10),
    weight: new Float64Array(n).fill(2),
    ids: (ids ?? Array.from({ length: n }, (_, i) => `f${i}`)).join(ID_SEPARATOR),
    firstProblems: [],
    problemCount: 1,
    problemsCsv: '',
    swapSuspects: 0,
    swapped: false,
  };
}

const apply = (state: AppState, patch: Partial<AppState> | null): AppState => ({ ...state, ...patch });

describe('import actions', () => {
  it('adds existing sites to the plan in one undoable step, keeping file ids', () => {
    let state = apply(initialState(), addStation(initialState(), 121, 29));
    state = apply(state, addImportedSites(state, points('existing', 3, ['a', 'S1', 'a'])));
    expect(state.plan.sites.count).toBe(4);
    expect(Array.from(state.plan.sites.status.subarray(1))).toEqual([1, 1, 1].map(() => SITE_STATUS.existing));
    expect(state.plan.sites.id[0]).toBe('S1');
    expect(state.plan.sites.id[1]).toBe('a');
    expect(new Set(state.plan.sites.id).size).toBe(4);
    const undone = apply(state, undoPlan(state));
    expect(undone.plan.sites.count).toBe(1);
  });

  it('keeps candidate sites as the candidates of Suggest (not in the plan), with their ids; back to embedded', () => {
    let state = apply(initialState(), addStation(initialState(), 121, 29));
    state = apply(state, setUserCandidates(state, points('candidates', 2)));
    expect(state.plan.sites.count).toBe(1);
    expect(state.settings.importedCandidates).toBe(true);
    const c = state.userData.candidates!;
    expect([c.file, c.count, Array.from(c.lon)]).toEqual(['sites.csv', 2, [120, 120.1]]);
    expect(splitIds(c.ids, c.count)).toEqual(['f0', 'f1']);
    setLocale('en');
    expect(candidatesLine(state.userData)).toBe('Candidate sites: sites.csv (2)');
    expect(planFileData('33', state.userData).candidates).toBe('file:sites.csv');
    const cleared = apply(state, clearUserData(state));
    expect(cleared.userData.candidates).toBeNull();
    expect(cleared.settings.importedCandidates).toBe(false);
    expect(cleared.plan.sites.count).toBe(1);
  });

  it('keeps the ids of imported villages', () => {
    const state = apply(initialState(), setUserVillages(initialState(), points('villages', 3, ['v1', 'v2', 'v3'])));
    expect(splitIds(state.userData.villages!.ids, 3)).toEqual(['v1', 'v2', 'v3']);
  });

  it('restores a v1 plan file as one undoable step on the same province', () => {
    const file = readPlanFile(readFileSync(new URL('../../../fixtures/plan-v1.json', import.meta.url), 'utf8'));
    let state = initialState(file.provinceCode);
    state = apply(state, addStation(state, 120.5, 30.5));
    const restored = apply(state, restorePlanFile(state, file));
    expect(restored.plan.sites.count).toBe(file.plan.sites.length);
    expect(restored.plan.sites.id).toEqual(file.plan.sites.map((s) => s.id));
    expect(restored.scenarios.length).toBe(file.scenarios.length);
    const undone = apply(restored, undoPlan(restored));
    expect(undone.plan.sites.count).toBe(1);
  });

  it('a plan file carries the rollout parameters; bad ones leave the current ones', () => {
    let state = initialState('33');
    const params = { ...state.rollout.params, centers: 640, years: 3, yearCaps: { stations: [1000, 2000] } };
    state = apply(state, { rollout: { ...state.rollout, params } });
    const file = readPlanFile(planFileOfState(state));
    expect(apply(initialState('33'), restorePlanFile(initialState('33'), file)).rollout.params).toEqual(params);
    const bad = readPlanFile(planFileOfState(state).replace('"years": 3', '"years": 11'));
    expect(restorePlanFile(initialState('33'), bad).rollout).toBeUndefined();
    // The committed v1 fixture has none: the current parameters stay.
    const v1 = readPlanFile(readFileSync(new URL('../../../fixtures/plan-v1.json', import.meta.url), 'utf8'));
    expect(restorePlanFile(initialState('33'), v1).rollout).toBeUndefined();
  });

  it('says which villages the plan uses, and records it in the plan file data', () => {
    setLocale('en');
    const state = initialState('33');
    expect(dataLine(state.userData)).toBe('Villages: embedded registry (synthetic positions)');
    const withUser = apply(state, setUserVillages(state, { ...points('villages', 9812), file: 'villages.csv' }, 'pop'));
    const placed = {
      ...withUser.userData,
      placed: { count: 9812, outside: 0, counties: ['330109', '330110', '330111'] },
    };
    expect(dataLine(placed)).toBe('Villages: villages.csv (9,812, GCJ-02 → WGS 84) in 3 counties + embedded elsewhere');
    expect(planFileData('33', placed)).toMatchObject({
      demand: 'file:villages.csv',
      demandCrs: 'gcj02',
      demandVillages: '9812',
      demandWeight: 'pop',
      demandCounties: '330109,330110,330111',
      elsewhere: 'embedded:33',
    });
    expect(planFileData('33', state.userData)).toEqual({ demand: 'embedded:33' });
    setLocale('zh-CN');
  });
});
