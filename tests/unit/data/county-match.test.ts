import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { nameStem, suffixChange } from '../../../data/county-match';
import type { Manifest } from '../../../src/data/manifest';
import { readManifest } from '../../../src/data/node-files';
import { DATA_DIR, registryRows, requireDataset } from './dataset';

interface MatchRow {
  code: string;
  name: string;
  polygons: string;
  polygonIds: string;
  kind: string;
  reason: string;
}

describe('county-match.csv', () => {
  let rows: MatchRow[];
  let manifest: Manifest;
  beforeAll(() => {
    requireDataset();
    manifest = readManifest();
    const text = readFileSync(join(DATA_DIR, 'county-match.csv'), 'utf8');
    rows = Papa.parse<MatchRow>(text, { header: true, skipEmptyLines: true }).data;
  });

  it('has exactly one row per registry county, with its registry name', () => {
    const counties = registryRows('areas.csv');
    const registryRowsOnly = rows.filter((r) => r.code !== '');
    expect(registryRowsOnly).toHaveLength(counties.length);
    const byCode = new Map(registryRowsOnly.map((r) => [r.code, r]));
    expect(byCode.size).toBe(counties.length);
    for (const c of counties) expect(byCode.get(c.code)?.name).toBe(c.name);
  });

  it('gives a known kind to every row, a reason to every non-exact one, polygons to every matched one', () => {
    for (const r of rows) {
      expect(['exact', 'suffix', 'renamed', 'merged', 'none']).toContain(r.kind);
      if (r.kind !== 'exact') expect(r.reason.trim().length, `${r.code} ${r.name}`).toBeGreaterThan(5);
      if (r.kind === 'none') expect(r.code === '' || r.polygons === '').toBe(true);
      else expect(r.polygons.length).toBeGreaterThan(0);
      if (r.kind === 'exact') expect(r.polygons).toBe(r.name);
      if (r.kind === 'merged') expect(r.polygons.split(';').length).toBeGreaterThan(1);
    }
  });

  it('agrees with the summary in the manifest and with counties.geojson', () => {
    const count = (kind: string) => rows.filter((r) => r.code !== '' && r.kind === kind).length;
    const summary = manifest.match;
    expect(summary).toEqual({
      exact: count('exact'),
      suffix: count('suffix'),
      renamed: count('renamed'),
      merged: count('merged'),
      none: count('none'),
      unmatchedPolygons: rows.filter((r) => r.code === '').length,
    });
    expect(summary.exact + summary.suffix + summary.renamed + summary.merged + summary.none).toBe(2978);
    expect(manifest.counts.countiesWithBoundary).toBe(2978 - summary.none);
    const counties = JSON.parse(readFileSync(join(DATA_DIR, 'counties.geojson'), 'utf8')) as {
      features: { properties: { code: string } }[];
    };
    const withPolygon = new Set(rows.filter((r) => r.code !== '' && r.kind !== 'none').map((r) => r.code));
    expect(new Set(counties.features.map((f) => f.properties.code))).toEqual(withPolygon);
    // Most counties keep their name; the hand-made list stays small.
    expect(summary.exact).toBeGreaterThan(2700);
    expect(summary.renamed + summary.merged).toBeLessThan(50);
  });

  it('uses every source polygon at most once', () => {
    const ids = rows.flatMap((r) =>
      r.polygons.split(';').map((name, k) => `${name}@${r.polygonIds.split(';')[k]}@${r.code.slice(0, 4)}`),
    );
    const seen = new Set<string>();
    for (const id of ids.filter((x) => !x.startsWith('@'))) {
      expect(seen.has(id), id).toBe(false);
      seen.add(id);
    }
  });
});

describe('suffix rules', () => {
  it('strips one administrative suffix', () => {
    expect(nameStem('临安市')).toBe('临安');
    expect(nameStem('孟村回族自治县')).toBe('孟村回族');
    expect(nameStem('神农架林区')).toBe('神农架');
    expect(nameStem('城区')).toBe('城');
    expect(nameStem('县')).toBe('县');
  });

  it('recognises suffix changes and nothing else', () => {
    expect(suffixChange('临安区', '临安市')).toBe('suffix 市→区');
    expect(suffixChange('沙县区', '沙县')).toContain('suffix added');
    expect(suffixChange('滦州市', '滦县')).toContain('州');
    expect(suffixChange('临安区', '临安区')).toBeNull();
    expect(suffixChange('莱芜区', '莱城区')).toBeNull();
    expect(suffixChange('龙港市', '苍南县')).toBeNull();
    expect(suffixChange('潞州区', '潞城市')).toBeNull();
  });
});
