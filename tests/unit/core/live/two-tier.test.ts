import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR, readProvinceVillages } from '../../../../src/data/node-files';
import { runPlan } from '../../../../src/core/plan';
import { SITE_ROLE } from '../../../../src/core/plan-types';
import { LiveSession } from '../../../../src/core/live/session';
import { emptySites } from '../../../../src/core/live/sites';
import { centerReachKm, DEFAULT_SETTINGS, planParams, reachOf } from '../../../../src/app/planner/state';

describe('a two-tier suggestion through the coverage session (as the planner runs it)', () => {
  it('gives centers and stations whose live coverage equals the engine, with the center reach in minutes', async () => {
    const features = JSON.parse(readFileSync(join(DEFAULT_DATA_DIR, 'counties-simplified.geojson'), 'utf8')).features;
    const session = new LiveSession();
    session.load(readProvinceVillages('33'), features, 'rural', ['330127', '330122', '330182']);
    const settings = {
      ...DEFAULT_SETTINGS,
      model: 'two-tier' as const,
      stations: 40,
      centers: 2,
      centerReachUnit: 'min' as const,
      centerDurationMin: 45,
    };
    const params = planParams(settings);
    expect(params.centerRadius).toBeCloseTo(centerReachKm(settings), 9);
    const request = session.planRequest(params, emptySites(), settings.candidates);
    const result = await runPlan(request);
    const sites = session.sitesOf(result.solution.selected, result.roles, emptySites());
    const centers = Array.from(sites.role).filter((r) => r === SITE_ROLE.center).length;
    expect(centers).toBe(2);
    expect(sites.count - centers).toBeGreaterThan(0);
    expect(sites.count - centers).toBeLessThanOrEqual(40);
    const live = session.evaluate(sites, reachOf(settings));
    expect(live.centers).toBe(2);
    expect(live.coveredWeight).toBe(result.metrics.coveredWeight);
    expect(live.coveredWeight).toBeGreaterThan(0);
    // A shorter center run serves fewer stations, so live coverage can only drop.
    const short = session.evaluate(sites, reachOf({ ...settings, centerDurationMin: 5 }));
    expect(short.coveredWeight).toBeLessThanOrEqual(live.coveredWeight);
    expect(short.coveringStations).toBeLessThan(live.coveringStations);
  }, 60_000);
});
