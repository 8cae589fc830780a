import { describe, expect, it } from 'vitest';
import type { Layer } from '@deck.gl/core';
import { planLayers, villageValues } from '../../../src/app/map-view';
import { initialState, type AppState } from '../../../src/app/store';
import { paletteColours, VILLAGE_STATE, type LiveMetrics } from '../../../src/core/live/coverage-api';
import { addSite, emptySites } from '../../../src/core/live/sites';
import { COVERAGE_COLOURS, coveragePalette } from '../../../src/map/layers/coverage-villages';
import { cssRgb, distanceColours, distanceScale, DISTANCE_THRESHOLDS_KM } from '../../../src/map/distance-scale';
import type { VillagePoints } from '../../../src/map/layers/villages';

const points = (provinceCode: string, count: number): VillagePoints => ({
  provinceCode,
  count,
  positions: new Float32Array(2 * count),
  colours: new Uint8Array(4 * count),
});

/** The RGBA colours a village layer was given. */
const colours = (layers: Layer[], id: string): Uint8Array => {
  const layer = layers.find((l) => l.id === id)!;
  const data = layer.props.data as { attributes: { getFillColor: { value: Uint8Array } } };
  return data.attributes.getFillColor.value;
};

describe('villages coloured by distance to the nearest station', () => {
  it('uses a viridis threshold scale: near dark, far (or no station) yellow, non-demand grey', () => {
    const scale = distanceScale();
    expect(scale.domain()).toEqual(DISTANCE_THRESHOLDS_KM);
    const rgba = distanceColours(Float32Array.from([0.5, 2.5, 4, 50, Infinity, NaN]));
    const rgb = (i: number) => Array.from(rgba.subarray(4 * i, 4 * i + 3));
    expect(rgb(0)).toEqual(cssRgb(scale(0.5)));
    expect(rgb(1)).toEqual(cssRgb(scale(2.5)));
    expect(rgb(2)).toEqual(cssRgb(scale(4)));
    expect(rgb(3)).toEqual(cssRgb(scale(1e9)));
    expect(rgb(4)).toEqual(rgb(3));
    expect(rgb(1)).not.toEqual(rgb(2));
    // viridis: lightness grows with distance, so near reads dark in any colour vision.
    const luma = (c: number[]) => 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    expect(luma(rgb(0))).toBeLessThan(luma(rgb(2)));
    expect(luma(rgb(2))).toBeLessThan(luma(rgb(3)));
    expect(rgb(5)).toEqual([170, 170, 170]);
  });
});

describe('planLayers over several province files (the national area)', () => {
  const metrics = (villageState: Uint8Array): LiveMetrics => ({
    stations: 1,
    centers: 0,
    coveringStations: 1,
    coveredWeight: 1,
    totalWeight: 3,
    coverage: 1 / 3,
    coveredVillages: 1,
    demandVillages: 3,
    countyCovered: new Float64Array(1),
    countyTotal: new Float64Array(1),
    villageState,
  });
  const state: AppState = {
    ...initialState('00'),
    plan: { sites: addSite(emptySites(), 0, 0), suggestion: null },
    province: {
      provinceCode: '00',
      villageCount: 5,
      demandCount: 3,
      counties: [],
      area: [],
      parts: [
        { provinceCode: '11', offset: 0, count: 2 },
        { provinceCode: '12', offset: 2, count: 3 },
      ],
    },
    metrics: metrics(
      Uint8Array.from([
        VILLAGE_STATE.covered,
        VILLAGE_STATE.notDemand,
        VILLAGE_STATE.uncovered,
        VILLAGE_STATE.uncovered,
        VILLAGE_STATE.covered,
      ]),
    ),
  };
  const provinces = [points('11', 2), points('12', 3)];

  it("colours each province's points from its slice of the worker's village states", () => {
    const layers = planLayers(state, provinces, 8);
    expect(Array.from(colours(layers, 'villages-11').subarray(0, 4))).toEqual(COVERAGE_COLOURS.covered);
    expect(Array.from(colours(layers, 'villages-12').subarray(0, 4))).toEqual(COVERAGE_COLOURS.uncovered);
    expect(Array.from(colours(layers, 'villages-12').subarray(8, 12))).toEqual(COVERAGE_COLOURS.covered);
  });

  it('switches to distances when asked and they have arrived', () => {
    const villageDistances = Float32Array.from([0.5, NaN, 30, 30, 0.5]);
    expect(villageValues({ ...state, villageColour: 'distance' })).toBe(state.metrics!.villageState);
    const byDistance = { ...state, villageColour: 'distance' as const, villageDistances };
    expect(villageValues(byDistance)).toBe(villageDistances);
    const layers = planLayers(byDistance, provinces, 8);
    expect(Array.from(colours(layers, 'villages-12'))).toEqual(
      Array.from(distanceColours(villageDistances.subarray(2))),
    );
  });

  it("draws the worker's colours of the village states as they are, each province its slice", () => {
    const villageColours = paletteColours(state.metrics!.villageState, coveragePalette());
    const layers = planLayers({ ...state, metrics: { ...state.metrics!, villageColours } }, provinces, 8);
    const drawn = colours(layers, 'villages-12');
    expect(drawn.buffer).toBe(villageColours.buffer);
    expect(Array.from(drawn)).toEqual(Array.from(villageColours.subarray(8)));
    // The same colours as the page's own colouring of the states.
    expect(Array.from(drawn)).toEqual(Array.from(colours(planLayers(state, provinces, 8), 'villages-12')));
    // Distances still colour by distance.
    const villageDistances = Float32Array.from([0.5, NaN, 30, 30, 0.5]);
    const byDistance = { ...state, villageColour: 'distance' as const, villageDistances };
    const far = planLayers({ ...byDistance, metrics: { ...state.metrics!, villageColours } }, provinces, 8);
    expect(colours(far, 'villages-12').buffer).not.toBe(villageColours.buffer);
  });

  it('leaves points alone when their count does not match the part (a stale province)', () => {
    const layers = planLayers(state, [points('11', 7)], 8);
    expect(Array.from(colours(layers, 'villages-11'))).toEqual(new Array(28).fill(0));
  });
});
