/**
 * The villages under a rollout, coloured by the year they are first covered up to the timeline's year (grey when
 * not yet covered): one scatter layer per province file, from binary attributes. The colours are per-year
 * buffers built once (`YearColourCache`), so a new year swaps one buffer per province.
 */
import { ScatterplotLayer } from '@deck.gl/layers';
import type { VillagePoints } from './villages';

/** One province's village points and their colours at the shown year. */
export interface RolloutVillageView {
  points: VillagePoints;
  colours: Uint8Array;
}

/**
 * The villages layers; shown at every zoom (the national rollout is read at national zoom), as sub-pixel-to-small
 * dots.
 */
export function rolloutVillagesLayers(views: readonly RolloutVillageView[]): ScatterplotLayer[] {
  return views.map(
    ({ points, colours }) =>
      new ScatterplotLayer({
        id: `rollout-villages-${points.provinceCode}`,
        data: {
          length: points.count,
          attributes: {
            getPosition: { value: points.positions, size: 2 },
            getFillColor: { value: colours, size: 4 },
          },
        },
        radiusUnits: 'meters',
        getRadius: 250,
        radiusMinPixels: 0.6,
        radiusMaxPixels: 6,
        stroked: false,
        pickable: false,
      }),
  );
}
