/**
 * The planner's part of the application state: settings of the next suggestion, the current plan (its sites and
 * the suggestion that made it), saved scenarios. Everything here is plain data or typed arrays, so a state can be
 * cloned, saved as a plan file and restored.
 */
import type { VillageKind } from '../../core/live/coverage-api';
import { emptySites, type SiteTable } from '../../core/live/sites';
import type { PlanModel, PlanParams } from '../../core/plan-types';
import type { Solution } from '../../core/types';
import type { RoadFileInfo } from '../roads/state';
import { DEFAULT_CIRCUITY, DEFAULT_SPEED_KMH, reachKmForDuration } from '../../core/reach/travel-time';

/** The models a planner can ask for in the app (p-center is left to the command line). */
export type PlannerModel = Extract<PlanModel, 'mclp' | 'lscp' | 'pmedian' | 'two-tier'>;
export const PLANNER_MODELS: readonly PlannerModel[] = ['mclp', 'lscp', 'pmedian', 'two-tier'];

/** Settings of the next suggestion and of the live coverage figures. */
export interface PlanSettings {
  model: PlannerModel;
  /** New stations to open (mclp, pmedian, two-tier). */
  stations: number;
  /** Share of villages the fewest-stations model must cover, in percent. */
  targetSharePct: number;
  /** County centers to open (two-tier). */
  centers: number;
  /** Reach of a village station in km (straight line). */
  radiusKm: number;
  /** Reach of a county center's delivery run in km (straight line), used when `centerReachUnit` is 'km'. */
  centerRadiusKm: number;
  /** Whether the center's reach is given in km or in minutes of driving (the travel-time proxy). */
  centerReachUnit: 'km' | 'min';
  /** Reach of a center's delivery run in minutes of driving, used when `centerReachUnit` is 'min'. */
  centerDurationMin: number;
  /** Travel-time proxy (src/core/reach/travel-time.ts): road km / straight-line km, and mean speed in km/h. */
  circuity: number;
  speedKmh: number;
  /** Which villages are demand points, and which may hold a station (or the imported candidate sites). */
  demand: VillageKind;
  candidates: VillageKind;
  /** True: Suggest places stations at the user's imported candidate sites instead of `candidates` villages. */
  importedCandidates: boolean;
  /**
   * Reach of a station by a user's travel matrix (src/app/user-data/travel-matrix.ts): minutes for a table of durations,
   * road km for one of distances. The straight-line `radiusKm` stays the reach of the live figures.
   */
  tableReachMin: number;
  tableReachKm: number;
  /**
   * Station reach by the imported road network (src/app/roads/use.ts), minutes from village to site, used by
   * Suggest when `roadReach` is on and a network is loaded. Default 15 min: an assumption (a short drive to a
   * village station), to be set by the planner.
   */
  roadReach: boolean;
  roadReachMin: number;
  /** Codes of the counties planned for (demand and candidates), or empty for the whole province. */
  area: string[];
}

/** Defaults of the programme: 3 km stations, 60 km center runs, every rural village as demand and candidate. */
export const DEFAULT_SETTINGS: PlanSettings = {
  model: 'mclp',
  stations: 1000,
  targetSharePct: 90,
  centers: 10,
  radiusKm: 3,
  centerRadiusKm: 60,
  centerReachUnit: 'km',
  centerDurationMin: 90,
  circuity: DEFAULT_CIRCUITY,
  speedKmh: DEFAULT_SPEED_KMH,
  demand: 'rural',
  candidates: 'rural',
  importedCandidates: false,
  tableReachMin: 15,
  tableReachKm: 5,
  roadReach: true,
  roadReachMin: 15,
  area: [],
};

/** Coverage share against the number of open stations, from the greedy order of max coverage. */
export interface CoverageCurve {
  /** Open stations after each greedy step (fixed ones included), ascending. */
  stations: number[];
  /** Covered share in [0, 1] after each step. */
  share: number[];
}

/**
 * What the engine said about the suggestion that made a plan: the solution's figures (objective, proven bound
 * (NaN when none), relative gap, optimality, solver, seconds; see `Solution`) and the plan's coverage.
 */
export interface SuggestionInfo extends Pick<
  Solution,
  'objective' | 'bound' | 'gap' | 'optimal' | 'solver' | 'seconds'
> {
  params: PlanParams;
  /** The engine's own covered weight and share for the plan. */
  coveredWeight: number;
  coverage: number;
  /** True when the planner cancelled and the plan is the best found until then. */
  cancelled: boolean;
  /** The engine's total weight (the demand of the request). */
  totalWeight?: number;
  /**
   * The reach the engine used: a user's travel matrix (its file, the reach in minutes or road km), else the
   * straight-line km of `params.radius`. Absent in plans made before it was recorded (straight line).
   */
  reach?:
    | { kind: 'table'; file: string; value: number; unit: 'min' | 'km' }
    | { kind: 'line'; radiusKm: number }
    /** Road reach: the road file (name, size, SHA-256) and profile, the station reach in minutes by road, and for
     * two tiers with a center reach in minutes, that reach by road (absent: the straight-line km of the params). */
    | { kind: 'road'; roads: RoadFileInfo; minutes: number; centerMinutes?: number };
  /** The imported candidate sites file the suggestion chose from, when it did. */
  candidatesFile?: string;
  curve: CoverageCurve | null;
}

/** One state of the plan: what undo and redo step through. */
export interface PlanSnapshot {
  sites: SiteTable;
  suggestion: SuggestionInfo | null;
}

export const EMPTY_PLAN: PlanSnapshot = { sites: emptySites(), suggestion: null };

/** A saved, named plan. */
export interface Scenario {
  id: string;
  name: string;
  provinceCode: string;
  settings: PlanSettings;
  plan: PlanSnapshot;
}

/** Progress of a suggestion. */
export interface RunState {
  status: 'idle' | 'running' | 'cancelling';
  /** Share done in [0, 1]. */
  share: number;
  /** Message of the last failure, or null. */
  error: string | null;
  /** True when the last run was stopped before the planner had a plan (the plan before it is kept). */
  stopped?: boolean;
}

export const IDLE_RUN: RunState = { status: 'idle', share: 0, error: null };

/** A station being dragged: its index and where the pointer has it now. */
export interface DragState {
  index: number;
  lon: number;
  lat: number;
}

/** Columns of the per-county table. */
export type CountySortKey = 'name' | 'villages' | 'covered' | 'share';

/**
 * The straight-line reach of a county center in km: `centerRadiusKm`, or for a reach in minutes the radius the
 * travel-time proxy reaches in that time (durationMin * speedKmh / 60 / circuity; see `reachKmForDuration`).
 * @example
 * centerReachKm({ ...DEFAULT_SETTINGS, centerReachUnit: 'min', centerDurationMin: 90 }); // 90 * 40 / 60 / 1.3 = 46.15
 */
export function centerReachKm(settings: PlanSettings): number {
  if (settings.centerReachUnit !== 'min') return settings.centerRadiusKm;
  return reachKmForDuration(settings.centerDurationMin, { circuity: settings.circuity, speedKmh: settings.speedKmh });
}

/** The reach of stations and centers in km, as the coverage worker takes it. */
export function reachOf(settings: PlanSettings): { radiusKm: number; centerRadiusKm: number } {
  return { radiusKm: settings.radiusKm, centerRadiusKm: centerReachKm(settings) };
}

/** The planning parameters of a suggestion from the settings (seed 1, the engine's default time limit). */
export function planParams(settings: PlanSettings): PlanParams {
  const base = { model: settings.model, radius: settings.radiusKm, seed: 1 };
  switch (settings.model) {
    case 'lscp':
      return { ...base, targetShare: Math.min(1, Math.max(0.001, settings.targetSharePct / 100)) };
    case 'two-tier':
      return { ...base, p: settings.stations, centers: settings.centers, centerRadius: centerReachKm(settings) };
    default:
      return { ...base, p: settings.stations };
  }
}
