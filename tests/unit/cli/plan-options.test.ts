import { describe, expect, it } from 'vitest';
import { parsePlanArgs, planHelp, PLAN_OPTIONS } from '../../../src/cli/plan-options';

const base = ['--demand', 'v.csv', '--out', 'p.geojson'];

describe('parsePlanArgs', () => {
  it('builds plan parameters with seed 1 by default', () => {
    const options = parsePlanArgs([...base, '--model', 'mclp', '--p', '5', '--radius', '3', '--exact']);
    expect(options.params).toEqual({ model: 'mclp', p: 5, radius: 3, exact: true, seed: 1 });
    expect(options.demand).toBe('v.csv');
  });

  it('maps two-tier options', () => {
    const argv = [
      ...base,
      '--model',
      'two-tier',
      '--p',
      '9',
      '--radius',
      '3',
      '--centers',
      '2',
      '--center-radius',
      '60',
    ];
    const { params } = parsePlanArgs([...argv, '--seed', '7', '--time-limit', '2.5']);
    expect(params).toEqual({
      model: 'two-tier',
      p: 9,
      radius: 3,
      centers: 2,
      centerRadius: 60,
      seed: 7,
      timeLimitSec: 2.5,
    });
  });

  it('rejects inconsistent command lines with one line each', () => {
    const cases: [string[], string][] = [
      [['--model', 'mclp', '--out', 'x'], 'missing --demand FILE or --province CODE'],
      [
        [...base, '--province', '33', '--model', 'lscp', '--radius', '1'],
        'give either --demand or --province, not both',
      ],
      [['--province', '3', '--model', 'lscp', '--radius', '1', '--out', 'x'], '--province expects a 2-digit'],
      [['--province', '33', '--weight', 'pop', '--model', 'lscp', '--radius', '1', '--out', 'x'], '--weight applies'],
      [[...base], 'missing --model (one of mclp, lscp, pmedian, pcenter, two-tier)'],
      [[...base, '--model', 'maxcov'], '--model must be one of mclp, lscp, pmedian, pcenter, two-tier, got "maxcov"'],
      [['--demand', 'v.csv', '--model', 'pmedian', '--p', '2'], 'missing --out FILE'],
      [[...base, '--model', 'mclp', '--p', '2'], '--model mclp needs --radius'],
      [[...base, '--model', 'lscp', '--radius', '2', '--p', '3'], '--p does not apply to --model lscp'],
      [
        [...base, '--model', 'pmedian', '--p', '2', '--matrix-field', 'distances'],
        '--matrix-field needs --matrix FILE',
      ],
      [[...base, '--model', 'lscp', '--radius', '2', '--target', '1.5'], '--target expects a number in (0, 1]'],
    ];
    for (const [argv, message] of cases) expect(() => parsePlanArgs(argv), argv.join(' ')).toThrow(message);
  });

  it('documents every option in --help', () => {
    const help = planHelp();
    for (const spec of PLAN_OPTIONS) expect(help).toContain(`--${spec.name}`);
    expect(parsePlanArgs(['--help']).help).toBe(true);
  });
});
