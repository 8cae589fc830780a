/**
 * Road reach on the map: the isochrone of the selected station or center (src/app/roads/isochrone.ts), a
 * translucent fill with an outline in the reach discs' blue (stations.ts), drawn under the sites.
 */
import { PolygonLayer } from '@deck.gl/layers';
import { REACH_LINE } from './stations';

/** Fill of the isochrone: the reach fill's blue, a little stronger (it replaces no disc). */
export const ISOCHRONE_FILL: [number, number, number, number] = [86, 180, 233, 70];

/** The isochrone layer of one ring [lon, lat]. */
export function isochroneLayer(ring: [number, number][]): PolygonLayer<{ ring: [number, number][] }> {
  return new PolygonLayer<{ ring: [number, number][] }>({
    id: 'road-isochrone',
    data: [{ ring }],
    getPolygon: (d) => d.ring,
    getFillColor: ISOCHRONE_FILL,
    getLineColor: REACH_LINE,
    lineWidthUnits: 'pixels',
    getLineWidth: 2,
    stroked: true,
    filled: true,
    pickable: false,
  });
}
