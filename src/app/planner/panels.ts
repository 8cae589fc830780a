/**
 * The planner's panels as views of the state: each is drawn into its element of index.html and redrawn when the
 * part of the state it shows changes (the plan and edit cards are built once per language and then only updated,
 * so their controls keep the keyboard focus).
 */
import type * as Comlink from 'comlink';
import type { CountyInfo } from '../../core/live/counties';
import type { CoverageApi } from '../../core/live/coverage-api';
import { renderCoverageLegend } from '../../ui/coverage-legend';
import { renderCountyTable } from '../../ui/county-table';
import { renderCurve } from '../../ui/curve-panel';
import { byId } from '../../ui/dom';
import { EditPanel, type EditPanelActions } from '../../ui/edit-panel';
import { t } from '../../ui/i18n';
import { PhasePanel, type PhasePanelActions } from '../../ui/phase-panel';
import { PlanPanel, type PlanPanelActions } from '../../ui/plan-panel';
import { RunsPanel, type RunsPanelActions } from '../../ui/runs-panel';
import { renderScenarios, type ScenarioActions } from '../../ui/scenarios-panel';
import { renderTotals } from '../../ui/totals-panel';
import { deleteScenario, duplicateScenario, openScenario, renameScenario, saveScenario } from './scenarios';
import { DEFAULT_SETTINGS, reachOf } from './state';
import type { AppState, Store } from '../store';

/** Actions the panels need besides the store. */
export interface PanelDeps {
  plan: PlanPanelActions;
  edit: EditPanelActions;
  phase: PhasePanelActions;
  routes: RunsPanelActions;
  coverage: Comlink.Remote<CoverageApi>;
  zoomTo: (county: CountyInfo) => void;
}

/** Binds every planner panel; returns the function that rebuilds them in the current language. */
export function bindPanels(store: Store, deps: PanelDeps): () => void {
  const scenarioActions = bindScenarioActions(store, deps.coverage);
  const sort = (key: AppState['countySort']['key']) => {
    const current = store.get().countySort;
    store.set({ countySort: { key, descending: current.key === key ? !current.descending : key !== 'name' } });
  };
  const setN = (n: number) => store.set({ settings: { ...store.get().settings, stations: n } });
  let plan: PlanPanel;
  let edit: EditPanel;
  let phase: PhasePanel;
  let routes: RunsPanel;

  const build = () => {
    const state = store.get();
    plan = new PlanPanel(byId('plan-panel'), state, deps.plan);
    edit = new EditPanel(byId('edit-panel'), state, deps.edit);
    phase = new PhasePanel(byId('phase-panel'), state, deps.phase);
    routes = new RunsPanel(byId('routes-panel'), state, deps.routes);
    renderTotals(byId('totals-panel'), state);
    renderCurve(byId('curve-panel'), state, setN);
    renderCountyTable(byId('counties-panel'), state, sort, deps.zoomTo);
    renderScenarios(byId('scenarios-panel'), state, scenarioActions);
    renderCoverageLegend(byId('coverage-legend'), state);
  };
  build();

  store.subscribe((state, previous) => {
    const changed = <K extends keyof AppState>(...keys: K[]) => keys.some((key) => state[key] !== previous[key]);
    // userData: the imported candidate sites and the travel matrix change the plan card's choices and notes.
    // roads: a loaded road network shows the road reach and whether Suggest uses it.
    if (changed('settings', 'run', 'province', 'plan', 'countyColour', 'villageColour', 'userData', 'roads'))
      plan.update(state);
    if (changed('history', 'editMode', 'selectedSite', 'plan', 'run')) edit.update(state);
    if (changed('phase', 'plan', 'run', 'province', 'drag')) phase.update(state);
    if (changed('routes', 'plan', 'province')) routes.update(state);
    if (changed('metrics')) renderTotals(byId('totals-panel'), state);
    if (changed('plan', 'settings')) renderCurve(byId('curve-panel'), state, setN);
    // Not while a station is dragged: the table (up to ~2,900 rows nationally) follows once it is dropped.
    const dragEnded = previous.drag !== null && state.drag === null;
    if ((changed('metrics', 'province', 'countySort') && state.drag === null) || dragEnded)
      renderCountyTable(byId('counties-panel'), state, sort, deps.zoomTo);
    if (changed('scenarios', 'comparison', 'provinceCode'))
      renderScenarios(byId('scenarios-panel'), state, scenarioActions);
    if (changed('countyColour', 'plan', 'comparison', 'villageColour', 'routes', 'roads'))
      renderCoverageLegend(byId('coverage-legend'), state);
  });
  return build;
}

/** Scenario actions on the store; comparing asks the coverage worker for both plans' figures. */
function bindScenarioActions(store: Store, coverage: Comlink.Remote<CoverageApi>): ScenarioActions {
  const apply = (patch: Partial<AppState>) => store.set(patch);
  return {
    save: (name) => {
      const n = store.get().scenarios.filter((s) => s.provinceCode === store.get().provinceCode).length + 1;
      apply(saveScenario(store.get(), name, t('scenarioDefault', { n })));
    },
    rename: (id, name) => apply(renameScenario(store.get(), id, name)),
    open: (id) => apply(openScenario(store.get(), id)),
    duplicate: (id) => apply(duplicateScenario(store.get(), id, (name) => t('copyOf', { name }))),
    remove: (id) => apply(deleteScenario(store.get(), id)),
    compare: (a, b) => {
      const state = store.get();
      const first = state.scenarios.find((s) => s.id === a);
      const second = state.scenarios.find((s) => s.id === b);
      if (!first || !second) return;
      // Scenarios saved before the travel-time settings existed get the defaults.
      const reach = (s: typeof first) => reachOf({ ...DEFAULT_SETTINGS, ...s.settings });
      void coverage
        .compare(first.plan.sites, reach(first), second.plan.sites, reach(second))
        .then((result) => store.set({ comparison: { a, b, result } }))
        .catch((error: unknown) => store.set({ run: { ...store.get().run, error: String(error) } }));
    },
    closeComparison: () => apply({ comparison: null }),
  };
}
