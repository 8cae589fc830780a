/**
 * The user's imported data kept in IndexedDB, beside the autosave: the same database and object store
 * (autosave/idb.ts), under its own key, so that a plan autosave (written after every edit) never rewrites the
 * villages (written once per import). Typed arrays are stored as structured-clone data, not JSON.
 */
import { openDB } from 'idb';
import { AUTOSAVE_DB, AUTOSAVE_DB_VERSION } from '../autosave/idb';
import type { UserDataState, UserVillagesData } from './user-data';

const STORE = 'autosave';
const KEY = 'user-data';

/** What is kept: the villages and the matrix (where they were placed is asked again of the worker). */
export type SavedUserData = Pick<UserDataState, 'villages' | 'candidates' | 'matrix'>;

/** Reads and writes the user's data. */
export interface UserDataBackend {
  read(): Promise<SavedUserData | undefined>;
  write(data: SavedUserData): Promise<void>;
}

/** True for villages whose arrays all have `count` entries (anything else read back is ignored). */
export function isUserVillages(value: unknown): value is UserVillagesData {
  const v = value as Partial<UserVillagesData> | null;
  const n = v?.count;
  return (
    typeof n === 'number' &&
    typeof v?.file === 'string' &&
    typeof v.crs === 'string' &&
    v.lon instanceof Float64Array &&
    v.lon.length === n &&
    v.lat instanceof Float64Array &&
    v.lat.length === n &&
    v.weight instanceof Float64Array &&
    v.weight.length === n &&
    (v.ids === undefined || typeof v.ids === 'string')
  );
}

/** The saved data when it is readable, else undefined. */
export function checkSavedUserData(value: unknown): SavedUserData | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const saved = value as Partial<SavedUserData>;
  const villages = isUserVillages(saved.villages) ? saved.villages : null;
  const m = saved.matrix;
  const matrix =
    m && typeof m === 'object' && m.values instanceof Float64Array && m.values.length === m.rows * m.cols ? m : null;
  const c = saved.candidates;
  const n = c?.count;
  const candidates =
    c &&
    typeof c.file === 'string' &&
    typeof n === 'number' &&
    typeof c.ids === 'string' &&
    c.lon instanceof Float64Array &&
    c.lon.length === n &&
    c.lat instanceof Float64Array &&
    c.lat.length === n &&
    (c.status === undefined || (c.status instanceof Uint8Array && c.status.length === n))
      ? c
      : null;
  return { villages, candidates, matrix };
}

/** Opens the database (creating the store on first use, as the autosave does); rejects without IndexedDB. */
export async function openUserDataIdb(): Promise<UserDataBackend> {
  const db = await openDB(AUTOSAVE_DB, AUTOSAVE_DB_VERSION, {
    upgrade(database) {
      if (!database.objectStoreNames.contains(STORE)) database.createObjectStore(STORE);
    },
  });
  return {
    async read() {
      return checkSavedUserData(await db.get(STORE, KEY));
    },
    async write(data) {
      if (data.villages === null && data.candidates === null && data.matrix === null) await db.delete(STORE, KEY);
      else await db.put(STORE, data, KEY);
    },
  };
}
