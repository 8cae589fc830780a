/**
 * `npm run routes -- --plan plan.json` and `npm run routes -- --province 33 --model two-tier ...`: the daily
 * delivery and produce-collection runs of a whole plan, by `planRuns` (src/core/route/plan-runs.ts, the call the
 * app's Delivery runs card makes), written as GeoJSON LineStrings per van and a per-county CSV
 * (src/io/export-runs.ts, the app's export).
 *
 * - `--plan FILE`: a plan file saved by the app (or `npm run plan -- --export`): its open sites, its station and
 *   center reach, its saved run parameters; villages are the embedded rural villages of its province, or the
 *   `--demand` file when the plan was made on one.
 * - `--province CODE` with the options of `npm run plan` (a two-tier model, which sites centers and stations):
 *   plans first, then routes the plan.
 */
import { runPlan } from '../core/plan';
import { SITE_ROLE } from '../core/plan-types';
import { reachKmForDuration, DEFAULT_CIRCUITY, DEFAULT_SPEED_KMH } from '../core/reach/travel-time';
import {
  DEFAULT_RUNS_BUDGET_SEC,
  planRuns,
  villageFactors,
  type RunDistance,
  type RunsInput,
  type RunsResult,
} from '../core/route/plan-runs';
import { DEFAULT_RUN_PARAMS, RUN_PARAM_SOURCES, RUN_PARAM_UNITS, type RunParams } from '../core/route/run-params';
import { SITE_STATUS } from '../core/types';
import { DEFAULT_DATA_DIR, readProvinceVillages, readVillageNames } from '../data/node-files';
import { runsCountyCsv, runsGeoJson, type RunsExportInput } from '../io/export-runs';
import { readPlanFile, type JsonObject, type PlanFile } from '../io/plan-file';
import { planRequest } from '../io/plan-inputs';
import { formatProblem, InputError, type InputProblem } from '../io/problems';
import { readPointsFile } from '../io/read-points';
import type { PointTable } from '../io/points';
import { parseArgs, UsageError, type OptionSpec, type ParsedArgs } from './args';
import { loadPlanInputs, readBytes, readText, writeOutput } from './plan-inputs';
import { parsePlanArgs } from './plan-options';
import { ruralVillagePoints } from './province';
import { loadRoads, roadsSummary } from './reach-network';
import { progressPrinter, type Console } from './terminal';

/** CLI name of each run parameter. */
export const RUN_PARAM_OPTIONS: Readonly<Record<keyof RunParams, string>> = Object.freeze({
  parcelsPerVillage: 'parcels',
  pickupsPerVillage: 'pickups',
  vanCapacity: 'van-capacity',
  shiftHours: 'shift-hours',
  stopMin: 'stop-min',
  speedKmh: 'speed',
  circuity: 'circuity',
  costPerKmYuan: 'cost-km',
  costPerVanDayYuan: 'cost-van-day',
});

const RUN_PARAM_KEYS = Object.keys(RUN_PARAM_OPTIONS) as (keyof RunParams)[];

/** Options of the plan mode that are the routes' own (the rest of `--province` goes to `npm run plan`). */
export const ROUTES_PLAN_OPTIONS: readonly OptionSpec[] = [
  { name: 'plan', kind: 'file', value: 'FILE', help: 'route the open sites of this plan file (from the app)' },
  {
    name: 'demand',
    kind: 'file',
    value: 'FILE',
    help: 'with --plan: the villages file the plan was made on (CSV, GeoJSON,\nShapefile .zip, Excel, GeoPackage)',
  },
  { name: 'weight', kind: 'string', value: 'FIELD', help: 'with --demand: the weight column (parcels scale by it)' },
  { name: 'id', kind: 'string', value: 'FIELD', help: 'with --demand: the id column' },
  { name: 'sheet', kind: 'string', value: 'NAME', help: 'with --demand: the Excel sheet' },
  { name: 'layer', kind: 'string', value: 'NAME', help: 'with --demand: the GeoPackage layer' },
  {
    name: 'roads',
    kind: 'file',
    value: 'FILE',
    help: 'road network (.osm.pbf, .osm, GeoJSON): van minutes by road instead of\nthe straight-line proxy',
  },
  { name: 'road-profile', kind: 'file', value: 'FILE', help: 'JSON car profile (with --roads)' },
  ...RUN_PARAM_KEYS.map((key): OptionSpec => ({
    name: RUN_PARAM_OPTIONS[key],
    kind: 'number',
    value: 'X',
    min: 0,
    help: `${RUN_PARAM_UNITS[key]}, default ${DEFAULT_RUN_PARAMS[key]}:\n${RUN_PARAM_SOURCES[key]}`,
  })),
  {
    name: 'seconds',
    kind: 'number',
    value: 'S',
    min: 0,
    minExclusive: true,
    help: `time budget of the whole plan's runs (default ${DEFAULT_RUNS_BUDGET_SEC})`,
  },
  { name: 'seed', kind: 'int', value: 'N', min: 0, help: 'seed of the random generator (default 1)' },
  {
    name: 'out',
    kind: 'file',
    value: 'FILE',
    help: 'write the runs: GeoJSON LineStrings, one per van, with center, vehicle,\nstations, km, minutes, deliveries, pickups, loadMax (default runs.geojson)',
  },
  {
    name: 'csv',
    kind: 'file',
    value: 'FILE',
    help: 'write the per-county CSV: vans, km/day, hours, cost per day, cost per\nparcel (default: --out with .csv)',
  },
  {
    name: 'report',
    kind: 'file',
    value: 'FILE',
    help: 'write the figures as JSON: totals, per center, stations left out',
  },
  { name: 'plan-out', kind: 'file', value: 'FILE', help: 'with --province: also write the plan (GeoJSON Points)' },
  { name: 'help', kind: 'flag', help: 'show this help' },
];

/** Names of the routes' own options in `--province` mode (the rest, and `--seed`, go to `npm run plan`). */
const OWN_IN_PROVINCE = new Set([
  ...RUN_PARAM_KEYS.map((key) => RUN_PARAM_OPTIONS[key]),
  'seconds',
  'seed',
  'out',
  'csv',
  'report',
  'plan-out',
]);

/** What the plan mode routes, before `planRuns`: the input, export ids, county of each site and names. */
interface RoutedPlan {
  input: RunsInput;
  ids: string[];
  /** County code of each village, for the county of each center (the county of its nearest village). */
  villageCounty: (i: number) => string;
  countyName: (code: string) => string;
  notes: string[];
}

/**
 * Runs the plan mode (`--plan` or `--province`) and returns the exit code.
 * @throws UsageError, InputError (the caller prints them)
 */
export async function routesOfPlan(argv: readonly string[], io: Console): Promise<number> {
  const { own, rest } = splitArgs(argv);
  const args = parseArgs(own, ROUTES_PLAN_OPTIONS);
  const planFile = args.get('plan') as string | undefined;
  const params = runParamsOf(args);
  let routed: RoutedPlan;
  if (planFile !== undefined) {
    if (rest.length > 0) throw new UsageError(`with --plan, ${rest[0]} does not apply (see --help)`);
    routed = await fromPlanFile(planFile, args, params);
  } else {
    if (rest.length === 0) throw new UsageError('missing --plan FILE, or --province CODE with a two-tier plan');
    routed = await fromProvince(rest, args, params, io);
  }
  for (const note of routed.notes) io.err(`routes: ${note}`);
  const progress = io.isTty ? progressPrinter('routes') : undefined;
  const result = planRuns(routed.input, {
    seed: (args.get('seed') as number | undefined) ?? 1,
    timeBudgetSec: (args.get('seconds') as number | undefined) ?? DEFAULT_RUNS_BUDGET_SEC,
    onProgress: progress?.update,
  });
  progress?.done();
  for (const u of result.unrouted) io.err(`routes: ${u.message}`);
  const overVan = result.unrouted.filter((u) => u.reason === 'load-over-capacity').length;
  if (overVan > 0) {
    io.err(
      `routes: warning: ${overVan} stations have more parcels or pickups a day than one van carries ` +
        `(${result.params.vanCapacity}); raise --van-capacity or lower --parcels/--pickups (no split deliveries)`,
    );
  }
  const exportInput: RunsExportInput = {
    result,
    sites: { id: routed.ids, lon: routed.input.sites.lon, lat: routed.input.sites.lat },
    centerCounty: centerCounties(routed, result).map((code) => ({ code, name: routed.countyName(code) })),
  };
  const out = (args.get('out') as string | undefined) ?? 'runs.geojson';
  const csv = (args.get('csv') as string | undefined) ?? out.replace(/(\.geo)?json$/i, '') + '.csv';
  await writeOutput(out, runsGeoJson(exportInput));
  await writeOutput(csv, runsCountyCsv(exportInput));
  const reportFile = args.get('report') as string | undefined;
  if (reportFile !== undefined) await writeOutput(reportFile, `${JSON.stringify(runsReport(exportInput), null, 2)}\n`);
  const t = result.totals;
  io.err(
    `routes: ${result.centers.length} centers, ${t.vans} vans, ${t.kmPerDay.toFixed(1)} km/day, ` +
      `${t.costPerDayYuan.toFixed(0)} yuan/day (${fixed2(t.costPerParcelYuan)} yuan/parcel), ` +
      `${result.unrouted.length} stations left out, ${result.seconds.toFixed(2)} s -> ${out}, ${csv}`,
  );
  return 0;
}

/** The routes' own options and the rest (for `npm run plan` in `--province` mode). `--seed` goes to both. */
function splitArgs(argv: readonly string[]): { own: string[]; rest: string[] } {
  const ownSpecs = new Map(ROUTES_PLAN_OPTIONS.map((spec) => [spec.name, spec]));
  const province = !argv.some((a) => a === '--plan' || a.startsWith('--plan='));
  const own: string[] = [];
  const rest: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const name = argv[k].startsWith('--') ? argv[k].slice(2).split('=')[0] : '';
    const spec = ownSpecs.get(name);
    const mine = spec !== undefined && (!province || OWN_IN_PROVINCE.has(name));
    const target = mine ? own : rest;
    target.push(argv[k]);
    const takesValue = spec === undefined ? !isFlagOfPlan(name) : spec.kind !== 'flag';
    if (takesValue && !argv[k].includes('=') && k + 1 < argv.length) {
      target.push(argv[++k]);
      if (name === 'seed' && province) rest.push(argv[k - 1], argv[k]);
    }
  }
  return { own, rest };
}

/** Flags (options without a value) of `npm run plan`. */
const isFlagOfPlan = (name: string): boolean => name === 'exact' || name === 'swap-axes' || name === 'help';

function runParamsOf(args: ParsedArgs): Partial<RunParams> {
  const params: Partial<RunParams> = {};
  for (const key of RUN_PARAM_KEYS) {
    const value = args.get(RUN_PARAM_OPTIONS[key]) as number | undefined;
    if (value !== undefined) params[key] = value;
  }
  return params;
}

/** A plan file's open sites, reaches and saved run parameters; the villages it was made on. */
async function fromPlanFile(file: string, args: ParsedArgs, overrides: Partial<RunParams>): Promise<RoutedPlan> {
  const plan = readPlanFile(await readText(file), file);
  const notes: string[] = [];
  const sites = plan.plan.sites.filter((s) => s.status !== 'excluded');
  if (!sites.some((s) => s.role === 'center')) {
    throw new InputError(file, 'the plan has no county center: runs start from a center (plan with two tiers)');
  }
  const settings = plan.settings;
  const num = (key: string, fallback: number): number => {
    const value = settings[key];
    return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
  };
  const stationReachKm = num('radiusKm', 3);
  const speedKmh = num('speedKmh', DEFAULT_SPEED_KMH);
  const circuity = num('circuity', DEFAULT_CIRCUITY);
  const centerReachKm =
    settings.centerReachUnit === 'min'
      ? reachKmForDuration(num('centerDurationMin', 90), { circuity, speedKmh })
      : num('centerRadiusKm', 60);
  const saved = savedRunParams(plan.runs?.params, notes);
  const { villages, weight, villageCounty, countyName } = await planVillages(plan, file, args, notes);
  const weighted = saved.weighted ?? args.has('weight');
  const input: RunsInput = {
    villages: { count: villages.count, lon: villages.lon, lat: villages.lat },
    villageFactor: weighted && weight !== undefined ? villageFactors(weight) : undefined,
    sites: {
      count: sites.length,
      lon: Float64Array.from(sites, (s) => s.lon),
      lat: Float64Array.from(sites, (s) => s.lat),
      role: Uint8Array.from(sites, (s) => SITE_ROLE[s.role]),
      name: sites.map((s) => s.id),
    },
    stationReachKm,
    centerReachKm,
    distance: await distanceOf(
      args.get('roads') as string | undefined,
      args.get('road-profile') as string | undefined,
      notes,
    ),
    params: { ...saved.params, ...overrides },
  };
  notes.push(
    `${file}: ${sites.length} open sites (${sites.filter((s) => s.role === 'center').length} centers), ` +
      `station reach ${stationReachKm} km, center reach ${centerReachKm.toFixed(1)} km`,
  );
  return { input, ids: sites.map((s) => s.id), villageCounty, countyName, notes };
}

/** The run parameters saved in a plan file (the app's card), unknown or bad fields noted and left out. */
function savedRunParams(
  saved: JsonObject | undefined,
  notes: string[],
): { params: Partial<RunParams>; weighted?: boolean } {
  const params: Partial<RunParams> = {};
  if (saved === undefined) return { params };
  for (const key of RUN_PARAM_KEYS) {
    const value = saved[key];
    if (value === undefined) continue;
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) params[key] = value;
    else notes.push(`warning: plan file runs.params.${key} = ${JSON.stringify(value)} is not a number; default used`);
  }
  return { params, weighted: typeof saved.weighted === 'boolean' ? saved.weighted : undefined };
}

/** The villages a plan file was made on: the embedded rural villages of its province, or the `--demand` file. */
async function planVillages(
  plan: PlanFile,
  file: string,
  args: ParsedArgs,
  notes: string[],
): Promise<{
  villages: PointTable;
  weight?: Float64Array;
  villageCounty: (i: number) => string;
  countyName: (code: string) => string;
}> {
  const demand = args.get('demand') as string | undefined;
  const madeOn = plan.data?.demand ?? `embedded:${plan.provinceCode}`;
  const names = countyNamesOf(plan.provinceCode, notes);
  if (demand !== undefined) {
    const read = await readPointsFile(await readBytes(demand), {
      file: demand,
      weightField: args.get('weight') as string | undefined,
      idField: args.get('id') as string | undefined,
      sheet: args.get('sheet') as string | undefined,
      layer: args.get('layer') as string | undefined,
    });
    noteProblems(read.problems, notes);
    if (read.value.count === 0) throw new InputError(demand, 'no usable villages');
    if (madeOn.startsWith('embedded:')) notes.push(`warning: ${file} was made on ${madeOn}, routed on ${demand}`);
    const table = read.value;
    return {
      villages: table,
      weight: table.weight,
      villageCounty: (i) => (table.hasIds ? countyOfId(table.ids[i]) : ''),
      countyName: names,
    };
  }
  if (!madeOn.startsWith('embedded:')) {
    throw new UsageError(`${file} was made on ${madeOn.replace(/^file:/, '')}: give that file with --demand FILE`);
  }
  const code = madeOn.slice('embedded:'.length);
  if (!/^\d{2}$/.test(code)) throw new UsageError(`${file}: route one province at a time (the plan shows "${code}")`);
  const table = ruralVillagePoints([code]);
  const area = plan.settings.area;
  if (Array.isArray(area) && area.length > 0) {
    const keep = new Set(area.map(String));
    const kept = subset(table, (i) => keep.has(table.ids[i].slice(0, 6)));
    notes.push(`${kept.count} rural villages of the plan's ${keep.size} counties`);
    return { villages: kept, villageCounty: (i) => kept.ids[i].slice(0, 6), countyName: names };
  }
  return { villages: table, villageCounty: (i) => table.ids[i].slice(0, 6), countyName: names };
}

/** The first 6 digits of a village code id (the county), else "". */
const countyOfId = (id: string): string => (/^\d{12}$/.test(id) ? id.slice(0, 6) : '');

function subset(table: PointTable, keep: (i: number) => boolean): PointTable {
  const index: number[] = [];
  for (let i = 0; i < table.count; i++) if (keep(i)) index.push(i);
  return {
    ...table,
    count: index.length,
    ids: index.map((i) => table.ids[i]),
    lon: Float64Array.from(index, (i) => table.lon[i]),
    lat: Float64Array.from(index, (i) => table.lat[i]),
    weight: Float64Array.from(index, (i) => table.weight[i]),
    source: Uint32Array.from(index, (i) => table.source[i]),
  };
}

/** County names of a province of the embedded dataset by code ("" when unknown or no dataset). */
function countyNamesOf(province: string, notes: string[]): (code: string) => string {
  const names = new Map<string, string>();
  const codes = /^\d{2}$/.test(province) ? [province] : [];
  for (const code of codes) {
    try {
      const table = readProvinceVillages(code, DEFAULT_DATA_DIR);
      const { countyNames } = readVillageNames(code, DEFAULT_DATA_DIR);
      table.counties.forEach((county, k) => names.set(county, countyNames[k] ?? ''));
    } catch {
      notes.push(`no county names for province ${code} (run \`npm run data\`)`);
    }
  }
  return (code) => names.get(code) ?? '';
}

function noteProblems(problems: readonly InputProblem[], notes: string[]): void {
  for (const problem of problems.slice(0, 20)) notes.push(`skipped ${formatProblem(problem)}`);
  if (problems.length > 20) notes.push(`... and ${problems.length - 20} more problems (${problems.length} in all)`);
}

/** The distance source: road times with `--roads`, else the straight-line proxy. */
async function distanceOf(
  file: string | undefined,
  profile: string | undefined,
  notes: string[],
): Promise<RunDistance | undefined> {
  if (file === undefined) {
    if (profile !== undefined) throw new UsageError('--road-profile needs --roads FILE');
    return undefined;
  }
  const roads = await loadRoads(file, profile);
  notes.push(roadsSummary(file, roads));
  return { kind: 'road', network: roads.network };
}

/** Plans with `npm run plan`'s options (a two-tier model), then returns the plan to route. */
async function fromProvince(
  rest: readonly string[],
  args: ParsedArgs,
  overrides: Partial<RunParams>,
  io: Console,
): Promise<RoutedPlan> {
  const planOut = args.get('plan-out') as string | undefined;
  const options = parsePlanArgs([...rest, '--out', planOut ?? 'plan.geojson']);
  if (options.params.model !== 'two-tier') {
    throw new UsageError('runs start from county centers: plan with --model two-tier (or route a --plan file)');
  }
  const inputs = await loadPlanInputs(options);
  for (const note of inputs.notes) io.err(`routes: plan: ${note}`);
  const result = await runPlan(planRequest(inputs, options.params));
  const selected = Array.from(result.solution.selected);
  if (planOut !== undefined) {
    const { planToGeoJson } = await import('../io/plan-output');
    await writeOutput(planOut, `${JSON.stringify(planToGeoJson(result, inputs.candidates, inputs.candidateIds))}\n`);
  }
  const c = inputs.candidates;
  const ids = selected.map((k) => inputs.candidateIds[k] ?? `S${k + 1}`);
  const demand = inputs.demand;
  const notes: string[] = [];
  const names = countyNamesOf(options.province ?? '', notes);
  // The plan's road network (when it planned by road) also gives the vans' minutes.
  const distance = await distanceOf(options.roads, options.roadProfile, notes);
  const input: RunsInput = {
    villages: { count: demand.count, lon: demand.lon, lat: demand.lat },
    sites: {
      count: selected.length,
      lon: Float64Array.from(selected, (k) => c.lon[k]),
      lat: Float64Array.from(selected, (k) => c.lat[k]),
      role: Uint8Array.from(result.roles),
      name: ids,
    },
    stationReachKm: options.params.radius ?? Infinity,
    centerReachKm: options.params.centerRadius ?? Infinity,
    distance,
    params: overrides,
  };
  notes.push(
    `plan: ${selected.length} sites (${result.roles.filter((r) => r === SITE_ROLE.center).length} centers), ` +
      `coverage ${(100 * result.metrics.coverage).toFixed(1)} %`,
  );
  const status = c.status;
  if (status !== undefined && selected.some((k) => status[k] === SITE_STATUS.excluded)) {
    notes.push('warning: the plan selected an excluded site');
  }
  return { input, ids, villageCounty: (i) => countyOfId(inputs.demandIds[i] ?? ''), countyName: names, notes };
}

/** County code of each center of a result: that of its nearest village. */
function centerCounties(routed: RoutedPlan, result: RunsResult): string[] {
  const { villages, sites } = routed.input;
  return result.centers.map(({ center }) => {
    let best = -1;
    let bestD = Infinity;
    const cosLat = Math.cos((sites.lat[center] * Math.PI) / 180);
    for (let i = 0; i < villages.count; i++) {
      const dx = (villages.lon[i] - sites.lon[center]) * cosLat;
      const dy = villages.lat[i] - sites.lat[center];
      const d = dx * dx + dy * dy;
      if (d < bestD) [best, bestD] = [i, d];
    }
    return best < 0 ? '' : routed.villageCounty(best);
  });
}

/** The JSON report: parameters, totals, per center figures, stations left out with their messages. */
function runsReport(input: RunsExportInput): object {
  const { result, sites } = input;
  const finite = (value: number): number | null => (Number.isFinite(value) ? value : null);
  const figures = (f: RunsResult['totals']): object => ({ ...f, costPerParcelYuan: finite(f.costPerParcelYuan) });
  return {
    params: result.params,
    seconds: result.seconds,
    totals: figures(result.totals),
    centers: result.centers.map((c, k) => ({
      center: sites.id[c.center],
      county: input.centerCounty?.[k]?.code ?? '',
      countyName: input.centerCounty?.[k]?.name ?? '',
      stations: c.stationCount,
      solver: c.solver,
      seconds: c.seconds,
      figures: figures(c.figures),
    })),
    unrouted: result.unrouted.map((u) => ({ station: sites.id[u.station], reason: u.reason, message: u.message })),
  };
}

const fixed2 = (value: number): string => (Number.isFinite(value) ? value.toFixed(2) : '-');
