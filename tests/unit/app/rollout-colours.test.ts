import { describe, expect, it } from 'vitest';
import { nextSort, nextYear, sortedRows } from '../../../src/app/rollout/state';
import { packRgba } from '../../../src/map/layers/coverage-villages';
import {
  NOT_YET_COVERED,
  rgbaOf,
  villageColoursAt,
  yearScale,
  yearWords,
  YearColourCache,
} from '../../../src/map/layers/rollout-colours';
import { openSites, rolloutSitePoints } from '../../../src/map/layers/rollout-sites';
import { defaultRolloutParams } from '../../../src/core/rollout/defaults';
import type { RolloutCountyRow, RolloutResult } from '../../../src/core/rollout/rollout-types';

describe('colours by year', () => {
  it('gives each year its own colour from the d3 scale, and parses both CSS forms', () => {
    const scale = yearScale(5);
    const colours = [1, 2, 3, 4, 5].map((y) => scale(y));
    expect(new Set(colours).size).toBe(5);
    expect(rgbaOf('#440154')).toEqual([0x44, 0x01, 0x54, 255]);
    expect(rgbaOf('rgb(1, 2, 3)', 9)).toEqual([1, 2, 3, 9]);
    expect(() => rgbaOf('blue')).toThrow(/Expected/);
  });

  it('colours a village by its covering year once that year is reached, else as not yet covered', () => {
    const words = yearWords(3);
    const villageYear = Uint8Array.from([0, 1, 2, 3, 2]);
    const at = (year: number) => Array.from(new Uint32Array(villageColoursAt(villageYear, year, words).buffer));
    const notYet = packRgba(NOT_YET_COVERED);
    expect(at(1)).toEqual([notYet, words[1], notYet, notYet, notYet]);
    expect(at(2)).toEqual([notYet, words[1], words[2], notYet, words[2]]);
    expect(at(3)).toEqual([notYet, words[1], words[2], words[3], words[2]]);
  });

  it('builds each year once', () => {
    const cache = new YearColourCache(Uint8Array.from([1, 2]), 3);
    expect(cache.at(2)).toBe(cache.at(2));
    expect(cache.at(1)).not.toBe(cache.at(2));
  });
});

describe('sites by year', () => {
  it('lays out each role by opening year so that the sites open by year Y are a prefix', () => {
    const year = Uint8Array.from([2, 1, 3, 1, 2, 1]);
    const role = Uint8Array.from([0, 0, 1, 1, 1, 1]);
    const result = {
      params: { ...defaultRolloutParams(), years: 3 },
      sites: {
        count: 6,
        lon: Float64Array.from([0, 1, 2, 3, 4, 5]),
        lat: new Float64Array(6),
        role,
        year,
        county: new Uint16Array(6),
        village: new Uint32Array(6),
        setupYuan: new Float64Array(6),
      },
    } as unknown as RolloutResult;
    const points = rolloutSitePoints(result);
    expect(Array.from(points.centers.positions.filter((_, k) => k % 2 === 0))).toEqual([1, 0]);
    expect(Array.from(points.stations.positions.filter((_, k) => k % 2 === 0))).toEqual([3, 5, 4, 2]);
    expect(openSites(points, 1)).toEqual([1, 2]);
    expect(openSites(points, 2)).toEqual([2, 3]);
    expect(openSites(points, 3)).toEqual([2, 4]);
  });
});

describe('breakdown order and timeline', () => {
  const row = (code: string, name: string, share: number): RolloutCountyRow => ({
    code,
    name,
    provinceCode: code.slice(0, 2),
    score: 0,
    centers: 1,
    stations: 2,
    ruralVillages: 10,
    villagesCovered: share * 10,
    share,
    spendYuan: 5,
    year: 1,
  });
  it('sorts by a column, ties by code, and toggles the direction', () => {
    const rows = [row('33', '浙江省', 0.5), row('32', '江苏省', 0.5), row('11', '北京市', 0.9)];
    expect(sortedRows(rows, { key: 'share', descending: true }).map((r) => r.code)).toEqual(['11', '32', '33']);
    expect(sortedRows(rows, { key: 'share', descending: false }).map((r) => r.code)).toEqual(['32', '33', '11']);
    expect(nextSort({ key: 'share', descending: true }, 'share')).toEqual({ key: 'share', descending: false });
    expect(nextSort({ key: 'share', descending: true }, 'name')).toEqual({ key: 'name', descending: false });
    expect([1, 2, 3].map((y) => nextYear(y, 3))).toEqual([2, 3, 1]);
  });
});
