import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPlan } from '../../../src/core/plan';
import { PlanRequestError } from '../../../src/core/plan-check';
import { SITE_ROLE, type PlanParams, type PlanRequest } from '../../../src/core/plan-types';
import { haversineKm } from '../../../src/core/distance/haversine';
import { SITE_STATUS } from '../../../src/core/types';
import { assemblePlanInputs } from '../../../src/io/plan-inputs';

const text = (file: string): string => readFileSync(`tests/fixtures/plan/${file}`, 'utf8');
const inputs = assemblePlanInputs({
  demand: { file: 'villages.csv', text: text('villages.csv') },
  weightField: 'pop',
  candidates: { file: 'sites.csv', text: text('sites.csv') },
  matrix: { file: 'table.json', text: text('table.json') },
});
const { demand } = inputs;

function request(params: PlanParams, options: { matrix?: boolean; status?: Uint8Array } = {}): PlanRequest {
  const candidates = { ...inputs.candidates, status: options.status ?? new Uint8Array(inputs.candidates.count) };
  return { demand, candidates, matrix: options.matrix ? inputs.matrix : undefined, params };
}

const km = (i: number, j: number): number =>
  haversineKm(demand.lon[i], demand.lat[i], inputs.candidates.lon[j], inputs.candidates.lat[j]);

/** Every way to add k of the allowed candidates to the fixed ones. */
function* subsets(allowed: number[], k: number, start = 0, chosen: number[] = []): Generator<number[]> {
  if (chosen.length === k) {
    yield chosen;
    return;
  }
  for (let t = start; t < allowed.length; t++) yield* subsets(allowed, k, t + 1, [...chosen, allowed[t]]);
}

/** Best objective over all plans, by enumeration (12 candidates: at most 220 subsets of 3). */
function bruteForce(
  value: (open: number[]) => number,
  sense: 'min' | 'max',
  k: number,
  fixed: number[] = [],
  allowed?: number[],
): number {
  const free =
    allowed ?? Array.from({ length: inputs.candidates.count }, (_, j) => j).filter((j) => !fixed.includes(j));
  let best = sense === 'min' ? Infinity : -Infinity;
  for (const subset of subsets(free, k)) {
    const v = value([...fixed, ...subset]);
    best = sense === 'min' ? Math.min(best, v) : Math.max(best, v);
  }
  return best;
}

const covered = (radius: number) => (open: number[]) => {
  let sum = 0;
  for (let i = 0; i < demand.count; i++) if (open.some((j) => km(i, j) <= radius)) sum += demand.weight[i];
  return sum;
};
const median = (distance: (i: number, j: number) => number) => (open: number[]) => {
  let sum = 0;
  for (let i = 0; i < demand.count; i++) sum += demand.weight[i] * Math.min(...open.map((j) => distance(i, j)));
  return sum;
};
const center = (open: number[]): number => {
  let worst = 0;
  for (let i = 0; i < demand.count; i++) worst = Math.max(worst, Math.min(...open.map((j) => km(i, j))));
  return worst;
};

describe('runPlan', () => {
  it('mclp finds the best 3 sites within 8 km, and its figures agree with the objective', async () => {
    const plan = await runPlan(request({ model: 'mclp', p: 3, radius: 8, seed: 1 }));
    expect(plan.solution.selected).toHaveLength(3);
    expect(plan.solution.objective).toBe(bruteForce(covered(8), 'max', 3));
    expect(plan.metrics.coveredWeight).toBe(plan.solution.objective);
    expect(plan.metrics.totalWeight).toBe(demand.weight.reduce((a, b) => a + b, 0));
    expect(plan.metrics.coverage).toBeCloseTo(plan.metrics.coveredWeight / plan.metrics.totalWeight, 12);
    expect(Array.from(plan.roles)).toEqual([0, 0, 0]);
    // marginal weight <= covered weight; the sum of covered weights >= the union
    const sum = plan.metrics.siteCoveredWeight.reduce((a, b) => a + b, 0);
    expect(sum).toBeGreaterThanOrEqual(plan.metrics.coveredWeight);
    plan.metrics.siteMarginalWeight.forEach((m, k) => expect(m).toBeLessThanOrEqual(plan.metrics.siteCoveredWeight[k]));
  });

  it('mclp exact proves the optimum', async () => {
    const plan = await runPlan(request({ model: 'mclp', p: 3, radius: 8, exact: true }));
    expect(plan.solution.optimal).toBe(true);
    expect(plan.solution.objective).toBe(bruteForce(covered(8), 'max', 3));
  });

  it('p counts new sites: existing and locked sites are always open, excluded never', async () => {
    const status = new Uint8Array(12);
    status[0] = SITE_STATUS.existing;
    status[5] = SITE_STATUS.locked;
    status[10] = SITE_STATUS.excluded;
    for (const model of ['mclp', 'pmedian', 'pcenter'] as const) {
      const plan = await runPlan(request({ model, p: 2, radius: 8 }, { status }));
      const selected = Array.from(plan.solution.selected);
      expect(selected, model).toHaveLength(4);
      expect(selected, model).toContain(0);
      expect(selected, model).toContain(5);
      expect(selected, model).not.toContain(10);
    }
    const allowed = [1, 2, 3, 4, 6, 7, 8, 9, 11];
    const plan = await runPlan(request({ model: 'pmedian', p: 2 }, { status }));
    expect(plan.solution.objective).toBeCloseTo(bruteForce(median(km), 'min', 2, [0, 5], allowed), 6);
  });

  it('pmedian on great-circle km and on the OSRM matrix matches enumeration', async () => {
    const plan = await runPlan(request({ model: 'pmedian', p: 3 }));
    expect(plan.solution.objective).toBeCloseTo(bruteForce(median(km), 'min', 3), 6);
    expect(plan.metrics.coverage).toBe(1);
    expect(plan.metrics.siteCoveredWeight.reduce((a, b) => a + b, 0)).toBe(plan.metrics.totalWeight);
    const matrix = inputs.matrix;
    if (matrix === undefined) throw new Error('fixture matrix missing');
    const seconds = (i: number, j: number): number => matrix.values[i * matrix.cols + j];
    const onMatrix = await runPlan(request({ model: 'pmedian', p: 3, exact: true }, { matrix: true }));
    expect(onMatrix.solution.objective).toBe(bruteForce(median(seconds), 'min', 3));
  });

  it('pcenter minimises the largest distance; a radius gives coverage figures', async () => {
    const plan = await runPlan(request({ model: 'pcenter', p: 3, exact: true }));
    expect(plan.solution.objective).toBeCloseTo(bruteForce(center, 'min', 3), 9);
    const withRadius = await runPlan(request({ model: 'pcenter', p: 3, radius: 5, exact: true }));
    expect(withRadius.metrics.coveredWeight).toBe(covered(5)(Array.from(withRadius.solution.selected)));
  });

  it('lscp finds the fewest new sites covering all coverable weight, or a share of it', async () => {
    const radius = 6;
    const all = Array.from({ length: 12 }, (_, j) => j);
    const coverable = covered(radius)(all);
    /** Fewest sites whose coverage reaches `target`, by enumeration. */
    const fewest = (target: number): number => {
      for (let k = 1; k <= 12; k++) if (bruteForce(covered(radius), 'max', k) >= target - 1e-9) return k;
      return Infinity;
    };
    const plan = await runPlan(request({ model: 'lscp', radius, exact: true }));
    expect(plan.solution.objective).toBe(fewest(coverable));
    expect(plan.solution.selected).toHaveLength(plan.solution.objective);
    expect(plan.metrics.coveredWeight).toBe(coverable);
    const partial = await runPlan(request({ model: 'lscp', radius, targetShare: 0.5, exact: true }));
    expect(partial.solution.objective).toBe(fewest(0.5 * coverable));
    expect(partial.metrics.coveredWeight).toBeGreaterThanOrEqual(0.5 * coverable);
  });

  it('two-tier picks a center and stations it reaches, as enumeration does', async () => {
    const [radius, centerRadius] = [6, 12];
    const siteKm = (a: number, b: number): number =>
      haversineKm(
        inputs.candidates.lon[a],
        inputs.candidates.lat[a],
        inputs.candidates.lon[b],
        inputs.candidates.lat[b],
      );
    let best = 0;
    for (let c = 0; c < 12; c++) {
      const reachable = Array.from({ length: 12 }, (_, j) => j).filter((j) => siteKm(c, j) <= centerRadius);
      if (reachable.length >= 2) best = Math.max(best, bruteForce(covered(radius), 'max', 2, [], reachable));
      else if (reachable.length === 1) best = Math.max(best, covered(radius)(reachable));
    }
    const plan = await runPlan(request({ model: 'two-tier', p: 2, radius, centers: 1, centerRadius, exact: true }));
    expect(plan.solution.objective).toBe(best);
    expect(plan.metrics.coveredWeight).toBe(best);
    const roles = Array.from(plan.roles);
    expect(roles.filter((r) => r === SITE_ROLE.center)).toHaveLength(1);
    expect(roles.filter((r) => r === SITE_ROLE.station).length).toBeLessThanOrEqual(2);
    const center = plan.solution.selected[roles.indexOf(SITE_ROLE.center)];
    plan.solution.selected.forEach((j, k) => {
      if (roles[k] === SITE_ROLE.station) expect(siteKm(center, j)).toBeLessThanOrEqual(centerRadius);
    });
    expect(plan.metrics.siteCoveredWeight[roles.indexOf(SITE_ROLE.center)]).toBe(0);
  });

  it('two-tier with a center matrix (e.g. minutes by road) reaches stations by it, as enumeration does', async () => {
    const [radius, centerRadius] = [6, 12];
    const n = inputs.candidates.count;
    const c = inputs.candidates;
    const params: PlanParams = { model: 'two-tier', p: 2, radius, centers: 1, centerRadius, exact: true };
    const straight = await runPlan(request(params));
    // A center -> station cost that is not the straight line: the straight-line plan's stations are far by road.
    const far = new Set(
      Array.from(straight.solution.selected).filter((_, k) => straight.roles[k] === SITE_ROLE.station),
    );
    const cost = (a: number, b: number): number =>
      haversineKm(c.lon[a], c.lat[a], c.lon[b], c.lat[b]) * (far.has(b) ? 3 : 1);
    const values = new Float64Array(n * n);
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) values[a * n + b] = cost(a, b);
    let best = 0;
    for (let a = 0; a < n; a++) {
      const reachable = Array.from({ length: n }, (_, j) => j).filter((j) => cost(a, j) <= centerRadius);
      if (reachable.length >= 2) best = Math.max(best, bruteForce(covered(radius), 'max', 2, [], reachable));
      else if (reachable.length === 1) best = Math.max(best, covered(radius)(reachable));
    }
    const plan = await runPlan({ ...request(params), centerMatrix: { rows: n, cols: n, values } });
    expect(plan.solution.objective).toBe(best);
    expect(best).toBeLessThan(straight.solution.objective); // the matrix, not the straight line, decided
    const roles = Array.from(plan.roles);
    const center = plan.solution.selected[roles.indexOf(SITE_ROLE.center)];
    plan.solution.selected.forEach((j, k) => {
      if (roles[k] === SITE_ROLE.station) expect(cost(center, j)).toBeLessThanOrEqual(centerRadius);
    });
    const wrong = { ...request(params), centerMatrix: { rows: n - 1, cols: n, values } };
    await expect(runPlan(wrong)).rejects.toThrow(PlanRequestError);
  });

  it('two-tier chooses centers only among the listed center candidates', async () => {
    const req = {
      ...request({ model: 'two-tier', p: 2, radius: 6, centers: 1, centerRadius: 50 }),
      centerCandidates: Uint32Array.of(3),
    };
    const plan = await runPlan(req);
    const k = Array.from(plan.roles).indexOf(SITE_ROLE.center);
    expect(plan.solution.selected[k]).toBe(3);
  });

  it('gives the same plan for the same seed', async () => {
    const a = await runPlan(request({ model: 'mclp', p: 4, radius: 6, seed: 9 }));
    const b = await runPlan(request({ model: 'mclp', p: 4, radius: 6, seed: 9 }));
    expect(Array.from(a.solution.selected)).toEqual(Array.from(b.solution.selected));
  });

  it('returns a valid plan when asked to stop at once', async () => {
    const plan = await runPlan(request({ model: 'mclp', p: 3, radius: 8 }), { shouldStop: () => true });
    expect(plan.solution.selected.length).toBeGreaterThan(0);
    expect(plan.solution.selected.length).toBeLessThanOrEqual(3);
  });

  it('reports progress', async () => {
    const shares: number[] = [];
    await runPlan(request({ model: 'mclp', p: 3, radius: 8 }), { onProgress: (p) => shares.push(p.share) });
    expect(shares.length).toBeGreaterThan(0);
    shares.forEach((s) => expect(s).toBeGreaterThanOrEqual(0));
    shares.forEach((s) => expect(s).toBeLessThanOrEqual(1));
  });

  it('rejects inconsistent requests with a PlanRequestError', async () => {
    const cases: [PlanRequest, string][] = [
      [request({ model: 'mclp', p: 3 }), 'model mclp needs radius'],
      [request({ model: 'pmedian', p: 13 }), 'p = 13 new sites, but only 12 candidates are proposed'],
      [request({ model: 'lscp', radius: 1, targetShare: 1.5 }), 'targetShare must be in (0, 1]'],
      [request({ model: 'mclp', p: 2.5, radius: 1 }), 'p must be an integer >= 1, got 2.5'],
      [
        { ...request({ model: 'pmedian', p: 1 }), matrix: { rows: 2, cols: 2, values: new Float64Array(4) } },
        'matrix is 2 x 2; expected 40 demand points x 12 candidates',
      ],
    ];
    for (const [bad, message] of cases) {
      await expect(runPlan(bad)).rejects.toThrow(PlanRequestError);
      await expect(runPlan(bad)).rejects.toThrow(message);
    }
  });
});
