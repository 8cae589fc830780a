import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportTexts, liveExportTables } from '../../../src/io/export-live';
import type { Reach } from '../../../src/core/live/coverage-api';
import { LiveSession } from '../../../src/core/live/session';
import { addSite, emptySites, setSitePhase, type SiteTable } from '../../../src/core/live/sites';
import { SITE_ROLE } from '../../../src/core/plan-types';
import { SITE_STATUS } from '../../../src/core/types';
import type { VillageTable } from '../../../src/core/villages';
import type { CountyFeature } from '../../../src/io/county-assign';

/** Two counties side by side (A: lon 120-120.2, B: 120.2-120.4), 7 villages of which one is urban (in B). */
const villages: [number, number, number, number][] = [
  // lon, lat, county index, rural
  [120.05, 30.05, 0, 1],
  [120.06, 30.05, 0, 1],
  [120.15, 30.15, 0, 1],
  [120.19, 30.19, 0, 1],
  [120.25, 30.05, 1, 1],
  [120.35, 30.15, 1, 1],
  [120.3, 30.1, 1, 0],
];

function table(): VillageTable {
  return {
    provinceCode: '99',
    count: villages.length,
    positions: Float32Array.from(villages.flatMap(([lon, lat]) => [lon, lat])),
    rural: Uint8Array.from(villages, (v) => v[3]),
    countyBoundary: new Uint8Array(villages.length).fill(1),
    countyIndex: Uint16Array.from(villages, (v) => v[2]),
    counties: ['990101', '990102'],
    townshipIndex: Uint16Array.from(villages, (v) => v[2]),
    townships: ['990101001', '990102001'],
    codeSuffix: Uint16Array.from(villages, (_, i) => i + 1),
  };
}

/** A county box, wound clockwise on purpose (the writer winds it counterclockwise). */
const box = (code: string, name: string, west: number): CountyFeature => ({
  type: 'Feature',
  properties: { code, name },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [west, 30],
        [west, 30.2],
        [west + 0.2, 30.2],
        [west + 0.2, 30],
        [west, 30],
      ],
    ],
  },
});
const counties = [box('990101', '甲县', 120), box('990102', '乙县 "B"', 120.2), box('990199', 'none', 121)];

/** S1 station (phase 2) near villages 0 and 1, S2 existing station in county B, S3 center, S4 excluded. */
function sites(): SiteTable {
  const at = (i: number) => [Math.fround(villages[i][0]), Math.fround(villages[i][1])] as const;
  let s = addSite(emptySites(), ...at(0));
  s = setSitePhase(s, 0, 2);
  s = addSite(s, ...at(5), SITE_STATUS.existing);
  s = addSite(s, 120.15, 30.15, SITE_STATUS.locked, SITE_ROLE.center, '990101001003');
  return addSite(s, ...at(2), SITE_STATUS.excluded);
}

function exported(plan: SiteTable, reach: Reach) {
  const session = new LiveSession();
  session.load(table(), counties, 'rural');
  const metrics = session.evaluate(plan, reach);
  return { metrics, tables: liveExportTables(session.exportState(), counties) };
}

describe('liveExportTables', () => {
  it('flags covered villages exactly as the live session counts them in a two-tier plan', () => {
    // Center reach 15 km: S1 (14.7 km from the center) is served, S2 (19.3 km) is not; the center covers nothing.
    const { metrics, tables } = exported(sites(), { radiusKm: 3, centerRadiusKm: 15 });
    const covered = tables.villages.filter((v) => v.covered).map((v) => v.id);
    expect(covered).toEqual(['990101001001', '990101001002']);
    expect(covered.length).toBe(metrics.coveredVillages);
    expect(tables.villages.map((v) => v.id)).toHaveLength(metrics.demandVillages);
    expect(tables.villages.every((v) => v.nearestSiteId === 'S1')).toBe(true);
    expect(tables.sites.map((s) => [s.id, s.role, s.status, s.phase, s.coveredWeight, s.marginalWeight])).toEqual([
      ['S1', 'station', 'proposed', 2, 2, 2],
      ['S2', 'station', 'existing', null, 0, 0],
      ['990101001003', 'center', 'locked', null, 0, 0],
    ]);
  });

  it('lets every open station cover without centers; county rows equal the live per-county figures', () => {
    const plan = sites();
    const single = { ...plan, role: new Uint8Array(plan.count) }; // the center becomes a station
    const { metrics, tables } = exported(single, { radiusKm: 3, centerRadiusKm: 15 });
    expect(tables.villages.filter((v) => v.covered)).toHaveLength(metrics.coveredVillages);
    expect(metrics.coveredVillages).toBe(4); // S1: 2 villages, S3 on village 2, S2 on village 5
    expect(tables.counties.map((c) => [c.code, c.name, c.villages, c.coveredVillages, c.coverage])).toEqual([
      ['990101', '甲县', 4, 3, 0.75],
      ['990102', '乙县 "B"', 2, 1, 0.5],
    ]);
    expect(tables.counties.map((c) => c.coveredWeight)).toEqual(Array.from(metrics.countyCovered));
    expect(tables.counties.map((c) => c.weight)).toEqual(Array.from(metrics.countyTotal));
  });

  it('writes GeoJSON with right-hand polygons and CSV with a BOM from the same tables', () => {
    const { tables } = exported(sites(), { radiusKm: 3, centerRadiusKm: 15 });
    const geojson = exportTexts(tables, 'geojson');
    const sitesLayer = JSON.parse(geojson.sites);
    expect(sitesLayer.type).toBe('FeatureCollection');
    expect(sitesLayer.features.map((f: { properties: { id: string } }) => f.properties.id)).toEqual([
      'S1',
      'S2',
      '990101001003',
    ]);
    const ring: number[][] = JSON.parse(geojson.counties).features[0].geometry.coordinates[0];
    let area2 = 0;
    for (let k = 0; k < ring.length - 1; k++) area2 += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1];
    expect(area2).toBeGreaterThan(0);
    expect(JSON.parse(geojson.villages).features).toHaveLength(6);
    const csv = exportTexts(tables, 'csv');
    expect(csv.villages.startsWith('\ufeffid,lon,lat,weight,covered')).toBe(true);
    const rows = Papa.parse<string[]>(csv.counties.slice(1).trim()).data;
    expect(rows[2]).toEqual(['990102', '乙县 "B"', '2', '0', '2', '0', '0']);
  });
});
