import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assemblePlanInputs, type NamedText } from '../../../src/io/plan-inputs';
import { formatProblem } from '../../../src/io/problems';
import { SITE_STATUS } from '../../../src/core/types';

const named = (file: string): NamedText => ({ file, text: readFileSync(`tests/fixtures/plan/${file}`, 'utf8') });

describe('assemblePlanInputs', () => {
  it('uses the demand points as candidates by default', () => {
    const inputs = assemblePlanInputs({ demand: named('villages.csv'), weightField: 'pop' });
    expect(inputs.candidates.count).toBe(40);
    expect(inputs.candidateIds).toEqual(inputs.demandIds);
    expect(inputs.candidates.lon).toEqual(inputs.demand.lon);
    expect(Array.from(new Set(inputs.candidates.status))).toEqual([SITE_STATUS.proposed]);
    expect(inputs.demand.weight[0]).toBe(489);
    expect(inputs.matrix).toBeUndefined();
  });

  it('applies existing then excluded lists, with notes and problems', () => {
    const inputs = assemblePlanInputs({
      demand: named('villages.csv'),
      candidates: named('sites.csv'),
      existing: named('existing.csv'),
      excluded: named('excluded.geojson'),
    });
    expect(inputs.candidates.count).toBe(13);
    expect(inputs.notes).toEqual([
      'existing.csv: 3 sites marked existing, 2 matched to candidates, 1 added',
      'excluded.geojson: 1 sites marked excluded, 1 matched to candidates, 0 added',
    ]);
    expect(inputs.problems.map(formatProblem)).toEqual([
      'excluded.geojson site 0: candidate "S01" is already existing; it stays open',
    ]);
  });

  it('reads the matrix and drops the rows of skipped demand records', () => {
    const text = readFileSync('tests/fixtures/plan/villages.csv', 'utf8').replace('V03,', 'V03,x');
    const full = assemblePlanInputs({
      demand: named('villages.csv'),
      candidates: named('sites.csv'),
      matrix: named('table.json'),
    });
    const cut = assemblePlanInputs({
      demand: { file: 'v.csv', text },
      candidates: named('sites.csv'),
      matrix: named('table.json'),
    });
    expect(full.matrix?.rows).toBe(40);
    expect(full.matrixUnit).toBe('s');
    expect(cut.problems).toHaveLength(1);
    expect(cut.demand.count).toBe(39);
    expect(cut.matrix?.rows).toBe(39);
    const cols = 12;
    // demand V04 is row 3 of the full matrix and row 2 of the cut one
    expect(cut.matrix?.values.slice(2 * cols, 3 * cols)).toEqual(full.matrix?.values.slice(3 * cols, 4 * cols));
  });

  it('refuses new candidates from a site list when there is a matrix', () => {
    const inputs = assemblePlanInputs({
      demand: named('villages.csv'),
      candidates: named('sites.csv'),
      existing: named('existing.csv'),
      matrix: { ...named('table.json'), field: 'distances' },
    });
    expect(inputs.candidates.count).toBe(12);
    expect(inputs.matrixUnit).toBe('m');
    expect(inputs.problems.map((p) => p.location)).toEqual(['site NEW']);
  });

  it('checks matrix dimensions against the files', () => {
    expect(() =>
      assemblePlanInputs({
        demand: named('villages.csv'),
        candidates: named('sites.csv'),
        matrix: named('table-cols.json'),
      }),
    ).toThrow('table-cols.json: "durations" has 11 columns; expected 12 (one per candidate site)');
    expect(() => assemblePlanInputs({ demand: named('villages.csv'), matrix: named('table.json') })).toThrow(
      'table.json: "durations" has 12 columns; expected 40 (one per candidate site)',
    );
  });
});
