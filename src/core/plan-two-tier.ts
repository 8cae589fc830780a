/**
 * The two-tier model in plan terms: which candidates may host a county center, the center -> station reach, the
 * call to `solveTwoTier` (solve/two-tier.ts) and the plan's selected sites with their roles.
 *
 * Centers are chosen among the candidate sites listed in `request.centerCandidates` (the CLI's `--province` gives
 * one per county, see src/cli/province.ts); without that list, among all candidates that are not excluded when
 * there are at most {@link MAX_CENTER_CANDIDATES}, else among an even spread of that many (grid thinning, see
 * {@link spreadCandidates}): the solver's center step scales with centers x stations in reach.
 * The center reach is great-circle km (`params.centerRadius`), also with a matrix, which only gives demand-to-
 * candidate distances; with `request.centerMatrix` (center -> candidate travel times, e.g. by road) it is that
 * matrix cut at `params.centerRadius` in its unit. A candidate may be chosen as a center and as a station: it then appears twice in
 * `selected`, once per role.
 */
import { coverageFromMatrix } from './reach/matrix';
import { coverageByRadius } from './reach/radius';
import { solveTwoTier } from './solve/two-tier';
import { SITE_ROLE, type PlanRequest } from './plan-types';
import { SITE_STATUS, type Candidates, type CoverageSets, type SolveOptions } from './types';

/** Most center candidates taken from the candidate sites when the request does not list them. */
export const MAX_CENTER_CANDIDATES = 2000;

/** What the two-tier solve gives, in plan terms (see `SolvedModel`). */
export interface TwoTierPlan {
  selected: Uint32Array;
  roles: Uint8Array;
  /** 1 for stations an open center reaches, 0 for centers and unreached stations; aligned with `selected`. */
  served: Uint8Array;
}

/**
 * Up to `max` candidates spread evenly over their extent: a square grid (in degrees) is coarsened by factors of 2
 * until at most `max` cells hold candidates; each cell keeps the candidate nearest the mean of its candidates
 * (ties to the lower index). Deterministic; indices ascending.
 *
 * @param candidates candidate sites
 * @param allowed indices eligible, ascending
 * @param max most indices returned
 */
export function spreadCandidates(candidates: Candidates, allowed: Uint32Array, max: number): Uint32Array {
  if (allowed.length <= max) return allowed;
  let cell = 1 / 64; // degrees, about 1.7 km of latitude
  for (;;) {
    const cells = new Map<string, number[]>();
    for (const j of allowed) {
      const key = `${Math.floor(candidates.lon[j] / cell)},${Math.floor(candidates.lat[j] / cell)}`;
      const members = cells.get(key);
      if (members === undefined) cells.set(key, [j]);
      else members.push(j);
    }
    if (cells.size <= max) {
      const picked: number[] = [];
      for (const members of cells.values()) {
        let lon = 0;
        let lat = 0;
        for (const j of members) {
          lon += candidates.lon[j] / members.length;
          lat += candidates.lat[j] / members.length;
        }
        let best = members[0];
        let bestD = Infinity;
        for (const j of members) {
          const d = (candidates.lon[j] - lon) ** 2 + (candidates.lat[j] - lat) ** 2;
          if (d < bestD) {
            bestD = d;
            best = j;
          }
        }
        picked.push(best);
      }
      return Uint32Array.from(picked).sort();
    }
    cell *= 2;
  }
}

/** Coverage sets read the other way: a center x candidate matrix's sets (demand = centers) as candidate x center. */
function stationSide(sets: CoverageSets): CoverageSets {
  return {
    demandCount: sets.siteCount,
    siteCount: sets.demandCount,
    demandOffsets: sets.siteOffsets,
    demandSites: sets.siteDemands,
    siteOffsets: sets.demandOffsets,
    siteDemands: sets.demandSites,
  };
}

/** Candidates that may host a center: the request's list or a spread, never excluded ones. */
export function centerCandidates(request: PlanRequest): Uint32Array {
  const { candidates } = request;
  const usable = (j: number): boolean => candidates.status[j] !== SITE_STATUS.excluded;
  if (request.centerCandidates !== undefined) {
    return Uint32Array.from(request.centerCandidates.filter(usable)).sort();
  }
  const allowed: number[] = [];
  for (let j = 0; j < candidates.count; j++) if (usable(j)) allowed.push(j);
  return spreadCandidates(candidates, Uint32Array.from(allowed), MAX_CENTER_CANDIDATES);
}

/**
 * The positions of the {@link centerCandidates}, in their order: the rows of `PlanRequest.centerMatrix`.
 * @returns the candidate indices and their points
 */
export function centerPoints(request: PlanRequest): {
  index: Uint32Array;
  count: number;
  lon: Float64Array;
  lat: Float64Array;
} {
  const index = centerCandidates(request);
  const { lon, lat } = request.candidates;
  return {
    index,
    count: index.length,
    lon: Float64Array.from(index, (j) => lon[j]),
    lat: Float64Array.from(index, (j) => lat[j]),
  };
}

/**
 * Solves two-tier coverage: `params.centers` new centers among {@link centerCandidates}, `params.p` new stations,
 * a station serving the villages within `params.radius` when a center is within `params.centerRadius` km.
 *
 * @param request a checked two-tier request
 * @param stationCoverage station -> demand coverage sets of `params.radius`
 * @param options seed, time limit, progress, stop flag
 */
export async function solveTwoTierPlan(
  request: PlanRequest,
  stationCoverage: CoverageSets,
  options: SolveOptions,
): Promise<{ plan: TwoTierPlan; solution: Awaited<ReturnType<typeof solveTwoTier>> }> {
  const { params, candidates, demand } = request;
  const centers = centerPoints(request);
  const centerIndex = centers.index;
  const centerReach =
    request.centerMatrix === undefined
      ? coverageByRadius(candidates, centers, params.centerRadius ?? 0)
      : stationSide(coverageFromMatrix(request.centerMatrix, params.centerRadius ?? 0));
  const solution = await solveTwoTier(
    { stations: { coverage: stationCoverage, weight: demand.weight, status: candidates.status }, centerReach },
    {
      ...options,
      pCenters: params.centers ?? 0,
      pStations: params.p ?? 0,
      mode: params.exact ? 'exact' : 'heuristic',
    },
  );
  const openCenter = new Uint8Array(centerIndex.length);
  for (const c of solution.centers) openCenter[c] = 1;
  const entries: [number, number, number][] = []; // [candidate, role, served]
  for (const s of solution.stations) {
    let reached = 0;
    for (let q = centerReach.demandOffsets[s]; q < centerReach.demandOffsets[s + 1] && !reached; q++) {
      reached = openCenter[centerReach.demandSites[q]];
    }
    entries.push([s, SITE_ROLE.station, reached]);
  }
  for (const c of solution.centers) entries.push([centerIndex[c], SITE_ROLE.center, 0]);
  entries.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return {
    plan: {
      selected: Uint32Array.from(entries, (e) => e[0]),
      roles: Uint8Array.from(entries, (e) => e[1]),
      served: Uint8Array.from(entries, (e) => e[2]),
    },
    solution,
  };
}
