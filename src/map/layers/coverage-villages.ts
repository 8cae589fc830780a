import { ScatterplotLayer } from '@deck.gl/layers';
import { DIFFERENCE, paletteColours, VILLAGE_STATE } from '../../core/live/coverage-api';
import type { VillagePoints } from './villages';

/**
 * Village colours under a plan: covered villages near-black, uncovered ones vermillion (Okabe & Ito), villages that
 * are not demand light grey. Dark against light stays readable for every colour-vision deficiency and over the
 * cividis county fill. For a comparison: villages gained blue, lost vermillion.
 */
export const COVERAGE_COLOURS = {
  covered: [25, 25, 25, 230],
  uncovered: [213, 94, 0, 240],
  notDemand: [170, 170, 170, 120],
  gained: [0, 114, 178, 255],
  lost: [213, 94, 0, 255],
} as const;

/** The RGBA bytes of a colour as one 32-bit word in the platform's byte order (for a Uint32Array view). */
export function packRgba(rgba: readonly number[]): number {
  return new Uint32Array(Uint8Array.from(rgba).buffer)[0];
}

/**
 * The RGBA word of each byte code (index = code), as the coverage worker's `setStatePalette` takes it: the
 * VILLAGE_STATE colours, and the not-demand grey for any other code.
 */
export function coveragePalette(): Uint32Array {
  const words = new Uint32Array(256).fill(packRgba(COVERAGE_COLOURS.notDemand));
  words[VILLAGE_STATE.uncovered] = packRgba(COVERAGE_COLOURS.uncovered);
  words[VILLAGE_STATE.covered] = packRgba(COVERAGE_COLOURS.covered);
  return words;
}

/**
 * RGBA per village from village states (VILLAGE_STATE codes), one 32-bit write per village. The coverage worker
 * colours its answers itself (`LiveMetrics.villageColours`, with `coveragePalette`); this is for states that come
 * without them.
 */
export function coverageColours(villageState: Uint8Array): Uint8Array {
  return paletteColours(villageState, coveragePalette());
}

/** The villages of a province coloured by coverage (same points and layer id as the plain village layer). */
export function coveredVillagePoints(points: VillagePoints, villageState: Uint8Array): VillagePoints {
  if (villageState.length !== points.count) return points;
  return { ...points, colours: coverageColours(villageState) };
}

const neutralCache = new WeakMap<Float32Array, VillagePoints>();

/** The villages of a province all in the neutral grey (under a comparison's gained and lost villages). */
export function neutralVillagePoints(points: VillagePoints): VillagePoints {
  let hit = neutralCache.get(points.positions);
  if (hit === undefined) {
    hit = { ...points, colours: coverageColours(new Uint8Array(points.count)) };
    neutralCache.set(points.positions, hit);
  }
  return hit;
}

/**
 * Villages gained and lost between two plans (a comparison's `difference`, DIFFERENCE codes per village), as one
 * layer of only the changed villages, drawn larger than the village dots.
 */
export function differenceLayer(points: VillagePoints, difference: Uint8Array): ScatterplotLayer {
  let changed = 0;
  for (let i = 0; i < difference.length; i++) if (difference[i] !== DIFFERENCE.same) changed++;
  const positions = new Float32Array(changed * 2);
  const colours = new Uint8Array(changed * 4);
  let k = 0;
  for (let i = 0; i < difference.length && i < points.count; i++) {
    if (difference[i] === DIFFERENCE.same) continue;
    positions[2 * k] = points.positions[2 * i];
    positions[2 * k + 1] = points.positions[2 * i + 1];
    colours.set(difference[i] === DIFFERENCE.gained ? COVERAGE_COLOURS.gained : COVERAGE_COLOURS.lost, 4 * k);
    k++;
  }
  return new ScatterplotLayer({
    id: 'village-difference',
    data: {
      length: k,
      attributes: { getPosition: { value: positions, size: 2 }, getFillColor: { value: colours, size: 4 } },
    },
    radiusUnits: 'pixels',
    getRadius: 4,
    stroked: true,
    getLineColor: [255, 255, 255, 255],
    lineWidthUnits: 'pixels',
    getLineWidth: 1,
    pickable: false,
  });
}
