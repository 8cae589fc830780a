import { describe, expect, it } from 'vitest';
import { planFileOfState, sitesOfPlanFile } from '../../../../src/app/planner/plan-file';
import { addStation, commitPlan } from '../../../../src/app/planner/actions';
import { saveScenario } from '../../../../src/app/planner/scenarios';
import { initialState, type AppState } from '../../../../src/app/store';
import { readFileSync } from 'node:fs';
import { addSite, emptySites, setSitePhase } from '../../../../src/core/live/sites';
import { readPlanFile } from '../../../../src/io/plan-file';

const apply = (state: AppState, patch: Partial<AppState>): AppState => ({ ...state, ...patch });

describe('planFileOfState', () => {
  it('writes a plan file that readPlanFile reads back: sites with names, settings, scenarios', () => {
    let s = initialState('33');
    s = apply(
      s,
      commitPlan(s, { sites: addSite(addSite(emptySites(), 120.1, 30.2), 121, 29, 1, 1), suggestion: null }),
    );
    s = apply(s, { settings: { ...s.settings, radiusKm: 5 } });
    s = apply(s, saveScenario(s, '<b>x</b>', 'id1'));
    s = apply(s, addStation(s, 119.5, 28.5));
    const file = readPlanFile(planFileOfState(s));
    expect(file.provinceCode).toBe('33');
    expect(file.settings.radiusKm).toBe(5);
    expect(file.plan.sites.map((p) => [p.lon, p.lat, p.status, p.role])).toEqual([
      [120.1, 30.2, 'proposed', 'station'],
      [121, 29, 'existing', 'center'],
      [119.5, 28.5, 'proposed', 'station'],
    ]);
    expect(file.scenarios).toHaveLength(1);
    expect(file.scenarios[0].name).toBe('<b>x</b>');
    expect(file.scenarios[0].plan.sites).toHaveLength(2);
    expect(file.data).toEqual({ demand: 'embedded:33' });
  });

  it('round-trips site ids and phases: state -> plan file -> site table', () => {
    let s = initialState('33');
    const sites = setSitePhase(addSite(addSite(emptySites(), 120.1, 30.2, 0, 0, '330110001001'), 121, 29, 1, 1), 1, 4);
    s = apply(s, commitPlan(s, { sites, suggestion: null }));
    const file = readPlanFile(planFileOfState(s));
    expect(file.plan.sites.map((p) => [p.id, p.phase])).toEqual([
      ['330110001001', undefined],
      ['S1', 4],
    ]);
    expect(sitesOfPlanFile(file.plan.sites)).toEqual(sites);
  });

  it('reads the committed v1 fixture with its ids and phases', () => {
    const file = readPlanFile(readFileSync('tests/fixtures/plan-v1.json', 'utf8'));
    const sites = sitesOfPlanFile(file.plan.sites);
    expect(sites.id).toEqual(['330110001001', '330110002002', '330110003003']);
    expect(Array.from(sites.phase)).toEqual([0, 1, 2]);
    expect(Array.from(sites.role)).toEqual([0, 0, 1]);
    expect(
      sitesOfPlanFile([
        { id: 'a', lon: 1, lat: 2, status: 'proposed', role: 'station' },
        { id: 'a', lon: 3, lat: 4, status: 'proposed', role: 'station' },
      ]).id,
    ).toEqual(['a', 'S1']);
  });
});
