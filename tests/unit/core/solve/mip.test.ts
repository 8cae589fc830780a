import { describe, expect, it } from 'vitest';
import { solveMip } from '../../../../src/core/solve/mip';
import { LpBuilder } from '../../../../src/core/solve/lp-text';
import { createRandom } from '../../../../src/core/random';

/** A random set-cover-like MIP hard enough that HiGHS cannot finish it in a few milliseconds. */
function hardModel(): string {
  const rand = createRandom(7);
  const n = 300;
  const names = Array.from({ length: n }, (_, j) => `x${j}`);
  const lp = new LpBuilder('minimize', { checkNames: false });
  lp.objective(
    names,
    names.map(() => 1 + Math.floor(rand() * 100)),
  );
  for (let i = 0; i < 150; i++) {
    const row = names.filter(() => rand() < 0.05);
    lp.constraint(`r${i}`, row.length > 0 ? row : ['x0'], 1, '>=', 2);
  }
  lp.binaries(names);
  return lp.toString();
}

describe('LpBuilder', () => {
  it('writes signs, unit coefficients and sections in LP order', () => {
    const lp = new LpBuilder('maximize');
    lp.objective(['a', 'b'], [3, -1]);
    lp.constraint('c1', ['a', 'b'], [1, -2.5], '<=', 4);
    lp.bound('b', -Infinity, 3);
    lp.binaries(['a']);
    const text = lp.toString();
    expect(text).toBe(
      'Maximize\n obj: 3 a - b\nSubject To\n c1: a - 2.5 b <= 4\nBounds\n -inf <= b <= 3\nBinaries\n a\nEnd\n',
    );
  });

  it('writes a national-size model (500,000 binaries, 10,000 generals) without overflowing the call stack', () => {
    const lp = new LpBuilder('maximize', { checkNames: false });
    const xs = Array.from({ length: 500_000 }, (_, k) => `x${k}`);
    const gs = Array.from({ length: 10_000 }, (_, k) => `g${k}`);
    lp.objective(xs, 1).constraint('budget', xs, 1, '<=', 10).binaries(xs).generals(gs);
    const text = lp.toString();
    expect(text).toMatch(/\nBinaries\n x0 x1 /);
    expect(text).toMatch(/ x499999\nGenerals\n g0 /);
    expect(text.endsWith(' g9999\nEnd\n')).toBe(true);
  });

  it('rejects names the LP parser would misread', () => {
    const lp = new LpBuilder('minimize');
    expect(() => lp.objective(['e12'], 1)).toThrow(/invalid/);
    expect(() => lp.objective(['1x'], 1)).toThrow(/invalid/);
    expect(() => lp.constraint('c', ['x'], [NaN], '<=', 1)).toThrow(/finite/);
  });
});

describe('solveMip', () => {
  it('solves a small MIP to its known optimum with values by name', async () => {
    // max 5x + 4y + 3z st 2x + 3y + z <= 5, 4x + y + 2z <= 11, 3x + 4y + 2z <= 8; integer: optimum 13 at (2,0,1)
    const lp = new LpBuilder('maximize');
    lp.objective(['x', 'y', 'z'], [5, 4, 3]);
    lp.constraint('c1', ['x', 'y', 'z'], [2, 3, 1], '<=', 5);
    lp.constraint('c2', ['x', 'y', 'z'], [4, 1, 2], '<=', 11);
    lp.constraint('c3', ['x', 'y', 'z'], [3, 4, 2], '<=', 8);
    lp.generals(['x', 'y', 'z']);
    const r = await solveMip(lp.toString(), {});
    expect(r.status).toBe('optimal');
    expect(r.objective).toBeCloseTo(13, 6);
    expect(r.bound).toBeCloseTo(13, 6);
    expect(r.gap).toBeLessThan(1e-6);
    expect(r.values.get('x')).toBeCloseTo(2, 6);
    expect(r.values.get('y')).toBeCloseTo(0, 6);
    expect(r.values.get('z')).toBeCloseTo(1, 6);
  });

  it('solves the LP relaxation when relax is set (bound = LP optimum)', async () => {
    // min x + y st 2x + 2y >= 1, binaries: MIP optimum 1, LP optimum 0.5
    const lp = new LpBuilder('minimize');
    lp.objective(['x', 'y'], 1);
    lp.constraint('c', ['x', 'y'], 2, '>=', 1);
    lp.binaries(['x', 'y']);
    const mip = await solveMip(lp.toString(), {});
    const relaxed = await solveMip(lp.toString(), { relax: true });
    expect(mip.objective).toBeCloseTo(1, 9);
    expect(relaxed.status).toBe('optimal');
    expect(relaxed.objective).toBeCloseTo(0.5, 9);
    expect(relaxed.bound).toBeCloseTo(0.5, 9);
  });

  it('treats an infinite time limit as none', async () => {
    const lp = new LpBuilder('minimize');
    lp.objective(['x'], 1);
    lp.constraint('c', ['x'], 1, '>=', 1);
    lp.binaries(['x']);
    const r = await solveMip(lp.toString(), { timeLimitSec: Infinity });
    expect(r.status).toBe('optimal');
    expect(r.objective).toBe(1);
  });

  it('reports infeasibility', async () => {
    const lp = new LpBuilder('minimize');
    lp.objective(['x', 'y'], 1);
    lp.constraint('c', ['x', 'y'], 1, '>=', 3);
    lp.binaries(['x', 'y']);
    const r = await solveMip(lp.toString(), {});
    expect(r.status).toBe('infeasible');
    expect(r.values.size).toBe(0);
    expect(Number.isNaN(r.objective)).toBe(true);
  });

  it('reports unboundedness', async () => {
    const lp = new LpBuilder('maximize');
    lp.objective(['x'], 1);
    lp.constraint('c', ['x'], 1, '>=', 0);
    const r = await solveMip(lp.toString(), {});
    expect(r.status).toBe('unbounded');
  });

  it('stops at the time limit with the incumbent and a valid bound', async () => {
    const r = await solveMip(hardModel(), { timeLimitSec: 0.2 });
    expect(r.status).toBe('time-limit');
    expect(r.message).toBe('Time limit reached');
    if (r.values.size > 0) {
      expect(r.bound).toBeLessThanOrEqual(r.objective + 1e-9);
      expect(r.gap).toBeGreaterThan(0);
    }
  });

  it('stops when shouldStop returns true and reports progress', async () => {
    let calls = 0;
    const progress: number[] = [];
    const r = await solveMip(hardModel(), {
      timeLimitSec: 5,
      shouldStop: () => ++calls > 3,
      onProgress: (p) => progress.push(p.bound),
    });
    expect(r.status).toBe('time-limit');
    expect(r.message).toBe('Interrupted');
    expect(calls).toBeGreaterThan(3);
  });

  it('accepts a warm start (the start is a feasible incumbent, so the result is no worse)', async () => {
    const lp = new LpBuilder('minimize');
    lp.objective(['a', 'b', 'c'], [3, 2, 4]);
    lp.constraint('r1', ['a', 'b'], 1, '>=', 1);
    lp.constraint('r2', ['b', 'c'], 1, '>=', 1);
    lp.binaries(['a', 'b', 'c']);
    const r = await solveMip(lp.toString(), {
      start: new Map([
        ['a', 1],
        ['b', 0],
        ['c', 1],
      ]),
    });
    expect(r.status).toBe('optimal');
    expect(r.objective).toBeCloseTo(2, 9);
    expect(r.values.get('b')).toBeCloseTo(1, 9);
  });

  it('returns an error status (not a throw) on malformed LP text', async () => {
    const r = await solveMip('Minimize\n obj: x +\nSubject To\n c: >= \nEnd\n', {});
    expect(r.status).toBe('error');
    expect(r.message).toBeTruthy();
  });
});
