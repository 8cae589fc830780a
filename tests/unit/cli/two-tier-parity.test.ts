import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruralVillages } from '../../../src/cli/province';
import { LiveSession } from '../../../src/core/live/session';
import { emptySites } from '../../../src/core/live/sites';
import { DEFAULT_DATA_DIR, readProvinceVillages } from '../../../src/data/node-files';

describe('two-tier inputs: the CLI (--province) and the app build the same request', () => {
  it('same demand points, candidates and county-center candidates for Zhejiang', () => {
    const cli = ruralVillages(['33']);
    const features = JSON.parse(readFileSync(`${DEFAULT_DATA_DIR}/counties-simplified.geojson`, 'utf8')).features;
    const session = new LiveSession();
    session.load(readProvinceVillages('33'), features, 'rural');
    const request = session.planRequest(
      { model: 'two-tier', p: 10, radius: 3, centers: 2, centerRadius: 60 },
      emptySites(),
      'rural',
    );
    expect(request.demand.count).toBe(cli.points.count);
    expect([...request.candidates.lon]).toEqual([...cli.points.lon]);
    expect([...request.candidates.lat]).toEqual([...cli.points.lat]);
    expect(request.centerCandidates).toBeDefined();
    expect([...request.centerCandidates!]).toEqual([...cli.countySeats]);
    expect(cli.countySeats.length).toBeGreaterThan(80);
  });
});
