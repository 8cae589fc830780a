import { describe, expect, it } from 'vitest';
import { planFileOfState } from '../../../src/app/plan-file-state';
import { addStation, commitPlan } from '../../../src/app/plan-actions';
import { saveScenario } from '../../../src/app/scenario-actions';
import { initialState, type AppState } from '../../../src/app/store';
import { addSite, emptySites } from '../../../src/core/live/sites';
import { readPlanFile } from '../../../src/io/plan-file';

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
});
