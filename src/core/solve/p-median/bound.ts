/**
 * Lower bound on the p-median optimum by Lagrangian relaxation of the assignment constraints, maximised by
 * subgradient optimisation (J.E. Beasley, "Lagrangean heuristics for location problems", EJOR 65 (1993) 383;
 * M.L. Fisher, "The Lagrangian relaxation method for solving integer programming problems", Mgmt Sci. 27 (1981)).
 *
 * Model: min sum_ij w_i d_ij x_ij  s.t.  sum_j x_ij = 1,  x_ij <= y_j,  sum_j y_j = p,  x, y binary.
 * Relaxing sum_j x_ij = 1 with multipliers lambda_i gives
 *   L(lambda) = sum_i lambda_i + min_{|Y| = p} sum_{j in Y} rho_j,   rho_j = sum_i min(0, w_i d_ij - lambda_i),
 * a lower bound for every lambda (weak duality), solved by taking the p smallest rho_j (fixed sites forced in,
 * excluded ones out). With truncated nearest lists, lambda_i is capped at w_i times the last listed distance, so
 * every unlisted (farther) site has w_i d_ij - lambda_i >= 0 and contributes nothing: the bound stays valid.
 */
import type { DistanceSource } from '../../distance/distance-source';
import type { SiteRoles } from './sites';

/** Options of `pMedianLowerBound`. */
export interface LagrangianOptions {
  /** Best known objective (an upper bound), for the step size; Infinity when unknown. */
  upperBound: number;
  /** Starting multipliers, e.g. w_i times the serving distance in the best solution (default: nearest distance). */
  initial?: Float64Array;
  /** Subgradient iterations (default 600). */
  maxIterations?: number;
  /** performance.now() / 1000 after which it stops (default none). */
  deadlineSec?: number;
  /** When objectives are integers, the bound is rounded up and the search stops once it meets the upper bound. */
  integral?: boolean;
}

/**
 * @param source distances and weights
 * @param roles fixed and allowed sites
 * @param servable demand points counted in the objective
 * @param p number of open sites (fixed ones included)
 * @returns the best bound found (rounded up for integral data) and the iterations used
 */
export function pMedianLowerBound(
  source: DistanceSource,
  roles: SiteRoles,
  servable: Uint8Array,
  p: number,
  options: LagrangianOptions,
): { bound: number; iterations: number } {
  const { lists } = source;
  const n = source.demandCount;
  const m = source.siteCount;
  const w = new Float64Array(n);
  const cap = new Float64Array(n);
  const lambda = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (!servable[i]) continue;
    w[i] = source.weight[i];
    const a = lists.offsets[i];
    const b = lists.offsets[i + 1];
    cap[i] = lists.complete ? Infinity : b > a ? w[i] * lists.distances[b - 1] : 0;
    const start = options.initial ? options.initial[i] : b > a ? w[i] * lists.distances[a] : 0;
    lambda[i] = Math.min(Math.max(0, start), cap[i]);
  }
  const free: number[] = [];
  for (let j = 0; j < m; j++) if (roles.allowed[j] && !roles.fixed[j]) free.push(j);
  const choose = p - roles.fixedCount;
  const rho = new Float64Array(m);
  const chosen = new Uint8Array(m);
  const g = new Float64Array(n);
  const maxIterations = options.maxIterations ?? 600;
  const deadline = options.deadlineSec ?? Infinity;
  const integral = options.integral ?? false;
  let best = -Infinity;
  let pi = 2;
  let stall = 0;
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    if (iterations % 16 === 0 && performance.now() / 1000 > deadline) break;
    rho.fill(0);
    let value = 0;
    for (let i = 0; i < n; i++) {
      if (w[i] === 0) continue;
      value += lambda[i];
      for (let t = lists.offsets[i]; t < lists.offsets[i + 1]; t++) {
        const c = w[i] * lists.distances[t] - lambda[i];
        if (c >= 0) break;
        rho[lists.sites[t]] += c;
      }
    }
    chosen.set(roles.fixed);
    for (let j = 0; j < m; j++) if (roles.fixed[j]) value += rho[j];
    free.sort((a, b) => rho[a] - rho[b] || a - b);
    for (let k = 0; k < choose; k++) {
      chosen[free[k]] = 1;
      value += rho[free[k]];
    }
    if (best === -Infinity || value > best + 1e-12 * Math.abs(best)) {
      best = value;
      stall = 0;
    } else if (++stall >= 20) {
      pi /= 2;
      stall = 0;
      if (pi < 1e-4) break;
    }
    const ub = options.upperBound;
    if (integral && Number.isFinite(ub) && Math.ceil(best - 1e-9 * Math.abs(best)) >= ub) break;
    if (!integral && Number.isFinite(ub) && ub - best <= 1e-9 * Math.abs(ub)) break;
    // Subgradient of the relaxed constraint: 1 - (number of chosen sites i is assigned to).
    let norm = 0;
    for (let i = 0; i < n; i++) {
      if (w[i] === 0) continue;
      let assigned = 0;
      for (let t = lists.offsets[i]; t < lists.offsets[i + 1]; t++) {
        if (w[i] * lists.distances[t] - lambda[i] >= 0) break;
        assigned += chosen[lists.sites[t]];
      }
      g[i] = 1 - assigned;
      norm += g[i] * g[i];
    }
    if (norm === 0) break; // the relaxed solution is feasible, hence optimal for the relaxation
    const target = Number.isFinite(ub) ? ub : Math.abs(best) * 1.1 + 1;
    const step = (pi * Math.max(target - value, 1e-9 * Math.abs(target))) / norm;
    for (let i = 0; i < n; i++) {
      if (w[i] !== 0) lambda[i] = Math.min(Math.max(0, lambda[i] + step * g[i]), cap[i]);
    }
  }
  if (best === -Infinity) return { bound: NaN, iterations };
  return { bound: integral ? Math.ceil(best - 1e-9 * Math.abs(best)) : best, iterations };
}
