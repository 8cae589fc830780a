import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePointsCsv } from '../../../src/io/csv';
import { parsePointsGeoJson } from '../../../src/io/geojson';
import { applySiteStatus } from '../../../src/io/sites';
import { formatProblem } from '../../../src/io/problems';
import { SITE_STATUS } from '../../../src/core/types';

const fixture = (name: string): string => readFileSync(`tests/fixtures/plan/${name}`, 'utf8');

describe('applySiteStatus', () => {
  const sites = parsePointsCsv(fixture('sites.csv')).value;
  const existing = parsePointsCsv(fixture('existing.csv'), { file: 'existing.csv' }).value;

  it('matches by id, then by position within 1 m, then appends', () => {
    const result = applySiteStatus(sites, existing, 'existing', { file: 'existing.csv', allowNew: true });
    expect(result.matched).toBe(2);
    expect(result.added).toBe(1);
    expect(result.candidates.count).toBe(13);
    expect(result.candidates.ids[12]).toBe('NEW');
    expect(result.candidates.status[0]).toBe(SITE_STATUS.existing); // S01 by id (its file position is 0,0)
    expect(result.candidates.status[1]).toBe(SITE_STATUS.existing); // S02 by position
    expect(result.candidates.status[12]).toBe(SITE_STATUS.existing);
    expect(Array.from(result.candidates.status.slice(2, 12))).toEqual(new Array(10).fill(SITE_STATUS.proposed));
  });

  it('keeps an open site open when a later list excludes it, and reports it', () => {
    const first = applySiteStatus(sites, existing, 'existing', { file: 'existing.csv', allowNew: true });
    const excluded = parsePointsGeoJson(fixture('excluded.geojson')).value;
    const second = applySiteStatus(first.candidates, excluded, 'excluded', {
      file: 'excluded.geojson',
      allowNew: true,
    });
    expect(second.candidates.status[0]).toBe(SITE_STATUS.existing);
    expect(second.problems.map(formatProblem)).toEqual([
      'excluded.geojson site 0: candidate "S01" is already existing; it stays open',
    ]);
  });

  it('refuses new candidates when not allowed', () => {
    const result = applySiteStatus(sites, existing, 'excluded', { file: 'existing.csv', allowNew: false });
    expect(result.candidates.count).toBe(12);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0].location).toBe('site NEW');
    expect(result.candidates.status[0]).toBe(SITE_STATUS.excluded);
  });

  it('does not match a point 2 m away', () => {
    const near = parsePointsCsv(`lon,lat\n${sites.lon[3] + 0.00002},${sites.lat[3]}\n`).value;
    const result = applySiteStatus(sites, near, 'excluded', { file: 'n.csv', allowNew: true });
    expect(result.added).toBe(1);
    expect(result.candidates.status[3]).toBe(SITE_STATUS.proposed);
  });
});
