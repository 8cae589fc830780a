/**
 * The read-only government view (`?view=government&area=<code>&rollout=<params>`): one province or county, the
 * rollout recomputed from the link's parameters in the rollout worker (deterministic: the same figures as
 * `npm run rollout`), the coverage map framed on the area with its legend and timeline, the area's totals, and
 * Print. The planner is never started: no cards, no inputs, no province choice, no editing on the map.
 */
import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { RolloutResult } from '../core/rollout/rollout-types';
import type { Manifest } from '../data/manifest';
import type { VillagePoints } from '../map/layers/villages';
import { byId, el } from '../ui/dom';
import { renderGovernmentPanel, type GovernmentPanelState } from '../ui/government-panel';
import { RolloutTimeline } from '../ui/rollout-timeline';
import { rolloutMethodText } from '../ui/rollout-format';
import { RolloutClient } from './rollout/client';
import { readGovernmentLink } from './rollout/link';
import { RolloutMapView } from './rollout/map';
import { player } from './rollout/rollout';
import { nextYear } from './rollout/state';

/** What the view is started with. */
export interface GovernmentDeps {
  map: MapLibreMap;
  overlay: MapboxOverlay;
  dataUrl: string;
  manifest: Manifest;
  /** The page's query string. */
  search: string;
  villagePoints: (codes: string[]) => Promise<VillagePoints[]>;
}

/** The province code an area lies in, when the manifest has it. */
function provinceOf(manifest: Manifest, area: string): string | null {
  const code = area.slice(0, 2);
  return manifest.provinces.some((p) => p.code === code) ? code : null;
}

/** Removes every editing control of the page (the planner's side bar, the province choice, the mode switch). */
function removeEditing(): void {
  document.body.dataset.mode = 'government';
  for (const aside of document.querySelectorAll('.layout > aside')) aside.remove();
  document.getElementById('province-select')?.closest('label')?.remove();
  document.getElementById('mode-switch')?.remove();
}

/** Starts the view; returns the function that redraws its text in the current language. */
export function startGovernmentView(deps: GovernmentDeps): () => void {
  const { map, manifest } = deps;
  removeEditing();
  const link = readGovernmentLink(deps.search);
  const problems = [...link.problems];
  let area = link.area;
  if (area === null || provinceOf(manifest, area) === null) {
    if (link.area !== null) problems.push(`area: ${link.area} is not in the dataset`);
    area = '33';
  }
  const provinceCode = provinceOf(manifest, area)!;
  const province = manifest.provinces.find((p) => p.code === provinceCode)!;
  const side = el('aside', { class: 'side gov-side', id: 'government-side', 'aria-live': 'polite' });
  byId('map').after(side);
  const client = new RolloutClient(deps.dataUrl);
  const mapView = new RolloutMapView(deps.overlay);
  map.fitBounds(province.bbox, { padding: 24 });

  let result: RolloutResult | null = null;
  let villages: VillagePoints[] = [];
  let parts: Awaited<ReturnType<RolloutClient['parts']>> | null = null;
  let year = 1;
  let playing = false;
  const panel: GovernmentPanelState = {
    areaName: area.length === 2 ? province.name : area,
    problems,
    progress: 0,
    error: null,
    row: null,
    area: null,
    method: '',
  };
  const print = () => window.print();
  const render = () => renderGovernmentPanel(side, panel, print);
  let timeline: RolloutTimeline;
  const show = () => {
    timeline.update(result, year, playing, panel.area);
    if (result !== null) mapView.show({ result, year, villages, parts });
  };
  const play = player(() => {
    if (result === null) return;
    year = nextYear(year, result.params.years);
    show();
  });
  const buildTimeline = () => {
    timeline = new RolloutTimeline(byId('rollout-timeline'), {
      setYear: (y) => {
        year = y;
        playing = false;
        play.stop();
        show();
      },
      togglePlay: () => {
        playing = !playing;
        if (playing) play.start();
        else play.stop();
        show();
      },
    });
  };
  buildTimeline();
  render();

  void (async () => {
    try {
      const [computed, points] = await Promise.all([
        client.run(link.params, (progress) => {
          panel.progress = progress.share;
          render();
        }),
        deps.villagePoints([provinceCode]),
      ]);
      result = computed;
      villages = points;
      parts = await client.parts();
      const rows = area.length === 2 ? computed.provinceRows : computed.countyRows;
      panel.row = rows.find((r) => r.code === area) ?? null;
      panel.area = await client.area(area);
      if (area.length === 6) {
        panel.areaName = `${panel.area.name || area} (${province.name})`;
        map.setFilter('county-selected', ['==', ['get', 'code'], area]);
      }
      if (panel.area.bbox !== null && area.length === 6) map.fitBounds(panel.area.bbox, { padding: 24, maxZoom: 10 });
      panel.method = rolloutMethodText(computed.params);
      panel.progress = null;
      year = computed.params.years;
      document.title = `RuralReach · ${panel.areaName}`;
    } catch (error) {
      panel.error = error instanceof Error ? error.message : String(error);
      panel.progress = null;
    }
    render();
    show();
  })();

  return () => {
    render();
    buildTimeline();
    show();
  };
}
