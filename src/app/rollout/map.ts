/**
 * The rollout on the map: the sites open by the timeline's year and the villages coloured by the year they are
 * first covered, as deck.gl layers on the page's overlay. Everything big is prepared once per result (sites laid
 * out by year) or once per result and year (village colours, `YearColourCache`); a draw is scheduled on the next
 * animation frame, so a slider dragged through many years draws at most once per frame.
 */
import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { ProvincePart } from '../../core/live/national';
import type { RolloutResult } from '../../core/rollout/rollout-types';
import { YearColourCache } from '../../map/layers/rollout-colours';
import {
  openSites,
  rolloutSitePoints,
  rolloutSitesLayers,
  type RolloutSitePoints,
} from '../../map/layers/rollout-sites';
import { rolloutVillagesLayers, type RolloutVillageView } from '../../map/layers/rollout-villages';
import type { VillagePoints } from '../../map/layers/villages';

/** What the map shows of a rollout. */
export interface RolloutMapState {
  result: RolloutResult;
  year: number;
  /** Village points of the provinces shown (from the data worker). */
  villages: readonly VillagePoints[];
  /** Where each province file sits in `result.villageYear` (from the rollout worker), or null before it is known. */
  parts: readonly ProvincePart[] | null;
}

/** Figures the browser tests read after a draw (no behaviour). */
export interface RolloutMapHooks {
  __rolloutDrawn?: { year: number; centers: number; stations: number; villages: number; frame: number };
}

export class RolloutMapView {
  private sites: { result: RolloutResult; points: RolloutSitePoints } | null = null;
  /** Per result: per province, the year colours of its villages. */
  private colours = new WeakMap<RolloutResult, Map<string, YearColourCache>>();
  private frame = 0;
  private pending: RolloutMapState | null = null;
  private frames = 0;

  constructor(private readonly overlay: MapboxOverlay) {}

  /** Draws `state` on the next animation frame (a later call before then replaces it). */
  show(state: RolloutMapState): void {
    this.pending = state;
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const next = this.pending;
      this.pending = null;
      if (next !== null) this.draw(next);
    });
  }

  /** Removes the rollout's layers (the caller draws its own). */
  clear(): void {
    if (this.frame !== 0) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.pending = null;
  }

  private draw(state: RolloutMapState): void {
    const { result, year } = state;
    if (this.sites?.result !== result) this.sites = { result, points: rolloutSitePoints(result) };
    let byProvince = this.colours.get(result);
    if (byProvince === undefined) this.colours.set(result, (byProvince = new Map()));
    const views: RolloutVillageView[] = [];
    for (const points of state.villages) {
      const part = state.parts?.find((p) => p.provinceCode === points.provinceCode);
      if (part === undefined || part.count !== points.count) continue;
      let cache = byProvince.get(points.provinceCode);
      if (cache === undefined) {
        const slice = result.villageYear.subarray(part.offset, part.offset + part.count);
        byProvince.set(points.provinceCode, (cache = new YearColourCache(slice, result.params.years)));
      }
      views.push({ points, colours: cache.at(year) });
    }
    this.overlay.setProps({
      layers: [...rolloutVillagesLayers(views), ...rolloutSitesLayers(this.sites.points, year)],
    });
    const [centers, stations] = openSites(this.sites.points, year);
    (window as unknown as RolloutMapHooks).__rolloutDrawn = {
      year,
      centers,
      stations,
      villages: views.reduce((n, v) => n + v.points.count, 0),
      frame: ++this.frames,
    };
  }
}
