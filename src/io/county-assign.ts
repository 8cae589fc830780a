/**
 * Which county each point lies in, by point-in-polygon against county boundaries (GeoJSON Polygon/MultiPolygon,
 * e.g. public/data/counties.geojson). Candidate counties come from a flatbush index of the boundary boxes, then
 * @turf/boolean-point-in-polygon (ray casting) decides. Points on no county get -1.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import Flatbush from 'flatbush';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

/** A county boundary with at least its 6-digit code and name. */
export type CountyFeature = Feature<Polygon | MultiPolygon, { code: string; name: string }>;

/**
 * Index of the county of each point, -1 when outside all of them.
 * @param lon longitudes, WGS 84 degrees
 * @param lat latitudes, WGS 84 degrees
 * @param counties county boundaries
 * @example
 * countyOfPoints(Float64Array.of(116.4), Float64Array.of(39.93), counties); // Int32Array [index of 东城区]
 */
export function countyOfPoints(lon: Float64Array, lat: Float64Array, counties: readonly CountyFeature[]): Int32Array {
  const out = new Int32Array(lon.length).fill(-1);
  if (counties.length === 0) return out;
  const index = new Flatbush(counties.length);
  for (const county of counties) {
    let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
    const rings: Position[][] =
      county.geometry.type === 'Polygon' ? county.geometry.coordinates : county.geometry.coordinates.flat();
    for (const ring of rings) {
      for (const [x, y] of ring) {
        w = Math.min(w, x);
        s = Math.min(s, y);
        e = Math.max(e, x);
        n = Math.max(n, y);
      }
    }
    index.add(w, s, e, n);
  }
  index.finish();
  for (let i = 0; i < lon.length; i++) {
    for (const k of index.search(lon[i], lat[i], lon[i], lat[i])) {
      if (booleanPointInPolygon([lon[i], lat[i]], counties[k])) {
        out[i] = k;
        break;
      }
    }
  }
  return out;
}
