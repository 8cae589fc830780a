/**
 * A plan as GeoJSON for QGIS/ArcGIS: one RFC 7946 FeatureCollection per layer (sites, villages, county coverage),
 * WGS 84 [lon, lat] rounded to 6 decimals, polygons wound by the right-hand rule (exterior rings counterclockwise,
 * RFC 7946 section 3.1.6). Property names: README.md, "GeoJSON/CSV export properties".
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { PlanExportTables } from './export-model';

/** The three layers as GeoJSON text. */
export interface PlanGeoJsonTexts {
  sites: string;
  villages: string;
  counties: string;
}

/**
 * The three layers of a plan export as GeoJSON text (one FeatureCollection each).
 * @example
 * const texts = planGeoJsonTexts(planExportTables(input));
 * writeFileSync('sites.geojson', texts.sites);
 */
export function planGeoJsonTexts(tables: PlanExportTables): PlanGeoJsonTexts {
  // One Point feature per row, its other fields as the properties.
  const points = (rows: readonly { lon: number; lat: number }[]): FeatureCollection => ({
    type: 'FeatureCollection',
    features: rows.map(({ lon, lat, ...properties }) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lon, lat] } satisfies Point,
      properties,
    })),
  });
  const sites = points(tables.sites);
  const villages = points(tables.villages);
  const counties: FeatureCollection = {
    type: 'FeatureCollection',
    features: tables.counties.map(({ feature, ...properties }): Feature => ({
      type: 'Feature',
      geometry: rightHanded(feature.geometry),
      properties,
    })),
  };
  return { sites: JSON.stringify(sites), villages: JSON.stringify(villages), counties: JSON.stringify(counties) };
}

/** Twice the signed area of a ring by the shoelace formula: positive when counterclockwise (lon east, lat north). */
export function ringArea2(ring: readonly Position[]): number {
  let sum = 0;
  for (let k = 0, n = ring.length; k < n - 1; k++) sum += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1];
  return sum;
}

/** Exterior rings counterclockwise, holes clockwise; rings closed. */
export function rightHanded<G extends Polygon | MultiPolygon>(geometry: G): G {
  const wind = (rings: Position[][]): Position[][] =>
    rings.map((ring, k) => {
      const closed =
        ring.length > 0 && (ring[0][0] !== ring[ring.length - 1][0] || ring[0][1] !== ring[ring.length - 1][1])
          ? [...ring, ring[0]]
          : ring;
      const ccw = ringArea2(closed) > 0;
      return ccw === (k === 0) ? closed : [...closed].reverse();
    });
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: wind(geometry.coordinates) };
  return { ...geometry, coordinates: (geometry as MultiPolygon).coordinates.map(wind) } as G;
}
