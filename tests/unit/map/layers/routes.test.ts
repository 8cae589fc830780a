import { describe, expect, it } from 'vitest';
import {
  ROUTE_COLOURS,
  routeArrows,
  routeColour,
  routesLayers,
  type RouteLine,
} from '../../../../src/map/layers/routes';

const line = (vehicle: number, path: [number, number][]): RouteLine => ({ center: 'C1', vehicle, path });

describe('routes layer', () => {
  it('puts one arrowhead per leg at its middle, pointing from the leg start to its end', () => {
    const run = line(1, [
      [120, 30],
      [120.1, 30],
      [120.1, 30.1],
      [120, 30],
    ]);
    const { triangles, line: owner } = routeArrows([run]);
    expect(owner).toEqual(new Uint32Array([0, 0, 0]));
    // Leg 1 runs east: the tip (first vertex) is east of the base vertices, all near the middle (120.05, 30).
    const [tipX, tipY, bx, by, cx, cy] = triangles.subarray(0, 6);
    expect(tipX).toBeGreaterThan(bx);
    expect(bx).toBeCloseTo(cx, 9);
    expect(tipY).toBeCloseTo(30, 9);
    expect(by).toBeGreaterThan(30);
    expect(cy).toBeLessThan(30);
    expect(Math.abs((tipX + bx) / 2 - 120.05)).toBeLessThan(1e-9);
    // Leg 2 runs north: tip north of the base.
    expect(triangles[7]).toBeGreaterThan(triangles[9]);
  });

  it('skips legs of zero length and draws nothing without runs', () => {
    const { line: owner } = routeArrows([
      line(2, [
        [120, 30],
        [120, 30],
        [120.2, 30.1],
      ]),
    ]);
    expect(owner.length).toBe(1);
    expect(routesLayers([])).toEqual([]);
    expect(
      routesLayers([
        line(1, [
          [120, 30],
          [121, 30],
        ]),
      ]).map((l) => l.id),
    ).toEqual(['routes-casing', 'routes', 'routes-arrows']);
  });

  it('colours vans from the categorical palette, cycling', () => {
    expect(routeColour(1)).toEqual(ROUTE_COLOURS[0]);
    expect(routeColour(ROUTE_COLOURS.length + 2)).toEqual(ROUTE_COLOURS[1]);
    expect(new Set(ROUTE_COLOURS.map((c) => c.join())).size).toBe(ROUTE_COLOURS.length);
  });
});
