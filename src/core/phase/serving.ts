/**
 * Which open centers serve each station of a plan: those within the center's delivery reach (great-circle km,
 * inclusive), the two-tier rule of src/core/live/served.ts, kept per station so that a phasing can open a station
 * no earlier than a center that serves it.
 */
import { haversineKm } from '../distance/haversine';
import { isOpen, type SiteTable } from '../live/sites';
import { SITE_ROLE } from '../plan-types';
import type { ServingCenters } from './phase-types';

/**
 * The serving centers of every open station, in CSR form. O(stations x centers): centers are few.
 * @param sites the plan's sites
 * @param centerRadiusKm reach of a center's delivery run, km
 * @example
 * const serving = servingCenters(sites, 60);
 * serving.centers.subarray(serving.offsets[k], serving.offsets[k + 1]); // centers within 60 km of station k
 */
export function servingCenters(sites: SiteTable, centerRadiusKm: number): ServingCenters {
  const centers: number[] = [];
  for (let k = 0; k < sites.count; k++) if (sites.role[k] === SITE_ROLE.center && isOpen(sites, k)) centers.push(k);
  const offsets = new Uint32Array(sites.count + 1);
  const list: number[] = [];
  for (let k = 0; k < sites.count; k++) {
    if (sites.role[k] === SITE_ROLE.station && isOpen(sites, k)) {
      for (const c of centers) {
        if (haversineKm(sites.lon[c], sites.lat[c], sites.lon[k], sites.lat[k]) <= centerRadiusKm) list.push(c);
      }
    }
    offsets[k + 1] = list.length;
  }
  return { offsets, centers: Uint32Array.from(list), twoTier: centers.length > 0 };
}
