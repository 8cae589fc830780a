/**
 * The imported road file kept in IndexedDB across reloads, beside the autosave and the user's data (same database
 * and object store, autosave/idb.ts), under its own key: the file's bytes as a Blob (IndexedDB stores it without a
 * copy on the main thread) with its name, size, SHA-256 and profile. A reload hands the Blob to the road worker,
 * which builds the network again (the graph is not stored: it is rebuilt in seconds and is larger than the file).
 */
import { openDB } from 'idb';
import { AUTOSAVE_DB, AUTOSAVE_DB_VERSION } from '../autosave/idb';
import type { RoadFileInfo } from './state';

const STORE = 'autosave';
const KEY = 'roads';

/** What is kept: the file and what it is. */
export interface SavedRoads {
  info: RoadFileInfo;
  blob: Blob;
}

/** Reads and writes the kept road file. */
export interface RoadsBackend {
  read(): Promise<SavedRoads | undefined>;
  /** Keeps the file, or forgets it (`null`: "Back to no roads"). */
  write(data: SavedRoads | null): Promise<void>;
}

/** The saved road file when it is readable (a Blob of the recorded size and the recorded fields), else undefined. */
export function checkSavedRoads(value: unknown): SavedRoads | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { info, blob } = value as Partial<SavedRoads>;
  const ok =
    typeof info === 'object' &&
    info !== null &&
    typeof info.name === 'string' &&
    typeof info.size === 'number' &&
    typeof info.sha256 === 'string' &&
    /^[0-9a-f]{64}$/.test(info.sha256) &&
    typeof info.profile === 'string' &&
    blob instanceof Blob &&
    blob.size === info.size;
  return ok
    ? { info: { name: info.name, size: info.size, sha256: info.sha256, profile: info.profile }, blob }
    : undefined;
}

/** Opens the database (creating the store on first use, as the autosave does); rejects without IndexedDB. */
export async function openRoadsIdb(): Promise<RoadsBackend> {
  const db = await openDB(AUTOSAVE_DB, AUTOSAVE_DB_VERSION, {
    upgrade(database) {
      if (!database.objectStoreNames.contains(STORE)) database.createObjectStore(STORE);
    },
  });
  return {
    async read() {
      return checkSavedRoads(await db.get(STORE, KEY));
    },
    async write(data) {
      if (data === null) await db.delete(STORE, KEY);
      else await db.put(STORE, data, KEY);
    },
  };
}
