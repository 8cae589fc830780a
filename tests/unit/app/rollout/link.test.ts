import { describe, expect, it } from 'vitest';
import {
  decodeRolloutParams,
  encodeRolloutParams,
  governmentLink,
  isGovernmentView,
  readGovernmentLink,
} from '../../../../src/app/rollout/link';
import { defaultRolloutParams } from '../../../../src/core/rollout/defaults';
import type { RolloutParams } from '../../../../src/core/rollout/rollout-types';

const custom = (): RolloutParams => ({
  ...defaultRolloutParams(),
  centers: 200,
  stations: 20_000,
  years: 3,
  budgetYuan: 2.5e9,
  costs: { ...defaultRolloutParams().costs, stationSetupYuan: 45_000, provinceFactor: { '54': 1.8, '63': 1.5 } },
  provinceOrder: ['33', '32'],
  countyScore: 'uncovered-share',
  yearCaps: { stations: [5000, 8000, 7000], spendYuan: [1e9] },
});

describe('rollout parameters in a link', () => {
  it('round-trips the defaults as the empty object', () => {
    const text = encodeRolloutParams(defaultRolloutParams());
    expect(text).toBe('e30');
    expect(decodeRolloutParams(text)).toEqual({ params: defaultRolloutParams(), problems: [] });
  });

  it('round-trips custom parameters, URL-safe and compact', () => {
    const text = encodeRolloutParams(custom());
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(text.length).toBeLessThan(400);
    expect(decodeRolloutParams(text)).toEqual({ params: custom(), problems: [] });
  });

  it('keeps years without a cap as missing entries', () => {
    const params = { ...defaultRolloutParams(), yearCaps: { centers: [] as number[] } };
    params.yearCaps.centers[2] = 300;
    const back = decodeRolloutParams(encodeRolloutParams(params)).params;
    expect(back.yearCaps?.centers?.length).toBe(3);
    expect(0 in back.yearCaps!.centers!).toBe(false);
    expect(back.yearCaps?.centers?.[2]).toBe(300);
  });

  it.each([
    ['not base64', '%%%'],
    ['not JSON', 'bm90IGpzb24'],
    ['an array', 'WzFd'],
    ['a wrong type', encodeURIComponent(btoa(JSON.stringify({ centers: 'many' })))],
    ['an unknown field', btoa(JSON.stringify({ colour: 1 })).replace(/=+$/, '')],
    ['an invalid value', btoa(JSON.stringify({ years: 9 })).replace(/=+$/, '')],
    ['a bad cost', btoa(JSON.stringify({ costs: { provinceFactor: { '54': 'x' } } })).replace(/=+$/, '')],
  ])('falls back to the defaults with a message for %s', (_, text) => {
    const { params, problems } = decodeRolloutParams(text);
    expect(params).toEqual(defaultRolloutParams());
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => typeof p === 'string' && p.length > 0)).toBe(true);
  });

  it('makes and reads a government link', () => {
    const link = governmentLink('http://localhost:4173/app/?lang=en&province=33#x', '330127', custom());
    const url = new URL(link);
    expect(url.pathname).toBe('/app/');
    expect(url.hash).toBe('');
    expect(isGovernmentView(url.search)).toBe(true);
    expect(readGovernmentLink(url.search)).toEqual({ area: '330127', params: custom(), problems: [] });
  });

  it('reports a malformed area and missing parameters without throwing', () => {
    const read = readGovernmentLink('?view=government&area=3');
    expect(read.area).toBeNull();
    expect(read.params).toEqual(defaultRolloutParams());
    expect(read.problems).toHaveLength(1);
    expect(isGovernmentView('?view=planner')).toBe(false);
  });
});
