/**
 * Rollout worker: runs the national rollout (`runRollout`) off the main thread and exposes it with comlink as a
 * {@link RolloutApi}. Thin: it fetches the embedded villages of every province of the manifest and the county
 * names once (every registry county, from county-match.csv), merges them in manifest order (`mergeVillageTables`, as `npm run rollout` reads them), and transfers
 * the result's typed arrays back.
 */
import * as Comlink from 'comlink';
import { mergeVillageTables, type ProvincePart } from '../src/core/live/national';
import { rolloutResultBuffers, type RolloutApi } from '../src/core/rollout/rollout-api';
import type { RolloutInput, RolloutResult } from '../src/core/rollout/rollout-types';
import { runRollout } from '../src/core/rollout/run';
import { countyNamesFromMatchTable } from '../src/data/county-names';
import type { VillageTable } from '../src/core/villages';
import { fetchAllVillages, fetchOk } from '../src/data/fetch-villages';
import { releaseProgress, sharedStop, throttle } from './toolkit';
import { rolloutArea } from '../src/core/rollout/area';

interface Loaded {
  villages: VillageTable;
  countyNames: string[];
  parts: ProvincePart[];
}

let loaded: { dataUrl: string; data: Promise<Loaded> } | undefined;
let last: { villages: VillageTable; countyNames: string[]; result: RolloutResult } | undefined;
let running = false;
let stopRequested = false;

/** Every province file of the manifest, merged in manifest order, and the name of each county (by code). */
async function load(dataUrl: string): Promise<Loaded> {
  const [tables, names] = await Promise.all([
    fetchAllVillages(dataUrl),
    fetchOk(`${dataUrl}county-match.csv`).then(async (r) => countyNamesFromMatchTable(await r.text())),
  ]);
  const { table, parts } = mergeVillageTables(tables);
  return { villages: table, countyNames: table.counties.map((code) => names.get(code) ?? ''), parts };
}

function data(dataUrl: string): Promise<Loaded> {
  if (loaded?.dataUrl !== dataUrl) {
    const promise = load(dataUrl);
    loaded = { dataUrl, data: promise };
    // A failed load is retried on the next call.
    promise.catch(() => {
      if (loaded?.data === promise) loaded = undefined;
    });
  }
  return loaded.data;
}

const api: RolloutApi = {
  async run(dataUrl, params, onProgress, stopFlag) {
    if (running) throw new Error('a rollout is already running in this worker; cancel it or wait');
    running = true;
    stopRequested = false;
    const stopped = sharedStop(stopFlag);
    try {
      const { villages, countyNames } = await data(dataUrl);
      const input: RolloutInput = { villages, countyNames, params };
      const result = runRollout(input, {
        onProgress: onProgress === undefined ? undefined : throttle(onProgress),
        shouldStop: () => stopRequested || stopped(),
      });
      // The area figures read the result after it left: keep a copy of the arrays they need.
      last = {
        villages,
        countyNames,
        result: { ...result, sites: copySites(result), villageYear: result.villageYear.slice() },
      };
      return Comlink.transfer(result, rolloutResultBuffers(result));
    } finally {
      running = false;
      releaseProgress(onProgress);
    }
  },
  async parts(dataUrl) {
    return (await data(dataUrl)).parts;
  },
  async area(code) {
    if (last === undefined) throw new Error('no rollout has run yet');
    return rolloutArea(last.villages, last.result, code, last.countyNames);
  },
  cancel() {
    if (running) stopRequested = true;
  },
};

function copySites(result: RolloutResult): RolloutResult['sites'] {
  const s = result.sites;
  return {
    count: s.count,
    lon: s.lon.slice(),
    lat: s.lat.slice(),
    role: s.role.slice(),
    year: s.year.slice(),
    county: s.county.slice(),
    village: s.village.slice(),
    setupYuan: s.setupYuan.slice(),
  };
}

Comlink.expose(api);
