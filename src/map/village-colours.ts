import type { VillagePositions } from '../data/worker-api';
import type { VillagePoints } from './layers/villages';

/**
 * Colours of the village points: the two ends of ColorBrewer's PuOr (colour-blind safe), orange for rural
 * committees and purple for urban residents' committees, both apart from the blue county scale below them.
 */
export const VILLAGE_COLOURS = {
  rural: [230, 97, 1, 235],
  urban: [94, 60, 153, 220],
} as const;

/** RGBA per village (4 bytes each) from the rural flags; computed once per province load. */
export function villageColours(rural: Uint8Array): Uint8Array {
  const colours = new Uint8Array(rural.length * 4);
  for (let i = 0; i < rural.length; i++) colours.set(rural[i] ? VILLAGE_COLOURS.rural : VILLAGE_COLOURS.urban, i * 4);
  return colours;
}

/** The map's points of a province's villages: its positions with the rural/urban colours. */
export function villagePoints(villages: VillagePositions): VillagePoints {
  const { provinceCode, count, positions } = villages;
  return { provinceCode, count, positions, colours: villageColours(villages.rural) };
}
