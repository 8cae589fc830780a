/**
 * The phase card's actions: edit the money of the next phasing, and phase the plan in the coverage worker (which
 * holds the villages and the current sites), then apply the years as one undoable edit (`applyPhasing`).
 */
import type * as Comlink from 'comlink';
import type { CoverageApi } from '../../core/live/coverage-api';
import type { PhasePanelActions } from '../../ui/phase-panel';
import { applyPhasing } from './actions';
import type { Store } from '../store';

/**
 * The card's actions on the store.
 * @param coverage the coverage worker, whose current sites are the plan's (coverage-sync evaluates every plan)
 */
export function bindPhase(store: Store, coverage: Comlink.Remote<CoverageApi>): PhasePanelActions {
  return {
    setParams: (params) => store.set({ phase: { ...store.get().phase, params, error: null } }),
    run: () => {
      const state = store.get();
      const busy = state.phase.running || state.run.status !== 'idle' || state.drag !== null;
      if (busy || state.province === null || state.plan.sites.count === 0) return;
      const phased = state.plan.sites;
      const params = state.phase.params;
      store.set({ phase: { ...state.phase, running: true, error: null } });
      coverage
        .phasePlan(params.costs, params.years, params.budgetYuan)
        .then((result) => {
          // Null when the plan changed meanwhile: the years would belong to other sites, so nothing is applied.
          const patch = applyPhasing(store.get(), phased, params, result);
          store.set(patch ?? { phase: { ...store.get().phase, running: false } });
        })
        .catch((error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          store.set({ phase: { ...store.get().phase, running: false, error: message } });
        });
    },
  };
}
