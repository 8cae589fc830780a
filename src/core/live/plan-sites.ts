/**
 * The plan's sites after a suggestion: the selected candidates of the planning request, in selection order, with
 * the role the engine gave each, followed by the excluded sites of the plan before (they stay as markers).
 * Hand-marked stations (existing, locked) became candidates at their own position (see `withMarkedStations` in
 * user-request.ts): when selected with the same role they keep their id and phase; a new site takes the id of its
 * row in the user's candidates file, else a fresh `S<n>`.
 */
import { SITE_STATUS, type Candidates } from '../types';
import { siteTable, uniqueSiteIds, type SiteTable } from './sites';

/**
 * @param candidates the candidates of the request the engine solved
 * @param fileIds the user's id of each candidate ('' for the others), or undefined
 * @param selected indices of the selected candidates
 * @param roles SITE_ROLE code of each selected candidate
 * @param previous the plan's sites before the suggestion
 * @throws Error when a selected index is out of range or the roles do not match the selection
 */
export function sitesOfSelection(
  candidates: Candidates,
  fileIds: readonly string[] | undefined,
  selected: Uint32Array,
  roles: Uint8Array,
  previous: SiteTable,
): SiteTable {
  if (roles.length !== selected.length) throw new Error(`Expected ${selected.length} roles, got ${roles.length}.`);
  // Hand-marked stations became candidates at their own position (planRequest): they keep their id and phase.
  const marked = new Map<string, number>();
  for (let k = 0; k < previous.count; k++) {
    if (previous.status[k] !== SITE_STATUS.proposed && previous.status[k] !== SITE_STATUS.excluded) {
      marked.set(`${previous.lon[k]},${previous.lat[k]},${previous.status[k]}`, k);
    }
  }
  const lon: number[] = [];
  const lat: number[] = [];
  const status: number[] = [];
  const role: number[] = [];
  const id: string[] = [];
  const phase: number[] = [];
  const keep = (k: number, siteRole: number) => {
    lon.push(previous.lon[k]);
    lat.push(previous.lat[k]);
    status.push(previous.status[k]);
    role.push(siteRole);
    id.push(previous.id[k]);
    phase.push(previous.phase[k]);
  };
  selected.forEach((j, k) => {
    if (j >= candidates.count) throw new Error(`Selected candidate ${j} is out of range (${candidates.count}).`);
    const from = marked.get(`${candidates.lon[j]},${candidates.lat[j]},${candidates.status[j]}`);
    if (from !== undefined && candidates.status[j] !== SITE_STATUS.proposed && roles[k] === previous.role[from]) {
      marked.delete(`${candidates.lon[j]},${candidates.lat[j]},${candidates.status[j]}`);
      keep(from, roles[k]);
      return;
    }
    lon.push(candidates.lon[j]);
    lat.push(candidates.lat[j]);
    status.push(candidates.status[j]);
    role.push(roles[k]);
    id.push(fileIds?.[j] ?? ''); // a new site: its file id, else a fresh S<n> from siteTable
    phase.push(0);
  });
  for (let k = 0; k < previous.count; k++) if (previous.status[k] === SITE_STATUS.excluded) keep(k, previous.role[k]);
  return siteTable(
    Float64Array.from(lon),
    Float64Array.from(lat),
    Uint8Array.from(status),
    Uint8Array.from(role),
    uniqueSiteIds(id),
    Uint8Array.from(phase),
  );
}
