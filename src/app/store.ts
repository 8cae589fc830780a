/**
 * The application state in one serialisable place; the map and the panels are views of it.
 * A minimal observable store: `set` merges a patch and notifies subscribers with the new and previous state.
 * The planner's part (settings, plan, history, scenarios) is plain data and typed arrays; `province`, `metrics`
 * and `comparison` are answers of the coverage worker about that data, kept here so that every view reads one
 * place.
 */
import type { Comparison, LiveMetrics, ProvinceSummary } from '../core/live/coverage-api';
import { emptyHistory, type History } from './history';
import { initialPhaseState, type PhaseState } from './phase/state';
import { initialRolloutState, type RolloutState } from './rollout/state';
import { NO_ROADS, type RoadsState } from './roads/state';
import { initialRoutesState, type RoutesState } from './routes/state';
import { NO_USER_DATA, type UserDataState } from './user-data/user-data';
import {
  DEFAULT_SETTINGS,
  EMPTY_PLAN,
  IDLE_RUN,
  type CountySortKey,
  type DragState,
  type PlanSettings,
  type PlanSnapshot,
  type RunState,
  type Scenario,
} from './planner/state';

export interface AppState {
  /** 2-digit code of the province in view; Zhejiang (33) by default, as in the programme. */
  provinceCode: string;
  /** 6-digit code of the selected county, or null. */
  selectedCounty: string | null;
  /** Provinces whose villages are loaded and shown. */
  loadedProvinces: string[];
  /** Settings of the next suggestion and of the live figures. */
  settings: PlanSettings;
  /** The current plan, and the snapshots undo and redo step through. */
  plan: PlanSnapshot;
  history: History<PlanSnapshot>;
  /** `add`: a click on the map adds a station; `select`: a click picks a station or a county. */
  editMode: 'select' | 'add';
  /** Index of the selected site in `plan.sites`, or null. */
  selectedSite: number | null;
  /** The station being dragged (not in the plan until dropped), or null. */
  drag: DragState | null;
  run: RunState;
  /** The province the coverage worker holds, once loaded. */
  province: ProvinceSummary | null;
  /** Coverage of `plan.sites` (or of the dragged plan) from the coverage worker. */
  metrics: LiveMetrics | null;
  /** County fill: villages per 100 km², or coverage share of the plan. */
  countyColour: 'density' | 'coverage';
  /** Village dots: covered / uncovered, or classes of distance to the nearest covering station. */
  villageColour: 'coverage' | 'distance';
  /** Km from each village (file order) to its nearest covering station (Infinity beyond the worker's cut-off),
   * from the coverage worker when villages are coloured by distance, else null. */
  villageDistances: Float32Array | null;
  countySort: { key: CountySortKey; descending: boolean };
  scenarios: Scenario[];
  /** Two scenarios compared side by side, with the worker's answer. */
  comparison: { a: string; b: string; result: Comparison } | null;
  /** The user's imported villages and matrix (kept in IndexedDB apart from the autosave), or none. */
  userData: UserDataState;
  /** The imported road network (built in the road worker; its file kept in IndexedDB), or none. */
  roads: RoadsState;
  /** The national rollout: mode, parameters, run and view state (its result is recomputed, never autosaved). */
  rollout: RolloutState;
  /** The phase card: money of the next phasing of the plan, and the figures of the last one (never autosaved). */
  phase: PhaseState;
  /** The delivery runs card: run parameters, progress and the last runs (autosaved, in the plan file). */
  routes: RoutesState;
}

export type Listener = (state: AppState, previous: AppState) => void;

/**
 * The observable store. A `set` made by a listener while others are being notified is queued and applied after
 * them, so that every listener sees every change in order, with the state before and after it.
 */
export class Store {
  private state: AppState;
  private listeners = new Set<Listener>();
  private queue: Partial<AppState>[] = [];
  private notifying = false;

  constructor(initial: AppState) {
    this.state = initial;
  }

  get(): AppState {
    return this.state;
  }

  set(patch: Partial<AppState>): void {
    this.queue.push(patch);
    if (this.notifying) return;
    this.notifying = true;
    try {
      for (let next = this.queue.shift(); next !== undefined; next = this.queue.shift()) {
        const previous = this.state;
        this.state = { ...previous, ...next };
        for (const listener of this.listeners) listener(this.state, previous);
      }
    } finally {
      this.notifying = false;
      this.queue = [];
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export const DEFAULT_PROVINCE = '33';

/** The state of a fresh page: the province, the programme's default settings, no plan. */
export function initialState(provinceCode: string = DEFAULT_PROVINCE): AppState {
  return {
    provinceCode,
    selectedCounty: null,
    loadedProvinces: [],
    settings: { ...DEFAULT_SETTINGS },
    plan: EMPTY_PLAN,
    history: emptyHistory(),
    editMode: 'select',
    selectedSite: null,
    drag: null,
    run: IDLE_RUN,
    province: null,
    metrics: null,
    countyColour: 'density',
    villageColour: 'coverage',
    villageDistances: null,
    countySort: { key: 'share', descending: false },
    scenarios: [],
    comparison: null,
    userData: NO_USER_DATA,
    roads: NO_ROADS,
    rollout: initialRolloutState(),
    phase: initialPhaseState(),
    routes: initialRoutesState(),
  };
}
