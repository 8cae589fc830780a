/**
 * The delivery runs of a plan as files, the same for the app's card and `npm run routes -- --plan`: GeoJSON
 * LineStrings, one per van (center -> stations in visiting order -> center, RFC 7946, WGS 84 rounded to 6 decimals)
 * with the properties `center`, `vehicle`, `stations`, `km`, `minutes`, `deliveries`, `pickups`, `loadMax`; and a
 * per-county CSV (UTF-8 with a BOM, papaparse, formula cells escaped) of vans, km per day, hours, cost per day and
 * cost per parcel. README.md, "Delivery runs".
 */
import type { FeatureCollection, LineString } from 'geojson';
import Papa from 'papaparse';
import { runFigures, type RunRoute, type RunsResult } from '../core/route/plan-runs';
import { CSV_BOM, FORMULA_START } from './export-csv';
import { roundDegrees } from './export-model';

/** What the writers need besides `planRuns`'s result: the input sites' ids and positions, each center's county. */
export interface RunsExportInput {
  result: RunsResult;
  /** Id, lon and lat of each input site (the result's site indices point here). */
  sites: { id: readonly string[]; lon: ArrayLike<number>; lat: ArrayLike<number> };
  /** County code and name of each entry of `result.centers` (same order); absent = unknown. */
  centerCounty?: readonly { code: string; name: string }[];
}

/** Properties of one run's LineString. */
export interface RunFeatureProperties {
  /** Id of the center (depot). */
  center: string;
  /** Van number at that center, 1.. */
  vehicle: number;
  /** Ids of the stations in visiting order. */
  stations: string[];
  km: number;
  minutes: number;
  deliveries: number;
  pickups: number;
  loadMax: number;
}

/** Figures rounded to 3 decimals (metres, a tenth of a second, a thousandth of a parcel). */
export const round3 = (value: number): number => Math.round(value * 1000) / 1000;

/** The properties of a run, ids in place of site indices. */
export function runProperties(route: RunRoute, ids: readonly string[]): RunFeatureProperties {
  return {
    center: ids[route.center],
    vehicle: route.vehicle,
    stations: route.stations.map((j) => ids[j]),
    km: round3(route.km),
    minutes: round3(route.minutes),
    deliveries: round3(route.deliveries),
    pickups: round3(route.pickups),
    loadMax: round3(route.loadMax),
  };
}

/**
 * The runs as a GeoJSON FeatureCollection text, one LineString per van in the result's order (center by center).
 * @example JSON.parse(runsGeoJson({ result, sites })).features[0].properties.stations; // ["S3", "S9", ...]
 */
export function runsGeoJson(input: RunsExportInput): string {
  const { sites } = input;
  const position = (j: number) => [roundDegrees(sites.lon[j]), roundDegrees(sites.lat[j])];
  const collection: FeatureCollection<LineString, RunFeatureProperties> = {
    type: 'FeatureCollection',
    features: input.result.centers.flatMap((c) =>
      c.routes.map((route) => ({
        type: 'Feature' as const,
        geometry: {
          type: 'LineString' as const,
          coordinates: [position(route.center), ...route.stations.map(position), position(route.center)],
        },
        properties: runProperties(route, sites.id),
      })),
    ),
  };
  return JSON.stringify(collection);
}

/** Columns of the per-county CSV, in order. */
export const RUNS_COUNTY_COLUMNS = [
  'code',
  'name',
  'centers',
  'stations',
  'unrouted',
  'vans',
  'kmPerDay',
  'hours',
  'deliveries',
  'pickups',
  'costPerDayYuan',
  'costPerParcelYuan',
] as const;

/** One row of the per-county table. */
export type RunsCountyRow = Record<(typeof RUNS_COUNTY_COLUMNS)[number], string | number | null>;

/**
 * The per-county figures: the centers of each county together (their runs' figures by `runFigures`), counties in
 * code order; stations without a center are left out (they are in `result.unrouted`). Cost per parcel is null when
 * nothing moves.
 */
export function runsCountyRows(input: RunsExportInput): RunsCountyRow[] {
  const { result } = input;
  const groups = new Map<string, { name: string; indices: number[] }>();
  result.centers.forEach((_, k) => {
    const county = input.centerCounty?.[k] ?? { code: '', name: '' };
    const group = groups.get(county.code) ?? { name: county.name, indices: [] };
    group.indices.push(k);
    groups.set(county.code, group);
  });
  const unroutedAt = new Map<number, number>();
  for (const u of result.unrouted) if (u.center >= 0) unroutedAt.set(u.center, (unroutedAt.get(u.center) ?? 0) + 1);
  return [...groups]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, { name, indices }]) => {
      const centers = indices.map((k) => result.centers[k]);
      const f = runFigures(
        centers.flatMap((c) => c.routes),
        result.params,
      );
      return {
        code,
        name,
        centers: centers.length,
        stations: centers.reduce((n, c) => n + c.stationCount, 0),
        unrouted: centers.reduce((n, c) => n + (unroutedAt.get(c.center) ?? 0), 0),
        vans: f.vans,
        kmPerDay: round3(f.kmPerDay),
        hours: round3(f.hours),
        deliveries: round3(f.deliveries),
        pickups: round3(f.pickups),
        costPerDayYuan: round3(f.costPerDayYuan),
        costPerParcelYuan: Number.isFinite(f.costPerParcelYuan) ? round3(f.costPerParcelYuan) : null,
      };
    });
}

/** The per-county table as CSV text (BOM, header row, one row per county). */
export function runsCountyCsv(input: RunsExportInput): string {
  return (
    CSV_BOM +
    Papa.unparse(runsCountyRows(input), {
      columns: [...RUNS_COUNTY_COLUMNS],
      escapeFormulae: FORMULA_START,
      newline: '\r\n',
    })
  );
}
