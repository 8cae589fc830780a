import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AUTOSAVE_KEY,
  plannerData,
  restorePlanner,
  restorePlannerData,
  serialisePlanner,
} from '../../../../src/app/autosave/autosave';
import { AUTOSAVE_DELAY_MS, bindAutosave, type ViewPort } from '../../../../src/app/autosave/bind';
import {
  isAutosaveRecord,
  memoryBackend,
  storageBackend,
  type AutosaveBackend,
  type SavedView,
} from '../../../../src/app/autosave/idb';
import { addStation } from '../../../../src/app/planner/actions';
import { initialState, Store } from '../../../../src/app/store';

/** A Storage in a Map. */
function fakeStorage(entries: [string, string][] = []) {
  const map = new Map(entries);
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

/** A view port whose moves the test makes. */
function fakeView(start: SavedView) {
  let view = start;
  const listeners: (() => void)[] = [];
  const port: ViewPort = {
    get: () => view,
    set: (v) => (view = v),
    onChange: (l) => void listeners.push(l),
  };
  return { port, move: (v: SavedView) => ((view = v), listeners.forEach((l) => l())) };
}

afterEach(() => vi.useRealTimers());

describe('bindAutosave', () => {
  it('saves a change of the rollout parameters and restores it on a new page', async () => {
    vi.useFakeTimers();
    const backend = memoryBackend();
    const first = new Store(initialState('33'));
    await bindAutosave(first, { backend }).ready;
    const params = { ...first.get().rollout.params, stations: 80_000 };
    first.set({ rollout: { ...first.get().rollout, params } });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 1);
    expect(backend.writes).toHaveLength(1);
    const second = new Store(initialState('33'));
    await bindAutosave(second, { backend }).ready;
    expect(second.get().rollout.params).toEqual(params);
  });

  it('writes once after the quiet time, then restores plan and view on a new page', async () => {
    vi.useFakeTimers();
    const backend = memoryBackend();
    const first = new Store(initialState('33'));
    const view = fakeView({ center: [120, 30], zoom: 7 });
    const saves = bindAutosave(first, { backend, view: view.port });
    await saves.ready;
    first.set(addStation(first.get(), 120, 30));
    first.set(addStation(first.get(), 120.5, 30));
    view.move({ center: [121, 29.5], zoom: 9.5 });
    expect(backend.writes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 1);
    expect(backend.writes).toHaveLength(1);
    expect(backend.writes[0].view).toEqual({ center: [121, 29.5], zoom: 9.5 });

    const second = new Store(initialState('33'));
    const view2 = fakeView({ center: [0, 0], zoom: 3 });
    await bindAutosave(second, { backend, view: view2.port }).ready;
    expect(second.get().plan.sites.count).toBe(2);
    expect(second.get().history.past).toEqual([]);
    expect(view2.port.get()).toEqual({ center: [121, 29.5], zoom: 9.5 });
    expect(backend.writes).toHaveLength(1); // restoring is not a change
  });

  it('keeps the view of another province out', async () => {
    const s = initialState('32');
    const backend = memoryBackend({
      planner: serialisePlanner(addStationState()),
      view: { center: [121, 29], zoom: 9 },
      savedAt: 1,
    });
    const store = new Store(s);
    const view = fakeView({ center: [118, 33], zoom: 6 });
    await bindAutosave(store, { backend, view: view.port }).ready;
    expect(store.get().plan.sites.count).toBe(0);
    expect(view.port.get()).toEqual({ center: [118, 33], zoom: 6 });
  });

  it('migrates the old localStorage autosave once: restored, written to the backend, removed', async () => {
    const legacy = fakeStorage([[AUTOSAVE_KEY, serialisePlanner(addStationState())]]);
    const backend = memoryBackend();
    const store = new Store(initialState('33'));
    await bindAutosave(store, { backend, legacy }).ready;
    expect(store.get().plan.sites.count).toBe(1);
    expect(backend.writes).toHaveLength(1);
    expect(legacy.map.has(AUTOSAVE_KEY)).toBe(false);
  });

  it('keeps the old autosave when the backend cannot write it', async () => {
    const legacy = fakeStorage([[AUTOSAVE_KEY, serialisePlanner(addStationState())]]);
    const failing: AutosaveBackend = {
      kind: 'memory',
      read: () => Promise.resolve(undefined),
      write: () => Promise.reject(new Error('quota')),
    };
    const errors: unknown[] = [];
    const store = new Store(initialState('33'));
    await bindAutosave(store, { backend: failing, legacy, onError: (e) => errors.push(e) }).ready;
    expect(store.get().plan.sites.count).toBe(1);
    expect(legacy.map.has(AUTOSAVE_KEY)).toBe(true);
    expect(errors).toHaveLength(1);
  });

  it('lets an edit made before the restore win, and saves it', async () => {
    let release: (b: AutosaveBackend) => void = () => undefined;
    const backend = memoryBackend({ planner: serialisePlanner(addStationState()), view: null, savedAt: 1 });
    const store = new Store(initialState('33'));
    const saves = bindAutosave(store, { backend: new Promise<AutosaveBackend>((r) => (release = r)) });
    store.set(addStation(store.get(), 119, 28));
    store.set(addStation(store.get(), 119.2, 28));
    release(backend);
    await saves.ready;
    expect(store.get().plan.sites.count).toBe(2);
    expect(backend.writes).toHaveLength(1);
  });

  it('flush writes a waiting change at once; no backend means no autosave and no error', async () => {
    vi.useFakeTimers();
    const backend = memoryBackend();
    const store = new Store(initialState('33'));
    const saves = bindAutosave(store, { backend });
    await saves.ready;
    store.set(addStation(store.get(), 120, 30));
    await saves.flush();
    expect(backend.writes).toHaveLength(1);
    const none = new Store(initialState('33'));
    const off = bindAutosave(none, { backend: Promise.reject(new Error('no IndexedDB')) });
    await off.ready;
    none.set(addStation(none.get(), 120, 30));
    await off.flush();
    expect(none.get().plan.sites.count).toBe(1);
  });

  it('storageBackend round-trips a record and ignores malformed ones', async () => {
    const storage = fakeStorage();
    const backend = storageBackend(storage);
    const record = { planner: '{}', view: { center: [120, 30] as [number, number], zoom: 8 }, savedAt: 5 };
    await backend.write(record);
    await expect(backend.read()).resolves.toEqual(record);
    expect(isAutosaveRecord({ planner: 1, view: null, savedAt: 1 })).toBe(false);
    expect(isAutosaveRecord({ planner: '', view: { center: [NaN, 1], zoom: 1 }, savedAt: 1 })).toBe(false);
    storage.setItem('ruralreach.autosave', 'not json');
    await expect(backend.read()).resolves.toBeUndefined();
  });
});

describe('planner data (IndexedDB layout)', () => {
  it('restores typed site tables, rejects malformed ones, and falls back to JSON text in localStorage', async () => {
    const data = plannerData(addStationState());
    const patch = restorePlannerData(structuredClone(data), initialState('33'))!;
    expect(patch.plan?.sites).toEqual(data.plan.sites);
    const bad = { ...data, plan: { sites: { ...data.plan.sites, lat: new Float64Array(3) }, suggestion: null } };
    expect(restorePlannerData(bad, initialState('33'))).toBeNull();
    expect(restorePlannerData({ ...data, version: 99 }, initialState('33'))).toBeNull();
    const storage = fakeStorage();
    await storageBackend(storage).write({ planner: data, view: null, savedAt: 1 });
    const back = await storageBackend(storage).read();
    expect(typeof back?.planner).toBe('string');
    expect(restorePlanner(back!.planner as string, initialState('33'))?.plan?.sites).toEqual(data.plan.sites);
  });
});

function addStationState() {
  const s = initialState('33');
  return { ...s, ...addStation(s, 120, 30) };
}
