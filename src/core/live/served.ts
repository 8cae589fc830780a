/**
 * Which sites of a plan cover villages. A station covers when it is open and, in a two-tier plan (one with at
 * least one open center), when an open center lies within the center's delivery reach (`centerRadiusKm`,
 * great-circle, inclusive), the convention of the two-tier model; centers serve stations, not villages.
 * A plan without centers is single-tier: every open station covers.
 */
import { SITE_ROLE } from '../plan-types';
import { haversineKm } from '../distance/haversine';
import { isOpen, type SiteTable } from './sites';

/**
 * 1 for each site that covers villages, else 0. O(stations x centers): centers are few (one per county at most).
 * @param sites the plan's sites
 * @param centerRadiusKm reach of a center's delivery run in km
 */
export function coveringSites(sites: SiteTable, centerRadiusKm: number): Uint8Array {
  const centers: number[] = [];
  for (let k = 0; k < sites.count; k++) if (sites.role[k] === SITE_ROLE.center && isOpen(sites, k)) centers.push(k);
  const active = new Uint8Array(sites.count);
  for (let k = 0; k < sites.count; k++) {
    if (sites.role[k] === SITE_ROLE.center || !isOpen(sites, k)) continue;
    if (centers.length === 0) {
      active[k] = 1;
      continue;
    }
    for (const c of centers) {
      if (haversineKm(sites.lon[c], sites.lat[c], sites.lon[k], sites.lat[k]) <= centerRadiusKm) {
        active[k] = 1;
        break;
      }
    }
  }
  return active;
}
