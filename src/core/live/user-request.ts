/**
 * Pieces of a planning request made on the user's data (`LiveSession.planRequest`, `userPlanRequest`): hand-marked
 * stations merged into a candidate list, and a user's travel matrix put in the order of the request. Pure.
 */
import { SITE_ROLE } from '../plan-types';
import { SITE_STATUS, type Candidates, type DistanceMatrix } from '../types';
import type { SiteTable } from './sites';

/**
 * Hand-marked stations (existing, locked, excluded) into a candidate list: each gives its status to the candidate at
 * its exact position, or is added at the end as a candidate of its own. Centers and proposed sites are left out.
 * The arrays are changed in place.
 */
export function withMarkedStations(lon: number[], lat: number[], status: number[], sites: SiteTable): void {
  const at = new Map<string, number>();
  lon.forEach((x, j) => at.set(`${x},${lat[j]}`, j));
  for (let k = 0; k < sites.count; k++) {
    if (sites.status[k] === SITE_STATUS.proposed || sites.role[k] !== SITE_ROLE.station) continue;
    const j = at.get(`${sites.lon[k]},${sites.lat[k]}`);
    if (j !== undefined) {
      status[j] = sites.status[k];
    } else {
      lon.push(sites.lon[k]);
      lat.push(sites.lat[k]);
      status.push(sites.status[k]);
    }
  }
}

/** Where the demand of a request comes from in a user's file. */
export interface DemandRows {
  /** For each demand point: its row in the user's file (kept rows, file order), or -1 for an embedded village. */
  demandUserIndex: Int32Array;
  /** Rows of the user's file (kept rows). */
  userRows: number;
}

/**
 * A user's matrix (rows = their villages in file order, columns = their `fileCols` candidate sites, in that order)
 * with its rows in demand order and one column of Infinity for each candidate after the file's (hand-marked
 * stations added by {@link withMarkedStations}). Such a column may only be an excluded station's: an open station
 * without travel data would count as reaching nobody, so the engine's figures would be wrong.
 * @throws Error naming both sizes when the demand is not exactly the file's villages or the columns differ, and
 *   when an open station has no column
 */
export function demandOrderMatrix(
  matrix: DistanceMatrix,
  rows: DemandRows,
  candidates: Candidates,
  fileCols: number,
): DistanceMatrix {
  const demandCount = rows.demandUserIndex.length;
  let userDemand = 0;
  for (const row of rows.demandUserIndex) if (row >= 0) userDemand++;
  const { userRows } = rows;
  if (matrix.cols !== fileCols || matrix.rows !== userRows || userDemand !== demandCount || demandCount !== userRows) {
    throw new Error(
      `The travel matrix is ${matrix.rows} × ${matrix.cols}; the plan has ${demandCount} demand villages ` +
        `(${userDemand} of ${userRows} from the user's file) × ${fileCols} candidate sites.`,
    );
  }
  if (matrix.values.length !== matrix.rows * matrix.cols) {
    throw new Error(`Expected ${matrix.rows * matrix.cols} matrix values, got ${matrix.values.length}.`);
  }
  let open = 0;
  for (let j = fileCols; j < candidates.count; j++) if (candidates.status[j] !== SITE_STATUS.excluded) open++;
  if (open > 0) throw new Error(`${open} hand-marked stations stand at no candidate site of the matrix.`);
  const cols = candidates.count;
  const values = new Float64Array(demandCount * cols).fill(Infinity);
  for (let i = 0; i < demandCount; i++) {
    const row = rows.demandUserIndex[i];
    values.set(matrix.values.subarray(row * fileCols, (row + 1) * fileCols), i * cols);
  }
  return { rows: demandCount, cols, values };
}
