/**
 * The options of `npm run rollout`: one table that drives parsing, checks and `--help`, and the partial cost model
 * of `--costs costs.json` (every mistake there is one line naming the file and the key, exit code 2).
 */
import { DEFAULT_OPERATING_DAYS, DEFAULT_TRANSPORT_BUDGET_SEC } from '../core/rollout/transport';
import { readFileSync } from 'node:fs';
import { checkCostModel, defaultRolloutParams, MAX_YEARS, MIN_YEARS } from '../core/rollout/defaults';
import type { CostModel, CountyScore, RolloutParams } from '../core/rollout/rollout-types';
import { formatOptions, parseArgs, UsageError, type OptionSpec } from './args';
import { CENTER_MINUTES_OPTION, reachMinutesOption, ROAD_PROFILE_OPTION, ROADS_OPTION } from './plan-options';

const SCORES: readonly CountyScore[] = ['villages-per-yuan', 'uncovered-share', 'user-weight'];

export const ROLLOUT_OPTIONS: readonly OptionSpec[] = [
  { name: 'centers', kind: 'int', min: 0, value: 'N', help: 'county centers to open (default 1000)' },
  { name: 'stations', kind: 'int', min: 0, value: 'N', help: 'village stations to open (default 100000)' },
  {
    name: 'years',
    kind: 'int',
    min: MIN_YEARS,
    max: MAX_YEARS,
    value: 'N',
    help: `years of the rollout, ${MIN_YEARS}-${MAX_YEARS} (default 5)`,
  },
  {
    name: 'budget',
    kind: 'number',
    min: 0,
    value: 'YUAN',
    help: 'total budget over all years, set-up and running (default 10000000000)',
  },
  {
    name: 'costs',
    kind: 'file',
    value: 'FILE',
    help: 'JSON with any of centerSetupYuan, centerYearlyYuan, stationSetupYuan,\nstationYearlyYuan (yuan) and provinceFactor ({"54": 1.5}); the rest\nkeeps the defaults (2000000 + 300000/yr, 30000 + 6000/yr)',
  },
  {
    name: 'province-order',
    kind: 'string',
    value: 'CODES',
    help: 'provinces served first, 2-digit codes separated by commas (default 33;\n"none" for none)',
  },
  {
    name: 'station-radius',
    kind: 'number',
    min: 0,
    value: 'KM',
    help: 'reach of a village station, great-circle km (default 3)',
  },
  {
    name: 'center-radius',
    kind: 'number',
    min: 0,
    value: 'KM',
    help: 'reach of a county center to its stations, great-circle km (default 60)',
  },
  ROADS_OPTION,
  reachMinutesOption('with --roads: station reach in minutes by road, village to station'),
  CENTER_MINUTES_OPTION,
  ROAD_PROFILE_OPTION,
  {
    name: 'provinces',
    kind: 'string',
    value: 'CODES',
    help: 'plan over these provinces only, 2-digit codes separated by commas\n(default all; with --roads, those the road file covers)',
  },
  { name: 'score', kind: 'choice', choices: SCORES, help: 'how counties are ranked (default villages-per-yuan)' },
  {
    name: 'weights',
    kind: 'file',
    value: 'FILE',
    help: 'JSON object of county weights by 6-digit code, for --score user-weight',
  },
  {
    name: 'transport',
    kind: 'flag',
    help:
      'also cost the daily van runs of each year (npm run routes on the open sites,\n' +
      'Delivery runs defaults), reported per year, not counted against the budget',
  },
  {
    name: 'transport-days',
    kind: 'number',
    value: 'N',
    min: 0,
    help: `operating days per year of the runs (default ${DEFAULT_OPERATING_DAYS}, assumption)`,
  },
  {
    name: 'transport-seconds',
    kind: 'number',
    value: 'S',
    min: 0,
    minExclusive: true,
    help: `time budget of the runs of all years (default ${DEFAULT_TRANSPORT_BUDGET_SEC})`,
  },
  { name: 'data', kind: 'file', value: 'DIR', help: 'dataset folder (default public/data)' },
  { name: 'out', kind: 'file', value: 'FILE', help: 'GeoJSON of the sites, one Point per site (required)' },
  { name: 'report', kind: 'file', value: 'FILE', help: 'JSON report: parameters, years, targets, spend' },
  { name: 'breakdown', kind: 'file', value: 'FILE', help: 'CSV of the per-county breakdown (UTF-8 with BOM)' },
  { name: 'help', kind: 'flag', help: 'print this help' },
];

/** The road reach of a rollout (`--roads`). */
export interface RolloutRoadOptions {
  roads: string;
  reachMinutes: number;
  centerMinutes?: number;
  profile?: string;
}

/** Parsed command line. */
export interface RolloutCliOptions {
  help: boolean;
  params: RolloutParams;
  /** Provinces to plan over (2-digit codes); absent: all. */
  provinces?: string[];
  road?: RolloutRoadOptions;
  dataDir?: string;
  out: string;
  report?: string;
  breakdown?: string;
}

/** The help text. */
export function rolloutHelp(): string {
  return [
    'Usage: npm run rollout -- --out rollout.geojson [--report rollout.json] [options]',
    '',
    'Plans the national rollout of county centers and village stations over the',
    'embedded villages of every province, year by year within the budget, and checks',
    'the targets (counties with a center > 1/3, rural villages covered > 1/6).',
    '',
    formatOptions(ROLLOUT_OPTIONS),
  ].join('\n');
}

const COST_KEYS = ['centerSetupYuan', 'centerYearlyYuan', 'stationSetupYuan', 'stationYearlyYuan'] as const;

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`${file}: not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Reads a partial cost model and merges it into `base`.
 * @throws UsageError naming the file and the first unknown key or bad value
 */
export function readCosts(file: string, base: CostModel): CostModel {
  const value = readJson(file);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(`${file}: expected a JSON object of costs`);
  }
  const costs: CostModel = { ...base, provinceFactor: { ...base.provinceFactor } };
  for (const [key, v] of Object.entries(value)) {
    if ((COST_KEYS as readonly string[]).includes(key)) {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
        throw new UsageError(`${file}: ${key} must be a number of yuan >= 0, got ${JSON.stringify(v)}`);
      }
      costs[key as (typeof COST_KEYS)[number]] = v;
    } else if (key === 'provinceFactor') {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) {
        throw new UsageError(`${file}: provinceFactor must be an object of 2-digit province codes to factors`);
      }
      for (const [code, factor] of Object.entries(v as Record<string, unknown>)) {
        if (!/^\d{2}$/.test(code) || typeof factor !== 'number' || !Number.isFinite(factor) || factor <= 0) {
          throw new UsageError(
            `${file}: provinceFactor.${code} must be a 2-digit province code with a number > 0, got ${JSON.stringify(factor)}`,
          );
        }
        costs.provinceFactor[code] = factor;
      }
    } else {
      throw new UsageError(`${file}: unknown key "${key}" (expected ${[...COST_KEYS, 'provinceFactor'].join(', ')})`);
    }
  }
  const problems = checkCostModel(costs);
  if (problems.length > 0) throw new UsageError(`${file}: ${problems[0]}`);
  return costs;
}

function readWeights(file: string): Record<string, number> {
  const value = readJson(file);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(`${file}: expected a JSON object of county weights`);
  }
  for (const [code, weight] of Object.entries(value)) {
    if (!/^\d{6}$/.test(code) || typeof weight !== 'number' || !Number.isFinite(weight)) {
      throw new UsageError(
        `${file}: ${code} must be a 6-digit county code with a number, got ${JSON.stringify(weight)}`,
      );
    }
  }
  return value as Record<string, number>;
}

/**
 * Parses the command line into rollout parameters (defaults of `defaultRolloutParams` for what is not given).
 * @throws UsageError on any mistake, with a one-line message
 */
export function parseRolloutArgs(argv: readonly string[]): RolloutCliOptions {
  const args = parseArgs(argv, ROLLOUT_OPTIONS);
  const base = defaultRolloutParams();
  if (args.get('help') === true) return { help: true, params: base, out: '' };
  const out = args.get('out');
  if (typeof out !== 'string') throw new UsageError('--out FILE is required (see --help)');
  const num = (name: string, fallback: number): number => {
    const value = args.get(name);
    return typeof value === 'number' ? value : fallback;
  };
  const text = (name: string): string | undefined => {
    const value = args.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const orderText = text('province-order');
  const provinceOrder =
    orderText === undefined
      ? base.provinceOrder
      : orderText === 'none'
        ? []
        : orderText
            .split(',')
            .map((code) => code.trim())
            .filter((code) => code !== '');
  for (const code of provinceOrder) {
    if (!/^\d{2}$/.test(code)) throw new UsageError(`--province-order: "${code}" is not a 2-digit province code`);
  }
  if (new Set(provinceOrder).size !== provinceOrder.length) {
    throw new UsageError('--province-order lists a province twice');
  }
  const provinces = text('provinces')
    ?.split(',')
    .map((code) => code.trim())
    .filter((code) => code !== '');
  for (const code of provinces ?? []) {
    if (!/^\d{2}$/.test(code)) throw new UsageError(`--provinces: "${code}" is not a 2-digit province code`);
  }
  if (provinces?.length === 0) throw new UsageError('--provinces lists no province');
  const roads = text('roads');
  if (roads === undefined && (args.has('reach-minutes') || args.has('center-minutes') || args.has('road-profile'))) {
    throw new UsageError('--reach-minutes, --center-minutes and --road-profile need --roads FILE');
  }
  if (roads !== undefined) {
    if (!args.has('reach-minutes')) throw new UsageError('--roads needs --reach-minutes M (station reach by road)');
    if (args.has('station-radius')) throw new UsageError('with --roads the station reach is --reach-minutes');
  }
  if (args.has('center-minutes') && args.has('center-radius')) {
    throw new UsageError('give either --center-minutes (by road) or --center-radius (km), not both');
  }
  const costsFile = text('costs');
  const weightsFile = text('weights');
  const score = (text('score') as CountyScore | undefined) ?? base.countyScore;
  if (args.get('transport') !== true && (args.has('transport-days') || args.has('transport-seconds'))) {
    throw new UsageError('--transport-days and --transport-seconds need --transport');
  }
  if (weightsFile !== undefined && score !== 'user-weight') {
    throw new UsageError('--weights needs --score user-weight');
  }
  const params: RolloutParams = {
    centers: num('centers', base.centers),
    stations: num('stations', base.stations),
    years: num('years', base.years),
    budgetYuan: num('budget', base.budgetYuan),
    costs: costsFile === undefined ? base.costs : readCosts(costsFile, base.costs),
    provinceOrder,
    stationRadiusKm: num('station-radius', base.stationRadiusKm),
    centerRadiusKm: num('center-radius', base.centerRadiusKm),
    countyScore: score,
    ...(weightsFile === undefined ? {} : { countyWeights: readWeights(weightsFile) }),
    ...(args.get('transport') === true && {
      transport: {
        daysPerYear: num('transport-days', DEFAULT_OPERATING_DAYS),
        timeBudgetSec: num('transport-seconds', DEFAULT_TRANSPORT_BUDGET_SEC),
      },
    }),
  };
  return {
    help: false,
    params,
    ...(provinces !== undefined && { provinces }),
    ...(roads !== undefined && {
      road: {
        roads,
        reachMinutes: num('reach-minutes', 0),
        ...(args.has('center-minutes') && { centerMinutes: num('center-minutes', 0) }),
        ...(text('road-profile') !== undefined && { profile: text('road-profile') }),
      },
    }),
    dataDir: text('data'),
    out,
    report: text('report'),
    breakdown: text('breakdown'),
  };
}
