/**
 * `npm run rollout -- --roads FILE --reach-minutes M [--center-minutes C]`: the rollout's reach by road. The road
 * file is read and built once (src/cli/reach-network.ts); when the rollout knows its rural villages and county
 * center positions, they are snapped and the station coverage becomes "a villager drives to the station within M
 * minutes" (bounded Dijkstra from every station candidate on the reversed graph, as `npm run plan -- --roads`),
 * and with C a station counts only when its county's center drives to it within C minutes.
 */
import { roadCoverage, roadReachLists } from '../core/road/coverage';
import type { IndexedRoadNetwork } from '../core/road/graph';
import { snapPoints } from '../core/road/snap';
import type { SnappedPoints } from '../core/road/types';
import type { RolloutPoints, RolloutReach, RolloutReachBuilder } from '../core/rollout/rollout-types';
import { loadRoads, roadsSummary } from './reach-network';
import type { RolloutRoadOptions } from './rollout-options';

/** What the rollout's reach was, for the report and the summary. */
export interface RolloutRoadNote {
  kind: 'road';
  stationMinutes: number;
  /** Center reach by road, minutes from center to station (absent: great-circle km). */
  centerMinutes?: number;
  roads: string;
  profile: string;
  direction: 'village-to-station';
  /** Rural villages farther than 1 km from any drivable road (their snap leg is at the access speed). */
  farFromRoad: number;
  ruralVillages: number;
  /** The road file's summary line. */
  network: string;
}

/**
 * Reads the road file and returns the rollout's reach builder and, once it has run, its note.
 * @throws InputError (located) for a broken road file or profile
 */
export async function roadRolloutReach(
  options: RolloutRoadOptions,
): Promise<{ reach: RolloutReachBuilder; note: () => RolloutRoadNote | undefined }> {
  const roads = await loadRoads(options.roads, options.profile);
  let note: RolloutRoadNote | undefined;
  const reach = (points: RolloutPoints): RolloutReach => {
    const { network } = roads;
    const villages = snapPoints(network, points.lon, points.lat);
    const coverage = roadCoverage(network, villages, villages, options.reachMinutes * 60, 'to-site');
    let inCenterReach: Uint8Array | undefined;
    if (options.centerMinutes !== undefined)
      inCenterReach = centerReach(network, points, villages, options.centerMinutes);
    let farFromRoad = 0;
    for (let r = 0; r < villages.count; r++) if (!(villages.snapMetres[r] <= 1000)) farFromRoad++;
    note = {
      kind: 'road',
      stationMinutes: options.reachMinutes,
      ...(options.centerMinutes !== undefined && { centerMinutes: options.centerMinutes }),
      roads: options.roads,
      profile: options.profile ?? 'default car profile',
      direction: 'village-to-station',
      farFromRoad,
      ruralVillages: points.count,
      network: roadsSummary(options.roads, roads),
    };
    return {
      coverage,
      inCenterReach,
      stationWords: `${options.reachMinutes} min by road`,
      ...(options.centerMinutes !== undefined && { centerWords: `${options.centerMinutes} min by road` }),
    };
  };
  return { reach, note: () => note };
}

/** 1 per rural village its own county's center drives to within `minutes` (one bounded run per center). */
function centerReach(
  network: IndexedRoadNetwork,
  points: RolloutPoints,
  villages: SnappedPoints,
  minutes: number,
): Uint8Array {
  const seats = Array.from(points.seat).filter((r) => r >= 0);
  const centers = snapPoints(
    network,
    seats.map((r) => points.lon[r]),
    seats.map((r) => points.lat[r]),
  );
  // Sources = centers, targets = villages; 'from-site': the center drives out to the village.
  const lists = roadReachLists(network, villages, centers, minutes * 60, 'from-site');
  const inReach = new Uint8Array(points.count);
  seats.forEach((seat, k) => {
    const county = points.county[seat];
    for (let t = lists.offsets[k]; t < lists.offsets[k + 1]; t++) {
      const r = lists.targets[t];
      if (points.county[r] === county) inReach[r] = 1;
    }
  });
  return inReach;
}
