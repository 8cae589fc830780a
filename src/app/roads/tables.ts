/**
 * What Suggest asks of the road worker: the travel-time table from points to points on the loaded network (rows =
 * `from`, columns = `to`, seconds, Infinity beyond `maxSeconds` or unreachable), as `travelTable` of
 * src/core/road/table.ts computes it for `npm run plan -- --roads`.
 */
import type { DistanceMatrix } from '../../core/types';

/** Points in WGS 84 degrees. */
export interface RoadPoints {
  lon: Float64Array;
  lat: Float64Array;
}

/** The road worker's table, as the page's road client offers it. */
export interface RoadTables {
  table(from: RoadPoints, to: RoadPoints, maxSeconds: number): Promise<DistanceMatrix>;
}
