import { describe, expect, it } from 'vitest';
import { planReport, planToGeoJson } from '../../../src/io/plan-output';
import type { PlanResult } from '../../../src/core/plan-types';
import { SITE_STATUS, type Candidates } from '../../../src/core/types';

const candidates: Candidates = {
  count: 3,
  lon: Float64Array.of(120, 121, 122),
  lat: Float64Array.of(30, 31, 32),
  status: Uint8Array.of(SITE_STATUS.proposed, SITE_STATUS.existing, SITE_STATUS.proposed),
};
const result: PlanResult = {
  params: { model: 'mclp', p: 2, radius: 3, seed: 1 },
  solution: {
    selected: Uint32Array.of(1, 2),
    objective: 7,
    bound: NaN,
    gap: NaN,
    optimal: false,
    solver: 'test',
    seconds: 0.5,
  },
  roles: Uint8Array.of(0, 1),
  metrics: {
    coveredWeight: 7,
    totalWeight: 10,
    coverage: 0.7,
    siteCoveredWeight: Float64Array.of(4, 5),
    siteMarginalWeight: Float64Array.of(2, 3),
  },
};

describe('plan output', () => {
  it('writes selected sites as GeoJSON points', () => {
    const fc = planToGeoJson(result, candidates, ['a', 'b', 'c']);
    expect(fc.features).toHaveLength(2);
    expect(fc.features[0]).toEqual({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [121, 31] },
      properties: { id: 'b', index: 1, role: 'station', status: 'existing', coveredWeight: 4, marginalWeight: 2 },
    });
    expect(fc.features[1].properties.role).toBe('center');
  });

  it('writes the report with null for unknown numbers', () => {
    const report = planReport(result, 10, 3);
    expect(report).toMatchObject({ model: 'mclp', objective: 7, bound: null, gap: null, selected: [1, 2] });
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});
