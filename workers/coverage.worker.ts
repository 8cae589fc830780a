/**
 * Coverage worker: keeps one province's villages, their spatial index and the current sites, and answers the
 * page's coverage questions (`CoverageApi`) so that no coverage is computed on the main thread. Thin: the work is
 * `LiveSession` (src/core/live/session.ts); this file fetches the data, runs calls one at a time and transfers
 * the typed arrays of every answer.
 */
import * as Comlink from 'comlink';
import sqliteWasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { exportFileBytes, exportTexts, liveExportTables } from '../src/io/export-live';
import { setSqliteWasmUrl } from '../src/io/sqlite';
import { groupByCounty, mergeUserVillages, type CountedUserVillages } from '../src/core/live/user-villages';
import type { CountyFeature } from '../src/core/live/counties';
import type {
  Comparison,
  CoverageApi,
  LiveMetrics,
  ProvinceSummary,
  UserVillagesInArea,
} from '../src/core/live/coverage-api';
import { mergeVillageTables, NATIONAL_CODE } from '../src/core/live/national';
import { LiveSession } from '../src/core/live/session';
import type { PlanRequest } from '../src/core/plan-types';
import { requestBuffers } from '../src/core/planner-api';
import { parseCountyInfo } from '../src/data/county-info';
import { countyNamesFromMatchTable } from '../src/data/county-names';
import type { VillageTable } from '../src/core/villages';
import { fetchAllVillages, fetchOk, fetchProvinceVillages } from '../src/data/fetch-villages';
import { countyOfPoints, type CountyFeature as BoundaryFeature } from '../src/io/county-assign';
import { paletteColours } from '../src/core/live/coverage-api';

// The SQLite WebAssembly of the GeoPackage export, served by the app's own build (no network).
setSqliteWasmUrl(sqliteWasmUrl);

const session = new LiveSession();

/** Full-resolution county boundaries for GIS (the map's simplified ones are for drawing), fetched on the first export. */
function fullCounties(dataUrl: string): Promise<BoundaryFeature[]> {
  exportCounties ??= fetchOk(`${dataUrl}counties.geojson`)
    .then((r) => r.json() as Promise<{ features: BoundaryFeature[] }>)
    .then((geojson) => geojson.features)
    .catch((error: unknown) => {
      exportCounties = undefined;
      throw error;
    });
  return exportCounties;
}
let countyFeatures: Promise<CountyFeature[]> | undefined;
let simplifiedCounties: Promise<BoundaryFeature[]> | undefined;
/** The user's villages by county (setUserVillages), swapped into every province file loaded after. */
let userVillages: CountedUserVillages | null = null;
/** County boundaries at full resolution for exports (`exportPlan`), fetched once. */
let exportCounties: Promise<BoundaryFeature[]> | undefined;
let queue: Promise<unknown> = Promise.resolve();

/** Runs calls in arrival order, so that a call never sees a province half loaded. */
function serial<T>(work: () => T | Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

/**
 * The counties' names and boxes (county-info.json; each box as a two-point geometry, its south-west and north-east
 * corners), plus a feature without geometry for each registry county that has no boundary (138, e.g. districts
 * made since the boundary data), so that every county is named (county-match.csv) and framed by its villages.
 */
const countyBoxes = (dataUrl: string): Promise<CountyFeature[]> =>
  (countyFeatures ??= Promise.all([
    fetchOk(`${dataUrl}county-info.json`).then(async (r) => parseCountyInfo(await r.json()).counties),
    fetchOk(`${dataUrl}county-match.csv`).then(async (r) => countyNamesFromMatchTable(await r.text())),
  ]).then(([counties, names]) => {
    const drawn = new Set(counties.map((c) => c.code));
    const unbounded = [...names].filter(([code]) => !drawn.has(code));
    return [
      ...counties.map(({ code, name, bbox: [w, s, e, n] }) => ({
        properties: { code, name },
        geometry: {
          type: 'MultiPoint',
          coordinates: [
            [w, s],
            [e, n],
          ],
        },
      })),
      ...unbounded.map(([code, name]) => ({ properties: { code, name }, geometry: null })),
    ];
  }));

/** The simplified county polygons, for placing imported villages in their county; fetched on the first import. */
const countyPolygons = (dataUrl: string): Promise<BoundaryFeature[]> =>
  (simplifiedCounties ??= fetchOk(`${dataUrl}counties-simplified.geojson`)
    .then((r) => r.json() as Promise<{ features: BoundaryFeature[] }>)
    .then((geojson) => geojson.features)
    .catch((error: unknown) => {
      simplifiedCounties = undefined;
      throw error;
    }));

/**
 * Loads province files with the user's villages swapped in (src/core/live/user-villages.ts) and returns the summary,
 * with the swapped files' points for the map (transferred).
 */
async function loadTables(
  tables: VillageTable[],
  features: CountyFeature[],
  demand: Parameters<CoverageApi['loadProvince']>[2],
  area: readonly string[],
  national: boolean,
): Promise<ProvinceSummary> {
  const merged = tables.map((t) => mergeUserVillages(t, userVillages));
  const total = merged.reduce((n, m) => n + m.table.count, 0);
  const weight = new Float64Array(total);
  const userIndex = new Int32Array(total);
  let at = 0;
  for (const m of merged) {
    weight.set(m.weight, at);
    userIndex.set(m.userIndex, at);
    at += m.table.count;
  }
  const user = userVillages && { index: userIndex, count: userVillages.lon.length, ids: userVillages.ids };
  let summary: ProvinceSummary;
  if (national) {
    const { table, parts } = mergeVillageTables(merged.map((m) => m.table));
    summary = session.load(table, features, demand, area, parts, weight, user ?? undefined);
  } else summary = session.load(merged[0].table, features, demand, area, undefined, weight, user ?? undefined);
  const withUser = merged.filter((m) => m.userCount > 0);
  if (withUser.length === 0) return summary;
  const inArea: UserVillagesInArea = {
    count: withUser.reduce((n, m) => n + m.userCount, 0),
    counties: withUser.flatMap((m) => m.replaced),
    demand: session.userDemandCount(),
    points: withUser.map((m) => ({
      provinceCode: m.table.provinceCode,
      positions: m.table.positions.slice(),
      rural: m.table.rural.slice(),
    })),
  };
  const buffers = inArea.points.flatMap((p) => [p.positions.buffer, p.rural.buffer]) as ArrayBuffer[];
  return Comlink.transfer({ ...summary, userVillages: inArea }, buffers);
}

/** The page's word per village state (`setStatePalette`), or null. */
let statePalette: Uint32Array | null = null;

const metricsBuffers = (m: LiveMetrics) => [m.countyCovered.buffer, m.countyTotal.buffer, m.villageState.buffer];

/** Metrics with the villages' palette words (when the page gave a palette), their arrays transferred. */
function sendMetrics(m: LiveMetrics): LiveMetrics {
  if (statePalette === null) return Comlink.transfer(m, metricsBuffers(m) as ArrayBuffer[]);
  const villageColours = paletteColours(m.villageState, statePalette);
  return Comlink.transfer({ ...m, villageColours }, [...metricsBuffers(m), villageColours.buffer] as ArrayBuffer[]);
}

const api: {
  [K in keyof CoverageApi]: (...args: Parameters<CoverageApi[K]>) => Promise<Awaited<ReturnType<CoverageApi[K]>>>;
} = {
  loadProvince: (dataUrl, provinceCode, demand, area) =>
    serial(async () => {
      const features = countyBoxes(dataUrl);
      if (provinceCode !== NATIONAL_CODE) {
        return loadTables([await fetchProvinceVillages(dataUrl, provinceCode)], await features, demand, area, false);
      }
      // The national area: every province file of the manifest, merged in manifest order (as the map shows them).
      return loadTables(await fetchAllVillages(dataUrl), await features, demand, area, true);
    }),
  setUserVillages: (dataUrl, villages) =>
    serial(async () => {
      if (villages === null) {
        userVillages = null;
        return { count: 0, outside: 0, counties: [] };
      }
      const features = (await countyPolygons(dataUrl)).filter(
        (f) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon',
      );
      const county = countyOfPoints(villages.lon, villages.lat, features);
      const byCounty = groupByCounty(
        county,
        features.map((f) => String(f.properties?.code ?? '')),
      );
      userVillages = { ...villages, byCounty };
      const outside = county.reduce((n, c) => n + (c < 0 ? 1 : 0), 0);
      return { count: villages.lon.length, outside, counties: [...byCounty.keys()].sort() };
    }),
  setStatePalette: (words) =>
    serial(() => {
      statePalette = words.slice();
    }),
  evaluate: (sites, reach) => serial(() => sendMetrics(session.evaluate(sites, reach))),
  moveSite: (k, lon, lat) => serial(() => sendMetrics(session.moveSite(k, lon, lat))),
  planRequest: (params, sites, candidates) =>
    serial(() => {
      const request: PlanRequest = session.planRequest(params, sites, candidates);
      return Comlink.transfer(request, requestBuffers(request));
    }),
  userPlanRequest: (params, sites, candidates, matrix) =>
    serial(() => {
      const request: PlanRequest = session.userPlanRequest(params, sites, candidates, matrix);
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
  exportPlan: (dataUrl, format, sites, reach) =>
    serial(async () => {
      const counties = await fullCounties(dataUrl);
      session.evaluate(sites, reach);
      return exportTexts(liveExportTables(session.exportState(), counties), format);
    }),
  exportPlanFile: (dataUrl, format, sites, reach, locale) =>
    serial(async () => {
      const counties = await fullCounties(dataUrl);
      session.evaluate(sites, reach);
      const bytes = await exportFileBytes(liveExportTables(session.exportState(), counties), format, locale);
      return Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer]);
    }),
  phasePlan: (costs, years, budgetYuan, caps) =>
    serial(() => {
      const result = session.phasePlan(costs, years, budgetYuan, caps);
      return Comlink.transfer(result, [result.year.buffer, result.unaffordable.buffer] as ArrayBuffer[]);
    }),
  runsDemand: () =>
    serial(() => {
      const demand = session.runsDemand();
      return Comlink.transfer(demand, [demand.lon.buffer, demand.lat.buffer, demand.weight.buffer] as ArrayBuffer[]);
    }),
};

Comlink.expose(api);
