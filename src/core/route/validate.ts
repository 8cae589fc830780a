/**
 * Checks of a routing problem before solving: whole-problem errors (bad capacity, arrays of the wrong length)
 * throw; a station that no run can serve alone is set aside with its reason and the others are routed.
 */
import type { RouteProblem, UnroutedReason, UnroutedStation } from './types';

/** A problem that cannot be solved at all; the message says what is wrong. */
export class RouteProblemError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RouteProblemError';
  }
}

/**
 * Throws a {@link RouteProblemError} when the problem as a whole is unusable.
 * @param problem the problem
 */
export function checkProblem(problem: RouteProblem): void {
  const { n, capacity } = problem;
  if (!Number.isInteger(n) || n < 0)
    throw new RouteProblemError(`the number of stations must be an integer >= 0, got ${n}`);
  if (!(capacity > 0) || !Number.isFinite(capacity)) {
    throw new RouteProblemError(`the van capacity must be a positive number, got ${capacity}`);
  }
  const stride = n + 1;
  const arrays: [string, ArrayLike<number> | undefined, number][] = [
    ['delivery', problem.delivery, stride],
    ['pickup', problem.pickup, stride],
    ['cost', problem.cost, stride * stride],
    ['durationMin', problem.durationMin, stride * stride],
    ['serviceMin', problem.serviceMin, stride],
    ['x', problem.x, stride],
    ['y', problem.y, stride],
  ];
  for (const [name, array, length] of arrays) {
    if (array === undefined && name !== 'delivery' && name !== 'pickup' && name !== 'cost') continue;
    if (array === undefined || array.length < length) {
      throw new RouteProblemError(`${name} must have ${length} values for ${n} stations, got ${array?.length ?? 0}`);
    }
  }
  const { maxDurationMin, maxVehicles } = problem;
  if (maxDurationMin !== undefined && !(maxDurationMin > 0)) {
    throw new RouteProblemError(`the shift must be a positive number of minutes, got ${maxDurationMin}`);
  }
  if (maxVehicles !== undefined && !(maxVehicles >= 1)) {
    throw new RouteProblemError(`the fleet limit must be at least 1 van, got ${maxVehicles}`);
  }
}

/**
 * Why station i cannot be served even by a run of its own, or null when it can.
 * @param problem a problem that passed {@link checkProblem}
 * @param i station node number
 */
export function stationReason(problem: RouteProblem, i: number): UnroutedReason | null {
  const stride = problem.n + 1;
  const d = problem.delivery[i];
  const p = problem.pickup[i];
  if (!(d >= 0) || !(p >= 0) || !Number.isFinite(d) || !Number.isFinite(p)) return 'bad-load';
  if (d > problem.capacity || p > problem.capacity) return 'load-over-capacity';
  const out = problem.cost[i];
  const back = problem.cost[i * stride];
  if (!Number.isFinite(out) || !Number.isFinite(back) || out < 0 || back < 0) return 'unreachable';
  const limit = problem.maxDurationMin ?? Infinity;
  if (problem.durationMin && Number.isFinite(limit)) {
    const go = problem.durationMin[i];
    const ret = problem.durationMin[i * stride];
    if (!Number.isFinite(go) || !Number.isFinite(ret) || go < 0 || ret < 0) return 'unreachable';
    const stop = problem.serviceMin?.[i] ?? 0;
    if (!(stop >= 0) || go + stop + ret > limit) return 'shift-too-short';
  }
  return null;
}

/** The stations that can be routed, and the others with their reason. */
export function screenStations(problem: RouteProblem): { keep: number[]; unrouted: UnroutedStation[] } {
  const keep: number[] = [];
  const unrouted: UnroutedStation[] = [];
  for (let i = 1; i <= problem.n; i++) {
    const reason = stationReason(problem, i);
    if (reason === null) keep.push(i);
    else unrouted.push({ node: i, reason });
  }
  return { keep, unrouted };
}

/**
 * The problem restricted to the depot and `keep` (renumbered 1..keep.length). A missing or negative link between
 * two stations (Infinity, NaN) becomes the way through the depot, c(i, 0) + c(0, j).
 */
export function subProblem(problem: RouteProblem, keep: readonly number[]): RouteProblem {
  const m = keep.length;
  const nodes = [0, ...keep];
  const stride = problem.n + 1;
  const s = m + 1;
  const pick = (values: ArrayLike<number>): Float64Array => Float64Array.from(nodes, (i) => values[i]);
  const matrix = (values: ArrayLike<number>): Float64Array => {
    const out = new Float64Array(s * s);
    for (let a = 0; a < s; a++) {
      for (let b = 0; b < s; b++) {
        if (a === b) continue;
        const i = nodes[a];
        const j = nodes[b];
        const value = values[i * stride + j];
        out[a * s + b] = Number.isFinite(value) && value >= 0 ? value : values[i * stride] + values[j];
      }
    }
    return out;
  };
  const delivery = pick(problem.delivery);
  const pickup = pick(problem.pickup);
  delivery[0] = pickup[0] = 0;
  return {
    n: m,
    delivery,
    pickup,
    capacity: problem.capacity,
    cost: matrix(problem.cost),
    durationMin: problem.durationMin ? matrix(problem.durationMin) : undefined,
    serviceMin: problem.serviceMin ? pick(problem.serviceMin) : undefined,
    maxDurationMin: problem.maxDurationMin,
    maxVehicles: problem.maxVehicles,
    x: problem.x ? pick(problem.x) : undefined,
    y: problem.y ? pick(problem.y) : undefined,
  };
}
