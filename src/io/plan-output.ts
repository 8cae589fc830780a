/**
 * Writes a plan in the two documented output formats: `plan.geojson` (the chosen sites) and `report.json`
 * (the figures). Property names are part of the CLI contract (README, "Command line"): keep them stable.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { PlanParams, PlanResult } from '../core/plan-types';
import { SITE_ROLE_NAMES } from '../core/plan-types';
import { SITE_STATUS_NAMES, type Candidates, type SiteStatus } from '../core/types';

/** Properties of each feature of `plan.geojson`. */
export interface PlanSiteProperties {
  /** The candidate's id (from its file, or its row number / feature index, or the village code). */
  id: string;
  /** 0-based index of the candidate in the candidate list (the `selected` of the report). */
  index: number;
  role: 'center' | 'station';
  status: SiteStatus;
  /** Demand weight within reach of this site (pmedian/pcenter without a radius: assigned to it). */
  coveredWeight: number;
  /** Demand weight covered by this site only. */
  marginalWeight: number;
}

/**
 * The selected sites as an RFC 7946 FeatureCollection of Points ([lon, lat], WGS 84, rounded to 6 decimals, about
 * 0.1 m, as RFC 7946 section 11.2 suggests), one feature per site in ascending candidate index. A `proposed` candidate appears with status `proposed`; existing and locked ones keep
 * theirs.
 *
 * @param result the plan
 * @param candidates the candidates the plan was made on
 * @param ids candidate ids, by candidate index
 */
export function planToGeoJson(
  result: PlanResult,
  candidates: Candidates,
  ids: readonly string[],
): FeatureCollection<Point, PlanSiteProperties> {
  const { selected } = result.solution;
  const features: Feature<Point, PlanSiteProperties>[] = [];
  for (let k = 0; k < selected.length; k++) {
    const j = selected[k];
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [roundDegrees(candidates.lon[j]), roundDegrees(candidates.lat[j])] },
      properties: {
        id: ids[j] ?? String(j),
        index: j,
        role: SITE_ROLE_NAMES[result.roles[k]],
        status: SITE_STATUS_NAMES[candidates.status[j]],
        coveredWeight: result.metrics.siteCoveredWeight[k],
        marginalWeight: result.metrics.siteMarginalWeight[k],
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** Degrees rounded to 6 decimals (also hides float32 artefacts such as 116.4267349243164). */
function roundDegrees(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** The contents of `report.json`. Numbers that are unknown (NaN) are written as null. */
export interface PlanReport {
  model: string;
  params: PlanParams;
  /** Covered weight (mclp, two-tier), number of sites (lscp), total weighted distance (pmedian), largest distance (pcenter). */
  objective: number | null;
  coveredWeight: number;
  totalWeight: number;
  coverage: number;
  /** 0-based candidate indices of the open sites, ascending. */
  selected: number[];
  seconds: number;
  optimal: boolean;
  bound: number | null;
  gap: number | null;
  solver: string;
  demandCount: number;
  candidateCount: number;
}

/** The report of a plan; see {@link PlanReport}. */
export function planReport(result: PlanResult, demandCount: number, candidateCount: number): PlanReport {
  const { solution, metrics } = result;
  const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);
  return {
    model: result.params.model,
    params: result.params,
    objective: finite(solution.objective),
    coveredWeight: metrics.coveredWeight,
    totalWeight: metrics.totalWeight,
    coverage: metrics.coverage,
    selected: Array.from(solution.selected),
    seconds: solution.seconds,
    optimal: solution.optimal,
    bound: finite(solution.bound),
    gap: finite(solution.gap),
    solver: solution.solver,
    demandCount,
    candidateCount,
  };
}
