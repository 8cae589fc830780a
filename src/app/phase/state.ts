/**
 * The phase card's part of the application state: the money of the next phasing (years, budget, cost model) and
 * the figures of the last one. The figures belong to the sites they were computed for (`result.sites`, the very
 * table the phasing set the years of): they are shown only while that table is the current plan, so an edit or an
 * undo hides them.
 */
import type { SiteTable } from '../../core/live/sites';
import type { PhaseYear } from '../../core/phase/phase-types';
import { defaultCostModel } from '../../core/rollout/defaults';
import type { CostModel } from '../../core/rollout/rollout-types';

/** What the planner chooses for a phasing. */
export interface PhaseParams {
  /** Years, 1 to 5 (default 3). */
  years: number;
  /** Total budget over all years, yuan (default 50,000,000: about 830 stations at the default costs, 3 years). */
  budgetYuan: number;
  /** Cost model in yuan (default: the rollout's `defaultCostModel`). */
  costs: CostModel;
}

/** The figures of the last phasing. */
export interface PhaseOutcome {
  /** The phased sites (the plan's table after the phasing). */
  sites: SiteTable;
  params: PhaseParams;
  /** Year 0 (existing sites), then each year. */
  years: PhaseYear[];
  /** Sites no year could afford (left at phase 0). */
  unaffordable: number;
  demandVillages: number;
}

export interface PhaseState {
  params: PhaseParams;
  running: boolean;
  outcome: PhaseOutcome | null;
  /** Message of the last failure, or null. */
  error: string | null;
}

export const DEFAULT_PHASE_BUDGET_YUAN = 50_000_000;

/** The state of a fresh page: 3 years, 50 million yuan, the default costs, no phasing yet. */
export function initialPhaseState(): PhaseState {
  return {
    params: { years: 3, budgetYuan: DEFAULT_PHASE_BUDGET_YUAN, costs: defaultCostModel() },
    running: false,
    outcome: null,
    error: null,
  };
}

/** The largest phase among the plan's sites (0: the plan has no phases). */
export function maxPhase(sites: SiteTable): number {
  let max = 0;
  for (let k = 0; k < sites.count; k++) if (sites.phase[k] > max) max = sites.phase[k];
  return max;
}
