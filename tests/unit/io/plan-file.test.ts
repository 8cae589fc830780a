import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLAN_FILE_VERSION, readPlanFile, writePlanFile, type PlanFile } from '../../../src/io/plan-file';

const V1 = readFileSync('tests/fixtures/plan-v1.json', 'utf8');

describe('plan file', () => {
  it('reads the committed v1 fixture (as the current version, without runs)', () => {
    const plan = readPlanFile(V1, 'plan-v1.json');
    // Version 1 files are migrated to the current layout (version 2 only added `runs`).
    expect(plan.version).toBe(2);
    expect(plan.runs).toBeUndefined();
    expect(plan.provinceCode).toBe('33');
    expect(plan.plan.sites.map((s) => [s.id, s.status, s.role, s.phase])).toEqual([
      ['330110001001', 'existing', 'station', undefined],
      ['330110002002', 'proposed', 'station', 1],
      ['330110003003', 'locked', 'center', 2],
    ]);
    expect(plan.scenarios[0].name).toBe('两个站');
    expect(plan.settings.radiusKm).toBe(3);
    expect(plan.data).toEqual({ demand: 'embedded:33' });
  });

  it('migrates the autosave layout (version 0: sites as [lon, lat, status, role] rows)', () => {
    const autosave = JSON.stringify({
      version: 1,
      provinceCode: '33',
      settings: { model: 'mclp' },
      plan: {
        sites: [
          [120.1, 30.2, 1, 0],
          [120.3, 30.1, 0, 1],
        ],
        suggestion: null,
      },
      scenarios: [{ id: 'a', name: 'A', provinceCode: '33', settings: {}, plan: { sites: [], suggestion: null } }],
    });
    const plan = readPlanFile(autosave);
    expect(plan.format).toBe('ruralreach-plan');
    expect(plan.plan.sites).toEqual([
      { id: 'S1', lon: 120.1, lat: 30.2, status: 'existing', role: 'station' },
      { id: 'S2', lon: 120.3, lat: 30.1, status: 'proposed', role: 'center' },
    ]);
  });

  it('names the path of the first bad value, and refuses newer versions', () => {
    const bad = V1.replace('"locked"', '"open"');
    expect(() => readPlanFile(bad, 'p.json')).toThrow(
      'p.json: plan.sites[2].status: expected one of proposed, existing, locked, excluded, got "open"',
    );
    expect(() => readPlanFile(V1.replace('"lat": 30.05', '"lat": 95'), 'p.json')).toThrow('plan.sites[0].lat');
    expect(() => readPlanFile(V1.replace('"version": 1', '"version": 9'), 'p.json')).toThrow('newer than this app');
    expect(() => readPlanFile('{"format":"other","version":1}', 'p.json')).toThrow(
      'format: expected "ruralreach-plan"',
    );
    expect(() => readPlanFile('{"format":', 'p.json')).toThrow('not valid JSON');
  });

  it('keeps the delivery runs (version 2) and names a bad runs value', () => {
    const base = readPlanFile(V1);
    const runs = {
      params: { vanCapacity: 300, shiftHours: 8 },
      result: { centers: [{ center: 'C1', routes: [{ vehicle: 1, stations: ['S1', 'S2'], km: 12.5 }] }] },
    };
    const back = readPlanFile(writePlanFile({ ...base, runs }));
    expect(back.version).toBe(PLAN_FILE_VERSION);
    expect(back.runs).toEqual(runs);
    expect(readPlanFile(writePlanFile({ ...base, runs: { params: {}, result: null } })).runs?.result).toBeNull();
    const bad = JSON.stringify({ ...JSON.parse(writePlanFile(base)), runs: { params: [1], result: null } });
    expect(() => readPlanFile(bad, 'p.json')).toThrow('p.json: runs.params: expected');
  });

  it('write then read gives the same plan (property)', () => {
    const site = fc.record(
      {
        id: fc.string({ minLength: 1, maxLength: 8 }),
        lon: fc.double({ min: -180, max: 180, noNaN: true }).map((x) => x + 0), // JSON has no -0
        lat: fc.double({ min: -90, max: 90, noNaN: true }).map((x) => x + 0),
        status: fc.constantFrom('existing' as const, 'locked' as const, 'proposed' as const, 'excluded' as const),
        role: fc.constantFrom('station' as const, 'center' as const),
        phase: fc.integer({ min: 1, max: 9 }),
      },
      { requiredKeys: ['id', 'lon', 'lat', 'status', 'role'] },
    );
    const plan = fc.record({
      provinceCode: fc.constantFrom('33', '52', 'all'),
      settings: fc.record({
        radiusKm: fc.double({ min: 0, max: 50, noNaN: true }).map((x) => x + 0),
        model: fc.constantFrom('mclp', 'lscp'),
      }),
      plan: fc.record({ sites: fc.array(site, { maxLength: 20 }), suggestion: fc.constant(null) }),
      scenarios: fc.constant([] as PlanFile['scenarios']),
    });
    fc.assert(
      fc.property(plan, (p) => {
        const back: PlanFile = readPlanFile(writePlanFile(p));
        expect(back).toEqual({ format: 'ruralreach-plan', version: 2, ...p });
      }),
      { numRuns: 100, seed: 6 },
    );
  });
});
