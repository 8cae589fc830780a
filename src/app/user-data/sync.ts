/**
 * Keeps the user's imported data across reloads: written to IndexedDB (user-data/idb.ts) when it changes, read back
 * when the page opens. A failed write is reported and the data stays in the page; the plan's autosave is separate.
 */
import type { Store } from '../store';
import type { UserDataBackend } from './idb';

/** Options of {@link bindUserDataStore}. */
export interface UserDataStoreOptions {
  /** Told when reading or writing fails. */
  onError?: (error: unknown) => void;
}

/**
 * Restores the saved data into the store (unless the user imported something first: theirs wins), then writes
 * after each change of the villages, candidates or matrix. Resolves once restored.
 */
export async function bindUserDataStore(
  store: Store,
  backend: Promise<UserDataBackend | undefined>,
  options: UserDataStoreOptions = {},
): Promise<void> {
  const target = await backend.catch(() => undefined);
  if (target === undefined) return;
  const start = store.get().userData;
  const saved = await target.read().catch((error: unknown) => {
    options.onError?.(error);
    return undefined;
  });
  if (saved !== undefined && store.get().userData === start) {
    store.set({ userData: { ...start, ...saved, placed: null } });
  }
  let chain = Promise.resolve();
  store.subscribe((state, previous) => {
    const now = state.userData;
    const before = previous.userData;
    if (now.villages === before.villages && now.candidates === before.candidates && now.matrix === before.matrix)
      return;
    const data = { villages: now.villages, candidates: now.candidates, matrix: now.matrix };
    chain = chain.then(() => target.write(data)).catch((error: unknown) => options.onError?.(error));
  });
}
