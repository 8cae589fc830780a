/**
 * Coverage worker: keeps one province's villages, their spatial index and the current sites, and answers the
 * page's coverage questions (`CoverageApi`) so that no coverage is computed on the main thread. Thin: the work is
 * `LiveSession` (src/core/live/session.ts); this file fetches the data, runs calls one at a time and transfers
 * the typed arrays of every answer.
 */
import * as Comlink from 'comlink';
import type { CountyFeature } from '../src/core/live/counties';
import type { Comparison, CoverageApi, LiveMetrics } from '../src/core/live/coverage-api';
import { mergeVillageTables, NATIONAL_CODE } from '../src/core/live/national';
import { LiveSession } from '../src/core/live/session';
import type { PlanRequest } from '../src/core/plan-types';
import { requestBuffers } from '../src/core/planner-api';
import { decodeVillages } from '../src/data/villages';

const session = new LiveSession();
let countyFeatures: Promise<CountyFeature[]> | undefined;
let queue: Promise<unknown> = Promise.resolve();

/** Runs calls in arrival order, so that a call never sees a province half loaded. */
function serial<T>(work: () => T | Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${url}: HTTP ${response.status}`);
  return response;
}

const metricsBuffers = (m: LiveMetrics) => [m.countyCovered.buffer, m.countyTotal.buffer, m.villageState.buffer];
const sendMetrics = (m: LiveMetrics) => Comlink.transfer(m, metricsBuffers(m) as ArrayBuffer[]);

const api: {
  [K in keyof CoverageApi]: (...args: Parameters<CoverageApi[K]>) => Promise<Awaited<ReturnType<CoverageApi[K]>>>;
} = {
  loadProvince: (dataUrl, provinceCode, demand, area) =>
    serial(async () => {
      countyFeatures ??= fetchOk(`${dataUrl}counties-simplified.geojson`)
        .then((r) => r.json() as Promise<{ features: CountyFeature[] }>)
        .then((geojson) => geojson.features);
      if (provinceCode !== NATIONAL_CODE) {
        const buffer = await (await fetchOk(`${dataUrl}villages/${provinceCode}.bin`)).arrayBuffer();
        return session.load(decodeVillages(buffer), await countyFeatures, demand, area);
      }
      // The national area: every province file of the manifest, merged in manifest order (as the map shows them).
      const manifest = (await (await fetchOk(`${dataUrl}manifest.json`)).json()) as { provinces: { code: string }[] };
      const tables = await Promise.all(
        manifest.provinces.map(async (p) =>
          decodeVillages(await (await fetchOk(`${dataUrl}villages/${p.code}.bin`)).arrayBuffer()),
        ),
      );
      const { table, parts } = mergeVillageTables(tables);
      return session.load(table, await countyFeatures, demand, area, parts);
    }),
  evaluate: (sites, reach) => serial(() => sendMetrics(session.evaluate(sites, reach))),
  moveSite: (k, lon, lat) => serial(() => sendMetrics(session.moveSite(k, lon, lat))),
  planRequest: (params, sites, candidates) =>
    serial(() => {
      const request: PlanRequest = session.planRequest(params, sites, candidates);
      return Comlink.transfer(request, requestBuffers(request));
    }),
  villageDistances: () =>
    serial(() => {
      const distances = session.villageDistances();
      return Comlink.transfer(distances, [distances.buffer as ArrayBuffer]);
    }),
  sitesOf: (selected, roles, previous) => serial(() => session.sitesOf(selected, roles, previous)),
  compare: (a, reachA, b, reachB) =>
    serial(() => {
      const result: Comparison = session.compare(a, reachA, b, reachB);
      const buffers = [...metricsBuffers(result.a), ...metricsBuffers(result.b), result.difference.buffer];
      return Comlink.transfer(result, buffers as ArrayBuffer[]);
    }),
};

Comlink.expose(api);
