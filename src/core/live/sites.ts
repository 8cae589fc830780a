/**
 * The sites of a plan as a small column table: what the app state holds, what the coverage worker evaluates and
 * what a plan file lists. Every edit returns a new table (the old one stays valid for undo), so a table is never
 * changed in place once made. Positions are [lon, lat] in degrees (WGS 84).
 *
 * Ids are stable and unique within a plan: an edit never changes a site's id, a new site gets the next free
 * `S<n>` (one more than the largest `S<n>` in the table), and ids read from files (plan files, imports) are kept.
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
  /** Stable id of each site, unique within the table (e.g. `S12`, or the id of an imported file's row). */
  id: string[];
  /** Year of the rollout (1 = first year), 0 = no phase. */
  phase: Uint8Array;
}

/** Largest phase (rollout year) a site can have. */
export const MAX_SITE_PHASE = 255;

/** A table of no sites. */
export function emptySites(): SiteTable {
  return {
    count: 0,
    lon: new Float64Array(0),
    lat: new Float64Array(0),
    status: new Uint8Array(0),
    role: new Uint8Array(0),
    id: [],
    phase: new Uint8Array(0),
  };
}

const SITE_ID = /^S([1-9]\d*)$/;

/** The next free `S<n>` id: one more than the largest `S<n>` among `ids` (`S1` when there is none). */
export function nextSiteId(ids: Iterable<string>): string {
  let max = 0;
  for (const id of ids) {
    const match = SITE_ID.exec(id);
    if (match) max = Math.max(max, Number(match[1]));
  }
  return `S${max + 1}`;
}

/**
 * Ids made unique: each empty or repeated id (after its first use) is replaced by a fresh `S<n>`, larger than
 * every `S<n>` in `ids`; the others are kept. For ids read from files, which may repeat or be blank.
 * @example uniqueSiteIds(['a', '', 'a', 'S4']) // ['a', 'S5', 'S6', 'S4']
 */
export function uniqueSiteIds(ids: readonly string[]): string[] {
  let next = Number(nextSiteId(ids).slice(1));
  const seen = new Set<string>();
  return ids.map((id) => {
    if (id !== '' && !seen.has(id)) {
      seen.add(id);
      return id;
    }
    let fresh = `S${next++}`;
    while (seen.has(fresh)) fresh = `S${next++}`;
    seen.add(fresh);
    return fresh;
  });
}

/**
 * A table from columns (lengths checked, arrays kept).
 * @param id site ids (default: `S1`...`Sn`); empty ones get fresh `S<n>` ids
 * @param phase rollout years (default: all 0, no phase)
 * @throws Error when a column has the wrong length or an id repeats
 */
export function siteTable(
  lon: Float64Array,
  lat: Float64Array,
  status: Uint8Array,
  role: Uint8Array,
  id?: readonly string[],
  phase?: Uint8Array,
): SiteTable {
  const count = lon.length;
  const ids = id === undefined ? Array.from({ length: count }, (_, k) => `S${k + 1}`) : [...id];
  const phases = phase ?? new Uint8Array(count);
  if (
    lat.length !== count ||
    status.length !== count ||
    role.length !== count ||
    ids.length !== count ||
    phases.length !== count
  ) {
    throw new Error(
      `Expected ${count} latitudes, statuses, roles, ids and phases, got ${lat.length}, ${status.length}, ` +
        `${role.length}, ${ids.length}, ${phases.length}.`,
    );
  }
  const filled = ids.includes('') ? fillIds(ids) : ids;
  if (new Set(filled).size !== count) {
    const seen = new Set<string>();
    const repeated = filled.find((x) => seen.size === seen.add(x).size);
    throw new Error(`Site id ${JSON.stringify(repeated)} is used twice; ids must be unique within a plan.`);
  }
  return { count, lon, lat, status, role, id: filled, phase: phases };
}

/** Empty ids replaced by fresh `S<n>` ids (the others kept, even when repeated: siteTable reports those). */
function fillIds(ids: string[]): string[] {
  let next = Number(nextSiteId(ids).slice(1));
  return ids.map((x) => (x === '' ? `S${next++}` : x));
}

/**
 * A copy with one more site at the end.
 * @param id its id (default: the next free `S<n>`)
 * @param phase its rollout year (default 0, none)
 */
export function addSite(
  sites: SiteTable,
  lon: number,
  lat: number,
  status: number = SITE_STATUS.proposed,
  role: number = SITE_ROLE.station,
  id: string = nextSiteId(sites.id),
  phase = 0,
): SiteTable {
  const grow = <T extends Float64Array | Uint8Array>(array: T, value: number): T => {
    const next = new (array.constructor as new (n: number) => T)(array.length + 1);
    next.set(array);
    next[array.length] = value;
    return next;
  };
  return siteTable(
    grow(sites.lon, lon),
    grow(sites.lat, lat),
    grow(sites.status, status),
    grow(sites.role, role),
    [...sites.id, id],
    grow(sites.phase, phase),
  );
}

/** A copy with site k at (lon, lat). */
export function moveSite(sites: SiteTable, k: number, lon: number, lat: number): SiteTable {
  checkIndex(sites, k);
  const next = { ...sites, lon: sites.lon.slice(), lat: sites.lat.slice() };
  next.lon[k] = lon;
  next.lat[k] = lat;
  return next;
}

/** A copy without site k (the other sites keep their ids). */
export function removeSite(sites: SiteTable, k: number): SiteTable {
  checkIndex(sites, k);
  const drop = <T extends Float64Array | Uint8Array>(array: T): T => {
    const next = new (array.constructor as new (n: number) => T)(array.length - 1);
    next.set(array.subarray(0, k));
    next.set(array.subarray(k + 1), k);
    return next;
  };
  return {
    count: sites.count - 1,
    lon: drop(sites.lon),
    lat: drop(sites.lat),
    status: drop(sites.status),
    role: drop(sites.role),
    id: sites.id.filter((_, j) => j !== k),
    phase: drop(sites.phase),
  };
}

/** A copy with site k's status set (a SITE_STATUS code). */
export function setSiteStatus(sites: SiteTable, k: number, status: number): SiteTable {
  checkIndex(sites, k);
  const next = { ...sites, status: sites.status.slice() };
  next.status[k] = status;
  return next;
}

/** A copy with site k's role set (a SITE_ROLE code). */
export function setSiteRole(sites: SiteTable, k: number, role: number): SiteTable {
  checkIndex(sites, k);
  const next = { ...sites, role: sites.role.slice() };
  next.role[k] = role;
  return next;
}

/**
 * A copy with site k's phase set.
 * @param phase rollout year, 1 = first year, 0 = none (a whole number up to {@link MAX_SITE_PHASE})
 */
export function setSitePhase(sites: SiteTable, k: number, phase: number): SiteTable {
  checkIndex(sites, k);
  if (!Number.isInteger(phase) || phase < 0 || phase > MAX_SITE_PHASE) {
    throw new Error(`Expected a phase from 0 (none) to ${MAX_SITE_PHASE}, got ${phase}.`);
  }
  const next = { ...sites, phase: sites.phase.slice() };
  next.phase[k] = phase;
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

/** One saved site: `[lon, lat, status, role, id, phase]` (the last two absent in saves older than ids). */
export type SiteRow = [number, number, number, number, string, number];

/** A JSON-friendly copy: one `[lon, lat, status, role, id, phase]` row per site (autosave and saved scenarios). */
export function sitesToRows(sites: SiteTable): SiteRow[] {
  return Array.from({ length: sites.count }, (_, k) => [
    sites.lon[k],
    sites.lat[k],
    sites.status[k],
    sites.role[k],
    sites.id[k],
    sites.phase[k],
  ]);
}

/**
 * The inverse of {@link sitesToRows}. Rows of 4 (saves older than ids) get fresh ids `S1`... and no phase; ids
 * that are blank or repeated get fresh ones ({@link uniqueSiteIds}).
 */
export function sitesFromRows(rows: readonly (readonly (number | string)[])[]): SiteTable {
  const num = (value: number | string | undefined): number => (typeof value === 'number' ? value : NaN);
  return siteTable(
    Float64Array.from(rows, (r) => num(r[0])),
    Float64Array.from(rows, (r) => num(r[1])),
    Uint8Array.from(rows, (r) => num(r[2])),
    Uint8Array.from(rows, (r) => num(r[3])),
    uniqueSiteIds(rows.map((r) => (typeof r[4] === 'string' ? r[4] : ''))),
    Uint8Array.from(rows, (r) => (typeof r[5] === 'number' ? r[5] : 0)),
  );
}

function checkIndex(sites: SiteTable, k: number): void {
  if (!Number.isInteger(k) || k < 0 || k >= sites.count)
    throw new Error(`Site ${k} does not exist (${sites.count} sites).`);
}
