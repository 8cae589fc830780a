/**
 * `npm run plan -- --roads FILE --reach-minutes M`: the plan's reach by road. The road file is read and built
 * (src/cli/reach-network.ts), the demand points and candidates are snapped, and the travel-time table (rows =
 * demand, columns = candidates, seconds from village to site, cut at M minutes) becomes the plan's matrix, so
 * the planner runs exactly as with `--matrix` of the same table from `npm run reach`.
 */
import { snapPoints } from '../core/road/snap';
import { travelTable } from '../core/road/table';
import type { PlanInputs } from '../io/plan-inputs';
import { loadRoads, roadsSummary } from './reach-network';

/** What a plan's reach was, for the report and the summary line. */
export interface RoadReachNote {
  kind: 'road';
  minutes: number;
  roads: string;
  profile: string;
  direction: 'village-to-site';
  /** Demand points farther than 1 km from any drivable road (snap leg at the access speed). */
  farFromRoad: number;
}

/**
 * The inputs with the road travel-time matrix in place of great-circle reach.
 * @param reachMinutes station reach by road in minutes (the table's cut)
 */
export async function withRoadReach(
  inputs: PlanInputs,
  roadsFile: string,
  reachMinutes: number,
  profileFile?: string,
): Promise<PlanInputs & { roadReach: RoadReachNote }> {
  const roads = await loadRoads(roadsFile, profileFile);
  const { demand, candidates } = inputs;
  const villages = snapPoints(roads.network, demand.lon, demand.lat);
  const sites = snapPoints(roads.network, candidates.lon, candidates.lat);
  const matrix = travelTable(roads.network, villages, sites, reachMinutes * 60);
  let farFromRoad = 0;
  for (let k = 0; k < villages.count; k++) if (!(villages.snapMetres[k] <= 1000)) farFromRoad++;
  const notes = [...inputs.notes, roadsSummary(roadsFile, roads)];
  notes.push(
    `reach by road: ${reachMinutes} min from village to site, ${demand.count} villages and ${candidates.count} ` +
      `sites snapped (${farFromRoad} villages over 1 km from a road)`,
  );
  return {
    ...inputs,
    matrix,
    matrixUnit: 's',
    notes,
    roadReach: {
      kind: 'road',
      minutes: reachMinutes,
      roads: roadsFile,
      profile: profileFile ?? 'default car profile',
      direction: 'village-to-site',
      farFromRoad,
    },
  };
}
