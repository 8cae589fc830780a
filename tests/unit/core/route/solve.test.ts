import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteForceRoutes } from '../../../../src/core/route/brute-force';
import { runHgs } from '../../../../src/core/route/hgs';
import { buildInstance } from '../../../../src/core/route/instance';
import { solutionCost } from '../../../../src/core/route/evaluate';
import { createRandom } from '../../../../src/core/random';
import { solveRoutes } from '../../../../src/core/route/solve';
import type { RouteProblem } from '../../../../src/core/route/types';
import { RouteProblemError } from '../../../../src/core/route/validate';

/** A random planar problem of n stations around a depot at (50, 50), Euclidean costs (not rounded). */
function planar(n: number, seed: number, opts: { pickups?: boolean; capacity?: number } = {}): RouteProblem {
  const random = createRandom(seed);
  const x = new Float64Array(n + 1);
  const y = new Float64Array(n + 1);
  const delivery = new Float64Array(n + 1);
  const pickup = new Float64Array(n + 1);
  x[0] = y[0] = 50;
  for (let i = 1; i <= n; i++) {
    x[i] = 100 * random();
    y[i] = 100 * random();
    delivery[i] = 1 + Math.floor(9 * random());
    if (opts.pickups) pickup[i] = Math.floor(10 * random());
  }
  const cost = new Float64Array((n + 1) * (n + 1));
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= n; j++) cost[i * (n + 1) + j] = Math.hypot(x[i] - x[j], y[i] - y[j]);
  }
  return { n, delivery, pickup, capacity: opts.capacity ?? 20, cost, x, y };
}

/** The largest load on board along a run: it leaves with every delivery, drops and collects at each stop. */
function maxLoad(problem: RouteProblem, route: readonly number[]): number {
  let load = route.reduce((sum, i) => sum + problem.delivery[i], 0);
  let most = load;
  for (const i of route) {
    load += problem.pickup[i] - problem.delivery[i];
    most = Math.max(most, load);
  }
  return most;
}

function visitsEachOnce(problem: RouteProblem, routes: readonly (readonly number[])[]): boolean {
  const all = routes.flat().sort((a, b) => a - b);
  return all.length === problem.n && all.every((v, k) => v === k + 1);
}

function hgs(problem: RouteProblem, seed = 1): number[][] {
  const startedAt = performance.now();
  const control = { random: createRandom(seed), deadline: startedAt + 20000, maxIterNoImprovement: 5000 };
  return runHgs(buildInstance(problem), { ...control, untilTimeLimit: false, startedAt }).routes;
}

describe('route solver', () => {
  it('finds the brute-force optimum on small problems, with and without pickups', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 8 }), fc.integer({ min: 1, max: 1e6 }), fc.boolean(), (n, seed, pk) => {
        const problem = planar(n, seed, { pickups: pk });
        const exact = bruteForceRoutes(problem)!;
        const routes = hgs(problem, seed);
        expect(visitsEachOnce(problem, routes)).toBe(true);
        for (const route of routes) expect(maxLoad(problem, route)).toBeLessThanOrEqual(problem.capacity);
        expect(solutionCost(problem, routes)).toBeCloseTo(exact.cost, 6);
      }),
      { numRuns: 15, seed: 7 },
    );
  });

  it('never has more on board than the capacity anywhere on a run, with pickups, on 60 stations', () => {
    for (const seed of [1, 2, 3]) {
      const problem = planar(60, seed, { pickups: true, capacity: 30 });
      const solution = solveRoutes(problem, { seed, maxIterNoImprovement: 300 });
      expect(solution.feasible).toBe(true);
      expect(solution.unrouted).toEqual([]);
      expect(visitsEachOnce(problem, solution.routes)).toBe(true);
      for (const route of solution.routes) expect(maxLoad(problem, route)).toBeLessThanOrEqual(problem.capacity);
      expect(solution.cost).toBeCloseTo(solutionCost(problem, solution.routes), 6);
    }
  });

  it('with no pickups gives the plain CVRP answer: loads are the deliveries alone', () => {
    const cvrp = planar(40, 5);
    const withZeroPickups = { ...cvrp, pickup: new Float64Array(cvrp.n + 1) };
    const a = solveRoutes(cvrp, { seed: 3, maxIterNoImprovement: 300 });
    const b = solveRoutes(withZeroPickups, { seed: 3, maxIterNoImprovement: 300 });
    expect(b.routes).toEqual(a.routes);
    for (const route of a.routes) {
      const delivered = route.reduce((s, i) => s + cvrp.delivery[i], 0);
      expect(maxLoad(cvrp, route)).toBe(delivered);
      expect(delivered).toBeLessThanOrEqual(cvrp.capacity);
    }
  });

  it('is deterministic for a seed when not cut by time', () => {
    const problem = planar(30, 11, { pickups: true });
    const a = solveRoutes(problem, { seed: 4, maxIterNoImprovement: 200 });
    const b = solveRoutes(problem, { seed: 4, maxIterNoImprovement: 200 });
    expect(b.routes).toEqual(a.routes);
  });

  it('sets aside a station whose load exceeds the capacity or whose trip exceeds the shift, and routes the rest', () => {
    const problem = planar(12, 9, { capacity: 20 });
    problem.delivery[3] = 25; // alone over the van
    problem.durationMin = problem.cost; // 1 cost unit = 1 minute
    problem.serviceMin = new Float64Array(problem.n + 1).fill(5);
    problem.serviceMin[0] = 0;
    // Station 7 moved far away: its trip there and back is longer than the shift, which fits every other trip.
    const far = 7;
    const stride = problem.n + 1;
    problem.x![far] = 5000;
    for (let j = 0; j <= problem.n; j++) {
      const d = j === far ? 0 : Math.hypot(problem.x![far] - problem.x![j], problem.y![far] - problem.y![j]);
      problem.cost[far * stride + j] = problem.cost[j * stride + far] = d;
    }
    problem.maxDurationMin = 300;
    const solution = solveRoutes(problem, { seed: 1, maxIterNoImprovement: 200 });
    const reasons = Object.fromEntries(solution.unrouted.map((u) => [u.node, u.reason]));
    expect(reasons).toEqual({ 3: 'load-over-capacity', 7: 'shift-too-short' });
    expect(solution.routes.flat().sort((a, b) => a - b)).toEqual([1, 2, 4, 5, 6, 8, 9, 10, 11, 12]);
    expect(solution.feasible).toBe(true);
  });

  it('refuses a zero capacity with a clear error', () => {
    const problem = { ...planar(5, 1), capacity: 0 };
    expect(() => solveRoutes(problem)).toThrow(RouteProblemError);
    expect(() => solveRoutes(problem)).toThrow(/capacity/);
  });
});
