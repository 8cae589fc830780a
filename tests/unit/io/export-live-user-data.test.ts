import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportTexts, liveExportTables } from '../../../src/io/export-live';
import { groupByCounty, mergeUserVillages } from '../../../src/core/live/user-villages';
import { LiveSession } from '../../../src/core/live/session';
import { addSite, emptySites } from '../../../src/core/live/sites';
import type { VillageTable } from '../../../src/core/villages';
import type { CountyFeature } from '../../../src/io/county-assign';

/** Two counties side by side (A: lon 120-120.2, B: 120.2-120.4), three embedded rural villages in each. */
function table(): VillageTable {
  const at: [number, number, number][] = [
    [120.05, 30.05, 0],
    [120.1, 30.1, 0],
    [120.15, 30.15, 0],
    [120.25, 30.05, 1],
    [120.3, 30.1, 1],
    [120.35, 30.15, 1],
  ];
  return {
    provinceCode: '99',
    count: at.length,
    positions: Float32Array.from(at.flatMap(([lon, lat]) => [lon, lat])),
    rural: new Uint8Array(at.length).fill(1),
    countyBoundary: new Uint8Array(at.length).fill(1),
    countyIndex: Uint16Array.from(at, (v) => v[2]),
    counties: ['990101', '990102'],
    townshipIndex: Uint16Array.from(at, (v) => v[2]),
    townships: ['990101001', '990102001'],
    codeSuffix: Uint16Array.from(at, (_, i) => i + 1),
  };
}

const box = (code: string, west: number): CountyFeature => ({
  type: 'Feature',
  properties: { code, name: code },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [west, 30],
        [west + 0.2, 30],
        [west + 0.2, 30.2],
        [west, 30.2],
        [west, 30],
      ],
    ],
  },
});

describe('exports of a plan on imported villages', () => {
  it('list each imported village with its file id and each embedded village with its 12-digit code', () => {
    // Four user villages in county B (file order), ids as chosen at import.
    const ids = ['村-甲', 'v 2', '0003', 'x"y,z'];
    const lon = Float64Array.of(120.22, 120.28, 120.33, 120.38);
    const lat = Float64Array.of(30.02, 30.08, 30.12, 30.18);
    const byCounty = groupByCounty(Int32Array.of(0, 0, 0, 0), ['990102']);
    const merged = mergeUserVillages(table(), { lon, lat, weight: Float64Array.of(1, 2, 3, 4), ids, byCounty });
    const session = new LiveSession();
    session.load(merged.table, [], 'rural', [], undefined, merged.weight, { index: merged.userIndex, count: 4, ids });
    session.evaluate(addSite(emptySites(), 120.3, 30.1), { radiusKm: 5, centerRadiusKm: 60 });
    const tables = liveExportTables(session.exportState(), [box('990101', 120), box('990102', 120.2)]);
    const rows = Papa.parse<Record<string, string>>(exportTexts(tables, 'csv').villages.slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows).toHaveLength(7);
    const byId = new Map(rows.map((r) => [r.id, r]));
    // Embedded villages of county A keep their NBS codes; county B's are the user's, with their ids and weights.
    expect(rows.slice(0, 3).map((r) => r.id)).toEqual(['990101001001', '990101001002', '990101001003']);
    for (const [k, id] of ids.entries()) {
      const row = byId.get(id);
      expect(row, id).toBeDefined();
      expect(Number(row!.weight)).toBe(k + 1);
      expect(row!.countyCode).toBe('990102');
    }
    expect(rows.some((r) => /^9901020/.test(r.id))).toBe(false);
    const geojson = JSON.parse(exportTexts(tables, 'geojson').villages) as {
      features: { properties: { id: string } }[];
    };
    expect(
      geojson.features
        .map((f) => f.properties.id)
        .slice(3)
        .sort(),
    ).toEqual([...ids].sort());
  });
});
