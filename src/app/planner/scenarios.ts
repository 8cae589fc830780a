/**
 * Saved scenarios as pure functions of the state: save the current plan under a name, duplicate, rename, delete,
 * open one (an undoable change of the plan), and choose two to compare.
 */
import { commitPlan } from './actions';
import type { Scenario } from './state';
import type { AppState } from '../store';

/** A fresh id not used by any scenario of the list ("s1", "s2", ...). */
export function nextScenarioId(scenarios: readonly Scenario[]): string {
  let n = scenarios.length + 1;
  while (scenarios.some((s) => s.id === `s${n}`)) n++;
  return `s${n}`;
}

/** Saves the current plan and settings as a new scenario named `name` (trimmed; a default when empty). */
export function saveScenario(state: AppState, name: string, defaultName: string): Partial<AppState> {
  const id = nextScenarioId(state.scenarios);
  const scenario: Scenario = {
    id,
    name: name.trim() || defaultName,
    provinceCode: state.provinceCode,
    settings: { ...state.settings },
    plan: state.plan,
  };
  return { scenarios: [...state.scenarios, scenario] };
}

export function duplicateScenario(state: AppState, id: string, copyName: (name: string) => string): Partial<AppState> {
  const source = state.scenarios.find((s) => s.id === id);
  if (!source) return {};
  const copy: Scenario = { ...source, id: nextScenarioId(state.scenarios), name: copyName(source.name) };
  const at = state.scenarios.indexOf(source) + 1;
  return { scenarios: [...state.scenarios.slice(0, at), copy, ...state.scenarios.slice(at)] };
}

export function renameScenario(state: AppState, id: string, name: string): Partial<AppState> {
  const trimmed = name.trim();
  if (!trimmed) return {};
  return { scenarios: state.scenarios.map((s) => (s.id === id ? { ...s, name: trimmed } : s)) };
}

/** Deletes a scenario, and the comparison that showed it. */
export function deleteScenario(state: AppState, id: string): Partial<AppState> {
  const comparison =
    state.comparison && (state.comparison.a === id || state.comparison.b === id) ? null : state.comparison;
  return { scenarios: state.scenarios.filter((s) => s.id !== id), comparison };
}

/** Makes a scenario's plan and settings current (undoable; same province only). */
export function openScenario(state: AppState, id: string): Partial<AppState> {
  const scenario = state.scenarios.find((s) => s.id === id);
  if (!scenario || scenario.provinceCode !== state.provinceCode) return {};
  return { ...commitPlan(state, scenario.plan), settings: { ...scenario.settings } };
}
