import { describe, expect, it } from 'vitest';
import { checkSavedUserData } from '../../../../src/app/user-data/idb';
import { withUserPoints } from '../../../../src/app/user-data/points';
import type { ProvinceSummary } from '../../../../src/core/live/coverage-api';
import type { VillagePoints } from '../../../../src/map/layers/villages';
import { VILLAGE_COLOURS } from '../../../../src/map/village-colours';

const villages = (n: number) => ({
  file: 'v.csv',
  format: 'csv' as const,
  crs: 'gcj02' as const,
  count: n,
  recordCount: n,
  lon: new Float64Array(n),
  lat: new Float64Array(n),
  weight: new Float64Array(n).fill(1),
});

describe('checkSavedUserData', () => {
  it('keeps well-formed villages, candidates and matrix', () => {
    const matrix = { file: 't.json', rows: 1, cols: 2, values: Float64Array.of(1, 2), field: 'durations', unit: 's' };
    const candidates = {
      file: 's.csv',
      crs: 'wgs84',
      count: 2,
      lon: new Float64Array(2),
      lat: new Float64Array(2),
      ids: 'a\u001fb',
    };
    const saved = checkSavedUserData({ villages: { ...villages(3), ids: 'x\u001fy\u001fz' }, candidates, matrix });
    expect(saved?.villages?.count).toBe(3);
    expect(saved?.villages?.ids).toBe('x\u001fy\u001fz');
    expect(saved?.candidates).toEqual(candidates);
    expect(saved?.matrix?.cols).toBe(2);
  });

  it('drops parts whose arrays do not match their counts, and ignores non-objects', () => {
    const bad = { ...villages(3), lat: new Float64Array(2) };
    const matrix = { file: 't.json', rows: 2, cols: 2, values: new Float64Array(3) };
    // Candidates saved before their positions were kept ({file, count}) are dropped too.
    expect(checkSavedUserData({ villages: bad, candidates: { file: 's.csv', count: 2 }, matrix })).toEqual({
      villages: null,
      candidates: null,
      matrix: null,
    });
    expect(checkSavedUserData('text')).toBeUndefined();
    expect(checkSavedUserData(null)).toBeUndefined();
  });
});

describe('withUserPoints', () => {
  const embedded = (code: string, n: number): VillagePoints => ({
    provinceCode: code,
    count: n,
    positions: new Float32Array(2 * n),
    colours: new Uint8Array(4 * n),
  });

  it('draws the worker points in place of the embedded file they replace, coloured by rural flag', () => {
    const provinces = [embedded('33', 5), embedded('34', 4)];
    const positions = Float32Array.of(120, 30, 121, 31);
    const summary = {
      userVillages: {
        count: 2,
        counties: ['330106'],
        points: [{ provinceCode: '33', positions, rural: Uint8Array.of(1, 0) }],
      },
    } as unknown as ProvinceSummary;
    const shown = withUserPoints(provinces, summary);
    expect(shown[1]).toBe(provinces[1]);
    expect(shown[0].count).toBe(2);
    expect(shown[0].positions).toBe(positions);
    expect(Array.from(shown[0].colours.subarray(0, 4))).toEqual([...VILLAGE_COLOURS.rural]);
    expect(Array.from(shown[0].colours.subarray(4, 8))).toEqual([...VILLAGE_COLOURS.urban]);
    // The same answer gives the same points object (deck.gl keeps its buffers).
    expect(withUserPoints(provinces, summary)[0]).toBe(shown[0]);
  });

  it('leaves the embedded points while the worker loads or without user villages', () => {
    const provinces = [embedded('33', 5)];
    expect(withUserPoints(provinces, null)).toBe(provinces);
    expect(withUserPoints(provinces, {} as ProvinceSummary)).toBe(provinces);
  });
});
