/**
 * Travel-time reach by a cheap road proxy: the road distance is the straight-line distance times a circuity
 * factor, driven at a constant speed,
 *
 *     durationMin = distanceKm * circuity / speedKmh * 60.
 *
 * Defaults: circuity 1.3 (road distance / great-circle distance; Ballou, Rahardja & Sakai, "Selected country
 * circuity factors for road travel distance estimation", Transportation Research A 36 (2002) 843-848, report
 * 1.1-1.6 by country, about 1.3 for most) and 40 km/h (a rural county road with stops). The proxy ignores
 * mountains and rivers: use a user travel-time matrix (`reach/matrix.ts`) where roads matter.
 */
import type { CoverageSets } from '../types';
import { coverageByRadius, type LonLatPoints } from './radius';

/** Parameters of the travel-time proxy. */
export interface TravelTimeModel {
  /** Road distance / straight-line distance (>= 1 in practice; default 1.3). */
  circuity?: number;
  /** Mean speed in km/h (default 40). */
  speedKmh?: number;
}

/** Default circuity factor (see the module comment). */
export const DEFAULT_CIRCUITY = 1.3;
/** Default speed in km/h. */
export const DEFAULT_SPEED_KMH = 40;

function parameters(model: TravelTimeModel): { circuity: number; speedKmh: number } {
  const circuity = model.circuity ?? DEFAULT_CIRCUITY;
  const speedKmh = model.speedKmh ?? DEFAULT_SPEED_KMH;
  if (!(circuity > 0) || !Number.isFinite(circuity)) throw new Error(`circuity must be > 0, got ${circuity}.`);
  if (!(speedKmh > 0) || !Number.isFinite(speedKmh)) throw new Error(`speedKmh must be > 0, got ${speedKmh}.`);
  return { circuity, speedKmh };
}

/**
 * Travel time of the proxy.
 * @param distanceKm straight-line distance in kilometres
 * @param model circuity (default 1.3) and speed in km/h (default 40)
 * @returns duration in minutes
 * @example
 * travelTimeMin(10); // 10 km * 1.3 / 40 km/h = 19.5 min
 */
export function travelTimeMin(distanceKm: number, model: TravelTimeModel = {}): number {
  const { circuity, speedKmh } = parameters(model);
  return ((distanceKm * circuity) / speedKmh) * 60;
}

/**
 * The straight-line radius that a travel-time budget reaches under the proxy: durationMin * speedKmh / 60 / circuity.
 * @param durationMin budget in minutes
 * @param model circuity (default 1.3) and speed in km/h (default 40)
 * @returns radius in kilometres
 * @example
 * reachKmForDuration(90); // 90 min at 40 km/h over roads 1.3x longer: about 46.2 km
 */
export function reachKmForDuration(durationMin: number, model: TravelTimeModel = {}): number {
  const { circuity, speedKmh } = parameters(model);
  if (!(durationMin >= 0)) throw new Error(`durationMin must be >= 0, got ${durationMin}.`);
  return (durationMin * speedKmh) / 60 / circuity;
}

/**
 * Coverage sets of a travel-time budget: site j covers demand i when the proxy travel time is at most
 * `durationMin` (inclusive), i.e. when the straight-line distance is at most `reachKmForDuration(durationMin)`
 * (the comparison is made on the distance, so the two definitions agree up to one rounding of that radius).
 *
 * @param demand demand points, lon/lat in degrees
 * @param sites candidate sites, lon/lat in degrees
 * @param durationMin travel-time budget in minutes
 * @param model circuity (default 1.3) and speed in km/h (default 40)
 * @example
 * const cov = coverageByTravelTime(villages, centers, 90); // 90-minute daily delivery run
 */
export function coverageByTravelTime(
  demand: LonLatPoints,
  sites: LonLatPoints,
  durationMin: number,
  model: TravelTimeModel = {},
): CoverageSets {
  return coverageByRadius(demand, sites, reachKmForDuration(durationMin, model));
}
