/**
 * Road reach as coverage sets: which villages each site reaches within a time limit by road, from bounded
 * Dijkstra runs from every site (./table.ts). Direction (see `ReachDirection`): by default `to-site`, the time a
 * villager drives from the village to the station (runs on the reversed graph, the OSRM table's rows = villages,
 * columns = sites, so it equals coverage from `npm run reach`'s table); `from-site` is the station driving out.
 */
import { coverageFromSiteLists } from '../coverage/csr';
import type { CoverageSets } from '../types';
import { reachLists, type ReachLists, type TableOptions } from './table';
import type { ReachDirection, RoadNetwork, SnappedPoints } from './types';

/**
 * Sparse village-site travel times within `maxSeconds`, site-major (sources = sites, targets = villages).
 * @param direction `to-site` (default): village drives to site; `from-site`: site drives to village
 */
export function roadReachLists(
  network: RoadNetwork,
  villages: SnappedPoints,
  sites: SnappedPoints,
  maxSeconds: number,
  direction: ReachDirection = 'to-site',
  options: TableOptions = {},
): ReachLists {
  return reachLists(network, sites, villages, maxSeconds, direction === 'to-site', options);
}

/**
 * Coverage sets of a road reach: site j covers village i when the drive takes at most `maxSeconds`.
 * @example
 * const coverage = roadCoverage(network, villages, sites, 30 * 60); // 30 minutes, villagers drive to the site
 */
export function roadCoverage(
  network: RoadNetwork,
  villages: SnappedPoints,
  sites: SnappedPoints,
  maxSeconds: number,
  direction: ReachDirection = 'to-site',
  options: TableOptions = {},
): CoverageSets {
  const lists = roadReachLists(network, villages, sites, maxSeconds, direction, options);
  return coverageFromSiteLists(villages.count, sites.count, lists.offsets, lists.targets);
}
