import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { RolloutCountyRow } from '../../../src/core/rollout/rollout-types';
import { BREAKDOWN_COLUMNS, breakdownCsv } from '../../../src/io/rollout-csv';
import { formatCaps, parseCaps, parseCodes, parseFactors } from '../../../src/ui/rollout-format';
import { problemsOf } from '../../../src/ui/rollout-inputs';

const row: RolloutCountyRow = {
  code: '330127',
  name: '淳安县, "千岛湖"',
  provinceCode: '33',
  score: 12.5,
  centers: 1,
  stations: 40,
  ruralVillages: 400,
  villagesCovered: 123,
  share: 123 / 400,
  spendYuan: 3_456_789.4,
  year: 2,
};

describe('breakdown CSV', () => {
  it('writes a BOM, the stable header and one row per breakdown row, read back by a CSV parser', () => {
    const csv = breakdownCsv([row, { ...row, code: '330000', name: '=cmd()' }]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('\r\n');
    const parsed = Papa.parse<string[]>(csv.slice(1).trim(), { newline: '\r\n' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual([...BREAKDOWN_COLUMNS]);
    expect(parsed.data[1]).toEqual([
      '330127',
      '淳安县, "千岛湖"',
      '33',
      '12.5',
      '1',
      '40',
      '400',
      '123',
      '0.3075',
      '3456789',
      '2',
    ]);
    // A name that looks like a formula is defused for spreadsheets.
    expect(parsed.data[2][1]).toBe("'=cmd()");
  });
});

describe('rollout field text', () => {
  it('parses factors, codes and caps, and rejects what is not', () => {
    expect(parseFactors('54=1.8, 63: 1.5；65=2')).toEqual({ '54': 1.8, '63': 1.5, '65': 2 });
    expect(parseFactors('')).toEqual({});
    expect(() => parseFactors('54=x')).toThrow(/54=x/);
    expect(parseCodes('33, 32 35，36')).toEqual(['33', '32', '35', '36']);
    const caps = parseCaps('200, , 300')!;
    expect(caps.length).toBe(3);
    expect(1 in caps).toBe(false);
    expect(formatCaps(caps)).toBe('200, , 300');
    expect(parseCaps('  ')).toBeUndefined();
    expect(() => parseCaps('1, two')).toThrow(/two/);
  });

  it('puts a check message next to the field it names, not next to a field with a longer name', () => {
    const problems = [
      'centers must be an integer >= 0, got -1',
      'centerRadiusKm must be a finite number >= 0',
      'costs.provinceFactor["5"] bad',
      'yearCaps.stations[1] (year 2) bad',
    ];
    expect(problemsOf(problems, 'centers')).toEqual([problems[0]]);
    expect(problemsOf(problems, 'centerRadiusKm')).toEqual([problems[1]]);
    expect(problemsOf(problems, 'costs.provinceFactor')).toEqual([problems[2]]);
    expect(problemsOf(problems, 'yearCaps.stations')).toEqual([problems[3]]);
  });
});
