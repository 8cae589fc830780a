/**
 * Exact solution of tiny routing problems (at most 8 stations): every ordered subset of stations is a candidate run
 * (depth-first enumeration, cut when its load or prefix time is already over the limit, both of which only grow),
 * keeping the cheapest feasible order of each subset; then a dynamic programme over set partitions with at most K
 * runs, f_k(S) = min(f_{k-1}(S), min over T in S holding S's lowest station of run(T) + f_{k-1}(S \ T)).
 * Works on the problem's own (possibly asymmetric) matrices. The solver's fast path for tiny problems, and the
 * reference of the property tests.
 */
import type { RouteProblem } from './types';

/** Most stations the enumeration accepts (8! orders of 8 stations, 3^8 partition steps per fleet size). */
export const BRUTE_FORCE_MAX = 8;

/**
 * The optimal runs, or null when no feasible set of runs exists (fleet too small). All stations must be routable
 * alone (see validate.ts).
 * @param problem a problem of at most {@link BRUTE_FORCE_MAX} stations
 */
export function bruteForceRoutes(problem: RouteProblem): { routes: number[][]; cost: number } | null {
  const n = problem.n;
  if (n > BRUTE_FORCE_MAX) throw new Error(`brute force is for at most ${BRUTE_FORCE_MAX} stations, got ${n}`);
  const full = (1 << n) - 1;
  const runCost = new Float64Array(full + 1).fill(Infinity);
  const runOrder: number[][] = new Array<number[]>(full + 1);
  runCost[0] = 0;
  runOrder[0] = [];
  const stride = n + 1;
  const { cost, durationMin, serviceMin, capacity } = problem;
  const limit = durationMin ? (problem.maxDurationMin ?? Infinity) : Infinity;
  const order: number[] = [];
  // Load segment of the prefix: P = pickups so far, L = largest load given it enters with its deliveries.
  const visit = (set: number, last: number, costSoFar: number, time: number, p: number, l: number): void => {
    if (set !== 0) {
      const total = costSoFar + cost[last * stride];
      const minutes = durationMin ? time + durationMin[last * stride] : 0;
      if (minutes <= limit + 1e-9 && total < runCost[set] - 1e-12) {
        runCost[set] = total;
        runOrder[set] = order.slice();
      }
    }
    for (let i = 1; i <= n; i++) {
      const bit = 1 << (i - 1);
      if (set & bit) continue;
      const d = problem.delivery[i];
      const q = problem.pickup[i];
      const nl = Math.max(l + d, Math.max(d, q) + p);
      if (nl > capacity + 1e-9) continue;
      const nt = durationMin ? time + durationMin[last * stride + i] + (serviceMin?.[i] ?? 0) : 0;
      if (nt > limit + 1e-9) continue;
      order.push(i);
      visit(set | bit, i, costSoFar + cost[last * stride + i], nt, p + q, nl);
      order.pop();
    }
  };
  visit(0, 0, 0, 0, 0, 0);
  const maxRuns = Math.min(n, problem.maxVehicles ?? Infinity);
  // f[S] for up to k runs, built layer by layer; choice[k][S] = the run T taken last (0 = fewer runs).
  let f = new Float64Array(full + 1).fill(Infinity);
  f[0] = 0;
  const choice: Int32Array[] = [];
  for (let k = 1; k <= Math.max(maxRuns, 1); k++) {
    const g = Float64Array.from(f);
    const pickT = new Int32Array(full + 1);
    for (let set = 1; set <= full; set++) {
      const low = set & -set;
      const rest = set ^ low;
      // every subset T of set that holds its lowest station
      for (let sub = rest; ; sub = (sub - 1) & rest) {
        const t = sub | low;
        const value = runCost[t] + f[set ^ t];
        if (value < g[set] - 1e-12) {
          g[set] = value;
          pickT[set] = t;
        }
        if (sub === 0) break;
      }
    }
    choice.push(pickT);
    f = g;
  }
  if (!Number.isFinite(f[full])) return null;
  const routes: number[][] = [];
  let set = full;
  for (let k = choice.length - 1; k >= 0 && set !== 0; k--) {
    const t = choice[k][set];
    if (t === 0) continue;
    routes.unshift(runOrder[t]);
    set ^= t;
  }
  return { routes, cost: f[full] };
}
