import { ScatterplotLayer } from '@deck.gl/layers';

/** Village points of one province as typed arrays, ready for the GPU. */
export interface VillagePoints {
  provinceCode: string;
  count: number;
  /** Interleaved [lon, lat, …] in degrees. */
  positions: Float32Array;
  /** RGBA per village, 4 bytes each. */
  colours: Uint8Array;
}

/**
 * The villages of the shown provinces as one scatter layer per province, from binary attributes
 * (no per-village objects). Hidden below `minZoom`, where a national view would be a solid smear.
 */
export function villagesLayers(provinces: readonly VillagePoints[], zoom: number, minZoom = 6): ScatterplotLayer[] {
  return provinces.map(
    (points) =>
      new ScatterplotLayer({
        id: `villages-${points.provinceCode}`,
        data: {
          length: points.count,
          attributes: {
            getPosition: { value: points.positions, size: 2 },
            getFillColor: { value: points.colours, size: 4 },
          },
        },
        visible: zoom >= minZoom,
        // 250 m on the ground: a dot at province zoom, a village-sized disc when zoomed in.
        radiusUnits: 'meters',
        getRadius: 250,
        radiusMinPixels: 0.9,
        radiusMaxPixels: 8,
        stroked: false,
        pickable: false,
      }),
  );
}
