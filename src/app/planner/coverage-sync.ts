/**
 * Keeps the coverage figures in the state in step with the plan, by asking the coverage worker: loads the
 * province's villages when the province or the demand changes, re-counts when the sites or the reach change,
 * and while a station is dragged sends its latest position, one move in flight at a time (positions that arrive
 * meanwhile are merged into the next message), so the numbers follow the pointer without a queue building up.
 */
import * as Comlink from 'comlink';
import type { CoverageApi, LiveMetrics } from '../../core/live/coverage-api';
import { coveragePalette } from '../../map/layers/coverage-villages';
import { reachOf } from './state';
import type { AppState, Store } from '../store';
import { splitIds } from '../user-data/user-data';

/** Starts the coverage worker (a module worker, bundled by Vite); `onWorker` is given the Worker itself. */
export function createCoverageWorker(onWorker?: (worker: Worker) => void): Comlink.Remote<CoverageApi> {
  const worker = new Worker(new URL('../../../workers/coverage.worker.ts', import.meta.url), {
    type: 'module',
    name: 'coverage',
  });
  onWorker?.(worker);
  const coverage = Comlink.wrap<CoverageApi>(worker);
  // The worker colours the villages of its answers (620,000 nationally: 10-80 ms of main thread per answer here).
  void coverage.setStatePalette(coveragePalette());
  return coverage;
}

/** Options of {@link syncCoverage}. */
export interface SyncOptions {
  /** Absolute base URL of the embedded dataset. */
  dataUrl: string;
  /** Told the milliseconds from a drag position to its figures in the state (for the browser tests' figures). */
  onMoveMeasured?: (ms: number) => void;
  /** Told when a worker call fails. */
  onError?: (message: string) => void;
}

/** Subscribes to the store; the figures arrive in `state.province` and `state.metrics`. */
export function syncCoverage(store: Store, coverage: Comlink.Remote<CoverageApi>, options: SyncOptions): void {
  let generation = 0;
  /** The user's villages last sent to the worker (null: none). */
  let placedVillages: AppState['userData']['villages'] = null;
  let moving = false;
  let pendingMove: { index: number; lon: number; lat: number; at: number } | null = null;
  const fail = (error: unknown) => options.onError?.(error instanceof Error ? error.message : String(error));

  const load = (state: AppState) => {
    const mine = ++generation;
    // The worker runs calls in order: the user's villages are set before the province that uses them is loaded.
    const villages = state.userData.villages;
    if (villages !== placedVillages) {
      placedVillages = villages;
      const ids = villages && villages.ids !== undefined ? splitIds(villages.ids, villages.count) : undefined;
      const user = villages && { lon: villages.lon, lat: villages.lat, weight: villages.weight, ids };
      coverage
        .setUserVillages(options.dataUrl, user)
        .then((placed) => {
          const now = store.get().userData;
          if (now.villages === villages) store.set({ userData: { ...now, placed: villages === null ? null : placed } });
        })
        .catch(fail);
    }
    coverage
      .loadProvince(options.dataUrl, state.provinceCode, state.settings.demand, state.settings.area)
      .then((province) => {
        if (mine === generation) store.set({ province, metrics: null, villageDistances: null });
      })
      .catch(fail);
  };

  const evaluate = (state: AppState) => {
    const mine = generation;
    coverage
      .evaluate(state.plan.sites, reachOf(state.settings))
      .then((metrics) => {
        apply(mine, metrics);
        if (store.get().villageColour === 'distance') distances();
      })
      .catch(fail);
  };

  // Distances to the nearest station: asked after each full count (not while dragging), computed in the worker.
  const distances = () => {
    const mine = generation;
    coverage
      .villageDistances()
      .then((villageDistances) => {
        if (mine === generation) store.set({ villageDistances });
      })
      .catch(fail);
  };

  const apply = (mine: number, metrics: LiveMetrics) => {
    if (mine === generation) store.set({ metrics });
  };

  const sendMove = () => {
    if (moving || pendingMove === null) return;
    const move = pendingMove;
    pendingMove = null;
    moving = true;
    const mine = generation;
    coverage
      .moveSite(move.index, move.lon, move.lat)
      .then((metrics) => {
        // Positions dropped meanwhile: the drop's full count comes after, so a late move must not overwrite it.
        if (store.get().drag !== null) {
          apply(mine, metrics);
          options.onMoveMeasured?.(performance.now() - move.at);
        }
      })
      .catch(fail)
      .finally(() => {
        moving = false;
        sendMove();
      });
  };

  store.subscribe((state, previous) => {
    if (state.drag === null) pendingMove = null;
    const areaChanged = state.settings.area.join() !== previous.settings.area.join();
    if (
      state.provinceCode !== previous.provinceCode ||
      state.settings.demand !== previous.settings.demand ||
      state.userData.villages !== previous.userData.villages ||
      areaChanged
    ) {
      load(state);
      return;
    }
    if (state.province === null) return;
    if (state.villageColour !== previous.villageColour && state.villageColour === 'distance') distances();
    const reach = reachOf(state.settings);
    const before = reachOf(previous.settings);
    const reachChanged = reach.radiusKm !== before.radiusKm || reach.centerRadiusKm !== before.centerRadiusKm;
    if (state.province !== previous.province || state.plan.sites !== previous.plan.sites || reachChanged) {
      evaluate(state);
    } else if (state.drag !== null && state.drag !== previous.drag) {
      pendingMove = { ...state.drag, at: performance.now() };
      sendMove();
    }
  });
  load(store.get());
}
