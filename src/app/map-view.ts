/**
 * The map as a view of the state: the deck.gl layers (villages coloured by coverage, villages gained and lost in
 * a comparison, reach discs, the delivery runs and stations) are a pure function of the state and the zoom
 * (`planLayers`), and the county coverage fill follows the worker's per-county figures.
 */
import type { Layer } from '@deck.gl/core';
import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { coveredVillagePoints, differenceLayer, neutralVillagePoints } from '../map/layers/coverage-villages';
import { addCountyCoverageLayers, countyShares, showCountyCoverage } from '../map/layers/county-coverage';
import { distanceColours } from '../map/distance-scale';
import { isochroneLayer, roadNetworkLayer } from '../map/layers/roads';
import { routesLayers, type RouteLine } from '../map/layers/routes';
import { stationsLayers } from '../map/layers/stations';
import { villagesLayers, type VillagePoints } from '../map/layers/villages';
import { maxPhase } from './phase/state';
import { reachOf } from './planner/state';
import { routeLines } from './routes/request';
import { currentOutcome } from './routes/state';
import type { AppState, Store } from './store';
import { withUserPoints } from './user-data/points';

/** Zoom from which reach discs are drawn (below it a 3 km disc is a few pixels). */
export const REACH_MIN_ZOOM = 7;

/** Whether villages are coloured by coverage: once the plan has sites, or the counties show coverage. */
export function showsCoverage(state: AppState): boolean {
  return state.metrics !== null && (state.plan.sites.count > 0 || state.countyColour === 'coverage');
}

/**
 * How the villages of one province are coloured: by coverage state or by distance class, from the worker's arrays
 * (`colours`: the worker's RGBA for these villages' states, when it sent them).
 */
export type VillageColouring = (
  points: VillagePoints,
  values: Uint8Array | Float32Array,
  colours?: Uint8Array,
) => VillagePoints;

/**
 * Colours villages from their states (Uint8Array, VILLAGE_STATE; the worker's colours as they are, when given) or
 * distances in km (Float32Array).
 */
export const colourVillages: VillageColouring = (points, values, colours) =>
  values instanceof Float32Array
    ? values.length === points.count
      ? { ...points, colours: distanceColours(values) }
      : points
    : colours !== undefined && colours.length === 4 * points.count
      ? { ...points, colours }
      : coveredVillagePoints(points, values);

/**
 * The worker's per-village array that colours the villages now: distances when villages are coloured by distance
 * (and they have arrived), else the coverage states.
 */
export function villageValues(state: AppState): Uint8Array | Float32Array | null {
  if (!showsCoverage(state) || state.metrics === null) return null;
  if (state.villageColour === 'distance' && state.villageDistances !== null) return state.villageDistances;
  return state.metrics.villageState;
}

/**
 * Every deck.gl layer of the planner for this state, bottom to top.
 * @param state the application state
 * @param provinces the loaded village points (from the data worker), one entry per shown province
 * @param zoom the map's zoom
 * @param colour colours one province's points from its slice of the worker's per-village array (a cache may be given)
 */
export function planLayers(
  state: AppState,
  provinces: readonly VillagePoints[],
  zoom: number,
  colour: VillageColouring = colourVillages,
): Layer[] {
  const { province, comparison } = state;
  // The villages of each province file within the worker's arrays (one part, or every province when national).
  const part = (points: VillagePoints) => province?.parts.find((p) => p.provinceCode === points.provinceCode);
  const slice = <T extends Uint8Array | Float32Array>(values: T, points: VillagePoints): T | null => {
    const p = part(points);
    return p === undefined || p.count !== points.count ? null : (values.subarray(p.offset, p.offset + p.count) as T);
  };
  // A comparison shows both plans' difference: villages neutral, gained and lost on top, no current sites.
  if (comparison !== null && province !== null) {
    const layers: Layer[] = [...villagesLayers(provinces.map(neutralVillagePoints), zoom)];
    for (const points of provinces) {
      const difference = slice(comparison.result.difference, points);
      if (difference !== null) layers.push(differenceLayer(points, difference));
    }
    return layers;
  }
  const values = villageValues(state);
  // The worker's colours of the village states (see LiveMetrics.villageColours), four bytes per village.
  const colours = values === state.metrics?.villageState ? state.metrics?.villageColours : undefined;
  const coloured = provinces.map((points) => {
    const mine = values === null ? null : slice(values, points);
    if (mine === null) return points;
    const p = part(points)!;
    return colour(points, mine, colours?.subarray(4 * p.offset, 4 * (p.offset + p.count)));
  });
  const layers: Layer[] = [];
  // The road network, faint, under everything else while it is shown.
  const { lines, shown } = state.roads;
  if (lines !== null && shown && lines.count > 0) layers.push(roadNetworkLayer(lines));
  layers.push(...villagesLayers(coloured, zoom));
  // The selected site's isochrone by road, under the sites (not while it is dragged: it is then out of date).
  const iso = state.roads.isochrone;
  if (iso !== null && state.selectedSite === iso.site && state.drag === null) layers.push(isochroneLayer(iso.ring));
  // The delivery runs under the site markers, while they belong to the plan shown (not while a site is dragged).
  if (state.drag === null) layers.push(...routesLayers(planRouteLines(state)));
  layers.push(
    ...stationsLayers(state.plan.sites, {
      ...reachOf(state.settings),
      selected: state.selectedSite,
      drag: state.drag,
      showReach: zoom >= REACH_MIN_ZOOM,
      phaseYears: maxPhase(state.plan.sites),
    }),
  );
  return layers;
}

/** The map lines of each set of runs, made once. */
const linesCache = new WeakMap<object, RouteLine[]>();

/** Lines of the current plan's delivery runs (none without runs, or when the plan changed since). */
export function planRouteLines(state: AppState): RouteLine[] {
  const outcome = currentOutcome(state);
  if (outcome === null) return [];
  let lines = linesCache.get(outcome);
  if (lines === undefined)
    linesCache.set(outcome, (lines = routeLines(outcome.answer, outcome.sites, outcome.siteIndex)));
  return lines;
}

/** Draws the state on the map whenever a part that the map shows changes; returns the redraw function. */
export function bindMapView(
  store: Store,
  map: MapLibreMap,
  overlay: MapboxOverlay,
  provinces: () => VillagePoints[],
): () => void {
  // Colours per village are recomputed only when the worker's per-village array changes (one entry per province).
  const colourCache = new WeakMap<ArrayBufferLike, Map<Float32Array, VillagePoints>>();
  const colour: VillageColouring = (points, values, colours) => {
    let byPoints = colourCache.get(values.buffer);
    if (byPoints === undefined) colourCache.set(values.buffer, (byPoints = new Map()));
    let hit = byPoints.get(points.positions);
    if (hit === undefined) byPoints.set(points.positions, (hit = colourVillages(points, values, colours)));
    return hit;
  };
  // The user's villages, where imported, replace the embedded dots: the same points as the coverage worker's.
  const redraw = () => {
    const state = store.get();
    const shown = withUserPoints(provinces(), state.province);
    const layers = planLayers(state, shown, map.getZoom(), colour);
    overlay.setProps({ layers });
    // For the browser tests: the vertices of the road isochrone handed to deck.gl (0 without one).
    const iso = layers.find((layer) => layer.id === 'road-isochrone');
    (globalThis as { __isochroneVertices?: number }).__isochroneVertices =
      iso === undefined ? 0 : (state.roads.isochrone?.ring.length ?? 0);
    // And the road segments drawn (0 when the network is hidden or absent).
    const roads = layers.some((layer) => layer.id === 'road-network');
    (globalThis as { __roadSegments?: number }).__roadSegments = roads ? (state.roads.lines?.count ?? 0) : 0;
    // For the browser tests: the village dots handed to deck.gl (embedded, or the user's where imported).
    (globalThis as { __villageDots?: number }).__villageDots = shown.reduce((n, p) => n + p.count, 0);
    // For the browser tests: the delivery runs handed to deck.gl.
    (globalThis as { __routeLines?: RouteLine[] }).__routeLines = state.drag === null ? planRouteLines(state) : [];
  };
  let shownShares: Map<string, number> | null = null;
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
    shownShares = showCountyCoverage(map, shares, shownShares);
  };
  map.on('load', () => {
    styleReady = true;
    choropleth();
  });
  store.subscribe((state, previous) => {
    if (
      state.plan !== previous.plan ||
      state.province !== previous.province ||
      state.drag !== previous.drag ||
      state.selectedSite !== previous.selectedSite ||
      state.metrics !== previous.metrics ||
      state.comparison !== previous.comparison ||
      state.settings !== previous.settings ||
      state.countyColour !== previous.countyColour ||
      state.villageColour !== previous.villageColour ||
      state.villageDistances !== previous.villageDistances ||
      state.roads.isochrone !== previous.roads.isochrone ||
      state.roads.lines !== previous.roads.lines ||
      state.roads.shown !== previous.roads.shown ||
      state.routes.outcome !== previous.routes.outcome
    ) {
      redraw();
    }
    if (state.metrics !== previous.metrics || state.countyColour !== previous.countyColour) choropleth();
  });
  return redraw;
}
