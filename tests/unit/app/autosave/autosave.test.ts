import { describe, expect, it } from 'vitest';
import { restorePlanner, restorePlannerData, serialisePlanner } from '../../../../src/app/autosave/autosave';
import { addStation, commitPlan } from '../../../../src/app/planner/actions';
import type { SuggestionInfo } from '../../../../src/app/planner/state';
import { saveScenario } from '../../../../src/app/planner/scenarios';
import { initialState, type AppState } from '../../../../src/app/store';
import { addSite, emptySites, setSitePhase } from '../../../../src/core/live/sites';

const apply = (state: AppState, patch: Partial<AppState>): AppState => ({ ...state, ...patch });
const suggestion: SuggestionInfo = {
  params: { model: 'mclp', p: 2, radius: 3 },
  objective: 5,
  bound: NaN,
  gap: NaN,
  optimal: false,
  solver: 'x',
  seconds: 1,
  coveredWeight: 5,
  coverage: 0.5,
  cancelled: false,
  curve: { stations: [1, 2], share: [0.3, 0.5] },
};

describe('autosave', () => {
  it('keeps the rollout parameters (checked again on restore) and never its result', () => {
    let s = initialState('33');
    const params = { ...s.rollout.params, centers: 700, years: 4, provinceOrder: ['33', '32'] };
    s = apply(s, { rollout: { ...s.rollout, params } });
    const text = serialisePlanner(s);
    expect(text).not.toContain('villageYear');
    expect(restorePlanner(text, initialState('33'))?.rollout?.params).toEqual(params);
    // Saved parameters that fail today's checks are dropped: the defaults stay.
    const bad = JSON.parse(text) as { rollout: string };
    bad.rollout = Buffer.from(JSON.stringify({ years: 9 })).toString('base64url');
    expect(restorePlanner(JSON.stringify(bad), initialState('33'))?.rollout).toBeUndefined();
    delete (bad as { rollout?: string }).rollout;
    expect(restorePlanner(JSON.stringify(bad), initialState('33'))?.rollout).toBeUndefined();
  });

  it('round-trips settings, plan (with NaN figures) and scenarios', () => {
    let s = initialState('33');
    const sites = setSitePhase(addSite(addSite(emptySites(), 120.1, 30.2), 121, 29, 2, 1, '330110001001'), 1, 2);
    s = apply(s, commitPlan(s, { sites, suggestion }));
    s = apply(s, { settings: { ...s.settings, radiusKm: 5 } });
    s = apply(s, saveScenario(s, 'one', 'x'));
    const restored = restorePlanner(serialisePlanner(s), initialState('33'))!;
    expect(restored.settings?.radiusKm).toBe(5);
    expect(restored.plan?.sites).toEqual(s.plan.sites);
    expect(restored.plan?.sites.id).toEqual(['S1', '330110001001']);
    expect(Array.from(restored.plan?.sites.phase ?? [])).toEqual([0, 2]);
    expect(restored.plan?.suggestion?.gap).toBeNaN();
    expect(restored.plan?.suggestion?.curve).toEqual(suggestion.curve);
    expect(restored.scenarios?.[0].name).toBe('one');
    expect(restored.scenarios?.[0].plan.sites).toEqual(s.plan.sites);
  });

  it('keeps the plan out when another province is shown, and ignores unreadable text', () => {
    let s = initialState('33');
    s = apply(s, addStation(s, 120, 30));
    const other = restorePlanner(serialisePlanner(s), initialState('32'))!;
    expect(other.plan).toBeUndefined();
    expect(other.scenarios).toEqual([]);
    expect(restorePlanner('not json', s)).toBeNull();
    expect(restorePlanner(JSON.stringify({ version: 99 }), s)).toBeNull();
    expect(restorePlanner(JSON.stringify({ version: 1, provinceCode: '33', plan: { sites: [[1]] } }), s)).toBeNull();
  });

  it('reads an autosave from before site ids: four-column rows, and IndexedDB tables without ids, get S1...', () => {
    const s = initialState('33');
    const old = { version: 1, provinceCode: '33', settings: s.settings, scenarios: [] };
    const text = JSON.stringify({
      ...old,
      plan: {
        sites: [
          [120, 30, 2, 0],
          [121, 30, 0, 1],
        ],
        suggestion: null,
      },
    });
    const restored = restorePlanner(text, s)!;
    expect(restored.plan?.sites.id).toEqual(['S1', 'S2']);
    expect(Array.from(restored.plan?.sites.status ?? [])).toEqual([2, 0]);
    const table = {
      count: 1,
      lon: Float64Array.of(120),
      lat: Float64Array.of(30),
      status: Uint8Array.of(0),
      role: Uint8Array.of(0),
    };
    const data = restorePlannerData({ ...old, plan: { sites: table, suggestion: null } }, s)!;
    expect(data.plan?.sites.id).toEqual(['S1']);
    expect(Array.from(data.plan?.sites.phase ?? [])).toEqual([0]);
  });
});
