/**
 * The map as a view of the state: the deck.gl layers (villages coloured by coverage, villages gained and lost in
 * a comparison, reach discs and stations) are a pure function of the state and the zoom (`planLayers`), and the
 * county coverage fill follows the worker's per-county figures.
 */
import type { Layer } from '@deck.gl/core';
import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { coveredVillagePoints, differenceLayer, neutralVillagePoints } from '../map/layers/coverage-villages';
import { addCountyCoverageLayers, countyShares, showCountyCoverage } from '../map/layers/county-coverage';
import { stationsLayers } from '../map/layers/stations';
import { villagesLayers, type VillagePoints } from '../map/layers/villages';
import type { AppState, Store } from './store';

/** Zoom from which reach discs are drawn (below it a 3 km disc is a few pixels). */
export const REACH_MIN_ZOOM = 7;

/** Whether villages are coloured by coverage: once the plan has sites, or the counties show coverage. */
export function showsCoverage(state: AppState): boolean {
  return state.metrics !== null && (state.plan.sites.count > 0 || state.countyColour === 'coverage');
}

/**
 * Every deck.gl layer of the planner for this state, bottom to top.
 * @param state the application state
 * @param provinces the loaded village points (from the data worker), one entry per shown province
 * @param zoom the map's zoom
 * @param colour village points coloured by village states (default `coveredVillagePoints`; a cache may be given)
 */
export function planLayers(
  state: AppState,
  provinces: readonly VillagePoints[],
  zoom: number,
  colour: (points: VillagePoints, villageState: Uint8Array) => VillagePoints = coveredVillagePoints,
): Layer[] {
  const { metrics, province, comparison } = state;
  const shown = provinces.find((p) => p.provinceCode === province?.provinceCode);
  // A comparison shows both plans' difference: villages neutral, gained and lost on top, no current sites.
  if (comparison !== null && shown !== undefined) {
    const neutral = provinces.map((points) => (points === shown ? neutralVillagePoints(points) : points));
    return [...villagesLayers(neutral, zoom), differenceLayer(shown, comparison.result.difference)];
  }
  const coloured = provinces.map((points) =>
    showsCoverage(state) && metrics !== null && province?.provinceCode === points.provinceCode
      ? colour(points, metrics.villageState)
      : points,
  );
  const layers: Layer[] = [...villagesLayers(coloured, zoom)];
  layers.push(
    ...stationsLayers(state.plan.sites, {
      radiusKm: state.settings.radiusKm,
      centerRadiusKm: state.settings.centerRadiusKm,
      selected: state.selectedSite,
      drag: state.drag,
      showReach: zoom >= REACH_MIN_ZOOM,
    }),
  );
  return layers;
}

/** Draws the state on the map whenever a part that the map shows changes; returns the redraw function. */
export function bindMapView(
  store: Store,
  map: MapLibreMap,
  overlay: MapboxOverlay,
  provinces: () => VillagePoints[],
): () => void {
  // Colours per village are recomputed only when the worker's village states change.
  const colourCache = new WeakMap<Uint8Array, VillagePoints>();
  const colour = (points: VillagePoints, villageState: Uint8Array) => {
    let hit = colourCache.get(villageState);
    if (hit === undefined || hit.positions !== points.positions) {
      hit = coveredVillagePoints(points, villageState);
      colourCache.set(villageState, hit);
    }
    return hit;
  };
  const redraw = () => overlay.setProps({ layers: planLayers(store.get(), provinces(), map.getZoom(), colour) });
  let shownCodes: string[] = [];
  // Not `map.isStyleLoaded()`, which is false whenever a source is loading tiles: the style itself is enough.
  let styleReady = false;
  const choropleth = () => {
    const state = store.get();
    if (!styleReady) return;
    addCountyCoverageLayers(map);
    const { metrics, province } = state;
    const shares =
      state.countyColour === 'coverage' && metrics !== null && province !== null
        ? countyShares(
            province.counties.map((c) => c.code),
            metrics.countyCovered,
            metrics.countyTotal,
          )
        : null;
    showCountyCoverage(map, shares, shownCodes);
    shownCodes = shares === null ? [] : [...shares.keys()];
  };
  map.on('load', () => {
    styleReady = true;
    choropleth();
  });
  store.subscribe((state, previous) => {
    if (
      state.plan !== previous.plan ||
      state.drag !== previous.drag ||
      state.selectedSite !== previous.selectedSite ||
      state.metrics !== previous.metrics ||
      state.comparison !== previous.comparison ||
      state.settings !== previous.settings ||
      state.countyColour !== previous.countyColour
    ) {
      redraw();
    }
    if (state.metrics !== previous.metrics || state.countyColour !== previous.countyColour) choropleth();
  });
  return redraw;
}
