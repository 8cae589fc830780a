import { describe, expect, it } from 'vitest';
import {
  addStation,
  commitPlan,
  deleteSite,
  dropSite,
  markSite,
  phaseSite,
  redoPlan,
  setSiteRole,
  switchProvince,
  undoPlan,
} from '../../../../src/app/planner/actions';
import { planParams, DEFAULT_SETTINGS, type SuggestionInfo } from '../../../../src/app/planner/state';
import {
  deleteScenario,
  duplicateScenario,
  nextScenarioId,
  openScenario,
  renameScenario,
  saveScenario,
} from '../../../../src/app/planner/scenarios';
import { initialState, Store, type AppState } from '../../../../src/app/store';
import { addSite, emptySites } from '../../../../src/core/live/sites';
import { SITE_ROLE } from '../../../../src/core/plan-types';
import { SITE_STATUS } from '../../../../src/core/types';

const apply = (state: AppState, patch: Partial<AppState> | null): AppState => ({ ...state, ...patch });
const info = { coverage: 0.5 } as SuggestionInfo;

describe('plan edits', () => {
  it('add, drop, mark, re-role and delete are each one undoable step', () => {
    let s = initialState();
    s = apply(s, addStation(s, 120, 30));
    expect(s.plan.sites.count).toBe(1);
    expect(s.selectedSite).toBe(0);
    s = apply(s, dropSite(s, 0, 120.1, 30.1));
    expect([s.plan.sites.lon[0], s.plan.sites.lat[0]]).toEqual([120.1, 30.1]);
    s = apply(s, markSite(s, 0, SITE_STATUS.locked));
    expect(s.plan.sites.status[0]).toBe(SITE_STATUS.locked);
    s = apply(s, setSiteRole(s, 0, SITE_ROLE.center));
    expect(s.plan.sites.role[0]).toBe(SITE_ROLE.center);
    s = apply(s, deleteSite(s, 0));
    expect(s.plan.sites.count).toBe(0);
    expect(s.history.past.length).toBe(5);
    const seen: number[] = [];
    for (let k = 0; k < 5; k++) {
      s = apply(s, undoPlan(s));
      seen.push(s.plan.sites.count);
    }
    expect(seen).toEqual([1, 1, 1, 1, 0]);
    expect(undoPlan(s)).toBeNull();
    s = apply(s, redoPlan(s));
    expect([s.plan.sites.lon[0], s.plan.sites.lat[0]]).toEqual([120, 30]);
  });

  it('keeps site ids through edits; setting a phase is one undoable step', () => {
    let s = initialState();
    s = apply(s, addStation(s, 120, 30));
    s = apply(s, addStation(s, 121, 30));
    s = apply(s, phaseSite(s, 1, 3));
    expect(Array.from(s.plan.sites.phase)).toEqual([0, 3]);
    expect(s.selectedSite).toBe(1);
    s = apply(s, setSiteRole(s, 1, SITE_ROLE.center));
    s = apply(s, markSite(s, 1, SITE_STATUS.locked));
    s = apply(s, dropSite(s, 1, 121.5, 30));
    s = apply(s, deleteSite(s, 0));
    expect(s.plan.sites.id).toEqual(['S2']);
    expect(Array.from(s.plan.sites.phase)).toEqual([3]);
    s = apply(s, addStation(s, 122, 30));
    expect(s.plan.sites.id).toEqual(['S2', 'S3']);
    for (let k = 0; k < 6; k++) s = apply(s, undoPlan(s));
    expect(Array.from(s.plan.sites.phase)).toEqual([0, 0]);
    expect(s.plan.sites.id).toEqual(['S1', 'S2']);
  });

  it('an edit by hand drops the suggestion figures; a committed suggestion keeps them', () => {
    let s = initialState();
    s = apply(s, commitPlan(s, { sites: addSite(emptySites(), 120, 30), suggestion: info }));
    expect(s.plan.suggestion).toBe(info);
    s = apply(s, addStation(s, 121, 30));
    expect(s.plan.suggestion).toBeNull();
    s = apply(s, undoPlan(s));
    expect(s.plan.suggestion).toBe(info);
  });

  it('a new province starts with an empty plan and history', () => {
    let s = initialState();
    s = apply(s, addStation(s, 120, 30));
    s = apply(s, { settings: { ...s.settings, area: ['330106'] } });
    s = apply(s, switchProvince(s, '32'));
    expect(s.provinceCode).toBe('32');
    expect(s.settings.area).toEqual([]);
    expect(s.plan.sites.count).toBe(0);
    expect(s.history.past).toEqual([]);
    expect(s.metrics).toBeNull();
  });
});

describe('plan parameters from the settings', () => {
  it('gives each model its parameters, with the reach in km and seed 1', () => {
    expect(planParams(DEFAULT_SETTINGS)).toEqual({ model: 'mclp', p: 1000, radius: 3, seed: 1 });
    expect(planParams({ ...DEFAULT_SETTINGS, model: 'lscp', targetSharePct: 95 })).toEqual({
      model: 'lscp',
      radius: 3,
      seed: 1,
      targetShare: 0.95,
    });
    expect(planParams({ ...DEFAULT_SETTINGS, model: 'two-tier' })).toMatchObject({
      p: 1000,
      centers: 10,
      centerRadius: 60,
    });
    expect(planParams({ ...DEFAULT_SETTINGS, model: 'pmedian', stations: 7 })).toMatchObject({ p: 7, radius: 3 });
  });
});

describe('scenarios', () => {
  it('saves, duplicates, renames, opens and deletes', () => {
    let s = initialState();
    s = apply(s, addStation(s, 120, 30));
    s = apply(s, saveScenario(s, '  first ', 'Scenario 1'));
    s = apply(s, saveScenario(s, '', 'Scenario 2'));
    expect(s.scenarios.map((x) => x.name)).toEqual(['first', 'Scenario 2']);
    s = apply(
      s,
      duplicateScenario(s, 's1', (name) => `${name} (copy)`),
    );
    expect(s.scenarios.map((x) => x.name)).toEqual(['first', 'first (copy)', 'Scenario 2']);
    expect(new Set(s.scenarios.map((x) => x.id)).size).toBe(3);
    s = apply(s, renameScenario(s, s.scenarios[1].id, 'spare'));
    expect(s.scenarios[1].name).toBe('spare');
    expect(renameScenario(s, 's1', '   ')).toEqual({});
    s = apply(s, deleteSite(s, 0));
    expect(s.plan.sites.count).toBe(0);
    s = apply(s, openScenario(s, 's1'));
    expect(s.plan.sites.count).toBe(1);
    s = apply(s, undoPlan(s));
    expect(s.plan.sites.count).toBe(0);
    s = apply(s, { comparison: { a: 's1', b: 's2', result: {} as never } });
    s = apply(s, deleteScenario(s, 's1'));
    expect(s.scenarios.map((x) => x.id)).not.toContain('s1');
    expect(s.comparison).toBeNull();
    expect(nextScenarioId(s.scenarios)).not.toBe(s.scenarios[0].id);
  });

  it('does not open a scenario of another province', () => {
    let s = initialState('33');
    s = apply(s, saveScenario(s, 'zj', 'x'));
    s = apply(s, switchProvince(s, '32'));
    expect(openScenario(s, 's1')).toEqual({});
  });
});

describe('Store', () => {
  it('applies a set made by a listener after every listener saw the change before it', () => {
    const store = new Store(initialState());
    const seen: string[] = [];
    store.subscribe((state, previous) => {
      seen.push(`A ${previous.editMode}->${state.editMode}`);
      if (state.editMode === 'add') store.set({ editMode: 'select' });
    });
    store.subscribe((state, previous) => seen.push(`B ${previous.editMode}->${state.editMode}`));
    store.set({ editMode: 'add' });
    expect(seen).toEqual(['A select->add', 'B select->add', 'A add->select', 'B add->select']);
    expect(store.get().editMode).toBe('select');
  });
});
