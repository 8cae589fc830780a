/*
 * NOTE to the app-side helper (routes branch): fields were only ADDED here, none renamed or removed:
 *   RouteProblem.x / RouteProblem.y (optional planar coordinates, used by SWAP*'s sector filter),
 *   RouteOptions.maxIterNoImprovement / RouteOptions.untilTimeLimit, UnroutedReason 'bad-load'.
 *   The solver is `solveRoutes` in ./solve.ts; `describeUnrouted` and `routeStats` (km, minutes, loadMax of a run)
 *   are in ./solve.ts and ./evaluate.ts.
 */
/**
 * Types of the routing core: the daily runs of vans from one depot (a county center) to its stations, delivering
 * parcels and collecting produce on the same run (the vehicle routing problem with simultaneous pickup and delivery;
 * with no pickups it is the capacitated VRP). Node 0 is the depot; nodes 1..n are the stations (customers).
 * Everything large is a typed array so a problem can cross a worker boundary as transferables.
 */

/** One routing problem: a depot and its stations, loads, capacity, shift and travel costs. */
export interface RouteProblem {
  /** Number of stations (customers); nodes are 0 (depot) .. n. */
  n: number;
  /** Delivery load dropped at each node (parcels or kg), length n + 1, [0] = 0. Non-negative. */
  delivery: Float64Array;
  /** Pickup load (produce) collected at each node, same unit as delivery, length n + 1, [0] = 0. Non-negative. */
  pickup: Float64Array;
  /** Van capacity in the load unit; the load on board never exceeds it anywhere on a run. */
  capacity: number;
  /** Travel cost from node i to node j, `cost[i * (n + 1) + j]` (the objective: km, or the CVRPLIB distance). */
  cost: Float64Array;
  /** Travel time from node i to node j in minutes, same layout; absent when no shift limit applies. */
  durationMin?: Float64Array;
  /** Service (stop) time at each node in minutes, length n + 1; absent = 0. */
  serviceMin?: Float64Array;
  /** Longest run in minutes (travel + stops, depot to depot); Infinity or absent = no limit. */
  maxDurationMin?: number;
  /** Most vans (runs) allowed; Infinity or absent = no limit. */
  maxVehicles?: number;
  /**
   * Optional planar coordinates of the nodes (length n + 1, any unit, e.g. lon/lat degrees or CVRPLIB x/y). Only
   * used to limit SWAP* to route pairs whose polar sectors around the depot overlap (Vidal 2022, section 4); without
   * them SWAP* is tried on every pair of routes.
   */
  x?: Float64Array;
  y?: Float64Array;
}

/** Options of the route solver. */
export interface RouteOptions {
  /** Seed of the deterministic generator (default 1): same problem and seed give the same runs when not cut by time. */
  seed?: number;
  /** Time budget in seconds (default 10). */
  timeLimitSec?: number;
  /** Called now and then with the share done in [0, 1] and the best cost so far. */
  onProgress?: (share: number, bestCost: number) => void;
  /** Checked now and then; when it returns true the solver stops and returns its best solution so far. */
  shouldStop?: () => boolean;
  /**
   * Iterations of the genetic search without a new best solution before it stops (or restarts, with
   * `untilTimeLimit`); default 20,000 as in HGS-CVRP (Vidal 2022, parameter `nbIter`).
   */
  maxIterNoImprovement?: number;
  /**
   * When true the search restarts its population after `maxIterNoImprovement` idle iterations and runs until the
   * time limit, as HGS-CVRP does with a time limit (the benchmark and the CVRPLIB CLI mode); then the answer depends
   * on the machine's speed. Default false: stop after `maxIterNoImprovement` idle iterations (deterministic).
   */
  untilTimeLimit?: boolean;
}

/** Why a station could not be routed. */
export type UnroutedReason =
  /** Its delivery or its pickup alone exceeds the van capacity. */
  | 'load-over-capacity'
  /** Depot -> station -> depot with the stop time is longer than the shift. */
  | 'shift-too-short'
  /** Its travel cost or time to or from the depot is not finite (no road, Infinity, NaN). */
  | 'unreachable'
  /** Every run is full and the fleet limit allows no more vans. */
  | 'fleet-too-small'
  /** Its delivery or pickup is negative, NaN or infinite. */
  | 'bad-load';

/** A station left out of every run, with the reason. */
export interface UnroutedStation {
  /** Node number (1..n). */
  node: number;
  reason: UnroutedReason;
}

/** The solver's answer. */
export interface RouteSolution {
  /** One array per run (van), the node numbers (1..n) in visiting order, depot left out. */
  routes: number[][];
  /** Total travel cost of the runs (sum of `cost` along depot -> stations -> depot). */
  cost: number;
  /** True when every routed run respects capacity, shift and fleet limits. */
  feasible: boolean;
  /** Stations that no run can serve, with the reason; the others are still routed. */
  unrouted: UnroutedStation[];
  /** Which algorithm produced it, e.g. "HGS (Vidal 2022) with SWAP*". */
  solver: string;
  seconds: number;
}
