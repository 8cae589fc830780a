/** Mean radius of the Earth in kilometres (IUGG mean radius R1 = 6371.0088 km), the sphere all distances use. */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;

/**
 * Great-circle distance between two points on a sphere of radius 6371.0088 km (haversine formula,
 * R.W. Sinnott, "Virtues of the Haversine", Sky and Telescope 68 (1984) 159), accurate to about 0.5 %
 * against the WGS 84 ellipsoid, far below the error of a straight-line reach model.
 *
 * @param lon1 longitude of the first point, degrees
 * @param lat1 latitude of the first point, degrees
 * @param lon2 longitude of the second point, degrees
 * @param lat2 latitude of the second point, degrees
 * @returns distance in kilometres
 * @example
 * haversineKm(120.15, 30.28, 121.47, 31.23); // Hangzhou to Shanghai, about 164 km
 */
export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const s = Math.sin(dLat / 2);
  const t = Math.sin(dLon / 2);
  const h = s * s + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * t * t;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
