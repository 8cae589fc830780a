/**
 * The drivable network as plain line segments, for drawing it: every raw segment of every chain once, with the
 * speed of its chain, in compact typed arrays (a Zhejiang-sized network of ~2 million segments is 40 MB).
 */
import type { RoadNetwork } from './types';

/** Line segments of a network: segment s runs from `positions[4s], [4s+1]` to `[4s+2], [4s+3]` (lon, lat). */
export interface RoadLines {
  count: number;
  /** lon0, lat0, lon1, lat1 per segment, degrees (float32: under a metre at China's longitudes). */
  positions: Float32Array;
  /** Speed of each segment's chain in km/h, rounded, at most 255 (its road class or maxspeed). */
  kmh: Uint8Array;
}

/**
 * The segments of a network.
 * @example
 * const { count, positions } = roadLines(network); // positions.length === 4 * count
 */
export function roadLines(network: RoadNetwork): RoadLines {
  const { segments, chains } = network;
  const count = segments.count;
  const positions = new Float32Array(4 * count);
  const kmh = new Uint8Array(count);
  for (let s = 0; s < count; s++) {
    positions[4 * s] = segments.lon0[s];
    positions[4 * s + 1] = segments.lat0[s];
    positions[4 * s + 2] = segments.lon1[s];
    positions[4 * s + 3] = segments.lat1[s];
    const c = segments.chain[s];
    kmh[s] = Math.min(255, Math.round((3.6 * chains.metres[c]) / chains.seconds[c]));
  }
  return { count, positions, kmh };
}
