/**
 * Transport cost of a rollout, year by year: the daily delivery and produce runs of the centers open at the end of
 * each year to the stations open then (`planRuns`, ./../route/plan-runs.ts, the app's Delivery runs), times the
 * operating days of a year. Reported on top of the rollout's set-up and running spend: it does not change which
 * sites open, and it is not counted against the budget (the programme's 10 billion yuan was investment; vans are
 * a running cost of the operators).
 *
 * Bounded in time: one budget for the whole rollout (default {@link DEFAULT_TRANSPORT_BUDGET_SEC} s), shared among
 * the years by their stations; a year whose open sites equal the previous year's reuses its runs.
 */
import { planRuns, type RunsResult } from '../route/plan-runs';
import { resolveRunParams, type RunParams } from '../route/run-params';
import { SITE_ROLE } from '../plan-types';
import type { VillageTable } from '../villages';
import { ROLLOUT_ROLE, type RolloutResult } from './rollout-types';

/** Operating days of a year: assumption (six days a week, holidays off). */
export const DEFAULT_OPERATING_DAYS = 300;
/** Time budget of the transport of a whole rollout, seconds. */
export const DEFAULT_TRANSPORT_BUDGET_SEC = 10;

/** Options of the transport estimate. */
export interface TransportOptions {
  /** Operating days per year (default 300, an assumption). */
  daysPerYear?: number;
  /** Run parameters (van capacity, parcels, costs, ...); missing ones take the Delivery runs defaults. */
  params?: Partial<RunParams>;
  /** Time budget of the whole estimate, seconds (default 10). */
  timeBudgetSec?: number;
  seed?: number;
  shouldStop?: () => boolean;
}

/** Transport of one year of a rollout. */
export interface TransportYear {
  year: number;
  vans: number;
  kmPerDay: number;
  costPerDayYuan: number;
  /** costPerDayYuan x operating days. */
  yearYuan: number;
  /** Stations open that year that no run serves (no center within reach, over one van, shift too short). */
  unroutedStations: number;
}

/** What {@link rolloutTransport} returns. */
export interface RolloutTransport {
  daysPerYear: number;
  params: RunParams;
  years: TransportYear[];
  /** Sum of the years' transport, yuan. */
  totalYuan: number;
  seconds: number;
}

/**
 * The transport of each year of a rollout.
 * @param result the rollout
 * @param villages its input villages (rural ones send parcels)
 * @throws RunParamsError for unusable run parameters; Error for days per year that are not a number >= 0
 */
export function rolloutTransport(
  result: Pick<RolloutResult, 'params' | 'sites' | 'years'>,
  villages: VillageTable,
  options: TransportOptions = {},
): RolloutTransport {
  const started = performance.now();
  const daysPerYear = options.daysPerYear ?? DEFAULT_OPERATING_DAYS;
  if (!(Number.isFinite(daysPerYear) && daysPerYear >= 0)) {
    throw new Error(`days per year must be a number >= 0, got ${daysPerYear}`);
  }
  const params = resolveRunParams(options.params);
  const rural = ruralPoints(villages);
  const { sites } = result;
  const budgetSec = options.timeBudgetSec ?? DEFAULT_TRANSPORT_BUDGET_SEC;
  const yearsCount = result.years.length;
  const stationsBy = result.years.map((y) => y.stations);
  const totalStations = stationsBy.reduce((a, b) => a + b, 0);
  const years: TransportYear[] = [];
  let previous: { key: number; runs: RunsResult } | null = null;
  for (let y = 1; y <= yearsCount; y++) {
    const open: number[] = [];
    for (let k = 0; k < sites.count; k++) if (sites.year[k] > 0 && sites.year[k] <= y) open.push(k);
    const key = open.length; // the open sets are nested year by year: the same size is the same set
    let runs: RunsResult;
    if (previous !== null && previous.key === key) {
      runs = previous.runs;
    } else {
      const share = totalStations > 0 ? stationsBy[y - 1] / totalStations : 1 / yearsCount;
      runs = planRuns(
        {
          villages: rural,
          sites: {
            count: open.length,
            lon: Float64Array.from(open, (k) => sites.lon[k]),
            lat: Float64Array.from(open, (k) => sites.lat[k]),
            role: Uint8Array.from(open, (k) =>
              sites.role[k] === ROLLOUT_ROLE.center ? SITE_ROLE.center : SITE_ROLE.station,
            ),
          },
          stationReachKm: result.params.stationRadiusKm,
          centerReachKm: result.params.centerRadiusKm,
          params,
        },
        { seed: options.seed, timeBudgetSec: Math.max(0.05, budgetSec * share), shouldStop: options.shouldStop },
      );
      previous = { key, runs };
    }
    const t = runs.totals;
    years.push({
      year: y,
      vans: t.vans,
      kmPerDay: t.kmPerDay,
      costPerDayYuan: t.costPerDayYuan,
      yearYuan: t.costPerDayYuan * daysPerYear,
      unroutedStations: runs.unrouted.length,
    });
  }
  return {
    daysPerYear,
    params,
    years,
    totalYuan: years.reduce((sum, y) => sum + y.yearYuan, 0),
    seconds: (performance.now() - started) / 1000,
  };
}

/** The rural villages of a table as lon/lat points (they send the parcels, as in the rollout's coverage). */
function ruralPoints(villages: VillageTable): { count: number; lon: Float64Array; lat: Float64Array } {
  let count = 0;
  for (let i = 0; i < villages.count; i++) count += villages.rural[i];
  const lon = new Float64Array(count);
  const lat = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < villages.count; i++) {
    if (villages.rural[i] === 0) continue;
    lon[k] = villages.positions[2 * i];
    lat[k] = villages.positions[2 * i + 1];
    k++;
  }
  return { count, lon, lat };
}
