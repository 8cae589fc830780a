/**
 * The export tables of the app's current plan, built in the coverage worker from its live session
 * (`LiveSession.exportState`) with the same writers as the CLI (`planExportTables`, src/io/export-model.ts).
 * Pure (no DOM, no worker API), so a unit test runs it on a hand-made session.
 *
 * Agreement with the live figures. `planExportTables` flags a village `covered` when its nearest *selected* site is
 * within the reach (great-circle km, inclusive, `haversineKm` with the site first), the test `LiveCoverage` makes
 * against each covering site. The live session counts only covering sites: open stations, and in a two-tier plan
 * only those an open center serves (`served.ts`); centers cover no village. So the village layer is built with the
 * covering sites as the selection, and its covered flags are exactly the villages `LiveMetrics.coveredVillages`
 * counts; `nearestSiteId` / `nearestKm` name the nearest covering site (what the map's distance colours show). The
 * site layer lists every open site (stations and centers, existing, locked, proposed), each with the weight it
 * covers and the weight only it covers (`coverageMetrics` on `coverageByRadius` sets, 0 for centers and unserved
 * stations). County rows group villages by their registry county (the code the app's county table uses), not by
 * point in polygon, so each row equals the app's row; a county without a boundary feature is left out.
 */
import type { ExportFileFormat, ExportFormat, LiveExportState, PlanExportTexts } from '../core/live/coverage-api';
import { isOpen } from '../core/live/sites';
import { coverageMetrics } from '../core/plan-metrics';
import type { PlanResult } from '../core/plan-types';
import { coverageByRadius } from '../core/reach/radius';
import type { Candidates, Demand } from '../core/types';
import type { CountyFeature } from './county-assign';
import { planCsvTexts } from './export-csv';
import { planXlsx } from './export-excel';
import { planGeoJsonTexts } from './export-geojson';
import { planGeoPackage } from './geopackage-export';
import {
  emptyCountyRow,
  planExportTables,
  type CountyRow,
  type PlanExportTables,
  type VillageRow,
} from './export-model';

/**
 * The three export tables of the live plan.
 * @param state the session's demand, sites and covering flags
 * @param counties county boundaries (any province; joined by `properties.code`)
 */
export function liveExportTables(state: LiveExportState, counties: readonly CountyFeature[]): PlanExportTables {
  const { sites } = state;
  const demand: Demand = { count: state.lon.length, lon: state.lon, lat: state.lat, weight: state.weight };
  const candidates: Candidates = { count: sites.count, lon: sites.lon, lat: sites.lat, status: sites.status };
  const open: number[] = [];
  const covering: number[] = [];
  for (let k = 0; k < sites.count; k++) {
    if (isOpen(sites, k)) open.push(k);
    if (state.covering[k]) covering.push(k);
  }
  const selected = Uint32Array.from(open);
  const served = Uint8Array.from(open, (k) => state.covering[k]);
  const metrics = coverageMetrics(
    coverageByRadius(demand, candidates, state.radiusKm),
    demand.weight,
    selected,
    served,
  );
  const result = (chosen: Uint32Array, figures = metrics): PlanResult => ({
    params: { model: 'mclp', radius: state.radiusKm },
    solution: {
      selected: chosen,
      objective: figures.coveredWeight,
      bound: NaN,
      gap: NaN,
      optimal: false,
      solver: 'live',
      seconds: 0,
    },
    roles: Uint8Array.from(chosen, (k) => sites.role[k]),
    metrics: figures,
  });
  const noDemand: Demand = {
    count: 0,
    lon: new Float64Array(0),
    lat: new Float64Array(0),
    weight: new Float64Array(0),
  };
  const siteRows = planExportTables({
    demand: noDemand,
    demandIds: [],
    candidates,
    candidateIds: sites.id,
    result: result(selected),
    phase: sites.phase,
  }).sites;
  const coveringSelection = Uint32Array.from(covering);
  const empty = new Float64Array(covering.length);
  const villageRows = planExportTables({
    demand,
    demandIds: state.demandIds,
    candidates,
    candidateIds: sites.id,
    result: result(coveringSelection, { ...metrics, siteCoveredWeight: empty, siteMarginalWeight: empty }),
    radiusKm: state.radiusKm,
  }).villages;
  villageRows.forEach((row, i) => (row.countyCode = state.countyCode[i] ?? null));
  return { sites: siteRows, villages: villageRows, counties: countyRows(villageRows, counties) };
}

/** One row per county with villages and a boundary, in the order of `counties`. */
function countyRows(villages: readonly VillageRow[], counties: readonly CountyFeature[]): CountyRow[] {
  const rows = new Map<string, CountyRow>();
  for (const feature of counties) {
    const code = feature.properties.code;
    if (!rows.has(code)) rows.set(code, emptyCountyRow(feature));
  }
  const used = new Set<CountyRow>();
  for (const village of villages) {
    const row = village.countyCode === null ? undefined : rows.get(village.countyCode);
    if (row === undefined) continue;
    used.add(row);
    row.villages++;
    row.weight += village.weight;
    if (village.covered) {
      row.coveredVillages++;
      row.coveredWeight += village.weight;
    }
  }
  const out = [...rows.values()].filter((row) => used.has(row));
  for (const row of out) row.coverage = row.weight > 0 ? row.coveredWeight / row.weight : 0;
  return out;
}

/** The tables as the three files of one format. */
export function exportTexts(tables: PlanExportTables, format: ExportFormat): PlanExportTexts {
  return format === 'geojson' ? planGeoJsonTexts(tables) : planCsvTexts(tables);
}

/** The tables as one file: an .xlsx workbook (titles in `locale`) or a GeoPackage. */
export function exportFileBytes(
  tables: PlanExportTables,
  format: ExportFileFormat,
  locale: 'zh-CN' | 'en',
): Promise<Uint8Array> {
  return format === 'xlsx' ? planXlsx(tables, locale) : planGeoPackage(tables);
}
