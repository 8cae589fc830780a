/**
 * `npm run plan -- --export DIR`: writes the plan for GIS tools: sites, villages and county coverage as GeoJSON
 * and CSV (README, "GeoJSON/CSV export properties"), the same three as the sheets of one Excel workbook and the
 * layers of one GeoPackage, and the plan file `plan.json`. County polygons come from the
 * embedded public/data/counties.geojson when it is there (`npm run data`), else the county layer is empty.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { PlanResult } from '../core/plan-types';
import { DEFAULT_DATA_DIR } from '../data/node-files';
import type { CountyFeature } from '../io/county-assign';
import { planCsvTexts } from '../io/export-csv';
import { planXlsx } from '../io/export-excel';
import { planGeoJsonTexts } from '../io/export-geojson';
import { planExportTables } from '../io/export-model';
import { planGeoPackage } from '../io/geopackage-export';
import { writePlanFile, type JsonObject } from '../io/plan-file';
import type { PlanInputs } from '../io/plan-inputs';
import { InputError } from '../io/problems';
import type { PlanCliOptions } from './plan-options';

/** Files written by {@link writePlanExport}, in order. */
export const EXPORT_FILES = [
  'sites.geojson',
  'villages.geojson',
  'counties.geojson',
  'sites.csv',
  'villages.csv',
  'counties.csv',
  'plan.json',
  'plan.xlsx',
  'plan.gpkg',
] as const;

/**
 * Writes the export files of a plan into `dir` (created when missing).
 * @param countiesFile county boundaries (default the embedded ones)
 * @returns the paths written
 */
export async function writePlanExport(
  dir: string,
  inputs: PlanInputs,
  result: PlanResult,
  options: PlanCliOptions,
  countiesFile = join(DEFAULT_DATA_DIR, 'counties.geojson'),
): Promise<string[]> {
  const counties = existsSync(countiesFile)
    ? ((JSON.parse(readFileSync(countiesFile, 'utf8')) as FeatureCollection<Polygon | MultiPolygon>)
        .features as CountyFeature[])
    : [];
  const tables = planExportTables({
    demand: inputs.demand,
    demandIds: inputs.demandIds,
    candidates: inputs.candidates,
    candidateIds: inputs.candidateIds,
    result,
    radiusKm: inputs.matrix === undefined ? result.params.radius : undefined,
    counties,
  });
  const geojson = planGeoJsonTexts(tables);
  const csv = planCsvTexts(tables);
  const data: Record<string, string> = {};
  for (const key of ['demand', 'candidates', 'existing', 'excluded', 'matrix'] as const) {
    if (options[key] !== undefined) data[key] = options[key];
  }
  if (options.province !== undefined) data.demand = `embedded:${options.province}`;
  const plan = writePlanFile({
    provinceCode: options.province ?? '',
    settings: JSON.parse(JSON.stringify(result.params)) as JsonObject,
    plan: {
      sites: tables.sites.map(({ id, lon, lat, status, role, phase }) => ({
        id,
        lon,
        lat,
        status,
        role,
        ...(phase === null ? {} : { phase }),
      })),
      suggestion: null,
    },
    scenarios: [],
    data,
  });
  const [xlsx, gpkg] = await Promise.all([planXlsx(tables), planGeoPackage(tables)]);
  const texts = [
    geojson.sites,
    geojson.villages,
    geojson.counties,
    csv.sites,
    csv.villages,
    csv.counties,
    plan,
    xlsx,
    gpkg,
  ];
  try {
    await mkdir(dir, { recursive: true });
    const paths = EXPORT_FILES.map((name) => join(dir, name));
    await Promise.all(paths.map((path, k) => writeFile(path, texts[k])));
    return paths;
  } catch (error) {
    throw new InputError(dir, `cannot write: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}
