/**
 * The options of `npm run plan`: one table that drives parsing, checks and `--help`.
 */
import { PLAN_MODELS, type PlanModel, type PlanParams } from '../core/plan-types';
import { POINT_CRS, type PointCrs } from '../io/crs';
import type { OsrmField } from '../io/osrm';
import { formatOptions, parseArgs, UsageError, type OptionSpec } from './args';

/** `--roads FILE` (shared with `npm run rollout`). */
export const ROADS_OPTION: OptionSpec = {
  name: 'roads',
  kind: 'file',
  value: 'FILE',
  help: 'reach by road: an OSM road network (.osm.pbf, .osm, or GeoJSON LineStrings\nwith "highway"); villages drive to the sites (car profile, snap leg at\n10 km/h); needs --reach-minutes, replaces the km radius (and --matrix)',
};

/** `--reach-minutes M` with the help line of the command (shared with `npm run rollout`). */
export function reachMinutesOption(help: string): OptionSpec {
  return { name: 'reach-minutes', kind: 'number', value: 'M', min: 0, minExclusive: true, help };
}

/** `--center-minutes M` (shared with `npm run rollout`). */
export const CENTER_MINUTES_OPTION: OptionSpec = {
  name: 'center-minutes',
  kind: 'number',
  value: 'M',
  min: 0,
  minExclusive: true,
  help: 'with --roads (plan: two-tier): reach of a center to its stations in minutes\nby road (driving out of the center), instead of --center-radius',
};

/** `--road-profile FILE` (shared with `npm run rollout`). */
export const ROAD_PROFILE_OPTION: OptionSpec = {
  name: 'road-profile',
  kind: 'file',
  value: 'FILE',
  help: 'with --roads: JSON car profile overriding the defaults, e.g.\n{"speedsKmh": {"track": 5}, "accessSpeedKmh": 5}',
};

export const PLAN_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'demand',
    kind: 'file',
    value: 'FILE',
    help: 'demand points: CSV with a header (lon,lat | lng,lat | longitude,latitude |\nx,y | 经度,纬度; optional id, weight; delimiter , ; tab or |; UTF-8\nor GBK), a GeoJSON FeatureCollection of Points (.geojson, .json) or a\nzipped Shapefile of Points (.zip with .shp, .dbf, .prj, .cpg), an Excel\nworkbook (.xlsx, columns as CSV) or a GeoPackage point layer (.gpkg)',
  },
  {
    name: 'sheet',
    kind: 'string',
    value: 'NAME|N',
    help: 'sheet of the Excel point files, by name or 1-based number (default the\nfirst)',
  },
  {
    name: 'layer',
    kind: 'string',
    value: 'NAME',
    help: 'layer of the GeoPackage point files (default the first point layer)',
  },
  {
    name: 'crs',
    kind: 'choice',
    choices: POINT_CRS,
    help: 'coordinate system of the point files: wgs84 (default), gcj02 (Gaode,\nTencent) or bd09 (Baidu), converted to WGS 84; a Shapefile .prj with a\nprojected CRS is reprojected (or refused when it cannot be read)',
  },
  {
    name: 'swap-axes',
    kind: 'flag',
    help: 'swap lon/lat of the points outside China that fall inside it when\nswapped (files written as lat,lon); without it they are skipped',
  },
  {
    name: 'max-input-mb',
    kind: 'number',
    value: 'MB',
    min: 0,
    minExclusive: true,
    help: 'largest input file in MiB (default 512); larger files, and anything that\nis not a regular file (a FIFO, a device, a folder), are refused unread',
  },

  {
    name: 'province',
    kind: 'string',
    value: 'CODE|all',
    help: 'instead of --demand: the embedded rural villages of one province\n(2-digit code, e.g. 33) or of all, as demand and candidates, weight 1\n(run `npm run data` first)',
  },
  {
    name: 'weight',
    kind: 'string',
    value: 'FIELD',
    help: 'column or property with the demand weight (default "weight", else 1)',
  },
  {
    name: 'id',
    kind: 'string',
    value: 'FIELD',
    help: 'column or property with the id of each point of the point files\n(default "id", else the row number / feature index)',
  },
  {
    name: 'candidates',
    kind: 'file',
    value: 'FILE',
    help: 'candidate sites, CSV, GeoJSON or .zip, optional "status" field (existing,\nlocked, proposed, excluded); default: the demand points themselves',
  },
  {
    name: 'existing',
    kind: 'file',
    value: 'FILE',
    help: 'sites already open, CSV, GeoJSON or .zip: matched to a candidate by id, else\nby position within 1 m, else added as a new candidate; always open',
  },
  {
    name: 'excluded',
    kind: 'file',
    value: 'FILE',
    help: 'sites that must not be used, matched like --existing (a site listed\nin both stays open)',
  },
  {
    name: 'matrix',
    kind: 'file',
    value: 'FILE',
    help: 'OSRM `table` response, rows = demand records, columns = candidate\nrecords in file order, null = unreachable; default great-circle km',
  },
  {
    name: 'matrix-field',
    kind: 'choice',
    choices: ['durations', 'distances'],
    help: 'matrix to read: durations (seconds, default) or distances (metres)',
  },
  ROADS_OPTION,
  reachMinutesOption(
    'with --roads: station reach in minutes by road (pmedian, pcenter: the\ntable is cut there, farther villages count as unreachable)',
  ),
  CENTER_MINUTES_OPTION,
  ROAD_PROFILE_OPTION,
  {
    name: 'model',
    kind: 'choice',
    value: 'MODEL',
    choices: PLAN_MODELS,
    help: 'mclp      p new sites covering the most weight\nlscp      fewest new sites covering --target of the coverable weight\npmedian   p new sites, least total weighted distance\npcenter   p new sites, least largest distance\ntwo-tier  --centers centers and p stations; a station counts when\n          a center is within --center-radius',
  },
  {
    name: 'p',
    kind: 'int',
    value: 'N',
    min: 1,
    help: 'number of new sites (two-tier: stations) on top of the existing and\nlocked ones, which are always open',
  },
  {
    name: 'radius',
    kind: 'number',
    value: 'R',
    min: 0,
    help: 'station reach: km, or the matrix unit with --matrix (seconds for\ndurations); optional for pmedian and pcenter (coverage figures only)',
  },
  {
    name: 'target',
    kind: 'number',
    value: 'SHARE',
    min: 0,
    minExclusive: true,
    max: 1,
    help: 'lscp: share of the coverable weight to cover, in (0, 1] (default 1);\ncoverable = within --radius of a site that is not excluded',
  },
  {
    name: 'centers',
    kind: 'int',
    value: 'N',
    min: 1,
    help: 'two-tier: number of new centers, chosen among the candidates (with\n--province: one village per county, nearest the county mean position)',
  },
  {
    name: 'center-radius',
    kind: 'number',
    value: 'R',
    min: 0,
    help: 'two-tier: reach of a center to its stations, great-circle km (also\nwith --matrix and --roads; see --center-minutes)',
  },
  {
    name: 'capacity',
    kind: 'number',
    value: 'W',
    min: 0,
    minExclusive: true,
    help: 'mclp, pmedian: most demand weight one site serves (default no limit);\nthe figures are then the weight each site serves',
  },
  {
    name: 'exact',
    kind: 'flag',
    help: 'prove optimality with the HiGHS MIP after the heuristic (small inputs)',
  },
  {
    name: 'time-limit',
    kind: 'number',
    value: 'SECONDS',
    min: 0,
    minExclusive: true,
    help: 'time budget of the solve',
  },
  {
    name: 'seed',
    kind: 'int',
    value: 'N',
    min: 0,
    max: 4294967295,
    help: 'seed of the generator (default 1): same inputs and seed, same plan',
  },
  {
    name: 'out',
    kind: 'file',
    value: 'FILE',
    help: 'write the chosen sites: GeoJSON Points with id, index, role, status,\ncoveredWeight, marginalWeight',
  },
  {
    name: 'report',
    kind: 'file',
    value: 'FILE',
    help: 'write the figures as JSON: model, params, objective, coveredWeight,\ntotalWeight, coverage, selected, seconds, optimal, bound, gap, solver',
  },
  {
    name: 'export',
    kind: 'file',
    value: 'DIR',
    help: 'also write the plan for GIS tools into DIR: sites, villages and county\ncoverage as .geojson and .csv (UTF-8 with BOM), the three as sheets of\nplan.xlsx and layers of plan.gpkg (GeoPackage), and plan.json',
  },
  { name: 'help', kind: 'flag', help: 'show this help' },
];

/** The help text of `npm run plan`. */
export function planHelp(): string {
  return [
    'Usage: npm run plan -- (--demand FILE | --province CODE|all) --model MODEL [options] --out plan.geojson',
    '',
    'Suggests sites for village service stations (and county centers) that serve the most demand.',
    '',
    'Options:',
    formatOptions(PLAN_OPTIONS),
    '',
    'Models need: mclp --p --radius [--capacity]; lscp --radius [--target];',
    '             pmedian --p [--radius] [--capacity]; pcenter --p [--radius];',
    '             two-tier --p --radius --centers --center-radius.',
    'Exit codes: 0 done (bad rows of an input file are listed on stderr and skipped), 1 solver failure,',
    '            2 bad option or unusable file.',
    '',
    'Example:',
    '  npm run plan -- --demand villages.csv --weight pop --model mclp --p 20 --radius 3 \\',
    '    --out plan.geojson --report report.json',
  ].join('\n');
}

/** The checked options of one run. */
export interface PlanCliOptions {
  help: boolean;
  demand?: string;
  province?: string;
  weight?: string;
  /** Id column or property of the point files. */
  idField?: string;
  candidates?: string;
  existing?: string;
  excluded?: string;
  matrix?: string;
  matrixField?: OsrmField;
  /** Road network file: reach by road instead of great-circle km or a matrix. */
  roads?: string;
  /** Station reach by road in minutes (with `roads`; params.radius is then this in seconds). */
  reachMinutes?: number;
  /** Two-tier center reach by road in minutes (with `roads`; params.centerRadius is then this in seconds). */
  centerMinutes?: number;
  /** JSON car profile (with `roads`). */
  roadProfile?: string;
  /** Coordinate system of the point files (default WGS 84). */
  crs?: PointCrs;
  /** Swap lon/lat of points that look swapped. */
  swapAxes?: boolean;
  /** Largest input file in MiB (default 512). */
  maxInputMb?: number;
  /** Sheet of the Excel point files (name or 1-based number as text; default the first). */
  sheet?: string;
  /** Layer of the GeoPackage point files (default the first point layer). */
  layer?: string;
  out: string;
  report?: string;
  /** Folder for the GIS export (GeoJSON, CSV, plan file). */
  exportDir?: string;
  params: PlanParams;
}

/** Which parameters each model uses: required, optional. */
const MODEL_PARAMS: Record<PlanModel, { required: string[]; optional: string[] }> = {
  mclp: { required: ['p', 'radius'], optional: ['capacity'] },
  lscp: { required: ['radius'], optional: ['target'] },
  pmedian: { required: ['p'], optional: ['radius', 'capacity'] },
  pcenter: { required: ['p'], optional: ['radius'] },
  'two-tier': { required: ['p', 'radius', 'centers', 'center-radius'], optional: [] },
};
const MODEL_SPECIFIC = ['p', 'radius', 'target', 'centers', 'center-radius', 'capacity'];

/**
 * Parses and checks the command line of `npm run plan`.
 * @throws UsageError with a one-line message on any mistake
 */
export function parsePlanArgs(argv: readonly string[]): PlanCliOptions {
  const args = parseArgs(argv, PLAN_OPTIONS);
  const text = (name: string): string | undefined => args.get(name) as string | undefined;
  const num = (name: string): number | undefined => args.get(name) as number | undefined;
  if (args.get('help') === true) return { help: true, out: '', params: { model: 'mclp' } };

  const demand = text('demand');
  const province = text('province');
  if (demand === undefined && province === undefined) throw new UsageError('missing --demand FILE or --province CODE');
  if (demand !== undefined && province !== undefined) {
    throw new UsageError('give either --demand or --province, not both');
  }
  if (province !== undefined && !/^(\d{2}|all)$/.test(province)) {
    throw new UsageError(`--province expects a 2-digit province code (e.g. 33) or "all", got "${province}"`);
  }
  if (province !== undefined && args.has('weight')) {
    throw new UsageError('--weight applies to a --demand file; embedded villages weigh 1 each');
  }
  if (province !== undefined && (args.has('crs') || args.has('swap-axes') || args.has('id'))) {
    throw new UsageError('--crs, --swap-axes and --id apply to --demand files; embedded villages are WGS 84');
  }
  if (args.has('matrix-field') && !args.has('matrix')) throw new UsageError('--matrix-field needs --matrix FILE');
  const model = text('model') as PlanModel | undefined;
  if (model === undefined) throw new UsageError(`missing --model (one of ${PLAN_MODELS.join(', ')})`);
  const out = text('out');
  if (out === undefined) throw new UsageError('missing --out FILE (the plan as GeoJSON)');

  const roads = text('roads');
  if (roads === undefined && (args.has('reach-minutes') || args.has('road-profile') || args.has('center-minutes'))) {
    throw new UsageError('--reach-minutes, --center-minutes and --road-profile need --roads FILE');
  }
  const centerMinutes = num('center-minutes');
  if (centerMinutes !== undefined && model !== 'two-tier') {
    throw new UsageError(`--center-minutes does not apply to --model ${model}`);
  }
  if (centerMinutes !== undefined && args.has('center-radius')) {
    throw new UsageError('give either --center-minutes (by road) or --center-radius (km), not both');
  }
  if (roads !== undefined) {
    if (args.has('matrix')) throw new UsageError('give either --roads or --matrix, not both');
    if (args.has('radius')) throw new UsageError('with --roads the station reach is --reach-minutes, not --radius');
    if (!args.has('reach-minutes')) throw new UsageError('--roads needs --reach-minutes M (station reach by road)');
  }
  const { required, optional } = MODEL_PARAMS[model];
  for (const name of required) {
    const byRoad =
      (name === 'radius' && roads !== undefined) || (name === 'center-radius' && centerMinutes !== undefined);
    if (!args.has(name) && !byRoad) {
      throw new UsageError(`--model ${model} needs --${name}`);
    }
  }
  for (const name of MODEL_SPECIFIC) {
    if (args.has(name) && !required.includes(name) && !optional.includes(name)) {
      throw new UsageError(`--${name} does not apply to --model ${model}`);
    }
  }
  const params: PlanParams = { model };
  const set = <K extends keyof PlanParams>(key: K, value: PlanParams[K] | undefined): void => {
    if (value !== undefined) params[key] = value;
  };
  set('p', num('p'));
  set('radius', roads === undefined ? num('radius') : (num('reach-minutes') as number) * 60);
  set('targetShare', num('target'));
  set('centers', num('centers'));
  set('centerRadius', centerMinutes === undefined ? num('center-radius') : centerMinutes * 60);
  set('capacity', num('capacity'));
  if (args.get('exact') === true) params.exact = true;
  set('timeLimitSec', num('time-limit'));
  params.seed = num('seed') ?? 1;
  return {
    help: false,
    demand,
    province,
    weight: text('weight'),
    idField: text('id'),
    candidates: text('candidates'),
    existing: text('existing'),
    excluded: text('excluded'),
    matrix: text('matrix'),
    matrixField: text('matrix-field') as OsrmField | undefined,
    roads,
    reachMinutes: num('reach-minutes'),
    centerMinutes,
    roadProfile: text('road-profile'),
    crs: text('crs') as PointCrs | undefined,
    swapAxes: args.get('swap-axes') === true,
    maxInputMb: args.get('max-input-mb') as number | undefined,
    sheet: text('sheet'),
    layer: text('layer'),
    out,
    report: text('report'),
    exportDir: text('export'),
    params,
  };
}
