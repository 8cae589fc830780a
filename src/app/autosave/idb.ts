/**
 * Where the autosave is kept: one record in an IndexedDB object store (through the `idb` promise wrapper), or,
 * where IndexedDB is refused, in localStorage. Both hold the same {@link AutosaveRecord}.
 */
import { openDB } from 'idb';
import { serialisePlannerData, type PlannerData } from './autosave';

/** The map's view: centre `[lon, lat]` in WGS 84 degrees and MapLibre zoom level. */
export interface SavedView {
  center: [number, number];
  zoom: number;
}

/**
 * One autosave: the planner (settings, plan, scenarios, province), the map's view, and when it was written.
 * IndexedDB keeps the planner as structured-clone data (typed arrays cloned as memory, no JSON text on the main
 * thread); localStorage and the old autosave keep the JSON text of autosave.ts.
 */
export interface AutosaveRecord {
  planner: PlannerData | string;
  /** The map's view, or null when it is not known. */
  view: SavedView | null;
  /** Epoch ms. */
  savedAt: number;
}

/** Reads and writes the single autosave record. */
export interface AutosaveBackend {
  /** Which store this is, for messages and tests. */
  readonly kind: 'indexeddb' | 'localStorage' | 'memory';
  read(): Promise<AutosaveRecord | undefined>;
  write(record: AutosaveRecord): Promise<void>;
}

export const AUTOSAVE_DB = 'ruralreach';
export const AUTOSAVE_DB_VERSION = 1;
const STORE = 'autosave';
const KEY = 'current';
/** localStorage key of the record when IndexedDB is refused. */
export const AUTOSAVE_FALLBACK_KEY = 'ruralreach.autosave';

/** True for a value shaped like an {@link AutosaveRecord} (anything else read back is ignored). */
export function isAutosaveRecord(value: unknown): value is AutosaveRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Partial<AutosaveRecord>;
  const view = r.view;
  const viewOk =
    view === null ||
    (typeof view === 'object' &&
      view !== undefined &&
      Array.isArray(view.center) &&
      view.center.length === 2 &&
      view.center.every(Number.isFinite) &&
      Number.isFinite(view.zoom));
  const plannerOk = typeof r.planner === 'string' || (typeof r.planner === 'object' && r.planner !== null);
  return plannerOk && typeof r.savedAt === 'number' && viewOk;
}

/** Opens (creating on first use) the autosave database; rejects where IndexedDB is unavailable. */
export async function openIdbBackend(): Promise<AutosaveBackend> {
  const db = await openDB(AUTOSAVE_DB, AUTOSAVE_DB_VERSION, {
    upgrade(database) {
      if (!database.objectStoreNames.contains(STORE)) database.createObjectStore(STORE);
    },
  });
  return {
    kind: 'indexeddb',
    async read() {
      const value: unknown = await db.get(STORE, KEY);
      return isAutosaveRecord(value) ? value : undefined;
    },
    async write(record) {
      await db.put(STORE, record, KEY);
    },
  };
}

/** The record in a Storage (localStorage) as JSON. */
export function storageBackend(storage: Pick<Storage, 'getItem' | 'setItem'>): AutosaveBackend {
  return {
    kind: 'localStorage',
    read() {
      try {
        const text = storage.getItem(AUTOSAVE_FALLBACK_KEY);
        const value: unknown = text === null ? undefined : JSON.parse(text);
        return Promise.resolve(isAutosaveRecord(value) ? value : undefined);
      } catch {
        return Promise.resolve(undefined);
      }
    },
    write(record) {
      try {
        const planner = typeof record.planner === 'string' ? record.planner : serialisePlannerData(record.planner);
        storage.setItem(AUTOSAVE_FALLBACK_KEY, JSON.stringify({ ...record, planner }));
        return Promise.resolve();
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
  };
}

/** A record kept in memory (tests, or a browser that refuses every storage). */
export function memoryBackend(initial?: AutosaveRecord): AutosaveBackend & { writes: AutosaveRecord[] } {
  let current = initial;
  const writes: AutosaveRecord[] = [];
  return {
    kind: 'memory',
    writes,
    read: () => Promise.resolve(current),
    write(record) {
      current = record;
      writes.push(record);
      return Promise.resolve();
    },
  };
}
