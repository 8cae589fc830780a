/**
 * Roads on the map: the loaded road network drawn faintly under everything else (main roads a little stronger),
 * and the isochrone of the selected station or center (src/app/roads/isochrone.ts), a translucent fill with an
 * outline in the reach discs' blue (stations.ts), drawn under the sites.
 */
import { LineLayer, PolygonLayer } from '@deck.gl/layers';
import type { RoadLines } from '../../core/road/lines';
import { REACH_LINE } from './stations';

/** Colours of the network: roads of 60 km/h or more (primary and up by default), and the others; dark enough to
 * show on the county coverage fills, faint enough to stay under the villages. */
export const ROAD_COLOURS = {
  main: [40, 40, 46, 170] as [number, number, number, number],
  minor: [64, 64, 70, 110] as [number, number, number, number],
};
/** Speed from which a road is drawn as a main road, km/h (the default primary speed, see core/road/profile.ts). */
export const MAIN_ROAD_KMH = 60;

/** Per-segment colours and widths, made once per network (the arrays are reused while the map redraws). */
const styles = new WeakMap<RoadLines, { colours: Uint8Array; widths: Float32Array }>();

function styleOf(lines: RoadLines): { colours: Uint8Array; widths: Float32Array } {
  let style = styles.get(lines);
  if (style === undefined) {
    const colours = new Uint8Array(4 * lines.count);
    const widths = new Float32Array(lines.count);
    for (let s = 0; s < lines.count; s++) {
      const main = lines.kmh[s] >= MAIN_ROAD_KMH;
      colours.set(main ? ROAD_COLOURS.main : ROAD_COLOURS.minor, 4 * s);
      widths[s] = main ? 1.5 : 1;
    }
    style = { colours, widths };
    styles.set(lines, style);
  }
  return style;
}

/** The road network as one line layer from binary attributes (two positions per segment in one array). */
export function roadNetworkLayer(lines: RoadLines): LineLayer {
  const { colours, widths } = styleOf(lines);
  return new LineLayer({
    id: 'road-network',
    data: {
      length: lines.count,
      attributes: {
        getSourcePosition: { value: lines.positions, size: 2, stride: 16, offset: 0 },
        getTargetPosition: { value: lines.positions, size: 2, stride: 16, offset: 8 },
        getColor: { value: colours, size: 4, normalized: true },
        getWidth: { value: widths, size: 1 },
      },
    },
    widthUnits: 'pixels',
    pickable: false,
  });
}

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
