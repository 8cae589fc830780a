/**
 * `planRuns`: the daily delivery and produce-collection runs of a whole plan. Each station is served by a county
 * center (the plan's own assignment, or its nearest center within the center reach); each covered village sends
 * its parcels through its nearest open station within the station reach; then one vehicle routing problem with
 * simultaneous pickup and delivery per center is solved by `solveRoutes` (./solve.ts, HGS with SWAP*, Vidal 2022).
 *
 * Time: the whole plan has one budget (default {@link DEFAULT_RUNS_BUDGET_SEC} s). Centers are solved in turn;
 * each gets the budget left times its share of the stations left, so time a small center does not use passes to
 * the next. Each center also stops after a number of idle iterations that grows with its size
 * ({@link idleIterations}), so an uncut answer depends only on the inputs and the seed.
 */
import { haversineKm } from '../distance/haversine';
import { nearestListsFromPoints } from '../distance/nearest-lists';
import { SITE_ROLE } from '../plan-types';
import type { Progress } from '../types';
import { routeStats } from './evaluate';
import { resolveRunParams, type RunParams } from './run-params';
import { buildCenterProblem, type RunDistance } from './run-problem';
import { DEFAULT_MAX_ITER_NO_IMPROVEMENT, describeUnrouted, solveRoutes } from './solve';
import type { UnroutedReason } from './types';

export type { RunDistance } from './run-problem';

/** Default time budget of a whole plan's runs, seconds ("a few seconds" in the app). */
export const DEFAULT_RUNS_BUDGET_SEC = 3;
/** Idle iterations per station before a center's search stops (see {@link idleIterations}). */
export const IDLE_ITERATIONS_PER_STATION = 20;
/** Fewest idle iterations of a center's search. */
export const MIN_IDLE_ITERATIONS = 300;

/** What `planRuns` routes: the plan's sites, the villages and how they are tied together. */
export interface RunsInput {
  /** Villages (demand points), lon/lat degrees. */
  villages: { count: number; lon: Float64Array; lat: Float64Array };
  /** Factor of each village on the per-village parcels and pickups (e.g. households / mean); absent = 1 each. */
  villageFactor?: Float64Array;
  /** The plan's selected sites: lon/lat degrees and SITE_ROLE code (0 station, 1 center); `name` for messages. */
  sites: { count: number; lon: Float64Array; lat: Float64Array; role: Uint8Array; name?: readonly string[] };
  /** A village is covered by a station within this great-circle distance, km (the plan's reach; Infinity = any). */
  stationReachKm: number;
  /** A station is served by a center within this great-circle distance, km (the plan's center reach). */
  centerReachKm: number;
  /** The plan's own assignment: site index of each site's center (-1 = none; ignored for centers). */
  stationCenter?: Int32Array;
  /** Travel costs: straight line x circuity at a speed (default), a full site x site matrix, or a road network. */
  distance?: RunDistance;
  /** Run parameters; missing ones take their defaults. */
  params?: Partial<RunParams>;
}

/** Options of `planRuns`. */
export interface PlanRunsOptions {
  /** Seed (default 1). Same inputs and seed give the same runs when no center is cut by the budget. */
  seed?: number;
  /** Time budget of the whole plan in seconds (default 3). */
  timeBudgetSec?: number;
  /** Called now and then with the share of stations done and the km per day so far. */
  onProgress?: (progress: Progress) => void;
  /** Checked now and then; when it returns true every center returns its best runs so far. */
  shouldStop?: () => boolean;
}

/** One van's run. Station numbers are site indices of the input. */
export interface RunRoute {
  /** Site index of the center. */
  center: number;
  /** Van number within its center, 1.. */
  vehicle: number;
  /** Site indices of the stations in visiting order (the center left out at both ends). */
  stations: number[];
  km: number;
  /** Driving and stops, center to center. */
  minutes: number;
  /** Parcels delivered and pickups collected on the run. */
  deliveries: number;
  pickups: number;
  /** Most load on board anywhere on the run (parcels). */
  loadMax: number;
}

/** Figures of a set of runs (one center, i.e. one county, or the whole plan). */
export interface RunFigures {
  vans: number;
  kmPerDay: number;
  /** Van-hours per day (driving and stops). */
  hours: number;
  deliveries: number;
  pickups: number;
  /** Vans x cost per van-day + km x cost per km. */
  costPerDayYuan: number;
  /** Cost per day / (deliveries + pickups): every parcel moved either way; NaN when nothing moves. */
  costPerParcelYuan: number;
}

/** The runs of one center. */
export interface CenterRuns {
  center: number;
  /** Stations assigned to the center (routed or not). */
  stationCount: number;
  routes: RunRoute[];
  figures: RunFigures;
  solver: string;
  seconds: number;
  /** Seconds the center was given. */
  budgetSec: number;
}

/** Why a station has no run: the solver's reasons, or no center within reach. */
export type RunUnroutedReason = UnroutedReason | 'no-center';

/** A station left out, with the reason and a message naming it. */
export interface UnroutedRunStation {
  station: number;
  /** Site index of its center, -1 when none. */
  center: number;
  reason: RunUnroutedReason;
  message: string;
}

/** What `planRuns` returns. */
export interface RunsResult {
  params: RunParams;
  centers: CenterRuns[];
  unrouted: UnroutedRunStation[];
  totals: RunFigures;
  /** Parcels and pickups of each site per day (0 for centers), aligned with the input sites. */
  siteDeliveries: Float64Array;
  sitePickups: Float64Array;
  /** Center of each site (-1 for centers and stations with none). */
  siteCenter: Int32Array;
  seconds: number;
  /** True when `shouldStop` stopped the search. */
  stopped: boolean;
}

/**
 * Each village's weight / the mean weight (so the default parcels per village stay the mean), or undefined when
 * every weight is the same (e.g. the embedded villages, weight 1): the `villageFactor` of a weighted run.
 */
export function villageFactors(weight: Float64Array): Float64Array | undefined {
  if (weight.length === 0 || weight.every((w) => w === weight[0])) return undefined;
  let sum = 0;
  for (const w of weight) sum += w;
  const mean = sum / weight.length;
  return mean > 0 ? weight.map((w) => w / mean) : undefined;
}

/**
 * Idle iterations before a center of `stations` stations stops: 20 per station, at least 300, at most the HGS-CVRP
 * default of 20,000 (Vidal 2022). Measured on the Zhejiang plan (README, "Delivery runs"): a 100-station center then
 * stops in well under a second.
 */
export function idleIterations(stations: number): number {
  return Math.min(
    DEFAULT_MAX_ITER_NO_IMPROVEMENT,
    Math.max(MIN_IDLE_ITERATIONS, IDLE_ITERATIONS_PER_STATION * stations),
  );
}

/** Figures of a set of runs under the cost parameters. */
export function runFigures(routes: readonly RunRoute[], params: RunParams): RunFigures {
  let km = 0;
  let minutes = 0;
  let deliveries = 0;
  let pickups = 0;
  for (const route of routes) {
    km += route.km;
    minutes += route.minutes;
    deliveries += route.deliveries;
    pickups += route.pickups;
  }
  const costPerDayYuan = routes.length * params.costPerVanDayYuan + km * params.costPerKmYuan;
  const moved = deliveries + pickups;
  return {
    vans: routes.length,
    kmPerDay: km,
    hours: minutes / 60,
    deliveries,
    pickups,
    costPerDayYuan,
    costPerParcelYuan: moved > 0 ? costPerDayYuan / moved : NaN,
  };
}

/** Center of each station: the given assignment, or the nearest center within reach (ties to the lower index). */
function assignCenters(input: RunsInput): Int32Array {
  const { sites } = input;
  const out = new Int32Array(sites.count).fill(-1);
  const centers: number[] = [];
  for (let j = 0; j < sites.count; j++) if (sites.role[j] === SITE_ROLE.center) centers.push(j);
  for (let j = 0; j < sites.count; j++) {
    if (sites.role[j] !== SITE_ROLE.station) continue;
    if (input.stationCenter) {
      const c = input.stationCenter[j];
      if (c >= 0 && c < sites.count && sites.role[c] === SITE_ROLE.center) out[j] = c;
      continue;
    }
    let best = -1;
    let bestKm = Infinity;
    for (const c of centers) {
      const km = haversineKm(sites.lon[j], sites.lat[j], sites.lon[c], sites.lat[c]);
      if (km <= input.centerReachKm && km < bestKm) {
        best = c;
        bestKm = km;
      }
    }
    out[j] = best;
  }
  return out;
}

/** Parcels and pickups of each station: each covered village to its nearest station within the station reach. */
function stationLoads(input: RunsInput, params: RunParams): { deliveries: Float64Array; pickups: Float64Array } {
  const { sites, villages } = input;
  const deliveries = new Float64Array(sites.count);
  const pickups = new Float64Array(sites.count);
  const stations: number[] = [];
  for (let j = 0; j < sites.count; j++) if (sites.role[j] === SITE_ROLE.station) stations.push(j);
  if (stations.length === 0 || villages.count === 0) return { deliveries, pickups };
  const candidates = {
    count: stations.length,
    lon: Float64Array.from(stations, (j) => sites.lon[j]),
    lat: Float64Array.from(stations, (j) => sites.lat[j]),
    status: new Uint8Array(stations.length),
  };
  const demand = { count: villages.count, lon: villages.lon, lat: villages.lat, weight: new Float64Array(0) };
  const lists = nearestListsFromPoints(demand, candidates, 1);
  for (let i = 0; i < villages.count; i++) {
    const k = lists.offsets[i];
    if (lists.offsets[i + 1] === k || !(lists.distances[k] <= input.stationReachKm)) continue;
    const factor = input.villageFactor?.[i] ?? 1;
    if (!(factor >= 0)) continue;
    const j = stations[lists.sites[k]];
    deliveries[j] += params.parcelsPerVillage * factor;
    pickups[j] += params.pickupsPerVillage * factor;
  }
  return { deliveries, pickups };
}

function siteName(input: RunsInput, j: number): string {
  return input.sites.name?.[j] ?? String(j);
}

/**
 * Plans the daily runs of every center of a plan.
 * @param input villages, the plan's sites (centers and stations), reaches, distance source and run parameters
 * @param options seed, one time budget for the whole plan, progress and cancel
 * @returns per center its runs (stations in order, km, minutes, loads) and figures, the totals, and the
 *   stations left out, each with a reason and a message naming it
 * @throws RunParamsError when a run parameter is unusable (e.g. capacity 0)
 * @example
 * const runs = planRuns({ villages, sites, stationReachKm: 5, centerReachKm: 60 }, { timeBudgetSec: 3 });
 * runs.totals.vans; // vans needed per day
 */
export function planRuns(input: RunsInput, options: PlanRunsOptions = {}): RunsResult {
  const startedAt = performance.now();
  const params = resolveRunParams(input.params);
  const budgetSec = options.timeBudgetSec ?? DEFAULT_RUNS_BUDGET_SEC;
  if (!(budgetSec > 0)) throw new Error(`timeBudgetSec must be > 0, got ${budgetSec}.`);
  const { sites } = input;
  const siteCenter = assignCenters(input);
  const { deliveries, pickups } = stationLoads(input, params);
  const groups = new Map<number, number[]>();
  const unrouted: UnroutedRunStation[] = [];
  for (let j = 0; j < sites.count; j++) {
    if (sites.role[j] === SITE_ROLE.center) groups.set(j, groups.get(j) ?? []);
  }
  for (let j = 0; j < sites.count; j++) {
    if (sites.role[j] !== SITE_ROLE.station) continue;
    const c = siteCenter[j];
    if (c < 0) {
      const message = `station ${siteName(input, j)} not routed: no county center within ${input.centerReachKm} km`;
      unrouted.push({ station: j, center: -1, reason: 'no-center', message });
    } else groups.get(c)?.push(j);
  }
  const totalStations = [...groups.values()].reduce((sum, list) => sum + list.length, 0);
  const centers: CenterRuns[] = [];
  let doneStations = 0;
  let kmSoFar = 0;
  let stopped = false;
  const shouldStop = (): boolean => {
    if (options.shouldStop?.() === true) stopped = true;
    return stopped;
  };
  const deadline = startedAt + 1000 * budgetSec;
  for (const [center, stations] of groups) {
    const leftSec = Math.max(0, (deadline - performance.now()) / 1000);
    const leftStations = totalStations - doneStations;
    const centerBudget = leftStations > 0 ? (leftSec * stations.length) / leftStations : 0;
    const problem = buildCenterProblem(input, params, center, stations, deliveries, pickups);
    const solution = solveRoutes(problem, {
      seed: options.seed ?? 1,
      timeLimitSec: Math.max(centerBudget, 0.001),
      maxIterNoImprovement: idleIterations(stations.length),
      shouldStop,
      onProgress: (share) => {
        const progressShare = totalStations > 0 ? (doneStations + share * stations.length) / totalStations : 1;
        options.onProgress?.({ share: Math.min(1, progressShare), objective: kmSoFar });
      },
    });
    const routes = solution.routes.map((route, r): RunRoute => {
      const stats = routeStats(problem, route);
      return {
        center,
        vehicle: r + 1,
        stations: route.map((node) => stations[node - 1]),
        km: stats.cost,
        minutes: stats.durationMin,
        deliveries: stats.delivery,
        pickups: stats.pickup,
        loadMax: stats.loadMax,
      };
    });
    for (const left of solution.unrouted) {
      const station = stations[left.node - 1];
      const text = describeUnrouted({ node: station, reason: left.reason }, siteName(input, station));
      const load =
        left.reason === 'load-over-capacity'
          ? `: ${round1(deliveries[station])} parcels and ${round1(pickups[station])} pickups a day, ` +
            `van ${params.vanCapacity}`
          : '';
      const message = `${text} (center ${siteName(input, center)}${load})`;
      unrouted.push({ station, center, reason: left.reason, message });
    }
    const figures = runFigures(routes, params);
    kmSoFar += figures.kmPerDay;
    doneStations += stations.length;
    centers.push({
      center,
      stationCount: stations.length,
      routes,
      figures,
      solver: solution.solver,
      seconds: solution.seconds,
      budgetSec: centerBudget,
    });
    options.onProgress?.({ share: totalStations > 0 ? doneStations / totalStations : 1, objective: kmSoFar });
  }
  unrouted.sort((a, b) => a.station - b.station);
  return {
    params,
    centers,
    unrouted,
    totals: runFigures(
      centers.flatMap((c) => c.routes),
      params,
    ),
    siteDeliveries: deliveries,
    sitePickups: pickups,
    siteCenter,
    seconds: (performance.now() - startedAt) / 1000,
    stopped,
  };
}

const round1 = (value: number): number => Math.round(value * 10) / 10;
