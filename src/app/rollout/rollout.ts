/**
 * Starts the rollout mode on the page: the top-bar switch between the planner and the national rollout, the
 * rollout's cards (inputs, targets, charts, breakdown, share), the timeline over the map and the rollout's map
 * layers. Wiring only: the rollout runs in its worker (`RolloutClient`), the cards and the map are views of
 * `state.rollout`. "Open in planner" on a province of the breakdown takes its sites to the planner
 * (src/app/rollout/to-plan.ts).
 */
import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { ProvincePart } from '../../core/live/national';
import type { RolloutParams } from '../../core/rollout/rollout-types';
import type { Manifest } from '../../data/manifest';
import type { VillageTable } from '../../core/villages';
import { fetchProvinceVillages } from '../../data/fetch-villages';
import type { VillagePoints } from '../../map/layers/villages';
import { byId, el } from '../../ui/dom';
import { t } from '../../ui/i18n';
import { renderBreakdown } from '../../ui/rollout-breakdown';
import { RolloutInputs } from '../../ui/rollout-inputs';
import { renderShare } from '../../ui/rollout-share';
import { renderRolloutCharts, renderTargets } from '../../ui/rollout-targets';
import { RolloutTimeline } from '../../ui/rollout-timeline';
import { RolloutClient } from './client';
import { RolloutMapView } from './map';
import { openRolloutPlan, rolloutPlanOf } from './to-plan';
import { IDLE_ROLLOUT_RUN, nextSort, nextYear, type AppMode, type RolloutState } from './state';
import type { Store } from '../store';

/** Milliseconds per year when the timeline plays. */
export const PLAY_STEP_MS = 1200;

/** Everything the rollout is started with. */
export interface RolloutDeps {
  store: Store;
  map: MapLibreMap;
  overlay: MapboxOverlay;
  dataUrl: string;
  manifest: Manifest;
  /** [west, south, east, north] of the whole country. */
  nationalBox: [number, number, number, number];
  /** Loads (once) and returns the village points of these provinces. */
  villagePoints: (codes: string[]) => Promise<VillagePoints[]>;
  /** Draws the planner's layers again (when the page goes back to the planner). */
  redrawPlanner: () => void;
}

/** What the page needs from the rollout. */
export interface Rollout {
  /** Rebuilds the cards in the current language. */
  refreshText(): void;
}

/** Figures the browser tests read (no behaviour). */
export interface RolloutTestHooks {
  /** Milliseconds from Run to the result in the store. */
  __rolloutWallMs?: number;
  __rolloutSeconds?: number;
}

/**
 * The decoded villages of one province file (for the CLI's site ids), or undefined when it cannot be read (the
 * plan then gets stable ids of its own). The data worker fetched the same file for the map: the browser's cache
 * answers.
 */
async function provinceFile(dataUrl: string, code: string): Promise<VillageTable | undefined> {
  try {
    return await fetchProvinceVillages(dataUrl, code);
  } catch {
    return undefined;
  }
}

/** Starts the timeline's player: calls `step` every `PLAY_STEP_MS` while `playing()`; returns the stop function. */
export function player(step: () => void): { start(): void; stop(): void } {
  let timer: ReturnType<typeof setInterval> | undefined;
  return {
    start: () => {
      if (timer === undefined) timer = setInterval(step, PLAY_STEP_MS);
    },
    stop: () => {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    },
  };
}

export function startRollout(deps: RolloutDeps): Rollout {
  const { store, map } = deps;
  const hooks = window as unknown as RolloutTestHooks;
  const client = new RolloutClient(deps.dataUrl);
  const mapView = new RolloutMapView(deps.overlay);
  const codes = deps.manifest.provinces.map((p) => p.code);
  let villages: VillagePoints[] = [];
  let parts: ProvincePart[] | null = null;
  const rollout = () => store.get().rollout;
  const patch = (change: Partial<RolloutState>) => store.set({ rollout: { ...rollout(), ...change } });

  // The mode switch in the top bar.
  const switchRoot = byId('mode-switch');
  const modeButton = (mode: AppMode) => {
    const node = el('button', { type: 'button', 'data-mode': mode });
    node.addEventListener('click', () => patch({ mode, playing: false }));
    return node;
  };
  const modeButtons = [modeButton('planner'), modeButton('rollout')];
  switchRoot.replaceChildren(...modeButtons);

  const run = async () => {
    const params = rollout().params;
    patch({ run: { status: 'running', share: 0, error: null }, playing: false });
    const started = performance.now();
    try {
      const result = await client.run(params, (progress) => {
        if (rollout().run.status === 'running') patch({ run: { ...rollout().run, share: progress.share } });
      });
      parts ??= await client.parts();
      const wallMs = performance.now() - started;
      hooks.__rolloutWallMs = wallMs;
      hooks.__rolloutSeconds = result.seconds;
      patch({
        result,
        run: IDLE_ROLLOUT_RUN,
        wallSeconds: wallMs / 1000,
        year: result.params.years,
        breakdownProvince: null,
      });
    } catch (error) {
      patch({ run: { ...IDLE_ROLLOUT_RUN, error: error instanceof Error ? error.message : String(error) } });
    }
  };
  const cancel = () => {
    if (rollout().run.status !== 'running') return;
    patch({ run: { ...rollout().run, status: 'cancelling' } });
    client.cancel();
  };

  // The rollout's sites of a province in the planner: that province, the rollout's reach, one undoable edit.
  const openInPlanner = async (code: string) => {
    const { result } = rollout();
    const part = parts?.find((p) => p.provinceCode === code);
    if (result === null || part === undefined) return;
    const table = await provinceFile(deps.dataUrl, code);
    if (rollout().result !== result) return;
    store.set(openRolloutPlan(store.get(), rolloutPlanOf(result, part, table)));
    // The selector shows the province in view (main.ts sets it only on the page's first load).
    const select = document.getElementById('province-select');
    if (select instanceof HTMLSelectElement) select.value = code;
  };

  const play = player(() => {
    const { result, year } = rollout();
    if (result !== null) patch({ year: nextYear(year, result.params.years) });
  });
  let inputs: RolloutInputs;
  let timeline: RolloutTimeline;
  const breakdownActions = {
    sort: (key: RolloutState['sort']['key']) => patch({ sort: nextSort(rollout().sort, key) }),
    openProvince: (code: string | null) => patch({ breakdownProvince: code }),
    openInPlanner: (code: string) => void openInPlanner(code),
    provinceNames: new Map(deps.manifest.provinces.map((p) => [p.code, p.name])),
  };
  const build = () => {
    modeButtons[0].textContent = t('modePlanner');
    modeButtons[1].textContent = t('modeRollout');
    switchRoot.setAttribute('aria-label', t('modeSwitch'));
    const state = rollout();
    inputs = new RolloutInputs(byId('rollout-inputs'), state, {
      setParams: (params: RolloutParams) => patch({ params }),
      run: () => void run(),
      cancel,
    });
    timeline = new RolloutTimeline(byId('rollout-timeline'), {
      setYear: (year) => patch({ year, playing: false }),
      togglePlay: () => patch({ playing: !rollout().playing }),
    });
    renderTargets(byId('rollout-targets'), state.result);
    renderRolloutCharts(byId('rollout-charts'), state.result);
    renderBreakdown(byId('rollout-breakdown'), state, breakdownActions);
    renderShare(
      byId('rollout-share'),
      deps.manifest.provinces.map((p) => [p.code, p.name] as const),
      () => rollout().params,
    );
    showMode(state.mode);
    timeline.update(state.mode === 'rollout' ? state.result : null, state.year, state.playing);
  };

  const drawMap = () => {
    const { result, year, mode } = rollout();
    if (mode !== 'rollout') return;
    if (result === null) deps.overlay.setProps({ layers: [] });
    else mapView.show({ result, year, villages, parts });
  };
  const showMode = (mode: AppMode) => {
    document.body.dataset.mode = mode;
    for (const b of modeButtons) b.setAttribute('aria-pressed', String(b.dataset.mode === mode));
    byId('rollout-side').hidden = mode !== 'rollout';
  };
  build();

  store.subscribe((state, previous) => {
    const now = state.rollout;
    const before = previous.rollout;
    if (now === before) return;
    if (now.mode !== before.mode) {
      showMode(now.mode);
      if (now.mode === 'rollout') {
        map.fitBounds(deps.nationalBox, { padding: 24 });
        if (villages.length === 0) {
          void deps.villagePoints(codes).then((points) => {
            villages = points;
            drawMap();
          });
        }
      } else {
        mapView.clear();
        deps.redrawPlanner();
      }
    }
    if (now.params !== before.params || now.run !== before.run || now.result !== before.result) inputs.update(now);
    if (now.result !== before.result) {
      renderTargets(byId('rollout-targets'), now.result);
      renderRolloutCharts(byId('rollout-charts'), now.result);
    }
    if (now.result !== before.result || now.sort !== before.sort || now.breakdownProvince !== before.breakdownProvince)
      renderBreakdown(byId('rollout-breakdown'), now, breakdownActions);
    if (now.playing !== before.playing) {
      if (now.playing) play.start();
      else play.stop();
    }
    if (now.mode !== 'rollout' && now.playing) patch({ playing: false });
    timeline.update(now.mode === 'rollout' ? now.result : null, now.year, now.playing);
    if (
      now.mode === 'rollout' &&
      (now.result !== before.result || now.year !== before.year || now.mode !== before.mode)
    )
      drawMap();
  });
  return { refreshText: build };
}
