/**
 * Autosave of the whole planner: settings, the current plan, the saved scenarios (autosave.ts layout) and the
 * map's view are written to a backend (IndexedDB, autosave/idb.ts) a short quiet time after each change, and read
 * back when the page opens, so a reload, a closed tab or a crashed worker loses nothing. The plan lives on the
 * main thread, so the workers' fate does not touch it. The old localStorage autosave is read once when the backend
 * holds nothing, written to the backend, then removed.
 */
import { AUTOSAVE_KEY, plannerData, restorePlanner, restorePlannerData, type PlannerData } from './autosave';
import type { AutosaveBackend, AutosaveRecord, SavedView } from './idb';
import type { Store } from '../store';

/** Quiet time after the last change before writing, ms. */
export const AUTOSAVE_DELAY_MS = 400;

/** The map's view, as the autosave reads, restores and watches it. */
export interface ViewPort {
  get(): SavedView;
  set(view: SavedView): void;
  /** Calls `listener` after the view changed (e.g. MapLibre `moveend`). */
  onChange(listener: () => void): void;
}

/** Options of {@link bindAutosave}. */
export interface AutosaveOptions {
  /** Where to keep the record; undefined (or a rejected promise) for no autosave. */
  backend: AutosaveBackend | Promise<AutosaveBackend | undefined> | undefined;
  /** Where the old autosave may be (localStorage). */
  legacy?: Pick<Storage, 'getItem' | 'removeItem'>;
  view?: ViewPort;
  /** Quiet time in ms, {@link AUTOSAVE_DELAY_MS} by default. */
  delayMs?: number;
  /** Told after each record written. */
  onSaved?: (record: AutosaveRecord) => void;
  /** Told when a write fails (full or refused storage); the next change tries again. */
  onError?: (error: unknown) => void;
}

/** The running autosave. */
export interface Autosave {
  /** Settles once the saved state (if any) is restored and the old autosave migrated. */
  ready: Promise<void>;
  /** Writes now if a write is waiting for its quiet time (e.g. when the page is hidden). */
  flush(): Promise<void>;
}

/** The province a saved planner was made on, or undefined. */
function savedProvince(saved: PlannerData | string): string | undefined {
  try {
    const value = (typeof saved === 'string' ? (JSON.parse(saved) as { provinceCode?: unknown }) : saved).provinceCode;
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Restores the saved state into the store (unless the user changed something first: their edit wins), then
 * writes after every change of settings, plan, scenarios or view. Writes are made one at a time, in order.
 */
export function bindAutosave(store: Store, options: AutosaveOptions): Autosave {
  const delayMs = options.delayMs ?? AUTOSAVE_DELAY_MS;
  const backend = Promise.resolve(options.backend).catch(() => undefined);
  let restored = false;
  let applying = false;
  let changedEarly = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let chain: Promise<boolean> = Promise.resolve(true);

  const write = (): Promise<boolean> => {
    clearTimeout(timer);
    timer = undefined;
    chain = chain.then(async () => {
      const target = await backend;
      if (target === undefined) return false;
      const record: AutosaveRecord = {
        planner: plannerData(store.get()),
        view: options.view?.get() ?? null,
        savedAt: Date.now(),
      };
      try {
        await target.write(record);
        options.onSaved?.(record);
        return true;
      } catch (error) {
        options.onError?.(error);
        return false;
      }
    });
    return chain;
  };

  const changed = () => {
    if (applying) return;
    if (!restored) {
      changedEarly = true;
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(() => void write(), delayMs);
  };
  store.subscribe((state, previous) => {
    if (
      state.settings !== previous.settings ||
      state.plan !== previous.plan ||
      state.scenarios !== previous.scenarios ||
      state.rollout.params !== previous.rollout.params ||
      state.routes.settings !== previous.routes.settings ||
      state.routes.outcome !== previous.routes.outcome
    ) {
      changed();
    }
  });
  // The view moves by itself while the page opens (fit to the province): only later moves are saved.
  options.view?.onChange(() => restored && changed());

  const restore = (record: AutosaveRecord) => {
    const { planner } = record;
    const patch =
      typeof planner === 'string' ? restorePlanner(planner, store.get()) : restorePlannerData(planner, store.get());
    applying = true;
    try {
      if (patch !== null) store.set(patch);
      if (record.view !== null && savedProvince(record.planner) === store.get().provinceCode) {
        options.view?.set(record.view);
      }
    } finally {
      applying = false;
    }
  };

  const ready = (async () => {
    const target = await backend;
    const record = await target?.read().catch(() => undefined);
    let legacyText: string | null = null;
    try {
      legacyText = options.legacy?.getItem(AUTOSAVE_KEY) ?? null;
    } catch {
      // storage disabled: nothing to migrate
    }
    const migrating = record === undefined && legacyText !== null;
    const chosen = record ?? (legacyText !== null ? { planner: legacyText, view: null, savedAt: 0 } : undefined);
    if (chosen !== undefined && !changedEarly) restore(chosen);
    restored = true;
    const saved = migrating || changedEarly ? await write() : record !== undefined;
    if (legacyText !== null && saved) {
      try {
        options.legacy?.removeItem(AUTOSAVE_KEY);
      } catch {
        // keep it; the backend already has the plan
      }
    }
  })();

  return {
    ready,
    flush: async () => {
      if (timer !== undefined) await write();
      else await chain;
    },
  };
}
