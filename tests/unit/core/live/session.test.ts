import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ruralVillagePoints } from '../../../../src/cli/province';
import { DEFAULT_DATA_DIR, readProvinceVillages } from '../../../../src/data/node-files';
import type { VillageTable } from '../../../../src/core/villages';
import { runPlan } from '../../../../src/core/plan';
import { SITE_ROLE } from '../../../../src/core/plan-types';
import { SITE_STATUS } from '../../../../src/core/types';
import type { CountyFeature } from '../../../../src/core/live/counties';
import { DIFFERENCE, VILLAGE_STATE } from '../../../../src/core/live/coverage-api';
import { LiveSession } from '../../../../src/core/live/session';
import { addSite, emptySites, setSitePhase, setSiteStatus, siteTable } from '../../../../src/core/live/sites';

const reach = { radiusKm: 3, centerRadiusKm: 60 };

describe('LiveSession on the embedded villages of Zhejiang', () => {
  let table: VillageTable;
  let features: CountyFeature[];
  beforeAll(() => {
    table = readProvinceVillages('33');
    const geojson = JSON.parse(readFileSync(join(DEFAULT_DATA_DIR, 'counties-simplified.geojson'), 'utf8'));
    features = geojson.features;
  });

  it('loads the rural villages as demand, with one county entry per county code', () => {
    const session = new LiveSession();
    const summary = session.load(table, features, 'rural');
    let rural = 0;
    for (let i = 0; i < table.count; i++) rural += table.rural[i];
    expect(summary.demandCount).toBe(rural);
    expect(summary.villageCount).toBe(table.count);
    expect(summary.counties.map((c) => c.code)).toEqual(table.counties);
    const hangzhou = summary.counties.find((c) => c.code === '330106');
    expect(hangzhou?.name).toBe('西湖区');
    const [w, s, e, n] = hangzhou!.bbox;
    expect(w).toBeGreaterThan(119.9);
    expect(e).toBeLessThan(120.3);
    expect(s).toBeLessThan(n);
  });

  it('restricts demand and candidates to the counties of the area', () => {
    const session = new LiveSession();
    const area = ['330106', '330110'];
    const summary = session.load(table, features, 'rural', area);
    let inArea = 0;
    for (let i = 0; i < table.count; i++) {
      if (table.rural[i] && area.includes(table.counties[table.countyIndex[i]])) inArea++;
    }
    expect(summary.demandCount).toBe(inArea);
    expect(summary.area).toEqual(area);
    expect(inArea).toBeGreaterThan(0);
    const request = session.planRequest({ model: 'mclp', p: 3, radius: 3 }, emptySites(), 'all');
    expect(request.demand.count).toBe(inArea);
    expect(request.candidates.count).toBeGreaterThanOrEqual(inArea);
    const metrics = session.evaluate(emptySites(), reach);
    const counties = summary.counties.map((c) => c.code);
    metrics.countyTotal.forEach((total, c) => expect(total > 0).toBe(area.includes(counties[c])));
    // Codes that are not counties of the province are ignored: the whole province.
    expect(session.load(table, features, 'rural', ['999999']).demandCount).toBe(table.rural.reduce((a, b) => a + b, 0));
  });

  it('builds the same request as the CLI and gives the engine figures for the plan it returns', async () => {
    const session = new LiveSession();
    session.load(table, features, 'rural');
    const request = session.planRequest({ model: 'mclp', p: 60, radius: 3, timeLimitSec: 30 }, emptySites(), 'rural');
    const cli = ruralVillagePoints(['33']);
    expect(Array.from(request.demand.lon)).toEqual(Array.from(cli.lon));
    expect(Array.from(request.demand.lat)).toEqual(Array.from(cli.lat));
    expect(request.candidates.count).toBe(cli.count);
    const result = await runPlan(request, { timeLimitSec: 30 });
    const sites = session.sitesOf(result.solution.selected, result.roles, emptySites());
    expect(sites.count).toBe(60);
    const metrics = session.evaluate(sites, reach);
    expect(metrics.stations).toBe(60);
    expect(metrics.coveredWeight).toBe(result.metrics.coveredWeight);
    expect(metrics.coverage).toBe(result.metrics.coverage);
    expect(metrics.countyCovered.reduce((a, b) => a + b, 0)).toBe(metrics.coveredWeight);
    let covered = 0;
    for (const s of metrics.villageState) if (s === VILLAGE_STATE.covered) covered++;
    expect(covered).toBe(metrics.coveredVillages);
  });

  it('passes hand-marked statuses to the candidates and keeps excluded markers after a plan', () => {
    const session = new LiveSession();
    session.load(table, features, 'rural');
    const first = (() => {
      for (let i = 0; i < table.count; i++) if (table.rural[i]) return i;
      return -1;
    })();
    let sites = addSite(emptySites(), table.positions[2 * first], table.positions[2 * first + 1], SITE_STATUS.locked);
    sites = addSite(sites, 121, 29.5, SITE_STATUS.existing);
    sites = addSite(sites, 120.5, 29.9, SITE_STATUS.excluded);
    sites = addSite(sites, 120.6, 29.9); // proposed by hand: replaced by the next suggestion
    const request = session.planRequest({ model: 'mclp', p: 5, radius: 3 }, sites, 'rural');
    const villages = request.demand.count;
    expect(request.candidates.status[0]).toBe(SITE_STATUS.locked);
    expect(request.candidates.count).toBe(villages + 2);
    expect(Array.from(request.candidates.status.subarray(villages))).toEqual([
      SITE_STATUS.existing,
      SITE_STATUS.excluded,
    ]);
    const planned = session.sitesOf(Uint32Array.of(0, villages), Uint8Array.of(0, 0), sites);
    expect(Array.from(planned.status)).toEqual([SITE_STATUS.locked, SITE_STATUS.existing, SITE_STATUS.excluded]);
    expect(planned.lon[1]).toBe(121);
    // Hand-marked sites keep their id and phase; a suggestion's new sites get fresh ids.
    expect(planned.id).toEqual(['S1', 'S2', 'S3']);
    const phased = setSitePhase(setSitePhase(sites, 1, 3), 2, 1);
    const withNew = session.sitesOf(Uint32Array.of(1, 0, villages), Uint8Array.of(0, 0, 0), phased);
    expect(withNew.id).toEqual(['S4', 'S1', 'S2', 'S3']); // S4, the hand-proposed site, was replaced
    expect(Array.from(withNew.phase)).toEqual([0, 0, 3, 1]);
    expect(() => session.sitesOf(Uint32Array.of(villages + 5), Uint8Array.of(0), sites)).toThrow(/out of range/);
  });

  it('moves a station incrementally to the same figures as a full evaluation', () => {
    const session = new LiveSession();
    session.load(table, features, 'rural');
    const sites = siteTable(
      Float64Array.of(120.1, 120.3),
      Float64Array.of(30.2, 30.1),
      new Uint8Array(2),
      new Uint8Array(2),
    );
    session.evaluate(sites, reach);
    const moved = session.moveSite(1, 120.35, 30.12);
    const fresh = new LiveSession();
    fresh.load(table, features, 'rural');
    const full = fresh.evaluate(
      siteTable(Float64Array.of(120.1, 120.35), Float64Array.of(30.2, 30.12), new Uint8Array(2), new Uint8Array(2)),
      reach,
    );
    expect(moved.coveredWeight).toBe(full.coveredWeight);
    expect(Array.from(moved.countyCovered)).toEqual(Array.from(full.countyCovered));
    expect(moved.coveredWeight).toBeGreaterThan(0);
  });

  it('counts a station only when a center reaches it, once the plan has a center', () => {
    const session = new LiveSession();
    session.load(table, features, 'rural');
    let sites = siteTable(Float64Array.of(120.1), Float64Array.of(30.2), new Uint8Array(1), new Uint8Array(1));
    const alone = session.evaluate(sites, reach);
    sites = addSite(sites, 121.5, 28.5, SITE_STATUS.proposed, SITE_ROLE.center); // ~200 km away
    const far = session.evaluate(sites, reach);
    expect(far.coveredWeight).toBe(0);
    expect(far.centers).toBe(1);
    expect(far.coveringStations).toBe(0);
    const near = session.moveSite(1, 120.2, 30.25);
    expect(near.coveredWeight).toBe(alone.coveredWeight);
    const stationOut = session.moveSite(0, 122.9, 30.7); // out of the center's 60 km
    expect(stationOut.coveringStations).toBe(0);
  });

  it('compares two plans: villages gained and lost', () => {
    const session = new LiveSession();
    session.load(table, features, 'rural');
    const a = siteTable(Float64Array.of(120.1), Float64Array.of(30.2), new Uint8Array(1), new Uint8Array(1));
    const b = setSiteStatus(addSite(a, 120.6, 29.6), 0, SITE_STATUS.excluded);
    const current = session.evaluate(a, reach);
    const result = session.compare(a, reach, b, reach);
    const count = (code: number) => result.difference.filter((d) => d === code).length;
    expect(result.gained).toBe(count(DIFFERENCE.gained));
    expect(result.lost).toBe(count(DIFFERENCE.lost));
    expect(result.b.coveredWeight - result.a.coveredWeight).toBe(result.gained - result.lost);
    expect(result.lost).toBe(current.coveredWeight);
    // The current sites are kept: a move still applies to plan a.
    expect(session.moveSite(0, 120.1, 30.2).coveredWeight).toBe(current.coveredWeight);
  });
});
