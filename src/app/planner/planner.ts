/**
 * Starts the interactive planner on the page: the coverage and planner workers, the planner's panels and map
 * layers, editing on the map and the keyboard shortcuts. Wiring only: state changes are the pure actions of
 * `planner/actions.ts` and `planner/scenarios.ts`, views are functions of the state.
 */
import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { VillagePoints } from '../../map/layers/villages';
import { bindAutosave, type ViewPort } from '../autosave/bind';
import { openIdbBackend, storageBackend } from '../autosave/idb';
import { cancelSuggestion, suggest } from './suggest';
import { createCoverageWorker, syncCoverage } from './coverage-sync';
import { bindShortcuts, nudged, type Nudge, type Shortcut } from '../keyboard';
import { bindMapEditing } from './map-edit';
import { bindMapView } from '../map-view';
import { deleteSite, dropSite, markSite, phaseSite, redoPlan, setSiteRole, undoPlan } from './actions';
import { PlannerClient } from './client';
import { bindPanels } from './panels';
import { bindPhase } from '../phase/phase';
import { RoutesClient } from '../routes/client';
import { bindRoutes } from '../routes/routes';
import { exportFiles } from '../export/export';
import { planFileOfState } from './plan-file';
import { downloadText, renderExportPanel } from '../../ui/export-panel';
import { byId } from '../../ui/dom';
import { t } from '../../ui/i18n';
import { bindFileDrop } from '../import/drop';
import { createImportWorker, ImportFlow } from '../import/flow';
import { openUserDataIdb } from '../user-data/idb';
import { bindUserDataStore } from '../user-data/sync';
import { RoadsClient } from '../roads/client';
import { RoadsFlow } from '../roads/flow';
import { openRoadsIdb } from '../roads/idb';
import type { AppState, Store } from '../store';

/** What the page needs from the planner. */
export interface Planner {
  /** Redraws the deck.gl layers (after a zoom or new village points). */
  redraw(): void;
  /** Rebuilds the panels in the current language. */
  refreshText(): void;
  /** Called first by the page's map click handler; true when the click was the planner's. */
  handleClick(event: MapMouseEvent): boolean;
}

/** Figures the browser tests read (no behaviour). */
export interface PlannerTestHooks {
  __dragLatencies?: number[];
  __project?: (lon: number, lat: number) => { x: number; y: number };
  /** Autosave records written since the page opened, and whether the saved state has been restored. */
  __autosaveWrites?: number;
  __autosaveReady?: boolean;
  /** Terminates the coverage and planner workers, as a crash would. */
  __killWorkers?: () => void;
}

/** Everything the planner is started with. */
export interface PlannerDeps {
  store: Store;
  map: MapLibreMap;
  overlay: MapboxOverlay;
  /** Absolute base URL of the embedded dataset. */
  dataUrl: string;
  /** The village points shown now (from the data worker). */
  villagePoints: () => VillagePoints[];
  /** Moves the map to a bounding box [west, south, east, north]. */
  zoomTo: (bbox: [number, number, number, number]) => void;
}

export function startPlanner(deps: PlannerDeps): Planner {
  const { store, map } = deps;
  const hooks = window as unknown as PlannerTestHooks;
  hooks.__dragLatencies = [];
  hooks.__project = (lon, lat) => {
    const p = map.project([lon, lat]);
    const box = map.getCanvas().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  };
  let coverageWorker: Worker | undefined;
  const coverage = createCoverageWorker((worker) => (coverageWorker = worker));
  const planner = new PlannerClient();
  const roads = new RoadsClient();
  hooks.__killWorkers = () => {
    coverageWorker?.terminate();
    planner.restart('the planner worker was killed');
  };
  const apply = (update: (state: AppState) => Partial<AppState> | null) => {
    const patch = update(store.get());
    if (patch !== null) store.set(patch);
    return patch !== null;
  };

  hooks.__autosaveWrites = 0;
  const autosave = bindAutosave(store, {
    backend: openIdbBackend().catch(() => {
      const storage = browserStorage();
      return storage === undefined ? undefined : storageBackend(storage);
    }),
    legacy: browserStorage(),
    view: mapViewPort(map),
    onSaved: () => (hooks.__autosaveWrites = (hooks.__autosaveWrites ?? 0) + 1),
  });
  void autosave.ready.then(() => (hooks.__autosaveReady = true));
  window.addEventListener('pagehide', () => void autosave.flush());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void autosave.flush();
  });
  syncCoverage(store, coverage, {
    dataUrl: deps.dataUrl,
    onMoveMeasured: (ms) => hooks.__dragLatencies?.push(ms),
    onError: (message) => store.set({ run: { ...store.get().run, error: message } }),
  });
  const redraw = bindMapView(store, map, deps.overlay, deps.villagePoints);
  const handleClick = bindMapEditing(store, map);
  const idle = () => store.get().run.status === 'idle';
  const editing = {
    undo: () => idle() && apply(undoPlan),
    redo: () => idle() && apply(redoPlan),
    markSite: (k: number, status: number) => apply((s) => markSite(s, k, status)),
    setRole: (k: number, role: number) => apply((s) => setSiteRole(s, k, role)),
    setPhase: (k: number, phase: number) => apply((s) => phaseSite(s, k, phase)),
    deleteSite: (k: number) => apply((s) => deleteSite(s, k)),
    toggleAddMode: () => apply((s) => ({ editMode: s.editMode === 'add' ? 'select' : 'add' })),
    selectSite: (k: number | null) => apply((s) => (k === null || k < s.plan.sites.count ? { selectedSite: k } : null)),
    /** Moves the selected site by an arrow-key step (one undoable edit per press). */
    nudge: (step: Nudge) =>
      apply((s) => {
        const k = s.selectedSite;
        const movable = s.rollout.mode === 'planner' && s.run.status === 'idle' && s.drag === null;
        if (!movable || k === null || k >= s.plan.sites.count) return null;
        const [lon, lat] = nudged(s.plan.sites.lon[k], s.plan.sites.lat[k], step);
        return dropSite(s, k, lon, lat);
      }),
  };
  const refreshPanels = bindPanels(store, {
    plan: {
      changeSettings: (patch) => apply((s) => ({ settings: { ...s.settings, ...patch } })),
      suggest: () => void suggest(store, coverage, planner, roads),
      cancel: () => cancelSuggestion(store, planner),
      setCountyColour: (countyColour) => store.set({ countyColour }),
      setVillageColour: (villageColour) => store.set({ villageColour }),
    },
    edit: editing,
    phase: bindPhase(store, coverage),
    routes: bindRoutes(store, coverage, new RoutesClient(), (file) => downloadText(file.data, file.name, file.type)),
    coverage,
    zoomTo: (county) => {
      deps.zoomTo(county.bbox);
      store.set({ selectedCounty: county.code });
    },
  });
  // Import of the user's files: the data card, files dropped on the map, the imported data kept across reloads.
  // The road network (data card, road worker), its file kept across reloads and built again.
  const roadsFlow = new RoadsFlow(
    store,
    roads,
    openRoadsIdb().catch(() => undefined),
  );
  void roadsFlow.restore();
  const importFlow = new ImportFlow(store, createImportWorker(), byId('data-panel'), () => roadsFlow.element);
  bindFileDrop(
    map.getContainer(),
    (file) => void importFlow.choose(file),
    () => t('dropHere'),
  );
  void bindUserDataStore(
    store,
    openUserDataIdb().catch(() => undefined),
  );
  const refreshText = () => {
    refreshPanels();
    roadsFlow.build();
    importFlow.build();
    renderExportPanel(byId('export-panel'), {
      planFile: () => planFileOfState(store.get()),
      files: (kind) => exportFiles({ store, coverage, map, overlay: deps.overlay, dataUrl: deps.dataUrl }, kind),
    });
  };
  map.getContainer().classList.toggle('adding', false);
  store.subscribe((state, previous) => {
    if (state.editMode !== previous.editMode) map.getContainer().classList.toggle('adding', state.editMode === 'add');
  });

  bindShortcuts((shortcut: Shortcut) => {
    const state = store.get();
    // In the rollout mode the planner's plan is out of sight: its keys must not change it unseen.
    if (state.rollout.mode !== 'planner') return false;
    switch (shortcut) {
      case 'undo':
        return editing.undo();
      case 'redo':
        return editing.redo();
      case 'delete':
        return state.selectedSite !== null && editing.deleteSite(state.selectedSite);
      case 'escape':
        if (state.editMode === 'select' && state.selectedSite === null) return false;
        store.set({ editMode: 'select', selectedSite: null });
        return true;
    }
  }, editing.nudge);
  return { redraw, refreshText, handleClick };
}

/** The map's centre and zoom, for the autosave. */
function mapViewPort(map: MapLibreMap): ViewPort {
  return {
    get: () => {
      const { lng, lat } = map.getCenter();
      return { center: [lng, lat], zoom: map.getZoom() };
    },
    set: (view) => map.jumpTo({ center: view.center, zoom: view.zoom }),
    onChange: (listener) => map.on('moveend', listener),
  };
}

/** localStorage, or undefined where the browser refuses it (e.g. storage disabled). */
function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
