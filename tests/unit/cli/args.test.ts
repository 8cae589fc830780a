import { describe, expect, it } from 'vitest';
import { formatOptions, parseArgs, type OptionSpec } from '../../../src/cli/args';

const specs: OptionSpec[] = [
  { name: 'p', kind: 'int', value: 'N', min: 1, help: 'sites' },
  { name: 'share', kind: 'number', min: 0, minExclusive: true, max: 1, help: 'share' },
  { name: 'model', kind: 'choice', choices: ['a', 'b'], help: 'model' },
  { name: 'out', kind: 'file', value: 'FILE', help: 'output\nsecond line' },
  { name: 'exact', kind: 'flag', help: 'flag' },
];

describe('parseArgs', () => {
  it('parses values, = forms and flags', () => {
    const args = parseArgs(['--p', '3', '--share=0.5', '--model', 'b', '--exact', '--out', 'x.json'], specs);
    expect(Object.fromEntries(args)).toEqual({ p: 3, share: 0.5, model: 'b', exact: true, out: 'x.json' });
  });

  it('says what is wrong in one line', () => {
    const cases: [string[], string][] = [
      [['--q', '1'], 'unknown option --q (see --help)'],
      [['file.csv'], 'unexpected argument "file.csv"; options start with -- (see --help)'],
      [['--p'], '--p needs a value (an integer >= 1)'],
      [['--p', '--exact'], '--p needs a value (an integer >= 1)'],
      [['--p', '2.5'], '--p expects an integer >= 1, got "2.5"'],
      [['--p', '0'], '--p expects an integer >= 1, got "0"'],
      [['--share', '0'], '--share expects a number in (0, 1], got "0"'],
      [['--share', 'x'], '--share expects a number in (0, 1], got "x"'],
      [['--model', 'c'], '--model must be one of a, b, got "c"'],
      [['--exact=1'], '--exact takes no value'],
      [['--p', '1', '--p', '2'], '--p is given twice'],
      [['--out', ''], '--out needs a non-empty value (FILE)'],
    ];
    for (const [argv, message] of cases) expect(() => parseArgs(argv, specs), argv.join(' ')).toThrow(message);
  });

  it('formats aligned help', () => {
    const text = formatOptions(specs);
    expect(text.split('\n')).toEqual([
      '  --p N          sites',
      '  --share VALUE  share',
      '  --model a|b    model',
      '  --out FILE     output',
      '                 second line',
      '  --exact        flag',
    ]);
  });
});

describe('formatOptions', () => {
  it('puts the help of a long option on the next line', () => {
    const text = formatOptions([
      { name: 'matrix-field', kind: 'choice', choices: ['durations', 'distances'], help: 'which matrix' },
      { name: 'p', kind: 'int', value: 'N', help: 'sites' },
    ]);
    expect(text.split('\n')).toEqual([
      '  --matrix-field durations|distances',
      '                          which matrix',
      '  --p N                   sites',
    ]);
  });
});
