import fc from 'fast-check';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { COUNTY_COLUMNS, planCsvTexts, SITE_COLUMNS, VILLAGE_COLUMNS } from '../../../src/io/export-csv';
import { planGeoJsonTexts } from '../../../src/io/export-geojson';
import { sitesFromGeoJson } from '../../../src/io/import-sites';
import { InputError } from '../../../src/io/problems';
import { fixedPlan, rfc7946Problems } from './export-fixture';

const OUT = 'tests/fixtures/out';

/**
 * Compares with tests/fixtures/out/NAME, or rewrites it when REGEN is set (Turf's convention). A missing golden file
 * fails: writing it here would make the test pass on whatever the code produces.
 */
function expectFixture(name: string, text: string): void {
  const path = `${OUT}/${name}`;
  if (process.env.REGEN) writeFileSync(path, text);
  expect(existsSync(path), `${path} is missing: run REGEN=1 npx vitest run ${__filename} and review it`).toBe(true);
  expect(text).toBe(readFileSync(path, 'utf8'));
}

describe('plan export as GeoJSON', async () => {
  const { tables } = await fixedPlan();
  const texts = planGeoJsonTexts(tables);

  it('writes three valid RFC 7946 layers with the documented properties', () => {
    for (const layer of ['sites', 'villages', 'counties'] as const) {
      expect(rfc7946Problems(JSON.parse(texts[layer])), layer).toEqual([]);
    }
    const sites = JSON.parse(texts.sites) as { features: { properties: object }[] };
    expect(Object.keys(sites.features[0].properties)).toEqual(SITE_COLUMNS.filter((c) => c !== 'lon' && c !== 'lat'));
    const villages = JSON.parse(texts.villages) as { features: { properties: Record<string, unknown> }[] };
    expect(villages.features).toHaveLength(8);
    expect(villages.features[7].properties).toMatchObject({
      countyCode: null,
      covered: true,
      nearestSiteId: '村8',
      nearestKm: 0,
    });
    const counties = JSON.parse(texts.counties) as { features: { properties: Record<string, unknown> }[] };
    expect(counties.features.map((f) => f.properties.code)).toEqual(['330101', '330102']);
  });

  it('counts villages and covered weight per county, and rewinds a clockwise exterior ring', () => {
    const b = tables.counties[1];
    expect(b.villages).toBe(3);
    expect(b.coverage).toBeCloseTo(b.coveredWeight / b.weight, 12);
    expect(tables.villages.filter((v) => v.covered && v.countyCode !== null).length).toBe(
      tables.counties.reduce((s, c) => s + c.coveredVillages, 0),
    );
  });

  it('matches the expected files (REGEN=1 rewrites them)', () => {
    expectFixture('plan-sites.geojson', texts.sites);
    expectFixture('plan-villages.geojson', texts.villages);
    expectFixture('plan-counties.geojson', texts.counties);
  });

  it('sites read back equal the plan (property: any sites, coordinates to 1e-6)', () => {
    const site = fc.record({
      id: fc.string({ minLength: 1, maxLength: 12 }),
      lon: fc.double({ min: -180, max: 180, noNaN: true }),
      lat: fc.double({ min: -90, max: 90, noNaN: true }),
      role: fc.constantFrom('station' as const, 'center' as const),
      status: fc.constantFrom('existing' as const, 'locked' as const, 'proposed' as const),
      phase: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(site, { maxLength: 30 }), (sites) => {
        const rows = sites.map((s) => ({
          ...s,
          lon: Math.round(s.lon * 1e6) / 1e6,
          lat: Math.round(s.lat * 1e6) / 1e6,
          coveredWeight: 1,
          marginalWeight: 0,
        }));
        const back = sitesFromGeoJson(planGeoJsonTexts({ sites: rows, villages: [], counties: [] }).sites);
        expect(back).toHaveLength(sites.length);
        back.forEach((b, k) => {
          expect(b.id).toBe(sites[k].id);
          expect(b.role).toBe(sites[k].role);
          expect(b.status).toBe(sites[k].status);
          expect(b.phase ?? null).toBe(sites[k].phase);
          expect(Math.abs(b.lon - sites[k].lon)).toBeLessThanOrEqual(5e-7 + 1e-12);
          expect(Math.abs(b.lat - sites[k].lat)).toBeLessThanOrEqual(5e-7 + 1e-12);
        });
      }),
      { numRuns: 100, seed: 6 },
    );
  });

  it('refuses a sites file with a bad status, naming the feature', () => {
    const text = texts.sites.replace('"status":"existing"', '"status":"open"');
    expect(() => sitesFromGeoJson(text, 's.geojson')).toThrow(InputError);
    expect(() => sitesFromGeoJson(text, 's.geojson')).toThrow(/s\.geojson: feature 0, field "status"/);
  });
});

describe('plan export as CSV', async () => {
  const { tables } = await fixedPlan();
  const texts = planCsvTexts(tables);

  it('starts with a BOM, has the documented columns, and reads back with Chinese ids', () => {
    for (const [layer, columns] of [
      ['sites', SITE_COLUMNS],
      ['villages', VILLAGE_COLUMNS],
      ['counties', COUNTY_COLUMNS],
    ] as const) {
      const text = texts[layer];
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
      expect(parsed.meta.fields).toEqual([...columns]);
      expect(parsed.data).toHaveLength(tables[layer].length);
    }
    expect(texts.villages).toContain('村8,120.9,30.5,8,true,村8,0,\r\n');
    expect(texts.counties).toContain('330101,甲县,');
    expectFixture('plan-villages.csv', texts.villages);
  });

  it('escapes text a spreadsheet would run as a formula, line breaks included, and never numbers', () => {
    const site = { ...tables.sites[0], id: '=HYPERLINK("x")\n+1', coveredWeight: -2 };
    const text = planCsvTexts({ ...tables, sites: [site] }).sites;
    const row = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data[0];
    expect(row.id).toBe(`'${site.id}`);
    expect(row.coveredWeight).toBe('-2');
  });
});
