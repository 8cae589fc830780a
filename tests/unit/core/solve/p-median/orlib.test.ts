import { describe, expect, it } from 'vitest';
import { parseOrLibPMedian, readOptima, readOrLibPMedian } from '../../../../bench/orlib';
import { solvePMedian } from '../../../../../src/core/solve/p-median';
import { solvePCenter } from '../../../../../src/core/solve/p-center';

describe('OR-Library p-median reader', () => {
  it('lets the last line read for a vertex pair win, even when it is larger, then runs Floyd', () => {
    const inst = parseOrLibPMedian(' 4 4 1 \n 1 2 5 \n 2 3 1 \n 1 2 9 \n 3 4 2 \n', 'tiny');
    const d = (i: number, j: number): number => inst.matrix.values[(i - 1) * 4 + (j - 1)];
    expect(inst.p).toBe(1);
    expect(d(1, 2)).toBe(9);
    expect(d(2, 1)).toBe(9);
    expect(d(1, 4)).toBe(12);
    expect(d(4, 4)).toBe(0);
  });

  it('rejects a truncated file', () => {
    expect(() => parseOrLibPMedian('3 2 1\n1 2 4\n', 'bad')).toThrow(/expected "n m p" then 2 edge lines/);
  });

  it('pmed1: exact p-median reaches the OR-Library optimum 5819 (5718 would mean a misread graph)', async () => {
    const inst = readOrLibPMedian('pmed1');
    const optima = readOptima();
    expect(inst.n).toBe(100);
    expect(inst.p).toBe(optima.pmed1.p);
    const s = await solvePMedian(inst, { p: inst.p, mode: 'exact', timeLimitSec: 60 });
    expect(s.optimal).toBe(true);
    expect(s.objective).toBe(optima.pmed1.pmedian);
    expect(s.objective).toBe(5819);
  });

  it('pmed1: exact p-center reaches the published optimum', async () => {
    const inst = readOrLibPMedian('pmed1');
    const s = await solvePCenter(inst, { p: inst.p, mode: 'exact', timeLimitSec: 60 });
    expect(s.optimal).toBe(true);
    expect(s.objective).toBe(readOptima().pmed1.pcenter);
  });
});
