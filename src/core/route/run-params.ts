/**
 * Parameters of the daily delivery runs of a plan (see ./plan-runs.ts), their defaults and where each default
 * comes from. Loads are counted in parcels: a produce pickup is one parcel-sized unit of farm produce collected
 * at a station. Where no published figure fits a county van, the default says "assumption": set your own.
 */
import { DEFAULT_CIRCUITY, DEFAULT_SPEED_KMH } from '../reach/travel-time';

/** Run parameters. Every field has a default ({@link DEFAULT_RUN_PARAMS}). */
export interface RunParams {
  /** Parcels delivered per village per day (times the village's weight factor when one is given). */
  parcelsPerVillage: number;
  /** Produce pickups (parcel units) collected per village per day. */
  pickupsPerVillage: number;
  /** Van capacity in parcels; the load on board never exceeds it. */
  vanCapacity: number;
  /** Longest run (shift) in hours, driving and stops, depot to depot. */
  shiftHours: number;
  /** Stop time at each station in minutes. */
  stopMin: number;
  /** Mean driving speed in km/h of the straight-line proxy (and of the km estimate of a matrix given in minutes). */
  speedKmh: number;
  /** Road distance / straight-line distance of the proxy. */
  circuity: number;
  /** Running cost per km driven, yuan. */
  costPerKmYuan: number;
  /** Fixed cost of one van for one day (driver and vehicle), yuan. */
  costPerVanDayYuan: number;
}

/** The defaults. */
export const DEFAULT_RUN_PARAMS: Readonly<RunParams> = Object.freeze({
  parcelsPerVillage: 5,
  pickupsPerVillage: 2,
  vanCapacity: 300,
  shiftHours: 8,
  stopMin: 10,
  speedKmh: DEFAULT_SPEED_KMH,
  circuity: DEFAULT_CIRCUITY,
  costPerKmYuan: 1,
  costPerVanDayYuan: 300,
});

/** Where each default comes from (shown by the CLI help, the README and the app). */
export const RUN_PARAM_SOURCES: Readonly<Record<keyof RunParams, string>> = Object.freeze({
  parcelsPerVillage:
    'assumption (sized so that a 3 km station catchment of 10-30 villages fits one 300-parcel van; set your county figure)',
  pickupsPerVillage:
    'assumption (produce collected for e-commerce sale, under half the parcels; set your county figure)',
  vanCapacity: 'assumption (a light van, e.g. a 2-3 m3 minivan, with about 300 small parcels)',
  shiftHours: 'PRC Labour Law art. 36: an 8-hour working day',
  stopMin: 'assumption (hand-over and scanning at a village station)',
  speedKmh: 'travel-time proxy default (src/core/reach/travel-time.ts): a rural county road with stops',
  circuity: 'travel-time proxy default: Ballou, Rahardja & Sakai, Transportation Research A 36 (2002) 843-848',
  costPerKmYuan: 'assumption (fuel and wear of a light van)',
  costPerVanDayYuan: 'assumption (a driver day and the van hire)',
});

/** Units of each parameter, for labels and help. */
export const RUN_PARAM_UNITS: Readonly<Record<keyof RunParams, string>> = Object.freeze({
  parcelsPerVillage: 'parcels/village/day',
  pickupsPerVillage: 'pickups/village/day',
  vanCapacity: 'parcels',
  shiftHours: 'h',
  stopMin: 'min',
  speedKmh: 'km/h',
  circuity: 'x',
  costPerKmYuan: 'yuan/km',
  costPerVanDayYuan: 'yuan/van-day',
});

/** Thrown by {@link resolveRunParams} when a parameter is unusable; `problems` lists every one. */
export class RunParamsError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Bad run parameters: ${problems.join('; ')}.`);
    this.name = 'RunParamsError';
    this.problems = problems;
  }
}

/** Rules: which parameters must be > 0 and which may be 0. */
const POSITIVE: readonly (keyof RunParams)[] = ['vanCapacity', 'shiftHours', 'speedKmh', 'circuity'];
const NON_NEGATIVE: readonly (keyof RunParams)[] = [
  'parcelsPerVillage',
  'pickupsPerVillage',
  'stopMin',
  'costPerKmYuan',
  'costPerVanDayYuan',
];

/**
 * Every problem of a set of run parameters, one clear message each (empty when they are usable).
 * @param params the parameters given (missing ones take their defaults)
 * @example
 * checkRunParams({ vanCapacity: 0 }); // ["vanCapacity (van capacity in parcels) must be > 0, got 0"]
 */
export function checkRunParams(params: Partial<RunParams>): string[] {
  const problems: string[] = [];
  const full = withDefaults(params);
  for (const key of POSITIVE) {
    const value = full[key];
    if (!(typeof value === 'number' && Number.isFinite(value) && value > 0)) {
      problems.push(`${key} (${RUN_PARAM_UNITS[key]}) must be a number > 0, got ${String(value)}`);
    }
  }
  for (const key of NON_NEGATIVE) {
    const value = full[key];
    if (!(typeof value === 'number' && Number.isFinite(value) && value >= 0)) {
      problems.push(`${key} (${RUN_PARAM_UNITS[key]}) must be a number >= 0, got ${String(value)}`);
    }
  }
  return problems;
}

/**
 * The parameters with defaults filled in, checked.
 * @throws RunParamsError naming every bad parameter
 */
export function resolveRunParams(params: Partial<RunParams> = {}): RunParams {
  const problems = checkRunParams(params);
  if (problems.length > 0) throw new RunParamsError(problems);
  return withDefaults(params);
}

/** The defaults overridden by the fields given (an `undefined` field keeps its default). */
function withDefaults(params: Partial<RunParams>): RunParams {
  const full: RunParams = { ...DEFAULT_RUN_PARAMS };
  for (const key of Object.keys(DEFAULT_RUN_PARAMS) as (keyof RunParams)[]) {
    const value = params[key];
    if (value !== undefined) full[key] = value;
  }
  return full;
}
