/**
 * `npm run plan -- --roads FILE --reach-minutes M`: the plan's reach by road. The road file is read and built
 * (src/cli/reach-network.ts), the demand points and candidates are snapped, and the travel-time table (rows =
 * demand, columns = candidates, seconds from village to site, cut at M minutes) becomes the plan's matrix, so
 * the planner runs exactly as with `--matrix` of the same table from `npm run reach`.
 */
import { snapPoints } from '../core/road/snap';
import { travelTable } from '../core/road/table';
import { centerPoints } from '../core/plan-two-tier';
import type { PlanParams } from '../core/plan-types';
import type { DistanceMatrix } from '../core/types';
import { planRequest, type PlanInputs } from '../io/plan-inputs';
import { loadRoads, roadsSummary } from './reach-network';

/** What a plan's reach was, for the report and the summary line. */
export interface RoadReachNote {
  kind: 'road';
  minutes: number;
  /** Two-tier center reach by road, minutes from center to station (absent: great-circle km). */
  centerMinutes?: number;
  roads: string;
  profile: string;
  direction: 'village-to-site';
  /** Demand points farther than 1 km from any drivable road (snap leg at the access speed). */
  farFromRoad: number;
}

/** The road options of a plan. */
export interface RoadReachOptions {
  /** Road network file. */
  roads: string;
  /** Station reach by road in minutes (the table's cut). */
  reachMinutes: number;
  /** Two-tier: center reach by road in minutes (driving out of the center); absent: great-circle km. */
  centerMinutes?: number;
  /** JSON car profile file. */
  profile?: string;
}

/**
 * The inputs with the road travel-time matrix in place of great-circle reach, and for a two-tier plan with
 * `centerMinutes` the center -> candidate times by road too (rows in the order of `centerCandidates`).
 * @param params the plan's parameters (which candidates may host a center depends on the request)
 */
export async function withRoadReach(
  inputs: PlanInputs,
  params: PlanParams,
  options: RoadReachOptions,
): Promise<PlanInputs & { roadReach: RoadReachNote }> {
  const { reachMinutes, centerMinutes } = options;
  const roads = await loadRoads(options.roads, options.profile);
  const { demand, candidates } = inputs;
  const villages = snapPoints(roads.network, demand.lon, demand.lat);
  const sites = snapPoints(roads.network, candidates.lon, candidates.lat);
  const matrix = travelTable(roads.network, villages, sites, reachMinutes * 60);
  let farFromRoad = 0;
  for (let k = 0; k < villages.count; k++) if (!(villages.snapMetres[k] <= 1000)) farFromRoad++;
  const notes = [...inputs.notes, roadsSummary(options.roads, roads)];
  notes.push(
    `reach by road: ${reachMinutes} min from village to site, ${demand.count} villages and ${candidates.count} ` +
      `sites snapped (${farFromRoad} villages over 1 km from a road)`,
  );
  let centerMatrix: DistanceMatrix | undefined;
  if (centerMinutes !== undefined && params.model === 'two-tier') {
    const points = centerPoints(planRequest(inputs, params));
    const centers = snapPoints(roads.network, points.lon, points.lat);
    centerMatrix = travelTable(roads.network, centers, sites, centerMinutes * 60);
    notes.push(`center reach by road: ${centerMinutes} min from center to station, ${points.count} centers`);
  }
  return {
    ...inputs,
    matrix,
    matrixUnit: 's',
    centerMatrix,
    notes,
    roadReach: {
      kind: 'road',
      minutes: reachMinutes,
      ...(centerMatrix === undefined ? {} : { centerMinutes }),
      roads: options.roads,
      profile: options.profile ?? 'default car profile',
      direction: 'village-to-site',
      farFromRoad,
    },
  };
}
