import { ScatterplotLayer } from '@deck.gl/layers';
import type { SiteTable } from '../../core/live/sites';
import { SITE_ROLE } from '../../core/plan-types';
import { SITE_STATUS } from '../../core/types';
import { packRgba } from './coverage-villages';
import { rgbaOf, yearScale } from './rollout-colours';

/**
 * Colours of sites (Okabe & Ito's colour-blind-safe palette): proposed stations dark blue, existing ones bluish
 * green, locked ones reddish purple, excluded sites grey; county centers black. Reach discs are a pale blue fill
 * with a blue rim, apart from the village colours (black / vermillion) and the cividis county fill.
 */
export const SITE_COLOURS: Record<number, [number, number, number, number]> = {
  [SITE_STATUS.proposed]: [0, 114, 178, 255],
  [SITE_STATUS.existing]: [0, 158, 115, 255],
  [SITE_STATUS.locked]: [204, 121, 167, 255],
  [SITE_STATUS.excluded]: [150, 150, 150, 200],
};
export const CENTER_COLOUR: [number, number, number, number] = [20, 20, 20, 255];
/** Outline of the selected site (the page's focus colour); other sites have a white outline. */
export const SELECTED_OUTLINE: [number, number, number, number] = [216, 27, 96, 255];
export const REACH_FILL: [number, number, number, number] = [86, 180, 233, 40];
export const REACH_LINE: [number, number, number, number] = [0, 114, 178, 150];

/** What the stations view shows besides the sites. */
export interface StationsView {
  /** Station reach and center reach, km. */
  radiusKm: number;
  centerRadiusKm: number;
  /** Selected site, or null. */
  selected: number | null;
  /** The dragged site's current position, drawn instead of its position in the table. */
  drag: { index: number; lon: number; lat: number } | null;
  /** Show reach discs (hidden at national zoom, where they would be sub-pixel). */
  showReach: boolean;
  /**
   * Colour sites by phase over years 1..phaseYears (the rollout's year colours) instead of by status; 0 or absent:
   * by status. Unphased sites are then grey ({@link UNPHASED_COLOUR}), existing ones keep their colour, and centers
   * have a black outline.
   */
  phaseYears?: number;
}

/** Sites without a phase when sites are coloured by phase (proposed or locked, or excluded). */
export const UNPHASED_COLOUR: [number, number, number, number] = [150, 150, 150, 220];

/**
 * Fill colour words (platform byte order) by phase: index y is year y's colour (`yearScale`), index 0 unphased.
 * @param years the years of the colour scale (>= 1)
 */
export function phaseWords(years: number): Uint32Array {
  const scale = yearScale(years);
  const words = new Uint32Array(years + 1);
  words[0] = packRgba(UNPHASED_COLOUR);
  for (let y = 1; y <= years; y++) words[y] = packRgba(rgbaOf(scale(y)));
  return words;
}

/** Positions [lon, lat, ...] of the sites, with the dragged one where the pointer has it. */
export function sitePositions(sites: SiteTable, drag: StationsView['drag']): Float32Array {
  const positions = new Float32Array(sites.count * 2);
  for (let k = 0; k < sites.count; k++) {
    positions[2 * k] = sites.lon[k];
    positions[2 * k + 1] = sites.lat[k];
  }
  if (drag !== null && drag.index < sites.count) {
    positions[2 * drag.index] = drag.lon;
    positions[2 * drag.index + 1] = drag.lat;
  }
  return positions;
}

/**
 * The plan's sites as deck.gl layers, a pure function of the plan and the view: reach discs (a station's radius in
 * metres on the ground, a center's delivery reach as a ring) under the site markers. Binary attributes: no
 * per-site objects, so 100,000 stations cost a few typed arrays.
 */
export function stationsLayers(sites: SiteTable, view: StationsView): ScatterplotLayer[] {
  const positions = sitePositions(sites, view.drag);
  const colours = new Uint8Array(sites.count * 4);
  const words = new Uint32Array(colours.buffer);
  const packed = Object.fromEntries(Object.entries(SITE_COLOURS).map(([s, c]) => [s, packRgba(c)]));
  const centerWord = packRgba(CENTER_COLOUR);
  const outlines = new Uint8Array(sites.count * 4).fill(255);
  const phaseYears = view.phaseYears ?? 0;
  const byPhase = phaseYears > 0 ? phaseWords(phaseYears) : null;
  const reach = new Float32Array(sites.count);
  const markers = new Float32Array(sites.count);
  for (let k = 0; k < sites.count; k++) {
    const center = sites.role[k] === SITE_ROLE.center;
    words[k] = center ? centerWord : (packed[sites.status[k]] ?? packed[0]);
    if (byPhase !== null) {
      const phase = Math.min(sites.phase[k], phaseYears);
      if (phase > 0 || sites.status[k] !== SITE_STATUS.existing) words[k] = byPhase[phase];
      if (center) outlines.set(CENTER_COLOUR, 4 * k);
    }
    const open = sites.status[k] !== SITE_STATUS.excluded;
    reach[k] = open ? 1000 * (center ? view.centerRadiusKm : view.radiusKm) : 0;
    markers[k] = (k === view.selected ? 1.8 : center ? 1.4 : 1) * 500;
  }
  if (view.selected !== null && view.selected < sites.count) outlines.set(SELECTED_OUTLINE, 4 * view.selected);
  const length = sites.count;
  const getPosition = { value: positions, size: 2 };
  return [
    new ScatterplotLayer({
      id: 'station-reach',
      data: { length, attributes: { getPosition, getRadius: { value: reach, size: 1 } } },
      visible: view.showReach,
      radiusUnits: 'meters',
      getFillColor: REACH_FILL,
      getLineColor: REACH_LINE,
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 1,
      pickable: false,
    }),
    new ScatterplotLayer({
      id: 'stations',
      data: {
        length,
        attributes: {
          getPosition,
          getFillColor: { value: colours, size: 4 },
          getLineColor: { value: outlines, size: 4 },
          getRadius: { value: markers, size: 1 },
        },
      },
      // 500 m on the ground, at least 2.5 px: dots at province zoom, markers when zoomed in.
      radiusUnits: 'meters',
      radiusMinPixels: 2.5,
      radiusMaxPixels: 10,
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 1.5,
      pickable: false,
    }),
  ];
}
