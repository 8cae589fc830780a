/**
 * The delivery runs on the map, a pure function of the runs: one path per van (depot -> stations -> depot) in a
 * categorical colour by van, and a small arrowhead on every leg pointing the way the van drives. Binary attributes:
 * the paths are one flat coordinate array with start indices, the arrowheads one flat polygon array.
 */
import { PathLayer, SolidPolygonLayer } from '@deck.gl/layers';

/** One van's run as drawn: the center's id, the van's number at that center (1, 2, ...) and the path. */
export interface RouteLine {
  center: string;
  vehicle: number;
  /** [lon, lat] of the depot, the stations in visiting order, and the depot again. */
  path: [number, number][];
}

/**
 * Okabe & Ito's colour-blind-safe categorical palette (Okabe, M. & Ito, K., "Color Universal Design", 2008) without
 * its black (the centers' colour) and yellow (too pale on the light basemap): orange, sky blue, bluish green, blue,
 * vermillion, reddish purple. Van k (1-based) has colour (k - 1) mod 6.
 */
export const ROUTE_COLOURS: readonly [number, number, number, number][] = [
  [230, 159, 0, 255],
  [86, 180, 233, 255],
  [0, 158, 115, 255],
  [0, 114, 178, 255],
  [213, 94, 0, 255],
  [204, 121, 167, 255],
];

/** Colour of van `vehicle` (1-based) at its center. */
export function routeColour(vehicle: number): [number, number, number, number] {
  const n = ROUTE_COLOURS.length;
  return ROUTE_COLOURS[(((vehicle - 1) % n) + n) % n];
}

/** Arrowhead length as a share of its leg, and its cap in km (so long legs do not get huge heads). */
const ARROW_SHARE = 0.18;
const ARROW_MAX_KM = 1.2;
const KM_PER_DEGREE = 111.2;

/**
 * Arrowheads, one per leg of every run: a triangle at the leg's middle pointing from its start to its end, sized in
 * ground distance (a share of the leg, at most {@link ARROW_MAX_KM}); the legs' x is scaled by cos(latitude) so the
 * heads keep their shape. Returns flat [lon, lat] triangles (6 numbers each) and the run of each triangle.
 */
export function routeArrows(lines: readonly RouteLine[]): { triangles: Float64Array; line: Uint32Array } {
  let legs = 0;
  for (const line of lines) legs += Math.max(0, line.path.length - 1);
  const triangles = new Float64Array(legs * 6);
  const owner = new Uint32Array(legs);
  let k = 0;
  lines.forEach((line, r) => {
    for (let s = 0; s + 1 < line.path.length; s++) {
      const [x0, y0] = line.path[s];
      const [x1, y1] = line.path[s + 1];
      const cos = Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
      const dx = (x1 - x0) * cos * KM_PER_DEGREE;
      const dy = (y1 - y0) * KM_PER_DEGREE;
      const km = Math.hypot(dx, dy);
      if (!(km > 0)) continue;
      const size = Math.min(ARROW_MAX_KM, ARROW_SHARE * km);
      // Unit vectors along the leg and across it, in km; the tip sits just past the middle.
      const [ux, uy] = [dx / km, dy / km];
      const [mx, my] = [(x0 + x1) / 2, (y0 + y1) / 2];
      const point = (along: number, across: number, at: number) => {
        triangles[at] = mx + (ux * along - uy * across) / (cos * KM_PER_DEGREE);
        triangles[at + 1] = my + (uy * along + ux * across) / KM_PER_DEGREE;
      };
      point(size / 2, 0, 6 * k);
      point(-size / 2, size / 2.5, 6 * k + 2);
      point(-size / 2, -size / 2.5, 6 * k + 4);
      owner[k++] = r;
    }
  });
  return { triangles: triangles.subarray(0, 6 * k), line: owner.subarray(0, k) };
}

/**
 * The runs as deck.gl layers: paths (3 px, coloured by van, a thin white casing under them so they read on any
 * basemap) and their arrowheads on top. No layers when there are no runs.
 * @param lines the runs to draw
 */
export function routesLayers(lines: readonly RouteLine[]): (PathLayer<RouteLine> | SolidPolygonLayer)[] {
  if (lines.length === 0) return [];
  const colours = lines.map((l) => routeColour(l.vehicle));
  const arrows = routeArrows(lines);
  const arrowColours = new Uint8Array(arrows.line.length * 3 * 4);
  arrows.line.forEach((r, k) => {
    for (let v = 0; v < 3; v++) arrowColours.set(colours[r], (3 * k + v) * 4);
  });
  const casing = new PathLayer<RouteLine>({
    id: 'routes-casing',
    data: lines as RouteLine[],
    getPath: (l) => l.path,
    getColor: [255, 255, 255, 200],
    getWidth: 5,
    widthUnits: 'pixels',
    capRounded: true,
    jointRounded: true,
  });
  const paths = new PathLayer<RouteLine>({
    id: 'routes',
    data: lines as RouteLine[],
    getPath: (l) => l.path,
    getColor: (_, { index }) => colours[index],
    getWidth: 3,
    widthUnits: 'pixels',
    capRounded: true,
    jointRounded: true,
  });
  const heads = new SolidPolygonLayer({
    id: 'routes-arrows',
    data: {
      length: arrows.line.length,
      startIndices: Uint32Array.from({ length: arrows.line.length }, (_, k) => 3 * k),
      attributes: {
        getPolygon: { value: arrows.triangles, size: 2 },
        getFillColor: { value: arrowColours, size: 4, normalized: true },
      },
    },
  });
  return [casing, paths, heads];
}
