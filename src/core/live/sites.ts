/**
 * The sites of a plan as a small column table: what the app state holds, what the coverage worker evaluates and
 * what a plan file lists. Every edit returns a new table (the old one stays valid for undo), so a table is never
 * changed in place once made. Positions are [lon, lat] in degrees (WGS 84).
 */
import { SITE_ROLE } from '../plan-types';
import { SITE_STATUS } from '../types';

/** Sites in columns; index k is the site index everywhere. */
export interface SiteTable {
  count: number;
  lon: Float64Array;
  lat: Float64Array;
  /** SITE_STATUS code: proposed, existing, locked or excluded. */
  status: Uint8Array;
  /** SITE_ROLE code: station or center. */
  role: Uint8Array;
}

/** A table of no sites. */
export function emptySites(): SiteTable {
  return {
    count: 0,
    lon: new Float64Array(0),
    lat: new Float64Array(0),
    status: new Uint8Array(0),
    role: new Uint8Array(0),
  };
}

/** A table from columns (lengths checked, arrays kept). */
export function siteTable(lon: Float64Array, lat: Float64Array, status: Uint8Array, role: Uint8Array): SiteTable {
  const count = lon.length;
  if (lat.length !== count || status.length !== count || role.length !== count) {
    throw new Error(
      `Expected ${count} latitudes, statuses and roles, got ${lat.length}, ${status.length}, ${role.length}.`,
    );
  }
  return { count, lon, lat, status, role };
}

/** A copy with one more site at the end. */
export function addSite(
  sites: SiteTable,
  lon: number,
  lat: number,
  status: number = SITE_STATUS.proposed,
  role: number = SITE_ROLE.station,
): SiteTable {
  const grow = <T extends Float64Array | Uint8Array>(array: T, value: number): T => {
    const next = new (array.constructor as new (n: number) => T)(array.length + 1);
    next.set(array);
    next[array.length] = value;
    return next;
  };
  return siteTable(grow(sites.lon, lon), grow(sites.lat, lat), grow(sites.status, status), grow(sites.role, role));
}

/** A copy with site k at (lon, lat). */
export function moveSite(sites: SiteTable, k: number, lon: number, lat: number): SiteTable {
  checkIndex(sites, k);
  const next = { ...sites, lon: sites.lon.slice(), lat: sites.lat.slice() };
  next.lon[k] = lon;
  next.lat[k] = lat;
  return next;
}

/** A copy without site k. */
export function removeSite(sites: SiteTable, k: number): SiteTable {
  checkIndex(sites, k);
  const drop = <T extends Float64Array | Uint8Array>(array: T): T => {
    const next = new (array.constructor as new (n: number) => T)(array.length - 1);
    next.set(array.subarray(0, k));
    next.set(array.subarray(k + 1), k);
    return next;
  };
  return siteTable(drop(sites.lon), drop(sites.lat), drop(sites.status), drop(sites.role));
}

/** A copy with site k's status set (a SITE_STATUS code). */
export function setSiteStatus(sites: SiteTable, k: number, status: number): SiteTable {
  checkIndex(sites, k);
  const next = { ...sites, status: sites.status.slice() };
  next.status[k] = status;
  return next;
}

/** Sites that are open, i.e. not excluded: existing, locked and proposed sites all count toward coverage. */
export function isOpen(sites: SiteTable, k: number): boolean {
  return sites.status[k] !== SITE_STATUS.excluded;
}

/** Numbers of open stations and open centers. */
export function openCounts(sites: SiteTable): { stations: number; centers: number } {
  let stations = 0;
  let centers = 0;
  for (let k = 0; k < sites.count; k++) {
    if (!isOpen(sites, k)) continue;
    if (sites.role[k] === SITE_ROLE.center) centers++;
    else stations++;
  }
  return { stations, centers };
}

/** A JSON-friendly copy: one `[lon, lat, status, role]` row per site (for plan files and saved scenarios). */
export function sitesToRows(sites: SiteTable): [number, number, number, number][] {
  return Array.from({ length: sites.count }, (_, k) => [sites.lon[k], sites.lat[k], sites.status[k], sites.role[k]]);
}

/** The inverse of {@link sitesToRows}. */
export function sitesFromRows(rows: readonly (readonly number[])[]): SiteTable {
  return siteTable(
    Float64Array.from(rows, (r) => r[0]),
    Float64Array.from(rows, (r) => r[1]),
    Uint8Array.from(rows, (r) => r[2]),
    Uint8Array.from(rows, (r) => r[3]),
  );
}

function checkIndex(sites: SiteTable, k: number): void {
  if (!Number.isInteger(k) || k < 0 || k >= sites.count)
    throw new Error(`Site ${k} does not exist (${sites.count} sites).`);
}
